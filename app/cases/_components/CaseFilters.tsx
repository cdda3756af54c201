import { CaseFilterForm, type FilterSelect } from "./CaseFilterForm";
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
  const selects: FilterSelect[] = [
    ...(options.canFilterByLocalAuthority
      ? [
          {
            name: "la",
            label: "Local authority",
            defaultValue: params.la ?? "",
            options: [{ value: "", label: "All local authorities" }, ...options.localAuthorities.map((la) => ({ value: la.id, label: la.name }))],
          },
        ]
      : []),
    { name: "status", label: "Status", defaultValue: params.status, options: STATUS_FILTERS.map((s) => ({ value: s, label: STATUS_FILTER_LABELS[s] })) },
    ...(options.canFilterByMediator
      ? [
          {
            name: "mediator",
            label: "Mediator",
            defaultValue: params.mediator ?? "",
            options: [{ value: "", label: "All mediators" }, { value: UNALLOCATED, label: "Not allocated" }, ...options.mediators.map((m) => ({ value: m.id, label: m.name }))],
          },
        ]
      : []),
    {
      name: "deadline",
      label: "Next deadline",
      defaultValue: params.deadline ?? "",
      options: [{ value: "", label: "Any" }, ...DEADLINE_FILTERS.map((d) => ({ value: d, label: DEADLINE_FILTER_LABELS[d] }))],
    },
    { name: "sort", label: "Sort by", defaultValue: params.sort, options: SORT_KEYS.map((s) => ({ value: s, label: SORT_LABELS[s] })) },
  ];
  return <CaseFilterForm formKey={listQueryString(params, { page: 1 })} action={action} q={params.q} selects={selects} />;
}
