import { requireUser } from "../../../_server/auth";
import { listMediatorOptions } from "@/lib/cases/allocation/list-mediator-options";
import { formatLongDate } from "@/lib/deadlines";
import { orNotFound } from "../_shared";
import { BackLink } from "../_components/Notice";
import { AllocateForm, type MediatorChoice } from "../_components/AllocateForm";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { PageTitle } from "@/components/PageTitle";

/** The form renders the title ("Error: " first after a post with problems, JavaScript or not). */
export const metadata = FORM_TITLE_METADATA;
const TITLE = "Allocate a mediator";
export const dynamic = "force-dynamic";

export default async function AllocatePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser("case:allocate");
  const { id } = await params;
  const r = await orNotFound(listMediatorOptions(user, id));
  const changing = r.transition === "reallocate";
  const choices: MediatorChoice[] = r.mediators.map((m) => {
    const load = `${m.openCases} open ${m.openCases === 1 ? "case" : "cases"}`;
    const free = m.nextFreeDays.length ? `Next free: ${m.nextFreeDays.map(formatLongDate).join(", ")}` : "No free days found in the next 3 months";
    let hint = `${load}. ${free}.`;
    if (m.warnings.length > 0) hint = `${m.warnings.join(". ")}. ${hint}`;
    if (m.current) hint = `Already allocated to this case. ${hint}`;
    // a mediator with a conflict of interest is shown, with the reason, but cannot be chosen;
    // nor can one whose accreditation has expired (decision 0029).
    if (m.conflict) hint = `Cannot be chosen. ${m.conflict}.`;
    else if (m.expired) hint = `Cannot be chosen. ${m.expired}.`;
    return { id: m.id, label: m.name, hint, disabled: !!m.conflict || !!m.expired || m.current };
  });
  return (
    <>
      <BackLink href={`/cases/${r.case.id}`} />
      <span className="caption">
        {r.case.reference}: {r.case.statusLabel}
      </span>
      <h1 className="h-l">{changing ? "Change the mediator" : "Allocate a mediator"}</h1>
      {changing && r.case.currentMediator && <p className="body">The mediator now is {r.case.currentMediator}.</p>}
      {/* The form renders the title; without it, the page does. */}
      {(r.refusal || choices.length === 0) && <PageTitle title={TITLE} />}
      {r.refusal ? (
        <p className="body" data-testid="refusal">
          {r.refusal}
        </p>
      ) : choices.length === 0 ? (
        <p className="body">There are no active mediators. An admin needs to add one first.</p>
      ) : (
        <AllocateForm caseId={r.case.id} version={r.case.version} mediators={choices} button={changing ? "Change mediator" : "Allocate mediator"} title={TITLE} />
      )}
    </>
  );
}
