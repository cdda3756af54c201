import { notFound } from "next/navigation";
import { requireUser } from "../../../../../_server/auth";
import { PageTitle } from "@/components/PageTitle";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { getAgreementPage } from "@/lib/agreements/get-agreement-page";
import { orNotFound } from "../../../_shared";
import { BackLink } from "../../../_components/Notice";
import { AgreementActionForm } from "../../AgreementForms";
import { newSubmissionKey } from "@/lib/platform/idempotency/submission";
import { SUBMISSION_KEY_FIELD } from "@/lib/platform/idempotency/field";

export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

/** Issue 11: add an agreed action ("new") or change one; one page per action, no JavaScript needed. */
export default async function AgreementActionPage({ params }: { params: Promise<{ id: string; actionId: string }> }) {
  const user = await requireUser("agreement:draft");
  const { id, actionId } = await params;
  const p = await orNotFound(getAgreementPage(user, id));
  const a = p.agreement;
  if (!a || (a.status !== "DRAFT" && a.status !== "AWAITING_SIGNATURES")) notFound();
  const existing = actionId === "new" ? null : a.actions.find((x) => x.id === actionId);
  if (actionId !== "new" && !existing) notFound();
  const title = existing ? "Change an action" : "Add an action";
  return (
    <>
      <PageTitle title={title} />
      <BackLink href={`/cases/${p.case.id}/agreement`}>Back to the agreement</BackLink>
      <span className="caption">{p.case.reference}</span>
      <h1 className="h-l">{title}</h1>
      <AgreementActionForm
        fields={{ caseId: p.case.id, agreementId: a.id, expectedRevision: String(a.revision), ...(existing ? { actionId: existing.id } : { [SUBMISSION_KEY_FIELD]: newSubmissionKey() }) }}
        initial={
          existing
            ? {
                what: existing.what,
                responsible: existing.responsible,
                kind: existing.kind,
                otherDueOn: existing.kind === "OTHER" ? existing.dueOn : "",
                howChecked: existing.howChecked,
                overrideDueOn: existing.overrideDueOn ?? "",
                overrideAgreedBy: existing.overrideAgreedBy ?? "",
                overrideAgreedOn: existing.overrideAgreedOn ?? "",
              }
            : {}
        }
      />
    </>
  );
}
