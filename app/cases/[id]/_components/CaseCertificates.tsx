import Link from "next/link";
import type { CaseCertificates as Certificates } from "@/lib/certificates/list-case-certificates";
import { formatLongDate } from "@/lib/deadlines";
import { Tag } from "@/components/Tag";

/**
 * Issue 11: the case's certificates — the one due, each issued with its date,
 * issuer, last day to appeal and download link, and the superseded ones marked as replaced.
 * Shared facts: the LA officer and the family see the same list; only staff see the
 * correction's reason and the link to correct one.
 */
export function CaseCertificates({ caseId, certificates: c }: { caseId: string; certificates: Certificates }) {
  if (!c.applies) return null;
  return (
    <section aria-labelledby="certificates-title" id="certificates" data-testid="certificates">
      <h2 className="h-m" id="certificates-title">
        Certificates
      </h2>
      {c.sectionIOnly && (
        <p className="body" data-testid="no-certificate-needed">
          Only the school or college named in the plan (section I) is disputed, so no certificate is needed to appeal. One can still be issued if the family asks.
        </p>
      )}
      {c.due && (
        <p className="body" data-testid="certificate-due">
          {c.due.label} <strong>{formatLongDate(c.due.dueOn)}</strong>.
        </p>
      )}
      {c.issued.length === 0 ? (
        !c.due && <p className="body">No certificate has been issued.</p>
      ) : (
        <ul className="list-none p-0">
          {c.issued.map((x) => (
            <li key={x.id} className="border-l-4 border-border pl-4 mb-5" data-testid={`certificate-${x.id}`}>
              <p className="mb-1">
                <strong>{x.kindLabel}</strong> {x.supersededBy ? <Tag colour="grey">Replaced</Tag> : <Tag colour="green">Issued</Tag>}
              </p>
              <dl className="body mb-1">
                <div>
                  <dt className="inline font-bold">Date of issue: </dt>
                  <dd className="inline">
                    {formatLongDate(x.issuedOn)}
                    {x.late ? ` (after the due date, ${formatLongDate(x.dueOn)})` : ""}
                  </dd>
                </div>
                <div>
                  <dt className="inline font-bold">Issued by: </dt>
                  <dd className="inline">{x.issuerName}</dd>
                </div>
                <div>
                  <dt className="inline font-bold">Last day to appeal: </dt>
                  <dd className="inline">{x.appealDeadlineOn ? formatLongDate(x.appealDeadlineOn) : "not worked out (the decision notice date is not recorded)"}</dd>
                </div>
              </dl>
              <p className="hint mb-1">{x.appealExplanation}</p>
              {x.supersededBy && <p className="body mb-1">Replaced by the corrected certificate issued on {formatLongDate(x.supersededBy.issuedOn)}. Do not use this one.</p>}
              {x.corrects && <p className="body mb-1">This corrects an earlier certificate{x.correctionReason ? `. Reason: ${x.correctionReason}` : "."}</p>}
              <p className="body mb-0!">
                <a href={x.href}>
                  Download the certificate<span className="visually-hidden"> issued on {formatLongDate(x.issuedOn)}</span> (PDF)
                </a>
                {c.canCorrect && !x.supersededBy && (
                  <>
                    {" · "}
                    <Link href={`/cases/${encodeURIComponent(caseId)}/certificates/${encodeURIComponent(x.id)}/correct`}>
                      Correct the certificate<span className="visually-hidden"> issued on {formatLongDate(x.issuedOn)}</span>
                    </Link>
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
