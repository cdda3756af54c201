/**
 * The case list: the caseworker's workspace at /cases, and the mediator's (/mediator) and LA
 * officer's (/la) homes. Every read is the user's scope (lib/auth/scope) AND the filters, so a
 * filter can only narrow what the user may already see: an LA officer who puts another LA's id in
 * the URL gets no cases, never that LA's cases.
 *
 * Deadline states are computed in SQL on the denormalised `Case.nextDeadlineOn`/`nextDeadlineName`
 * (kept equal to the earliest open CaseDeadline), with boundaries from ../deadlines/state; "will be
 * missed" compares `Case.meetingOn` with it, as `willBeMissed` does on the case page (R-20). No legal
 * date is computed here. One count and one findMany per page (in parallel); two extra queries only at the edges:
 * when nothing matches (to tell "no cases yet" from "no matches") and past the last page.
 */
import "server-only";
import { db, Prisma } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { caseScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import { dbDateFromIso, isIsoDate, isoFromDbDate, todayInLondon } from "@/lib/deadlines";
import { isDeadlineName, STATUS_LABELS, TERMINAL_STATUSES, type CaseKind, type CaseStatus } from "../lifecycle";
import { DEADLINES } from "../deadlines/definitions";
import { DEADLINE_STATE_LABELS, MEETING_DEADLINES, deadlineStateFrom, deadlineThresholds, type DeadlineState, type DeadlineThresholds } from "../deadlines/state";
import { PAGE_SIZE, UNALLOCATED, parseListParams, type CaseListParams, type DeadlineFilter, type RawListParams, type SortKey } from "./list-params";

// ---------------------------------------------------------------------------------------------
// Deadline states in SQL
// ---------------------------------------------------------------------------------------------

/**
 * R-20 (`willBeMissed`): the next deadline is the one the meeting must be held by, and the meeting
 * is booked after it. Its negation is spelled out, because NOT over a NULL comparison is NULL in SQL.
 */
function willBeMissedWhere(missed: boolean): Prisma.CaseWhereInput {
  const due = db().case.fields.nextDeadlineOn;
  if (missed) return { nextDeadlineName: { in: [...MEETING_DEADLINES] }, meetingOn: { gt: due } };
  return { OR: [{ nextDeadlineName: null }, { nextDeadlineName: { notIn: [...MEETING_DEADLINES] } }, { meetingOn: null }, { meetingOn: { lte: due } }] };
}

/** The same states as `deadlineStateFrom`, one filter each: every case with a deadline is in exactly one. */
function deadlineWhere(state: DeadlineFilter, t: DeadlineThresholds): Prisma.CaseWhereInput {
  const today = dbDateFromIso(t.today);
  const onTrackFrom = dbDateFromIso(t.onTrackFrom);
  switch (state) {
    case "OVERDUE":
      return { nextDeadlineOn: { lt: today } };
    case "WILL_BE_MISSED":
      return { AND: [{ nextDeadlineOn: { gte: today } }, willBeMissedWhere(true)] };
    case "DUE_SOON":
      return { AND: [{ nextDeadlineOn: { gte: today, lt: onTrackFrom } }, willBeMissedWhere(false)] };
    case "ON_TRACK":
      return { AND: [{ nextDeadlineOn: { gte: onTrackFrom } }, willBeMissedWhere(false)] };
  }
}

// ---------------------------------------------------------------------------------------------
// The query
// ---------------------------------------------------------------------------------------------

/** Postgres LIKE treats % and _ as wildcards and \ as the escape: search for them literally. */
function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, "\\$&");
}

/** A search matching more cases than this (a short or common name) is filtered in the list query itself. */
export const MAX_SEARCH_MATCHES_BY_ID = 5_000;

/**
 * Search (issue 9 item 17): a case matches when its reference contains the text, ignoring case,
 * or its child's or a party's name does, ignoring case and accents ("lukasz" finds "Łukasz"). Names
 * are compared by their search keys (Child.nameKey, Party.nameKey: lower(unaccent(name)), kept by
 * PostgreSQL, migration 20261130120000_name_search); the text is turned into a key by the same
 * database function, name_search_key, so both follow the same rules.
 *
 * Speed at 100,000 cases: Prisma can only say "child name or party name or reference" as a join
 * and an OR over every case, which no index serves. So the matching cases are first found with one
 * query that the trigram indexes serve (a union of three index scans), and the list query is
 * limited to their ids, within the user's scope and the other filters as always. Only when more
 * than `maxById` cases match is the same condition written into the list query instead.
 */
async function searchWhere(q: string, maxById: number): Promise<Prisma.CaseWhereInput> {
  // One round trip (issue 14): the text's search key is made and LIKE-escaped in the statement
  // itself, as likeEscape does. name_search_key, replace and || are IMMUTABLE, so PostgreSQL folds
  // each pattern to a constant when planning and the trigram indexes serve it (bench/plans).
  const names = Prisma.sql`'%' || replace(replace(replace(name_search_key(${q}::text), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;
  const found = await db().$queryRaw<{ id: string }[]>`
    SELECT "caseId" AS id FROM "Child" WHERE "nameKey" LIKE ${names}
    UNION SELECT "caseId" FROM "Party" WHERE "nameKey" LIKE ${names}
    UNION SELECT id FROM "Case" WHERE reference ILIKE ${`%${likeEscape(q)}%`}
    LIMIT ${maxById + 1}`;
  if (found.length <= maxById) return { id: { in: found.map((r) => r.id) } };
  const [{ key } = { key: null }] = await db().$queryRaw<{ key: string | null }[]>`SELECT name_search_key(${q}::text) AS key`;
  const name = { contains: likeEscape(key ?? q) };
  return { OR: [{ reference: { contains: likeEscape(q), mode: "insensitive" } }, { child: { is: { nameKey: name } } }, { parties: { some: { nameKey: name } } }] };
}

function filtersWhere(p: CaseListParams, t: DeadlineThresholds): Prisma.CaseWhereInput[] {
  const and: Prisma.CaseWhereInput[] = [];
  if (p.la) and.push({ localAuthorityId: p.la });
  if (p.status === "OPEN") and.push({ status: { notIn: [...TERMINAL_STATUSES] } });
  else if (p.status !== "ALL") and.push({ status: p.status });
  if (p.mediator === UNALLOCATED) and.push({ allocatedMediatorId: null });
  else if (p.mediator) and.push({ allocatedMediatorId: p.mediator });
  if (p.deadline) and.push(deadlineWhere(p.deadline, t));
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
  meetingOn: true,
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

function toRow(c: Prisma.CaseGetPayload<{ select: typeof ROW_SELECT }>, t: DeadlineThresholds): CaseListRow {
  const on = c.nextDeadlineOn ? isoFromDbDate(c.nextDeadlineOn) : null;
  const name = c.nextDeadlineName;
  const state = on ? deadlineStateFrom(on, t, { name, meetingOn: c.meetingOn ? isoFromDbDate(c.meetingOn) : null }) : null;
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
    nextDeadlineLabel: on ? (name && isDeadlineName(name) ? DEADLINES[name].label : "Next deadline") : null,
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
  opts: { today?: string; pageSize?: number; maxSearchMatchesById?: number } = {},
): Promise<CaseListResult> {
  authorize(user, "case:list");
  const params = parseListParams(raw);
  const today = opts.today && isIsoDate(opts.today) ? opts.today : todayInLondon();
  const pageSize = opts.pageSize ?? PAGE_SIZE;
  const t = deadlineThresholds(today);
  const scope = caseScope(user);
  const search = params.q ? [await searchWhere(params.q, opts.maxSearchMatchesById ?? MAX_SEARCH_MATCHES_BY_ID)] : [];
  const where: Prisma.CaseWhereInput = { AND: [scope, ...filtersWhere(params, t), ...search] };
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

