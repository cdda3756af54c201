import { requireUser } from "../../../../_server/auth";
import { BackLink, Notice } from "../../../../cases/[id]/_components/Notice";
import { formatInstant, orNotFound } from "../../../../cases/[id]/_shared";
import { SummaryList } from "@/components/SummaryList";
import { WarningText } from "@/components/WarningText";
import { formatLongDate } from "@/lib/deadlines";
import { getErasureRequest, type ErasureOutcome } from "@/lib/data-protection/erasure-requests";
import { DecideErasureForm } from "../../_components/ErasureForms";
import { ERASURE_STATUS_TEXT } from "../../_components/erasure-status";

export const metadata = { title: "Erasure request" };
export const dynamic = "force-dynamic";

const DONE: Record<string, string> = {
  recorded: "The request has been recorded. Another admin must now decide it.",
  approved: "The request has been approved and the person's data anonymised.",
  refused: "The request has been refused.",
};

/**
 * Issue 13 (decision 0028): one erasure request — what was asked, what approving would anonymise
 * (and what stops it), and the decision, which only another admin than the one who recorded it may take.
 */
export default async function ErasureRequestPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> }) {
  const user = await requireUser("data-protection:manage");
  const { id } = await params;
  const { done } = await searchParams;
  const { request: r, targets, sameAdmin } = await orNotFound(getErasureRequest(user, id));
  const message = done && Object.hasOwn(DONE, done) ? DONE[done] : null;
  const outcome = r.outcome as ErasureOutcome | null;
  return (
    <>
      <BackLink href="/admin/data-protection/erasure-requests">Back to erasure requests</BackLink>
      <h1 className="h-l">Erasure request</h1>
      {message && (
        <Notice title="Success" success testId="done-banner">
          <p className="body">{message}</p>
        </Notice>
      )}
      <SummaryList
        label="The request"
        rows={[
          { key: "Status", value: ERASURE_STATUS_TEXT[r.status] },
          { key: "Person", value: r.subjectName },
          { key: "Email address", value: r.status === "APPROVED" ? "Erased" : r.subjectEmail },
          { key: "What they asked for", value: r.scope },
          { key: "Their reason", value: r.reason },
          { key: "Received", value: formatLongDate(r.receivedOn) },
          { key: "Recorded by", value: `${r.recordedBy}, ${formatInstant(r.recordedAt.toISOString())}` },
          ...(r.decidedAt ? [{ key: "Decided by", value: `${r.decidedBy}, ${formatInstant(r.decidedAt.toISOString())}` }, { key: "Reason for the decision", value: r.decisionReason }] : []),
          ...(outcome
            ? [
                { key: "Cases anonymised", value: outcome.cases.join(", ") || "None" },
                { key: "Cases where only they were anonymised", value: outcome.partiesOnly.join(", ") || "None" },
                { key: "Family account anonymised", value: outcome.account ? "Yes" : "No" },
              ]
            : []),
        ]}
      />
      {targets && (
        <>
          <h2 className="h-m">What approving would do</h2>
          {targets.parties.length === 0 && !targets.account ? (
            <p className="body">No account or case records this email address. Approving records the decision only.</p>
          ) : (
            <ul className="body list-disc pl-6" data-testid="erasure-targets">
              {targets.account && <li>{targets.account.role === "PARENT" ? "Close and anonymise their family account." : "Their staff account is kept: deactivate it under users if needed."}</li>}
              {targets.parties.map((p) => (
                <li key={p.partyId}>
                  {p.purged
                    ? `Case ${p.reference}: already anonymised.`
                    : p.blocked
                      ? p.blocked
                      : p.wholeCase
                        ? `Case ${p.reference}: anonymise the whole case (they are its family party).`
                        : `Case ${p.reference}: anonymise their details only.`}
                </li>
              ))}
            </ul>
          )}
          {targets.parties.some((p) => p.blocked) && <WarningText>It cannot be approved while a case of theirs is on legal hold or open: refuse it, or decide it later.</WarningText>}
          <h2 className="h-m">Decide the request</h2>
          {sameAdmin ? <p className="body">You recorded this request, so another admin must decide it.</p> : <DecideErasureForm id={r.id} version={r.version} />}
        </>
      )}
    </>
  );
}
