import Link from "next/link";
import { requireUser } from "../../../_server/auth";
import { getFindATime, MEETING_LENGTHS } from "@/lib/meetings/get-find-a-time";
import { formatLongDate } from "@/lib/deadlines/calendar";
import { WarningText } from "@/components/WarningText";
import { orNotFound } from "../_shared";
import { BackLink } from "../_components/Notice";
import { BookMeetingForm } from "../_components/BookMeetingForm";

export const metadata = { title: "Find a time for the joint meeting" };
export const dynamic = "force-dynamic";

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const lengthText = (m: number) => (m === 150 ? "2½ hours" : `${m / 60} hours`);

/** Issue 10: "find a time" — the earliest slots that meet the rules, why other days are not offered, and booking one. */
export default async function FindATimePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("case:transition");
  const { id } = await params;
  const q = await searchParams;
  const where = one(q.where);
  const p = await orNotFound(getFindATime(user, id, { venueId: where || null, durationMinutes: Number(one(q.length)) || undefined, late: one(q.late) === "1" }));
  const r = p.result;
  const place = p.venueId ?? (where === "VIDEO" || where === "PHONE" ? where : p.venues[0] ? "" : "VIDEO");
  const venue = p.venues.find((v) => v.id === p.venueId);
  const search = (late: boolean) => {
    const qs = new URLSearchParams({ ...(place ? { where: place } : {}), length: String(p.durationMinutes), ...(late ? { late: "1" } : {}) });
    return `/cases/${p.case.id}/meeting?${qs.toString()}`;
  };
  return (
    <>
      <BackLink href={`/cases/${p.case.id}`} />
      <span className="caption">
        {p.case.reference}: {p.case.statusLabel}
      </span>
      <h1 className="h-l">Find a time for the joint meeting</h1>
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
          {p.authorityWarnings.map((w) => (
            <WarningText key={w}>{w}</WarningText>
          ))}
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
              <p className="body mt-6">
                <Link href={`/cases/${p.case.id}/transition/scheduleMeeting`}>Record a meeting date arranged some other way</Link>
              </p>
            </>
          )}
        </>
      )}
    </>
  );
}
