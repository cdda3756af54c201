import Link from "next/link";
import { DateInput, SelectField } from "@/components/fields";
import type { ReportFilters } from "@/lib/reports/report-params";
import type { ReportScope } from "@/lib/reports/report-scope";
import { PERIOD_HINT } from "@/lib/reports/definitions";

/**
 * The report's filters: a plain GET form (works without JavaScript; every report has a URL to
 * bookmark or share, which a colleague opens through their own scope). An LA officer gets no
 * choice of LA: their own is named.
 */
export function ReportFiltersForm({ filters, scope, errors, raw }: { filters: ReportFilters; scope: ReportScope; errors: { from?: string; to?: string }; raw: Record<string, string | undefined> }) {
  const values = { ...raw, from: filters.from, to: filters.to };
  return (
    <form method="get" action="/reports" aria-label="Choose what the report covers" className="mb-6" noValidate>
      {scope.canChoose ? (
        <SelectField
          name="la"
          id="la"
          label="Local authority"
          defaultValue={filters.la ?? ""}
          options={[{ value: "", label: "All local authorities" }, ...scope.localAuthorities.map((la) => ({ value: la.id, label: la.name }))]}
        />
      ) : (
        <p className="body" data-testid="report-la">
          Local authority: <strong>{scope.chosen?.name ?? "None"}</strong>
        </p>
      )}
      <div className="grid gap-x-6 sm:grid-cols-2">
        <DateInput name="from" legend="From" hint="The first day of the period." example="1 4 2025" error={errors.from} values={values} />
        <DateInput name="to" legend="To" hint="The last day of the period." example="31 3 2026" error={errors.to} values={values} />
      </div>
      <p className="hint">{PERIOD_HINT}</p>
      <button type="submit" className="button button--secondary">
        Show the report
      </button>
      <Link href="/reports" className="inline-block mt-2">
        The last 12 months{scope.canChoose ? ", all local authorities" : ""}
      </Link>
    </form>
  );
}
