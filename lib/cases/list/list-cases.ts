/**
 * The case list: the caseworker's workspace at /cases, and the mediator's (/mediator) and LA
 * officer's (/la) homes. Every read is the user's scope (lib/auth/scope) AND the filters, so a
 * filter can only narrow what the user may already see: an LA officer who puts another LA's id in
 * the URL gets no cases, never that LA's cases.
 *
 * Deadline states are computed in SQL on the denormalised `Case.nextDeadlineOn`/`nextDeadlineName`
 * (kept equal to the earliest open CaseDeadline), with boundaries from ../deadlines/state; "will be
 * missed" compares `Case.meetingOn` with it, as `willBeMissed` does on the case page. No legal
 * date is computed here. One SQL statement per page (issue 14): the count, the page and whether the
 * user has any case at all ("no cases yet" or "no matches"); a second only past the last page.
 */
import "server-only";
import { Prisma, readRows } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { caseScopeSql } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import { isIsoDate, todayInLondon } from "@/lib/deadlines";
import { isDeadlineName, STATUS_LABELS, TERMINAL_STATUSES, type CaseKind, type CaseStatus } from "../lifecycle";
import { DEADLINES } from "../deadlines/definitions";
import { DEADLINE_STATE_LABELS, MEETING_DEADLINES, deadlineStateFrom, deadlineThresholds, type DeadlineState, type DeadlineThresholds } from "../deadlines/state";
import { PAGE_SIZE, UNALLOCATED, parseListParams, type CaseListParams, type DeadlineFilter, type RawListParams, type SortKey } from "./list-params";

// ---------------------------------------------------------------------------------------------
// The statement (issue 14, decision 0033)
// ---------------------------------------------------------------------------------------------
//
// One hand-written statement per page: the count, the page's rows joined to their LA, child and
// mediator, and whether the user has any case at all — one round trip instead of Prisma's count
// plus findMany (whose count, wrapped in a sub-select, took about four times a plain count at
// 100,000 cases, bench/plans). Every condition is the user's scope (caseScopeSql, the SQL twin of
// caseScope in lib/auth/scope.ts) AND the filters, so a filter can only narrow the scope.

const statusList = (xs: readonly CaseStatus[]) => Prisma.join(xs.map((x) => Prisma.sql`${x}::"CaseStatus"`));
const meetingClocks = Prisma.join(MEETING_DEADLINES.map((n) => Prisma.sql`${n}`));

/**
 * R-20 (`willBeMissed`): the next deadline is the one the meeting must be held by, and the meeting
 * is booked after it. Its negation is spelled out, because NOT over a NULL comparison is NULL in SQL.
 */
function willBeMissedSql(missed: boolean): Prisma.Sql {
  if (missed) return Prisma.sql`(c."nextDeadlineName" IN (${meetingClocks}) AND c."meetingOn" > c."nextDeadlineOn")`;
  return Prisma.sql`(c."nextDeadlineName" IS NULL OR c."nextDeadlineName" NOT IN (${meetingClocks}) OR c."meetingOn" IS NULL OR c."meetingOn" <= c."nextDeadlineOn")`;
}

/** The same states as `deadlineStateFrom`, one condition each: every case with a deadline is in exactly one. */
function deadlineSql(state: DeadlineFilter, t: DeadlineThresholds): Prisma.Sql {
  const today = Prisma.sql`${t.today}::date`;
  const onTrackFrom = Prisma.sql`${t.onTrackFrom}::date`;
  switch (state) {
    case "OVERDUE":
      return Prisma.sql`c."nextDeadlineOn" < ${today}`;
    case "WILL_BE_MISSED":
      return Prisma.sql`c."nextDeadlineOn" >= ${today} AND ${willBeMissedSql(true)}`;
    case "DUE_SOON":
      return Prisma.sql`c."nextDeadlineOn" >= ${today} AND c."nextDeadlineOn" < ${onTrackFrom} AND ${willBeMissedSql(false)}`;
    case "ON_TRACK":
      return Prisma.sql`c."nextDeadlineOn" >= ${onTrackFrom} AND ${willBeMissedSql(false)}`;
  }
}

/** Postgres LIKE treats % and _ as wildcards and \ as the escape: search for them literally. */
function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, "\\$&");
}

/**
 * Trigrams need three characters: a shorter text (which matches a large share of the cases) is
 * searched by the condition written into the list query, which is then the faster (about 130 ms
 * against 360 ms for "ol" at 100,000 cases, where the semi-join is over ~10,000 ids).
 */
export const MIN_SEARCH_LENGTH_FOR_INDEX = 3;
/** The callers' option `maxSearchMatchesById: 0` always writes the condition into the list query. */
export const MAX_SEARCH_MATCHES_BY_ID = 5_000;

/**
 * Search (issue 9 item 17): a case matches when its reference contains the text, ignoring case,
 * or its child's or a party's name does, ignoring case and accents ("lukasz" finds "Łukasz"). Names
 * are compared by their search keys (Child.nameKey, Party.nameKey: lower(unaccent(name)), kept by
 * PostgreSQL, migration 20261130120000_name_search); the text is turned into a key by the same
 * database function, name_search_key, so both follow the same rules — in the statement itself,
 * LIKE-escaped as likeEscape does: name_search_key, replace and || are IMMUTABLE, so PostgreSQL
 * folds the pattern to a constant when planning and the trigram indexes serve it.
 *
 * Speed at 100,000 cases: "child name or party name or reference" as an OR over every case is
 * served by no index. So the matching cases are a union of three trigram index scans, and the list
 * is limited to their ids (a semi-join), within the user's scope and the other filters as always.
 * A text shorter than MIN_SEARCH_LENGTH_FOR_INDEX, or `maxById` 0 (the bench's "as before"
 * comparison), writes the OR into the list query instead.
 */
function searchSql(q: string, maxById: number): Prisma.Sql {
  const names = Prisma.sql`'%' || replace(replace(replace(name_search_key(${q}::text), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;
  const reference = `%${likeEscape(q)}%`;
  if (maxById > 0 && q.length >= MIN_SEARCH_LENGTH_FOR_INDEX) {
    // `= ANY (ARRAY(…))`: the matching ids are found first, once, and the cases then read by their
    // primary key, whatever the planner estimates of how many names match. As `IN (…)` the plan
    // depended on those estimates, which change with each ANALYZE: one bench run read every case
    // instead (56 ms against 18 for the same page).
    return Prisma.sql`c."id" = ANY (ARRAY(
      SELECT "caseId" FROM "Child" WHERE "nameKey" LIKE ${names}
      UNION SELECT "caseId" FROM "Party" WHERE "nameKey" LIKE ${names}
      UNION SELECT "id" FROM "Case" WHERE "reference" ILIKE ${reference}))`;
  }
  return Prisma.sql`(c."reference" ILIKE ${reference}
    OR EXISTS (SELECT 1 FROM "Child" ch WHERE ch."caseId" = c."id" AND ch."nameKey" LIKE ${names})
    OR EXISTS (SELECT 1 FROM "Party" pa WHERE pa."caseId" = c."id" AND pa."nameKey" LIKE ${names}))`;
}

function filtersSql(p: CaseListParams, t: DeadlineThresholds, maxById: number): Prisma.Sql[] {
  const and: Prisma.Sql[] = [];
  if (p.la) and.push(Prisma.sql`c."localAuthorityId" = ${p.la}`);
  if (p.status === "OPEN") and.push(Prisma.sql`c."status" NOT IN (${statusList(TERMINAL_STATUSES)})`);
  else if (p.status !== "ALL") and.push(Prisma.sql`c."status" = ${p.status}::"CaseStatus"`);
  if (p.mediator === UNALLOCATED) and.push(Prisma.sql`c."allocatedMediatorId" IS NULL`);
  else if (p.mediator) and.push(Prisma.sql`c."allocatedMediatorId" = ${p.mediator}`);
  if (p.deadline) and.push(deadlineSql(p.deadline, t));
  if (p.q) and.push(searchSql(p.q, maxById));
  return and;
}

const ORDER_BY: Record<SortKey, Prisma.Sql> = {
  deadline: Prisma.sql`c."nextDeadlineOn" ASC NULLS LAST, c."reference" ASC`,
  newest: Prisma.sql`c."createdAt" DESC, c."reference" DESC`,
  reference: Prisma.sql`c."reference" ASC`,
};

type Row = {
  total: number;
  any: boolean;
  id: string | null;
  reference: string;
  kind: CaseKind;
  status: CaseStatus;
  nextDeadlineOn: string | null;
  nextDeadlineName: string | null;
  meetingOn: string | null;
  localAuthorityName: string;
  childName: string | null;
  mediatorName: string | null;
};

/** The count, whether the scope holds any case, and one page: rows only the page's, in order (none past the end). */
function listSql(scope: Prisma.Sql, where: Prisma.Sql, order: Prisma.Sql, limit: number, offset: number): Prisma.Sql {
  return Prisma.sql`
    WITH page AS (
      SELECT row_number() OVER (ORDER BY ${order}) AS n, c."id", c."reference", c."kind"::text AS "kind", c."status"::text AS "status",
             to_char(c."nextDeadlineOn", 'YYYY-MM-DD') AS "nextDeadlineOn", c."nextDeadlineName", to_char(c."meetingOn", 'YYYY-MM-DD') AS "meetingOn",
             la."name" AS "localAuthorityName", ch."name" AS "childName", m."name" AS "mediatorName"
      FROM "Case" c
      JOIN "LocalAuthority" la ON la."id" = c."localAuthorityId"
      LEFT JOIN "Child" ch ON ch."caseId" = c."id"
      LEFT JOIN "User" m ON m."id" = c."allocatedMediatorId"
      WHERE ${where}
      ORDER BY ${order}
      LIMIT ${limit} OFFSET ${offset})
    SELECT t."total", t."any", page.*
    FROM (SELECT (SELECT count(*)::int FROM "Case" c WHERE ${where}) AS "total", EXISTS (SELECT 1 FROM "Case" c WHERE ${scope}) AS "any") t
    LEFT JOIN page ON TRUE
    ORDER BY page.n`;
}

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

function toRow(c: Row, t: DeadlineThresholds): CaseListRow {
  const on = c.nextDeadlineOn;
  const name = c.nextDeadlineName;
  const state = on ? deadlineStateFrom(on, t, { name, meetingOn: c.meetingOn }) : null;
  return {
    id: c.id!,
    reference: c.reference,
    kind: c.kind,
    status: c.status,
    statusLabel: STATUS_LABELS[c.status],
    localAuthorityName: c.localAuthorityName,
    childName: c.childName,
    mediatorName: c.mediatorName,
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
  const scope = caseScopeSql(user);
  const where = Prisma.join([scope, ...filtersSql(params, t, opts.maxSearchMatchesById ?? MAX_SEARCH_MATCHES_BY_ID)], " AND ");
  // The busiest read of the staff pages: through the pool (readRows, decision 0040); its columns are text, int4 and bool.
  const findPage = (page: number) => readRows<Row>(listSql(scope, where, ORDER_BY[params.sort], pageSize, (page - 1) * pageSize));

  let page = params.page;
  let found = await findPage(page);
  const total = found[0]?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  if (page > pageCount) {
    // A stale or hand-edited link past the end: show the last page rather than an empty one.
    page = pageCount;
    if (total > 0) found = await findPage(page);
  }
  const anyCasesInScope = found[0]?.any ?? false;
  const rows = found.filter((r) => r.id !== null);
  return {
    rows: rows.map((c) => toRow(c, t)),
    total,
    page,
    pageCount,
    pageSize,
    params: { ...params, page },
    anyCasesInScope,
    today,
  };
}

