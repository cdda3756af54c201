import { redirect } from "next/navigation";
import { requireUser } from "../../../../_server/auth";
import { getTransitionPage } from "@/lib/cases/transition/get-transition-page";
import { getTransition } from "@/lib/cases/lifecycle";
import { describeParty } from "@/lib/cases/options";
import { orNotFound, transitionLabel } from "../../_shared";
import { WarningText } from "@/components/WarningText";
import { SummaryList } from "@/components/SummaryList";
import { formatLongDate } from "@/lib/deadlines/calendar";
import { BackLink } from "../../_components/Notice";
import { TransitionForm, type FormInput } from "../../_components/TransitionForm";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { PageTitle } from "@/components/PageTitle";

export const dynamic = "force-dynamic";

/** The form renders the title ("Error: " first after a post with problems, JavaScript or not); the refusal, the page. */
export const metadata = FORM_TITLE_METADATA;

export default async function TransitionPage({ params }: { params: Promise<{ id: string; name: string }> }) {
  const user = await requireUser("case:transition");
  const { id, name } = await params;
  if (name === "allocate" || name === "reallocate") redirect(`/cases/${encodeURIComponent(id)}/allocate`);
  // A step done on its own page (issue 10: "meeting held" with the meeting record).
  const own = getTransition(name)?.ownPage;
  if (own) redirect(`/cases/${encodeURIComponent(id)}/${own}`);
  const p = await orNotFound(getTransitionPage(user, id, name));
  const title = transitionLabel(name) ?? p.transition.label;
  const inputs: FormInput[] = p.inputs.map((i) => ({ name: i.name, type: i.type, label: i.label, ...(i.hint ? { hint: i.hint } : {}), ...(i.options ? { options: i.options } : {}) }));
  return (
    <>
      <BackLink href={`/cases/${p.case.id}`} />
      <span className="caption">
        {p.case.reference}: {p.case.statusLabel}
      </span>
      <h1 className="h-l">{p.transition.label}</h1>
      {p.refusal ? (
        <>
          <PageTitle title={title} />
          <p className="body" data-testid="refusal">
            {p.refusal}
          </p>
          <BackLink href={`/cases/${p.case.id}`}>Return to the case</BackLink>
        </>
      ) : (
        <>
          {p.warning && <WarningText>{p.warning}</WarningText>}
          {p.recorded.length > 0 && (
            <SummaryList rows={p.recorded.map((r) => ({ key: r.label, value: `${formatLongDate(r.value)} (already recorded on the case)` }))} />
          )}
          <TransitionForm
            caseId={p.case.id}
            version={p.case.version}
            name={p.transition.name}
            label={p.transition.label}
            inputs={inputs}
            defaults={p.defaults}
            parties={p.parties.map((x) => ({ value: x.id, label: describeParty(x) }))}
            confirm={p.transition.confirm}
            confirmWhenStarting={p.transition.confirmWhenStarting}
            title={title}
          />
        </>
      )}
    </>
  );
}
