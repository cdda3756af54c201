import { redirect } from "next/navigation";
import { requireUser } from "../../../../_server/auth";
import { getTransitionPage } from "@/lib/cases/queries";
import { PARTY_KIND_LABELS, type PartyKindValue } from "@/lib/cases/options";
import { orNotFound, transitionLabel } from "../../_shared";
import { BackLink } from "../../_components/Notice";
import { TransitionForm, type FormInput } from "../../_components/TransitionForm";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  return { title: transitionLabel(name) ?? "Case" };
}

/** Extra help beside some inputs (the labels come from the lifecycle's TRANSITIONS table). */
const HINTS: Record<string, string> = {
  laNotifiedOn: "The 30-day clock starts on this day: mediation must take place within 30 days of it (R-20).",
  meetingOn: "The family must get at least 5 working days' notice of the meeting unless they agree to less (R-22).",
  shortNoticeAgreed: "Tick this only if the family has agreed to less than 5 working days' notice (R-22).",
  heldOn: "The certificate is due 3 working days after this date (R-30).",
  toldOn: "The certificate is due 3 working days after this date.",
  issuedOn: "The date on the certificate.",
  notifiedOn: "The date the LA told the integrated care board (R-21).",
  reason: "Staff only: this is not shown to the local authority or the family.",
};

/** The confirmation step before transitions that end the mediation route. */
const CONFIRM: Record<string, { heading: string; warning: string; button: string }> = {
  withdraw: {
    heading: "Check before you withdraw the case",
    warning: "The case will be withdrawn. You cannot undo this. For mediation, a certificate will be due within 3 working days (R-12).",
    button: "Yes, withdraw the case",
  },
  close: { heading: "Check before you close the case", warning: "The case will be closed and can no longer be changed.", button: "Yes, close the case" },
  declineDrs: {
    heading: "Check before you record that a party declined",
    warning: "The case will not proceed and everyone involved must be told (R-73). You cannot undo this.",
    button: "Yes, record that they declined",
  },
  chooseAdviceOnly: {
    heading: "Check before you record that the family does not want mediation",
    warning: "Mediation will not go ahead on this case and a certificate will be due within 3 working days (R-11). You cannot undo this.",
    button: "Yes, the family does not want mediation",
  },
};

export default async function TransitionPage({ params }: { params: Promise<{ id: string; name: string }> }) {
  const user = await requireUser("case:transition");
  const { id, name } = await params;
  if (name === "allocate" || name === "reallocate") redirect(`/cases/${encodeURIComponent(id)}/allocate`);
  const p = await orNotFound(getTransitionPage(user, id, name));
  const inputs: FormInput[] = p.inputs.map((i) => ({ name: i.name, type: i.type, label: i.label, ...(HINTS[i.name] ? { hint: HINTS[i.name] } : {}) }));
  return (
    <>
      <BackLink href={`/cases/${p.case.id}`} />
      <span className="caption">
        {p.case.reference}: {p.case.statusLabel}
      </span>
      <h1 className="h-l">{p.transition.label}</h1>
      {p.refusal ? (
        <>
          <p className="body" data-testid="refusal">
            {p.refusal}
          </p>
          <BackLink href={`/cases/${p.case.id}`}>Return to the case</BackLink>
        </>
      ) : (
        <TransitionForm
          caseId={p.case.id}
          version={p.case.version}
          name={p.transition.name}
          label={p.transition.label}
          inputs={inputs}
          defaults={p.defaults}
          parties={p.parties.map((x) => ({ value: x.id, label: `${x.name} (${PARTY_KIND_LABELS[x.kind as PartyKindValue] ?? x.kind})` }))}
          confirm={p.transition.destructive ? (CONFIRM[p.transition.name] ?? null) : null}
        />
      )}
    </>
  );
}
