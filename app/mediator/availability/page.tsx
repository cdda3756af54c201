import { requireUser } from "../../_server/auth";
import { getMyAvailability } from "@/lib/meetings/my-availability";
import { formatLongDate } from "@/lib/deadlines/calendar";
import { Notice } from "../../cases/[id]/_components/Notice";
import { AddDayOffForm, HoursForm, RemoveDayOffButton } from "./AvailabilityForms";

export const metadata = { title: "Your availability" };
export const dynamic = "force-dynamic";

const DONE: Record<string, string> = { hours: "Your working hours have been saved.", dayOff: "The day off has been added.", removed: "The day off has been removed." };

/** Issue 10: a mediator's own working hours, daily cap, travel time and days off, used by "find a time". */
export default async function AvailabilityPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const user = await requireUser("mediator:workspace");
  const { done } = await searchParams;
  const a = await getMyAvailability(user);
  const message = done && Object.hasOwn(DONE, done) ? DONE[done] : null;
  return (
    <>
      <h1 className="h-l">Your availability</h1>
      {message && (
        <Notice title="Success" success testId="done-banner">
          <p className="body">{message}</p>
        </Notice>
      )}
      <p className="body">“Find a time” offers joint meetings only inside these hours, never on your days off, and no more in a day than you take.</p>
      {!a.recorded && <p className="hint">You have not saved your hours yet: Monday to Friday, 9:00 to 17:00 is assumed.</p>}
      <HoursForm initial={a.values} />
      <h2 className="h-m">Days off</h2>
      {a.daysOff.length === 0 ? (
        <p className="body">No days off are recorded.</p>
      ) : (
        <ul className="list-none p-0" data-testid="days-off">
          {a.daysOff.map((d) => (
            <li key={d} className="mb-2">
              {formatLongDate(d)} <RemoveDayOffButton date={d} label={formatLongDate(d)} />
            </li>
          ))}
        </ul>
      )}
      <AddDayOffForm />
    </>
  );
}
