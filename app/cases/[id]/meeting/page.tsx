import Link from "next/link";
import { cache } from "react";
import { requireUser } from "../../../_server/auth";
import { getFindATime, MEETING_LENGTHS } from "@/lib/meetings/get-find-a-time";
import { getJointMeeting, type AttendeeRow, type JointMeetingPage } from "@/lib/meetings/get-joint-meeting";
import { formatLongDate } from "@/lib/deadlines/calendar";
import { WarningText } from "@/components/WarningText";
import { SummaryList } from "@/components/SummaryList";
import { Tag, type TagColour } from "@/components/Tag";
import { formatInstant, orNotFound } from "../_shared";
import { BackLink, Notice } from "../_components/Notice";
import { BookMeetingForm } from "../_components/BookMeetingForm";
import { AddAttendeeForm } from "../_components/AttendeeForms";

export const dynamic = "force-dynamic";

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const lengthText = (m: number) => (m === 150 ? "2½ hours" : `${m / 60} hours`);

const RESPONSE_COLOUR: Record<AttendeeRow["response"], TagColour> = { INVITED: "grey", ACCEPTED: "green", TENTATIVE: "yellow", DECLINED: "red" };
const DONE: Record<string, string> = {
  attendeeAdded: "They have been invited. The invitation is being sent by email.",
  attendeeRemoved: "They are no longer invited. If they had the invitation, a cancellation is being sent to them.",
  attendeeUpdated: "Their answer has been saved.",
};

/** The booked joint meeting, read once per request for the title and the page. */
const loadMeeting = cache(async (id: string): Promise<JointMeetingPage> => {
  const user = await requireUser("case:transition");
  return orNotFound(getJointMeeting(user, id));
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const m = await loadMeeting(id);
  return { title: m.meeting ? "The joint meeting" : "Find a time for the joint meeting" };
}

/**
 * Issue 10: the joint meeting. Before it is booked, "find a time" — the earliest slots that meet
 * the rules, why other days are not offered, and booking one. Once booked: when and where, who is
 * invited with their answers and needs (R-24, staff only), moving it (a new time from the same
 * finder) or cancelling it, and its history.
 */
export default async function MeetingPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("case:transition");
  const { id } = await params;
  const q = await searchParams;
  const where = one(q.where);
  const [p, jm] = await Promise.all([orNotFound(getFindATime(user, id, { venueId: where || null, durationMinutes: Number(one(q.length)) || undefined, late: one(q.late) === "1" })), loadMeeting(id)]);
  const r = p.result;
  const place = p.venueId ?? (where === "VIDEO" || where === "PHONE" ? where : p.venues[0] ? "" : "VIDEO");
  const venue = p.venues.find((v) => v.id === p.venueId);
  const booked = jm.meeting;
  const done = DONE[one(q.done)];
  const base = `/cases/${p.case.id}`;
  const search = (late: boolean) => {
    const qs = new URLSearchParams({ ...(place ? { where: place } : {}), length: String(p.durationMinutes), ...(late ? { late: "1" } : {}) });
    return `${base}/meeting?${qs.toString()}`;
  };

  const finder = (
    <>
      {p.refusal ? (
        <p className="body" data-testid="refusal">
          {p.refusal}
        </p>
      ) : !p.mediator ? (
        <p className="body">Allocate a mediator first: the time depends on their diary.</p>
      ) : (
        <>
          <form method="get" className="mb-6" aria-label="Where and how long">
            {p.late && <input type="hidden" name="late" value="1" />}
            <div className="form-group">
              <label className="label" htmlFor="where">
                Where
              </label>
              <select id="where" name="where" className="select" defaultValue={place}>
                <option value="">Choose where</option>
                {p.venues.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.name}, {v.address}
                  </option>
                ))}
                <option value="VIDEO">Video call</option>
                <option value="PHONE">Phone call</option>
              </select>
            </div>
            <div className="form-group">
              <label className="label" htmlFor="length">
                How long
              </label>
              <select id="length" name="length" className="select" defaultValue={String(p.durationMinutes)}>
                {MEETING_LENGTHS.map((m) => (
                  <option key={m} value={m}>
                    {lengthText(m)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button--secondary">
              Show times
            </button>
          </form>
          {venue && (
            <p className="body" data-testid="venue-access">
              {venue.name}: {[venue.stepFreeAccess ? "step-free access" : "no step-free access", venue.hearingLoop ? "hearing loop" : null, venue.parking ? "parking" : null].filter(Boolean).join(", ")}.
            </p>
          )}
          {/* once the meeting is booked, the warning is about those invited (above). */}
          {!booked && p.authorityWarnings.map((w) => <WarningText key={w}>{w}</WarningText>)}
          {!p.availabilityRecorded && <p className="hint">The mediator has not recorded their working hours yet, so Monday to Friday, 9:00 to 17:00 is assumed.</p>}
          {r && (
            <>
              <p className="body" data-testid="window">
                {p.case.kind === "DRS" ? "Disagreement resolution has no 5-day notice rule." : `With notice sent today, the first possible day is ${formatLongDate(r.earliest)}.`}
                {p.lastDay ? ` Mediation must take place by ${formatLongDate(p.lastDay)}.` : ""}
              </p>
              {p.late && p.lastDay && (
                <div data-testid="after-last-day">
                  <h2 className="h-m">Times after the last day</h2>
                  <WarningText>
                    These times are after {formatLongDate(p.lastDay)}, the day mediation must take place by (R-20). If you book one, the case will show that mediation could not
                    take place within 30 days, and a “could not be arranged” certificate will be due within 3 working days (R-23). The family can still mediate.
                  </WarningText>
                  <p className="body">
                    <Link href={search(false)}>Back to times before the last day</Link>
                  </p>
                </div>
              )}
              {r.clockTooShort && (
                <WarningText>
                  No day before {formatLongDate(r.lastDay!)} gives the family 5 clear working days&apos; notice. Book sooner only if the family agrees, or record that mediation cannot
                  take place within 30 days (R-23).
                </WarningText>
              )}
              {place === "" ? (
                <p className="body">Choose where the meeting will be to see the times.</p>
              ) : r.slots.length === 0 ? (
                <p className="body" data-testid="no-slots">
                  No time meets every rule. The list below says why for each day.
                </p>
              ) : (
                <BookMeetingForm
                  caseId={p.case.id}
                  version={p.case.version}
                  where={place}
                  length={p.durationMinutes}
                  late={p.late}
                  noticeApplies={p.case.kind === "MEDIATION"}
                  moving={!!booked}
                  slots={r.slots.map((s) => ({ value: `${s.date} ${s.startTime}`, label: `${formatLongDate(s.date)}, ${s.startTime} to ${s.endTime}` }))}
                />
              )}
              <details className="mt-6">
                <summary>Why other days are not offered</summary>
                <table className="table" data-testid="day-reasons">
                  <caption className="visually-hidden">Each day up to the last day, and why it is not offered</caption>
                  <thead>
                    <tr>
                      <th scope="col">Day</th>
                      <th scope="col">Free?</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.days.map((d) => (
                      <tr key={d.date}>
                        <td>{formatLongDate(d.date)}</td>
                        <td>{d.available ? "Yes" : d.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
              {p.lateOffered && (
                <p className="body mt-6">
                  <Link href={search(true)}>Look for times after the last day</Link>
                  <span className="hint">Only if the meeting cannot be held by {formatLongDate(p.lastDay!)}: mediation will then not have taken place within 30 days (R-23).</span>
                </p>
              )}
              {/* A booked meeting is moved here, so that everyone invited is sent the new date. */}
              {!booked && (
                <p className="body mt-6">
                  <Link href={`${base}/transition/scheduleMeeting`}>Record a meeting date arranged some other way</Link>
                </p>
              )}
            </>
          )}
        </>
      )}
    </>
  );

  return (
    <>
      <BackLink href={base} />
      <span className="caption">
        {p.case.reference}: {p.case.statusLabel}
      </span>
      <h1 className="h-l">{booked ? "The joint meeting" : "Find a time for the joint meeting"}</h1>
      {done && (
        <Notice title="Success" success testId="done-banner">
          <p className="body">{done}</p>
        </Notice>
      )}
      {booked ? (
        <>
          {jm.authorityWarnings.map((w) => (
            <WarningText key={w}>{w}</WarningText>
          ))}
          <SummaryList
            label="The joint meeting"
            rows={[
              { key: "When", value: booked.when },
              { key: "Where", value: booked.address ? `${booked.where}, ${booked.address}` : booked.where },
              ...(booked.access.length ? [{ key: "Getting in", value: booked.access.join(" ") }] : []),
              ...(booked.videoLink ? [{ key: "Video link", value: <span className="break-all">{booked.videoLink}</span> }] : []),
              // the family's notice of the date and place.
              {
                key: "Invitations sent on",
                value: booked.noticeSentOn
                  ? `${formatLongDate(booked.noticeSentOn)}${booked.shortNoticeAgreed ? " (the family agreed to shorter notice)" : ""}`
                  : "Not sent yet",
              },
            ]}
          />
          {jm.canCancel && (
            <p className="body">
              <Link href={`${base}/transition/cancelMeeting`} className="button button--warning">
                Cancel the joint meeting
              </Link>
            </p>
          )}

          <section aria-labelledby="invited-title" data-testid="attendees">
            <h2 className="h-m" id="invited-title">
              Who is invited
            </h2>
            {jm.attendees.length === 0 ? (
              <p className="body">Nobody is invited yet.</p>
            ) : (
              <SummaryList
                label="Who is invited"
                rows={jm.attendees.map((a) => ({
                  key: `${a.name} (${a.roleLabel.toLowerCase()})`,
                  value: <AttendeeDetails a={a} />,
                  action: jm.canManage ? (
                    <Link href={`${base}/meeting/attendees/${a.id}`}>
                      Change<span className="visually-hidden"> the answer or needs of {a.name}</span>
                    </Link>
                  ) : undefined,
                }))}
              />
            )}
            {jm.canManage && booked &&
              (jm.addable.length > 0 ? (
                <AddAttendeeForm caseId={p.case.id} meetingId={booked.id} parties={jm.addable} />
              ) : (
                <p className="body">Everyone on the case is invited. To invite someone else, add them to the case first.</p>
              ))}
          </section>

          <section aria-labelledby="move-title">
            <h2 className="h-m" id="move-title">
              Move the meeting
            </h2>
            <p className="body">Everyone invited is sent the new date, time and place.</p>
            {finder}
          </section>
        </>
      ) : (
        finder
      )}

      {jm.history.length > 0 && (
        <section aria-labelledby="history-title" data-testid="meeting-history">
          <h2 className="h-m" id="history-title">
            History
          </h2>
          <ol className="list-none p-0">
            {jm.history.map((h) => (
              <li key={h.id} className="border-l-4 border-border pl-4 mb-4">
                <p className="mb-1">
                  <strong>{h.text}</strong>
                </p>
                {h.reason && (
                  <p className="mb-1">
                    Reason: {h.reason} <Tag colour="grey">Staff only</Tag>
                  </p>
                )}
                <p className="hint mb-0!">
                  <time dateTime={h.at}>{formatInstant(h.at)}</time>
                  {h.actorName ? ` by ${h.actorName}` : ""}
                </p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

function AttendeeDetails({ a }: { a: AttendeeRow }) {
  return (
    <>
      <Tag colour={RESPONSE_COLOUR[a.response]}>{a.responseLabel}</Tag>
      {a.authority !== "N/A" && (
        <span className="block">
          {a.authority === true ? "Authority to resolve the issues: confirmed" : a.authority === false ? "Does not have authority to resolve the issues" : "Authority to resolve the issues: not confirmed"}
        </span>
      )}
      {a.interpreterLanguage && <span className="block">Interpreter: {a.interpreterLanguage}</span>}
      {a.adjustments && <span className="block whitespace-pre-line">Adjustments: {a.adjustments}</span>}
      {a.supporterName && <span className="block">Bringing a supporter: {a.supporterName}</span>}
      {a.familyAnsweredAt && <span className="block" data-testid="family-answered">Answered online by them on {formatInstant(a.familyAnsweredAt)}</span>}
      <span className="hint">{a.invitedAt ? `Invitation sent ${formatInstant(a.invitedAt)}` : a.hasEmail ? "Invitation not sent yet" : "No email address: tell them another way"}</span>
    </>
  );
}
