import Link from "next/link";
import { SelectField, TextField } from "@/components/fields";
import {
  DEADLINE_FILTERS,
  DEADLINE_FILTER_LABELS,
  SORT_KEYS,
  SORT_LABELS,
  STATUS_FILTERS,
  STATUS_FILTER_LABELS,
  UNALLOCATED,
  listQueryString,
  type CaseListParams,
} from "@/lib/cases/list/list-params";
import type { CaseListFilterOptions } from "@/lib/cases/list/list-filter-options";

/**
 * The filter form: a plain GET form, so it works without JavaScript and every filtered view has a
 * URL that can be bookmarked or shared with a colleague (who sees it through their own scope).
 */
export function CaseFilters({ params, options, action = "/cases" }: { params: CaseListParams; options: CaseListFilterOptions; action?: string }) {
  return (
    // key: a client-side navigation (e.g. "Clear filters") remounts the form, so the inputs show
    // the filters actually applied rather than what was typed before.
    <form key={listQueryString(params, { page: 1 })} method="get" action={action} role="search" aria-label="Filter cases" className="mb-6">
      <TextField name="q" id="q" label="Search" hint="Reference, child's name or a party's name" type="search" defaultValue={params.q} autoComplete="off" spellCheck={false} />
      <div className="grid gap-x-6 sm:grid-cols-2">
        {options.canFilterByLocalAuthority && (
          <SelectField
            name="la"
            id="la"
            label="Local authority"
            defaultValue={params.la ?? ""}
            options={[{ value: "", label: "All local authorities" }, ...options.localAuthorities.map((la) => ({ value: la.id, label: la.name }))]}
          />
        )}
        <SelectField name="status" id="status" label="Status" defaultValue={params.status} options={STATUS_FILTERS.map((s) => ({ value: s, label: STATUS_FILTER_LABELS[s] }))} />
        {options.canFilterByMediator && (
          <SelectField
            name="mediator"
            id="mediator"
            label="Mediator"
            defaultValue={params.mediator ?? ""}
            options={[
              { value: "", label: "All mediators" },
              { value: UNALLOCATED, label: "Not allocated" },
              ...options.mediators.map((m) => ({ value: m.id, label: m.name })),
            ]}
          />
        )}
        <SelectField
          name="deadline"
          id="deadline"
          label="Next deadline"
          defaultValue={params.deadline ?? ""}
          options={[{ value: "", label: "Any" }, ...DEADLINE_FILTERS.map((d) => ({ value: d, label: DEADLINE_FILTER_LABELS[d] }))]}
        />
        <SelectField name="sort" id="sort" label="Sort by" defaultValue={params.sort} options={SORT_KEYS.map((s) => ({ value: s, label: SORT_LABELS[s] }))} />
      </div>
      {/* Secondary: the page's one primary button is "New referral" (issue 9 item 13). */}
      <button type="submit" className="button button--secondary">
        Apply filters
      </button>
      <Link href={action} className="inline-block mt-2">
        Clear filters
      </Link>
    </form>
  );
}
