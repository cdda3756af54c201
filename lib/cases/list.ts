/**
 * The case list (issue 4): the caseworker's workspace at /cases, and the mediator's (/mediator) and
 * LA officer's (/la) homes. Every read is the user's scope (lib/auth/scope) AND the filters, so a
 * filter can only narrow what the user may already see: an LA officer who puts another LA's id in
 * the URL gets no cases, never that LA's cases.
 *
 * Deadline states are computed in SQL on the denormalised `Case.nextDeadlineOn` (kept equal to the
 * earliest open CaseDeadline by lib/cases/case-deadlines). The thresholds come from the date engine
 * (lib/deadlines); no legal date is computed here.
 *
 * Performance: one count and one findMany per page (run in parallel). Two extra queries happen
 * only at the edges: when nothing matches (to tell "no cases yet" from "no matches") and when the
 * page asked for is past the last page.
 */
import { z } from "zod";
import { db, type Prisma } from "@/lib/db/client";
import { authorize } from "@/lib/auth/policy";
import { caseScope, localAuthorityScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import { addWorkingDays, dbDateFromIso, isIsoDate, isoFromDbDate, todayInLondon } from "@/lib/deadlines";
import { DEADLINE_LABELS, DEADLINE_STATE_LABELS, DUE_SOON_WORKING_DAYS, type DeadlineState } from "./case-deadlines";
import { CASE_STATUSES, DEADLINE_NAMES, STATUS_LABELS, TERMINAL_STATUSES, type CaseKind, type CaseStatus, type DeadlineName } from "./lifecycle";

export const PAGE_SIZE = 50;

/** Longest search text accepted; longer input is cut, not refused (it is a GET filter form). */
export const MAX_SEARCH_LENGTH = 100;

// ---------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------

/** "OPEN" = every status that is not terminal (the default); "ALL" = every status. */
export const STATUS_FILTERS = ["OPEN", "ALL", ...CASE_STATUSES] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const DEADLINE_FILTERS = ["OVERDUE", "DUE_SOON", "ON_TRACK"] as const satisfies readonly DeadlineState[];
export type DeadlineFilter = (typeof DEADLINE_FILTERS)[number];

export const SORT_KEYS = ["deadline", "newest", "reference"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** The "mediator" filter value for cases with no mediator allocated. */
export const UNALLOCATED = "NONE";

export const STATUS_FILTER_LABELS: Record<StatusFilter, string> = { OPEN: "Open cases", ALL: "All statuses", ...STATUS_LABELS };
export const DEADLINE_FILTER_LABELS: Record<DeadlineFilter, string> = {
  OVERDUE: "Overdue",
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
  deadline: z.preprocess(blankToNull, z.enum(DEADLINE_FILTERS).nullable()).catch(null),
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

// ---------------------------------------------------------------------------------------------
// Deadline states in SQL
// ---------------------------------------------------------------------------------------------

export type DeadlineThresholds = {
  /** Due before this date: overdue. */
  today: string;
  /** Due on or after `today` and before this date: due soon; on or after it: on track. */
  onTrackFrom: string;
};

/**
 * The date boundaries of the deadline states for `today`, from the date engine.
 *
 * `deadlineState` (lib/cases/case-deadlines) calls a deadline "due soon" when at most
 * DUE_SOON_WORKING_DAYS working days lie in (today, dueOn]. That holds exactly when
 * dueOn is before the (DUE_SOON_WORKING_DAYS + 1)-th working day after today, so a deadline on the
 * weekend or bank holiday after the 5th working day is still "due soon" — the same answer as the
 * tag on the row. (Comparing with `<= addWorkingDays(today, 5)` would disagree on those days.)
 */
export function deadlineThresholds(today: string): DeadlineThresholds {
  return { today, onTrackFrom: addWorkingDays(today, DUE_SOON_WORKING_DAYS + 1) };
}

/** Same answer as `deadlineState(dueOn, today)`, without counting working days per row. */
export function deadlineStateFrom(dueOn: string, t: DeadlineThresholds): DeadlineState {
  if (dueOn < t.today) return "OVERDUE";
  return dueOn < t.onTrackFrom ? "DUE_SOON" : "ON_TRACK";
}

function deadlineWhere(state: DeadlineFilter, t: DeadlineThresholds): Prisma.CaseWhereInput {
  const today = dbDateFromIso(t.today);
  const onTrackFrom = dbDateFromIso(t.onTrackFrom);
  switch (state) {
    case "OVERDUE":
      return { nextDeadlineOn: { lt: today } };
    case "DUE_SOON":
      return { nextDeadlineOn: { gte: today, lt: onTrackFrom } };
    case "ON_TRACK":
      return { nextDeadlineOn: { gte: onTrackFrom } };
  }
}

// ---------------------------------------------------------------------------------------------
// The query
// ---------------------------------------------------------------------------------------------

/** Postgres LIKE treats % and _ as wildcards and \ as the escape: search for them literally. */
function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, "\\$&");
}

function filtersWhere(p: CaseListParams, t: DeadlineThresholds): Prisma.CaseWhereInput[] {
  const and: Prisma.CaseWhereInput[] = [];
  if (p.la) and.push({ localAuthorityId: p.la });
  if (p.status === "OPEN") and.push({ status: { notIn: [...TERMINAL_STATUSES] } });
  else if (p.status !== "ALL") and.push({ status: p.status });
  if (p.mediator === UNALLOCATED) and.push({ allocatedMediatorId: null });
  else if (p.mediator) and.push({ allocatedMediatorId: p.mediator });
  if (p.deadline) and.push(deadlineWhere(p.deadline, t));
  if (p.q) {
    // ILIKE on child and party names (no trigram index yet; see the Child/Party indexes).
    const contains = { contains: likeEscape(p.q), mode: "insensitive" as const };
    and.push({ OR: [{ reference: contains }, { child: { is: { name: contains } } }, { parties: { some: { name: contains } } }] });
  }
  return and;
}

const ORDER_BY: Record<SortKey, Prisma.CaseOrderByWithRelationInput[]> = {
  deadline: [{ nextDeadlineOn: { sort: "asc", nulls: "last" } }, { reference: "asc" }],
  newest: [{ createdAt: "desc" }, { reference: "desc" }],
  reference: [{ reference: "asc" }],
};

const ROW_SELECT = {
  id: true,
  reference: true,
  kind: true,
  status: true,
  nextDeadlineOn: true,
  nextDeadlineName: true,
  localAuthority: { select: { name: true } },
  child: { select: { name: true } },
  allocatedMediator: { select: { name: true } },
} satisfies Prisma.CaseSelect;

export type CaseListRow = {
  id: string;
  reference: string;
  kind: CaseKind;
  status: CaseStatus;
  statusLabel: string;
  localAuthorityName: string;
  childName: string | null;
  mediatorName: string | null;
  /** ISO date of the earliest open deadline, or null when none is running. */
  nextDeadlineOn: string | null;
  /** What that deadline is, e.g. "Mediation must take place by". */
  nextDeadlineLabel: string | null;
  deadlineState: DeadlineState | null;
  deadlineStateLabel: string | null;
};

export type CaseListResult = {
  rows: CaseListRow[];
  /** Cases matching the filters (all pages). */
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  /** The parameters actually applied (bad values replaced by defaults). */
  params: CaseListParams;
  /** False when the user has no cases at all in scope (for the "no cases yet" empty state). */
  anyCasesInScope: boolean;
  /** The date the deadline states were computed for. */
  today: string;
};

function isDeadlineName(s: string): s is DeadlineName {
  return (DEADLINE_NAMES as readonly string[]).includes(s);
}

function toRow(c: Prisma.CaseGetPayload<{ select: typeof ROW_SELECT }>, t: DeadlineThresholds): CaseListRow {
  const on = c.nextDeadlineOn ? isoFromDbDate(c.nextDeadlineOn) : null;
  const state = on ? deadlineStateFrom(on, t) : null;
  const name = c.nextDeadlineName;
  return {
    id: c.id,
    reference: c.reference,
    kind: c.kind,
    status: c.status,
    statusLabel: STATUS_LABELS[c.status],
    localAuthorityName: c.localAuthority.name,
    childName: c.child?.name ?? null,
    mediatorName: c.allocatedMediator?.name ?? null,
    nextDeadlineOn: on,
    nextDeadlineLabel: on ? (name && isDeadlineName(name) ? DEADLINE_LABELS[name] : "Next deadline") : null,
    deadlineState: state,
    deadlineStateLabel: state ? DEADLINE_STATE_LABELS[state] : null,
  };
}

/**
 * One page of the cases the user may see, filtered, searched and sorted. `raw` is usually the
 * page's searchParams; bad values fall back to the defaults. `today` is injectable for tests.
 */
export async function listCases(
  user: SessionUser,
  raw: RawListParams | Partial<CaseListParams> = {},
  opts: { today?: string; pageSize?: number } = {},
): Promise<CaseListResult> {
  authorize(user, "case:list");
  const params = parseListParams(raw);
  const today = opts.today && isIsoDate(opts.today) ? opts.today : todayInLondon();
  const pageSize = opts.pageSize ?? PAGE_SIZE;
  const t = deadlineThresholds(today);
  const scope = caseScope(user);
  const where: Prisma.CaseWhereInput = { AND: [scope, ...filtersWhere(params, t)] };
  const orderBy = ORDER_BY[params.sort];
  const findPage = (page: number) => db().case.findMany({ where, orderBy, skip: (page - 1) * pageSize, take: pageSize, select: ROW_SELECT });

  const [total, firstTry] = await Promise.all([db().case.count({ where }), findPage(params.page)]);
  let page = params.page;
  let found = firstTry;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  if (page > pageCount) {
    // A stale or hand-edited link past the end: show the last page rather than an empty one.
    page = pageCount;
    found = total > 0 ? await findPage(page) : [];
  }
  const anyCasesInScope = total > 0 || (await db().case.count({ where: scope, take: 1 })) > 0;
  return {
    rows: found.map((c) => toRow(c, t)),
    total,
    page,
    pageCount,
    pageSize,
    params: { ...params, page },
    anyCasesInScope,
    today,
  };
}

// ---------------------------------------------------------------------------------------------
// Filter options
// ---------------------------------------------------------------------------------------------

export type CaseListFilterOptions = {
  /** Local authorities the user may see (an LA officer: only their own). */
  localAuthorities: { id: string; name: string }[];
  /** Active mediators (none for a mediator, whose list is only their own cases). */
  mediators: { id: string; name: string }[];
  /** Whether choosing a local authority means anything for this user. */
  canFilterByLocalAuthority: boolean;
  canFilterByMediator: boolean;
};

export async function listFilterOptions(user: SessionUser): Promise<CaseListFilterOptions> {
  authorize(user, "case:list");
  const canFilterByLocalAuthority = user.role !== "LA_OFFICER";
  const canFilterByMediator = user.role !== "MEDIATOR";
  const [localAuthorities, mediators] = await Promise.all([
    db().localAuthority.findMany({ where: localAuthorityScope(user), orderBy: { name: "asc" }, select: { id: true, name: true } }),
    canFilterByMediator
      ? db().user.findMany({ where: { role: "MEDIATOR", active: true }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } })
      : Promise.resolve([]),
  ]);
  return { localAuthorities, mediators, canFilterByLocalAuthority, canFilterByMediator };
}
