import { notFound } from "next/navigation";
import { requireUser } from "../../../../../_server/auth";
import { getObligation } from "@/lib/obligations/get-obligation";
import { RESPONSIBLE_LABELS } from "@/lib/obligations/rules";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { PageTitle } from "@/components/PageTitle";
import { SummaryList } from "@/components/SummaryList";
import { orNotFound } from "../../../_shared";
import { BackLink } from "../../../_components/Notice";
import { ObligationForm, type ObligationStep } from "../../ObligationForms";
import { newSubmissionKey } from "@/lib/platform/idempotency/submission";

/** The form renders the title ("Error: " first after a post with problems). */
export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

const TITLES: Record<ObligationStep, string> = {
  progress: "Record progress on an agreed action",
  done: "Mark an agreed action as done",
  close: "Close an agreed action with a reason",
};

/** One form per page (issue 11): progress, done or close. `obligation:update` only (404 otherwise). */
export default async function ObligationStepPage({ params }: { params: Promise<{ id: string; obligationId: string; step: string }> }) {
  const user = await requireUser("obligation:update");
  const { id, obligationId, step } = await params;
  if (!Object.hasOwn(TITLES, step)) notFound();
  const s = step as ObligationStep;
  const p = await orNotFound(getObligation(user, id, obligationId));
  const o = p.obligation;
  const back = `/cases/${p.case.id}/actions/${o.id}`;
  return (
    <>
      <BackLink href={back}>Back to the agreed action</BackLink>
      <span className="caption">{p.case.reference}</span>
      <h1 className="h-l">{TITLES[s]}</h1>
      <SummaryList
        label="The agreed action"
        rows={[
          { key: "What was agreed", value: <span className="whitespace-pre-line">{o.what}</span> },
          { key: "Who is responsible", value: RESPONSIBLE_LABELS[o.responsible] },
          { key: "Status", value: o.statusText },
        ]}
      />
      {o.status === "OPEN" ? (
        <ObligationForm submissionKey={newSubmissionKey()} step={s} caseId={p.case.id} obligationId={o.id} title={TITLES[s]} />
      ) : (
        <>
          <PageTitle title={TITLES[s]} />
          <p className="body">This action is already done or closed, so nothing more can be recorded on it.</p>
        </>
      )}
    </>
  );
}
