import { requireUser } from "../_server/auth";
import { listMyCases } from "@/lib/cases/list/list-my-cases";
import { SummaryList } from "@/components/SummaryList";
import { formatLongDate } from "@/lib/deadlines";
import { listFamilyObligations, type FamilyObligation } from "@/lib/obligations/list-family-obligations";
import { RESPONSIBLE_LABELS } from "@/lib/obligations/rules";

export const metadata = { title: "Your case" };
export const dynamic = "force-dynamic";

export default async function MyCase() {
  const user = await requireUser("family:workspace");
  const [cases, agreed] = await Promise.all([listMyCases(user), listFamilyObligations(user)]);
  return (
    <>
      <h1 className="h-l">Your mediation case</h1>
      {cases.length === 0 ? (
        <p className="body">We cannot find a case for you yet. If you have asked for mediation, we will contact you soon.</p>
      ) : (
        cases.map((c) => (
          <section key={c.id} aria-labelledby={`case-${c.id}`}>
            <h2 className="h-m" id={`case-${c.id}`}>
              Case {c.reference}
            </h2>
            <SummaryList
              rows={[
                { key: "Reference", value: c.reference },
                { key: "Local authority", value: c.localAuthority.name },
                { key: "What is happening", value: c.family.text },
                ...(c.family.appeal && !c.certificate ? [{ key: "Last day to appeal", value: formatLongDate(c.family.appeal.date) }] : []),
                // Issue 11: the certificate in force, its date and the last day to appeal.
                ...(c.certificate
                  ? [
                      { key: "Certificate", value: <a href={c.certificate.href}>{c.certificate.kindLabel} (PDF)</a> },
                      { key: "Certificate issued on", value: formatLongDate(c.certificate.issuedOn) },
                      { key: "Last day to appeal", value: c.certificate.appealDeadlineOn ? formatLongDate(c.certificate.appealDeadlineOn) : "See the certificate" },
                    ]
                  : []),
                // section I only — no certificate is needed to appeal.
                ...(c.sectionIOnly ? [{ key: "Do you need a certificate?", value: "No. Only the school or college named in the plan is disputed, so you can appeal without one." }] : []),
              ]}
            />
            {(c.certificate || c.family.appeal) && (
              <details className="details">
                <summary>How we worked out the last day to appeal</summary>
                <p className="body" data-testid="appeal-explanation">
                  {c.certificate ? c.certificate.appealExplanation : c.family.appeal!.explanation}
                </p>
              </details>
            )}
            {agreed[c.id] && <WhatWasAgreed caseId={c.id} actions={agreed[c.id]!} />}
          </section>
        ))
      )}
    </>
  );
}

/**
 * Issue 11: the actions agreed at mediation and whether each is done — shared facts only:
 * never a note the writer did not share with the family (decision 0018).
 */
function WhatWasAgreed({ caseId, actions }: { caseId: string; actions: FamilyObligation[] }) {
  return (
    <section aria-labelledby={`agreed-${caseId}`} data-testid="what-was-agreed">
      <h3 className="h-s" id={`agreed-${caseId}`}>
        What was agreed
      </h3>
      <ul className="list-none p-0">
        {actions.map((o) => (
          <li key={o.id} className="border-l-4 border-border pl-4 mb-4" data-testid="family-action">
            <p className="mb-1">
              <strong className="whitespace-pre-line">{o.what}</strong>
            </p>
            <p className="body mb-1">Who will do it: {RESPONSIBLE_LABELS[o.responsible]}</p>
            <p className="body mb-1">{o.statusText}</p>
            {o.closedReason && <p className="body mb-1 whitespace-pre-line">Why it was closed: {o.closedReason}</p>}
            {o.sharedNotes.map((n) => (
              <p className="hint mb-1 whitespace-pre-line" key={n.id}>
                Update: {n.note}
                {n.evidence ? ` (${n.evidence})` : ""}
              </p>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
