import { requireUser } from "../../_server/auth";
import { getHolidayCoverage } from "@/lib/admin/reference/holiday-coverage";
import { formatDate, formatLongDate } from "@/lib/deadlines/calendar";
import { BackLink } from "../../cases/[id]/_components/Notice";
import { HolidayCoverageWarning } from "../_reference/HolidayCoverageWarning";

export const metadata = { title: "Bank holidays" };
export const dynamic = "force-dynamic";

/**
 * Issue 13 (R-64, decision 0002): the years the date engine's bank-holiday data covers, and each
 * year's bank holidays, so an admin can check them against gov.uk and see when the range must be
 * extended.
 */
export default async function CalendarPage() {
  const user = await requireUser("reference-data:manage");
  const c = getHolidayCoverage(user);
  return (
    <>
      <BackLink href="/admin">Back to administration</BackLink>
      <h1 className="h-l">Bank holidays</h1>
      <HolidayCoverageWarning coverage={c} />
      <p className="body" data-testid="holiday-coverage">
        Working-day deadlines are worked out with the England and Wales bank holidays from {c.firstYear} to {c.lastYear} (the {c.source.library} library, {c.source.country}-{c.source.region}). A deadline that needs a later year cannot be worked out: the service says so rather than guess (R-64).
      </p>
      <p className="body">
        Check them against <a href="https://www.gov.uk/bank-holidays">the bank holidays on GOV.UK</a>. Extending the years is a change to the service (decision 0002 says how), made before {formatDate(c.endsOn)}.
      </p>
      {c.years.map((y) => (
        <details key={y.year} className="details">
          <summary>
            {y.year}: {y.holidays.length} bank holidays
          </summary>
          <ul className="list-disc pl-6 body">
            {y.holidays.map((h) => (
              <li key={h.date}>
                {formatLongDate(h.date)}: {h.name}
              </li>
            ))}
          </ul>
        </details>
      ))}
    </>
  );
}
