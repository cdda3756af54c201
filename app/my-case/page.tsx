import { requireUser } from "../_server/auth";
import { listMyCases } from "@/lib/cases/list/list-my-cases";
import { SummaryList } from "@/components/SummaryList";
import { formatLongDate } from "@/lib/deadlines";

export const metadata = { title: "Your case" };
export const dynamic = "force-dynamic";

export default async function MyCase() {
  const user = await requireUser("family:workspace");
  const cases = await listMyCases(user);
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
          </section>
        ))
      )}
    </>
  );
}
