import Link from "next/link";
import { holidayCoverage } from "@/lib/admin/reference/holiday-coverage";
import { HolidayCoverageWarning } from "./HolidayCoverageWarning";

/**
 * Issue 13 (decision 0029): the admin home's section on reference data, with the warning when the
 * bank-holiday data ends within 12 months. `now` is for tests.
 */
export function ReferenceDataLinks({ now = new Date() }: { now?: Date }) {
  const coverage = holidayCoverage(now);
  return (
    <section aria-labelledby="reference-data-title" data-testid="reference-data">
      <h2 className="h-m" id="reference-data-title">
        Reference data
      </h2>
      <HolidayCoverageWarning coverage={coverage} />
      <ul className="list-disc pl-6 body">
        <li>
          <Link href="/admin/local-authorities">Local authorities</Link>
        </li>
        <li>
          <Link href="/admin/health-bodies">ICBs and health bodies</Link>
        </li>
        <li>
          <Link href="/admin/mediators">Mediator panel</Link>: accreditation, capacity, areas and conflicts of interest
        </li>
        <li>
          <Link href="/venues">Venues</Link>
        </li>
        <li>
          <Link href="/admin/calendar">Bank holidays</Link>: covered from {coverage.firstYear} to {coverage.lastYear}
        </li>
      </ul>
    </section>
  );
}
