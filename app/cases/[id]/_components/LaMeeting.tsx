import Link from "next/link";
import type { LaCaseView } from "@/lib/la/get-la-case-view";
import { formatLongDate } from "@/lib/deadlines";
import { WarningText } from "@/components/WarningText";
import { Tag } from "@/components/Tag";

const ISSUED = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "long", year: "numeric" });

/**
 * The LA officer's part of the case page (issue 12): the meeting's date and place, who attends for
 * their LA with whether each has authority to resolve the issues — named or changed here
 * until the meeting is held — and the signed agreement once it is sealed.
 */
export function LaMeeting({ view }: { view: LaCaseView }) {
  const base = `/cases/${encodeURIComponent(view.caseId)}`;
  return (
    <>
      <section aria-labelledby="meeting-title" id="meeting" data-testid="la-meeting">
        <h2 className="h-m" id="meeting-title">
          The meeting
        </h2>
        {view.meeting ? (
          <dl className="summary-list">
            <div>
              <dt>{view.meeting.held ? "Held on" : "When"}</dt>
              <dd>{view.meeting.when}</dd>
            </div>
            <div>
              <dt>Where</dt>
              <dd>
                {view.meeting.where}
                {view.meeting.address && <span className="hint whitespace-pre-line">{view.meeting.address}</span>}
              </dd>
            </div>
          </dl>
        ) : (
          <p className="body">{view.heldOn ? `The meeting was held on ${formatLongDate(view.heldOn)}.` : view.meetingOn ? `The meeting is on ${formatLongDate(view.meetingOn)}.` : "The meeting has not been booked yet."}</p>
        )}

        <h3 className="h-s">Who attends for the local authority</h3>
        {view.warnings.map((w) => (
          <WarningText key={w}>{w}</WarningText>
        ))}
        {view.representatives.length === 0 ? (
          <p className="body">Nobody has been named yet.</p>
        ) : (
          <table className="table" data-testid="la-representatives">
            <caption className="visually-hidden">The local authority’s representatives for the meeting</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Authority to resolve the issues</th>
                <th scope="col">Invitation</th>
                {view.canName && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {view.representatives.map((r) => (
                <tr key={r.partyId}>
                  <td>
                    {r.name}
                    {r.organisation && <span className="hint">{r.organisation}</span>}
                  </td>
                  <td>{r.hasAuthority === null ? <Tag colour="grey">Not confirmed</Tag> : r.hasAuthority ? <Tag colour="green">Confirmed</Tag> : <Tag colour="red">No authority</Tag>}</td>
                  <td>{r.response ?? (view.meeting && !view.meeting.held ? "Not invited" : "No meeting booked yet")}</td>
                  {view.canName && (
                    <td>
                      <Link href={`${base}/la-attendee/${encodeURIComponent(r.partyId)}`}>
                        Change<span className="visually-hidden"> {r.name}</span>
                      </Link>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {view.canName && (
          <p className="body">
            <Link href={`${base}/la-attendee`}>Name {view.representatives.length === 0 ? "who will attend" : "someone else who will attend"} for the local authority</Link>
          </p>
        )}
      </section>

      {view.agreements.length > 0 && (
        <section aria-labelledby="agreement-title" data-testid="la-agreement">
          <h2 className="h-m" id="agreement-title">
            Agreement
          </h2>
          <ul className="body">
            {view.agreements.map((a) => (
              <li key={a.id}>
                <a href={a.href}>
                  {a.kindLabel}, signed and sealed on {ISSUED.format(new Date(a.issuedAt))} (PDF)
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
