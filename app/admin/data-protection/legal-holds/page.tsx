import { requireUser } from "../../../_server/auth";
import { BackLink, Notice } from "../../../cases/[id]/_components/Notice";
import { formatInstant } from "../../../cases/[id]/_shared";
import { formatLongDate } from "@/lib/deadlines";
import { listLegalHolds } from "@/lib/data-protection/legal-hold";
import { PlaceLegalHoldForm, ReleaseLegalHoldForm } from "../_components/LegalHoldForms";
import { newSubmissionKey } from "@/lib/platform/idempotency/submission";

export const metadata = { title: "Legal holds" };
export const dynamic = "force-dynamic";

const DONE: Record<string, string> = { placed: "The legal hold has been placed. The case will not be anonymised while it stands.", released: "The hold has ended. The case will be anonymised once it is past retention." };

/** Issue 13 (decision 0028): cases kept past retention (a legal hold, or a recorded appeal), placing and releasing holds. */
export default async function LegalHoldsPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const user = await requireUser("data-protection:manage");
  const { done } = await searchParams;
  const holds = await listLegalHolds(user);
  const message = done && Object.hasOwn(DONE, done) ? DONE[done] : null;
  return (
    <>
      <BackLink href="/admin/data-protection">Back to data protection</BackLink>
      <h1 className="h-l">Legal holds</h1>
      {message && (
        <Notice title="Success" success testId="done-banner">
          <p className="body">{message}</p>
        </Notice>
      )}
      <p className="body">
        A case on hold is never anonymised, and a request to erase its data is refused. A case with an appeal recorded is held until you record here that the appeal has ended.
      </p>
      <h2 className="h-m">Cases on hold</h2>
      {holds.length === 0 ? (
        <p className="body">No case is on hold.</p>
      ) : (
        <ul className="list-none p-0" data-testid="holds">
          {holds.map((h) => (
            <li key={h.caseId}>
              <h3 className="h-s">{h.reference}</h3>
              <p className="body">
                {h.placedAt ? `Legal hold since ${formatInstant(h.placedAt.toISOString())}: ${h.reason ?? ""}` : `An appeal was lodged on ${formatLongDate(h.appealLodgedOn!)}.`}
              </p>
              <ReleaseLegalHoldForm caseId={h.caseId} reference={h.reference} />
            </li>
          ))}
        </ul>
      )}
      <h2 className="h-m">Place a legal hold</h2>
      <PlaceLegalHoldForm submissionKey={newSubmissionKey()} />
    </>
  );
}
