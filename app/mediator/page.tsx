import Link from "next/link";
import { requireUser } from "../_server/auth";
import { listCases } from "@/lib/cases/list/list-cases";
import type { RawListParams } from "@/lib/cases/list/list-params";
import { getMediatorHome } from "@/lib/meetings/get-mediator-home";
import { formatLongDate } from "@/lib/deadlines/calendar";
import { Tag } from "@/components/Tag";
import { WarningText } from "@/components/WarningText";
import { HomeCaseList } from "../cases/_components/HomeCaseList";

export const metadata = { title: "My cases" };
export const dynamic = "force-dynamic";

const daysLeftText = (n: number | null) => (n === null ? "No 30-day clock" : n < 0 ? `${-n} day${n === -1 ? "" : "s"} past the last day` : n === 0 ? "Last day today" : `${n} day${n === 1 ? "" : "s"} left`);

/**
 * The mediator's home (issue 10): this week's meetings, the cases whose joint meeting is still to
 * book (fewest days left to day 30 first), the pre-meetings still to hold, the meetings to record,
 * then all their open cases.
 */
export default async function MediatorHome({ searchParams }: { searchParams: Promise<RawListParams> }) {
  const user = await requireUser("mediator:workspace");
  const { page } = await searchParams;
  const [home, result] = await Promise.all([getMediatorHome(user), listCases(user, { page, status: "OPEN", sort: "deadline" })]);
  return (
    <>
      <h1 className="h-l">My cases</h1>
      <p className="body">
        <Link href="/mediator/availability">Your working hours and days off</Link>
      </p>

      <section aria-labelledby="week-title" data-testid="week-meetings">
        <h2 className="h-m" id="week-title">
          Meetings in the next 7 days
        </h2>
        {home.meetings.length === 0 ? (
          <p className="body">You have no meetings booked in the next 7 days.</p>
        ) : (
          <ul className="body">
            {home.meetings.map((m) => (
              <li key={m.id}>
                <strong>
                  {formatLongDate(m.date)}, {m.time}
                </strong>
                : <Link href={`/cases/${m.caseId}`}>{m.reference}</Link>
                {m.child ? ` (${m.child})` : ""}, {m.kind === "PRE_MEETING" ? `pre-meeting (${m.place})` : m.place}
              </li>
            ))}
          </ul>
        )}
      </section>

      {/* booked joint meetings with no LA (or ICB) representative with authority among those invited. */}
      {home.authority.length > 0 && (
        <section aria-labelledby="authority-title" data-testid="authority-warnings">
          <h2 className="h-m" id="authority-title">
            Authority to resolve the issues not confirmed
          </h2>
          <ul className="list-none p-0">
            {home.authority.map((a) => (
              <li key={a.caseId} className="mb-4">
                <p className="body mb-1">
                  <Link href={`/cases/${a.caseId}/meeting`}>{a.reference}</Link>: the joint meeting on {a.when}
                </p>
                {a.warnings.map((w) => (
                  <WarningText key={w}>{w}</WarningText>
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="to-book-title" data-testid="to-book">
        <h2 className="h-m" id="to-book-title">
          Joint meetings still to book
        </h2>
        {home.toBook.length === 0 ? (
          <p className="body">Every case allocated to you has its meeting booked.</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">Cases with no joint meeting booked, fewest days left first</caption>
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Mediation must take place by</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {home.toBook.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link href={`/cases/${c.id}`}>{c.reference}</Link>
                    {c.child ? ` (${c.child})` : ""}
                  </td>
                  <td>
                    {c.lastDay ? `${formatLongDate(c.lastDay)} ` : ""}
                    <Tag colour={c.daysLeft !== null && c.daysLeft <= 7 ? "red" : "grey"}>{daysLeftText(c.daysLeft)}</Tag>
                  </td>
                  <td>
                    <Link href={`/cases/${c.id}/meeting`}>
                      Find a time<span className="visually-hidden"> for {c.reference}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="pre-meetings-title" data-testid="pre-meetings-to-hold">
        <h2 className="h-m" id="pre-meetings-title">
          Pre-meetings still to hold
        </h2>
        {home.preMeetingsToHold.length === 0 ? (
          <p className="body">No one is waiting for a pre-meeting: you have met every party of your cases before their joint meeting.</p>
        ) : (
          <ul className="body">
            {home.preMeetingsToHold.map((c) => (
              <li key={c.id} className="mb-2">
                <Link href={`/cases/${c.id}/pre-meetings`}>
                  {c.reference}
                  <span className="visually-hidden"> pre-meetings</span>
                </Link>
                {c.child ? ` (${c.child})` : ""}
                {c.meetingOn ? `, joint meeting ${formatLongDate(c.meetingOn)}` : ""}:{" "}
                {c.parties.map((p, i) => (
                  <span key={p.id}>
                    {i > 0 ? "; " : ""}
                    {p.name} – {p.bookedFor ? `booked ${formatLongDate(p.bookedFor.date)}, ${p.bookedFor.time}` : "not booked yet"}
                  </span>
                ))}
              </li>
            ))}
          </ul>
        )}
      </section>

      {home.toRecord.length > 0 && (
        <section aria-labelledby="to-record-title" data-testid="to-record">
          <h2 className="h-m" id="to-record-title">
            Meetings to record
          </h2>
          <ul className="body">
            {home.toRecord.map((c) => (
              <li key={c.id}>
                <Link href={`/cases/${c.id}/meeting/record`}>{c.reference}</Link>
                {c.child ? ` (${c.child})` : ""}: the meeting was on {formatLongDate(c.meetingOn)}
              </li>
            ))}
          </ul>
        </section>
      )}

      <h2 className="h-m">All your open cases</h2>
      <HomeCaseList result={result} basePath="/mediator" captionSuffix="allocated to you" noCasesText="No cases are allocated to you yet. A caseworker will allocate cases to you." />
    </>
  );
}
