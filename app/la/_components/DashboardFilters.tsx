import Link from "next/link";
import { SelectField } from "@/components/fields";
import { DASHBOARD_KINDS, DUE_WINDOWS, DUE_WINDOW_LABELS, KIND_FILTER_LABELS, STATUS_OPTIONS, dashboardQuery, type DashboardParams } from "@/lib/la/dashboard-params";

/**
 * The dashboard's filters (issue 12): a plain GET form, so it works without JavaScript and every
 * filtered view has a URL; the CSV link carries the same query.
 */
export function DashboardFilters({ params }: { params: DashboardParams }) {
  return (
    // key: a client-side navigation (a count's link, "Clear filters") remounts the form, so the
    // inputs show the filters actually applied.
    <form key={dashboardQuery(params, { page: false })} method="get" action="/la#outstanding" role="search" aria-label="Filter outstanding deadlines and actions" className="mb-6">
      <div className="grid gap-x-6 sm:grid-cols-3">
        <SelectField
          name="kind"
          id="kind"
          label="What is due"
          defaultValue={params.kind?.toLowerCase() ?? ""}
          options={[{ value: "", label: "Everything" }, ...DASHBOARD_KINDS.map((k) => ({ value: k.toLowerCase(), label: KIND_FILTER_LABELS[k] }))]}
        />
        <SelectField name="status" id="status" label="Stage of the case" defaultValue={params.status ?? ""} options={[{ value: "", label: "Every stage" }, ...STATUS_OPTIONS]} />
        <SelectField name="due" id="due" label="When it is due" defaultValue={params.due.toLowerCase()} options={DUE_WINDOWS.map((w) => ({ value: w.toLowerCase(), label: DUE_WINDOW_LABELS[w] }))} />
      </div>
      <button type="submit" className="button button--secondary">
        Apply filters
      </button>
      <Link href="/la" className="inline-block mt-2 ml-4">
        Clear filters
      </Link>
    </form>
  );
}
