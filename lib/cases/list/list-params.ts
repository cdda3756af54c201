/**
 * The case list's parameters, as a GET form and its links carry them: search text, filters, sort
 * and page. Each falls back to its default on a bad value, so a hand-edited URL never errors.
 * Client-safe (the filter form reads the labels).
 */
import { z } from "zod";
import { CASE_STATUSES, STATUS_LABELS } from "../lifecycle";
import { DEADLINE_STATES, DUE_SOON_WORKING_DAYS, type DeadlineState } from "../deadlines/state";

export const PAGE_SIZE = 50;

/** Longest search text accepted; longer input is cut, not refused (it is a GET filter form). */
export const MAX_SEARCH_LENGTH = 100;

// ---------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------

/** "OPEN" = every status that is not terminal (the default); "ALL" = every status. */
export const STATUS_FILTERS = ["OPEN", "ALL", ...CASE_STATUSES] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const DEADLINE_FILTERS: readonly DeadlineState[] = DEADLINE_STATES;
export type DeadlineFilter = DeadlineState;

export const SORT_KEYS = ["deadline", "newest", "reference"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** The "mediator" filter value for cases with no mediator allocated. */
export const UNALLOCATED = "NONE";

export const STATUS_FILTER_LABELS: Record<StatusFilter, string> = { OPEN: "Open cases", ALL: "All statuses", ...STATUS_LABELS };
export const DEADLINE_FILTER_LABELS: Record<DeadlineFilter, string> = {
  OVERDUE: "Overdue",
  WILL_BE_MISSED: "Will be missed (meeting booked after the deadline)",
  DUE_SOON: `Due within ${DUE_SOON_WORKING_DAYS} working days`,
  ON_TRACK: "On track",
};
export const SORT_LABELS: Record<SortKey, string> = {
  deadline: "Next deadline (soonest first)",
  newest: "Newest first",
  reference: "Reference",
};

export type CaseListParams = {
  /** Search text (reference, child's name or a party's name); "" when none. */
  q: string;
  /** Local authority id, or null for all. */
  la: string | null;
  status: StatusFilter;
  /** Mediator's user id, UNALLOCATED, or null for all. */
  mediator: string | null;
  deadline: DeadlineFilter | null;
  sort: SortKey;
  page: number;
};

export const DEFAULT_LIST_PARAMS: CaseListParams = { q: "", la: null, status: "OPEN", mediator: null, deadline: null, sort: "deadline", page: 1 };

/** What a GET form or a caller may hand in: URL search params (possibly repeated) or typed values. */
export type RawListParams = Record<string, string | string[] | number | null | undefined>;

/** A repeated query parameter (?status=A&status=B) counts as its first value. */
const single = (v: unknown) => (Array.isArray(v) ? v[0] : v);
/** Empty strings mean "no filter" (the "All …" option of a select). */
const blankToNull = (v: unknown) => {
  const s = single(v);
  return s === undefined || s === null || (typeof s === "string" && s.trim() === "") ? null : s;
};
const id = z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** Each field falls back to its default on a bad value, so a hand-edited URL never errors. */
const paramsSchema = z.object({
  q: z.preprocess(
    (v) => (single(v) === undefined || single(v) === null ? "" : single(v)),
    z.string().transform((s) => s.trim().slice(0, MAX_SEARCH_LENGTH)),
  ).catch(""),
  la: z.preprocess(blankToNull, id.nullable()).catch(null),
  status: z.preprocess((v) => blankToNull(v) ?? undefined, z.enum(STATUS_FILTERS).default("OPEN")).catch("OPEN"),
  mediator: z.preprocess(blankToNull, z.union([z.literal(UNALLOCATED), id]).nullable()).catch(null),
  deadline: z.preprocess(blankToNull, z.enum(DEADLINE_STATES).nullable()).catch(null),
  sort: z.preprocess((v) => blankToNull(v) ?? undefined, z.enum(SORT_KEYS).default("deadline")).catch("deadline"),
  page: z.preprocess((v) => blankToNull(v) ?? undefined, z.coerce.number().int().min(1).max(1_000_000).default(1)).catch(1),
});

export function parseListParams(raw: RawListParams | Partial<CaseListParams> | undefined): CaseListParams {
  const r = (raw ?? {}) as Record<string, unknown>;
  return paramsSchema.parse({ q: r.q, la: r.la, status: r.status, mediator: r.mediator, deadline: r.deadline, sort: r.sort, page: r.page });
}

/** True when any filter differs from the defaults (sort and page are not filters). */
export function hasActiveFilters(p: CaseListParams): boolean {
  return p.q !== "" || p.la !== null || p.status !== DEFAULT_LIST_PARAMS.status || p.mediator !== null || p.deadline !== null;
}

/** The query string for these parameters, leaving out defaults (for links: pagination, sorting). */
export function listQueryString(p: CaseListParams, overrides: Partial<CaseListParams> = {}): string {
  const merged = { ...p, ...overrides };
  const qs = new URLSearchParams();
  if (merged.q) qs.set("q", merged.q);
  if (merged.la) qs.set("la", merged.la);
  if (merged.status !== DEFAULT_LIST_PARAMS.status) qs.set("status", merged.status);
  if (merged.mediator) qs.set("mediator", merged.mediator);
  if (merged.deadline) qs.set("deadline", merged.deadline);
  if (merged.sort !== DEFAULT_LIST_PARAMS.sort) qs.set("sort", merged.sort);
  if (merged.page > 1) qs.set("page", String(merged.page));
  const s = qs.toString();
  return s ? `?${s}` : "";
}

