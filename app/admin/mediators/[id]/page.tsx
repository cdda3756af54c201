import { FORM_TITLE_METADATA } from "@/components/page-title";
import { requireUser } from "../../../_server/auth";
import { getMediatorPanel } from "@/lib/admin/reference/get-mediator-panel";
import { formatDate } from "@/lib/deadlines/calendar";
import { SummaryList } from "@/components/SummaryList";
import { WarningText } from "@/components/WarningText";
import { orNotFound } from "../../../cases/[id]/_shared";
import { BackLink, Notice } from "../../../cases/[id]/_components/Notice";
import { AccreditationTag } from "../AccreditationTag";
import { ConflictForm, PanelForm, RemoveConflictButton } from "../PanelForms";
import { newSubmissionKey } from "@/lib/platform/idempotency/submission";

/** The form renders the title ("Error: " first after a post with problems, JavaScript or not). */
export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

const DONE: Record<string, string> = {
  updated: "The panel details have been saved.",
  "conflict-added": "The conflict of interest has been recorded. This mediator cannot be allocated a case it applies to.",
  "conflict-removed": "The conflict of interest has been removed.",
};

/** Issue 13 (decision 0029): one mediator's panel details and conflicts of interest. */
export default async function MediatorPanelDetailPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string | string[] }> }) {
  const user = await requireUser("reference-data:manage");
  const { id } = await params;
  const { done } = await searchParams;
  const m = await orNotFound(getMediatorPanel(user, id));
  const key = Array.isArray(done) ? done[0] : done;
  const message = key && Object.hasOwn(DONE, key) ? DONE[key] : null;
  return (
    <>
      <BackLink href="/admin/mediators">Back to the mediator panel</BackLink>
      <span className="caption">Mediator</span>
      <h1 className="h-l">{m.name}</h1>
      {message && (
        <Notice title="Success" success testId="done-banner">
          <p className="body">{message}</p>
        </Notice>
      )}
      {m.accreditationWarning && (
        <div data-testid="accreditation-warning">
          <WarningText>
            {m.accreditationWarning}.{" "}
            {m.accreditation === "EXPIRED" ? "They cannot be allocated a case until the renewed accreditation is recorded." : "Record the renewed accreditation when it arrives."}
          </WarningText>
        </div>
      )}
      {m.overCapacity && (
        <WarningText>
          Over capacity: {m.allocatedThisMonth} cases allocated this month, for a capacity of {m.monthlyCapacity} a month.
        </WarningText>
      )}
      <SummaryList
        label="Panel summary"
        rows={[
          { key: "Email", value: m.email },
          { key: "Account", value: m.active ? "Active" : "Deactivated" },
          { key: "Accrediting body", value: m.accreditationBody ?? "Not recorded" },
          { key: "Accreditation number", value: m.accreditationNumber ?? "Not recorded" },
          {
            key: "Accreditation expires",
            value: m.accreditationExpiresOn ? (
              <>
                {formatDate(m.accreditationExpiresOn)} <AccreditationTag status={m.accreditation} />
              </>
            ) : (
              "Not recorded"
            ),
          },
          { key: "Cases this month", value: m.monthlyCapacity === null ? `${m.allocatedThisMonth} (no monthly capacity recorded)` : `${m.allocatedThisMonth} of ${m.monthlyCapacity}` },
          { key: "Areas they cover", value: m.areas.length === 0 ? "Not recorded" : m.areas.join(", ") },
        ]}
      />
      <section aria-labelledby="panel-title">
        <h2 className="h-m" id="panel-title">
          Change the panel details
        </h2>
        <PanelForm mediatorId={m.id} title={`Mediator panel: ${m.name}`} initial={m.values} areaOptions={m.areaOptions} />
      </section>
      <section aria-labelledby="conflicts-title" data-testid="conflicts">
        <h2 className="h-m" id="conflicts-title">
          Conflicts of interest
        </h2>
        <p className="body">A mediator must be independent of the local authority and the ICB (R-13): they cannot be allocated a case of a local authority, or with a party, they have a conflict with.</p>
        {m.conflicts.length === 0 ? (
          <p className="body">None recorded.</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">Recorded conflicts of interest</caption>
            <thead>
              <tr>
                <th scope="col">With</th>
                <th scope="col">Reason</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {m.conflicts.map((k) => (
                <tr key={k.id}>
                  <td>{k.with}</td>
                  <td>{k.reason}</td>
                  <td>
                    <RemoveConflictButton mediatorId={m.id} conflictId={k.id} label={k.with} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3 className="h-s">Add a conflict of interest</h3>
        <ConflictForm mediatorId={m.id} localAuthorities={m.localAuthorities} submissionKey={newSubmissionKey()} />
      </section>
    </>
  );
}
