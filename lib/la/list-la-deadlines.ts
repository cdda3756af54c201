/**
 * The LA officer's dashboard (/la, issue 12): everything outstanding on their own LA's cases,
 * soonest first — the open deadline rows (mediations not held yet, certificates due, notices
 * between the LA and the ICB: lib/cases/deadlines, dated when they were opened) and the agreed
 * actions not done yet (lib/obligations) — with the counts at the top, the filters and a page.
 *
 * Scope: one LA, the officer's own (laDashboardScope, lib/auth/scope.ts); anyone else reads
 * nothing. Only shared facts are read: the case's reference, stage, child's name and
 * meeting date, the deadline's name and dates, the agreed action's text (part of the signed
 * agreement) and who is responsible. Never notes, reasons, needs or anything about mediators.
 *
 * One SQL statement (decision 0023): a UNION ALL of the two tables, read once, counted and cut
 * to the page in the database, however many rows the LA has. Working days left
 * and each row's state are worked out for the rows shown only, by the date engine.
 * The same statement, without LIMIT, is the CSV (./export-la-deadlines.ts).
 */
import "server-only";
import { db, Prisma } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { laDashboardScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import { addCalendarDays, earliestMeetingDate, formatLongDate, isDeadlineInputError, todayInLondon, workingDaysUntil } from "@/lib/deadlines";
import { isDeadlineName, STATUS_LABELS, type CaseStatus, type DeadlineName } from "@/lib/cases/lifecycle";
import { DEADLINES } from "@/lib/cases/deadlines/definitions";
import { DEADLINE_STATE_LABELS, deadlineStateFrom, deadlineThresholds, type DeadlineState } from "@/lib/cases/deadlines/state";
import { withoutRuleIds } from "@/lib/cases/rule-ids";
import { RESPONSIBLE_LABELS, type ObligationResponsible } from "@/lib/obligations/rules";
import {
  DASHBOARD_PAGE_SIZE,
  DEADLINE_RESPONSIBLE,
  KIND_LABELS,
  KIND_OF_DEADLINE,
  NEXT_DAYS,
  deadlineNamesOf,
  parseDashboardParams,
  type DashboardKind,
  type DashboardParams,
  type RawDashboardParams,
} from "./dashboard-params";

/** The dates the windows are cut at, for `today` (Europe/London, R-63). */
export type DashboardDates = {
  today: string;
  /** Due before this date and not overdue: "due in the next 5 working days" (the case list's "due soon"). */
  weekEnd: string;
  /** Due on or before this date and not overdue: "due in the next 30 days". */
  monthEnd: string;
};

export function dashboardDates(today: string): DashboardDates {
  return { today, weekEnd: deadlineThresholds(today).onTrackFrom, monthEnd: addCalendarDays(today, NEXT_DAYS) };
}

// ---------------------------------------------------------------------------------------------
// The SQL (exported for the benchmark's EXPLAIN ANALYZE: bench/la-dashboard.ts)
// ---------------------------------------------------------------------------------------------

const names = (kind: Exclude<DashboardKind, "ACTION">) => Prisma.join(deadlineNamesOf(kind));
const KIND_RANK: Record<DashboardKind, number> = { MEDIATION: 1, CERTIFICATE: 2, ICB: 3, ACTION: 4 };

/**
 * Every outstanding row of the LA: open deadlines of a known name and open agreed actions, with
 * the row's kind. Both halves are read through the LA id: Case."localAuthorityId" for the
 * deadlines, Obligation."localAuthorityId" (its copy) for the actions. An action's stage is
 * needed only by the stage filter, and then only whether it is that one: its case is looked up
 * among the LA's cases at that stage (one index scan, hashed), not joined row by row.
 */
function outstanding(localAuthorityId: string, status: CaseStatus | null): Prisma.Sql {
  const actionStatus = status
    ? Prisma.sql`CASE WHEN o."caseId" IN (SELECT s."id" FROM "Case" s WHERE s."localAuthorityId" = ${localAuthorityId} AND s."status" = ${status}::"CaseStatus") THEN ${status}::text END`
    : Prisma.sql`NULL::text`;
  return Prisma.sql`
    SELECT 'D' AS source, d."id", d."caseId", d."name", NULL::text AS "what", NULL::text AS "responsible", d."dueOn", c."status"::text AS "status",
           CASE WHEN d."name" IN (${names("MEDIATION")}) THEN 'MEDIATION' WHEN d."name" IN (${names("CERTIFICATE")}) THEN 'CERTIFICATE' ELSE 'ICB' END AS "kind",
           CASE WHEN d."name" IN (${names("MEDIATION")}) THEN ${KIND_RANK.MEDIATION}::int WHEN d."name" IN (${names("CERTIFICATE")}) THEN ${KIND_RANK.CERTIFICATE}::int ELSE ${KIND_RANK.ICB}::int END AS "rank"
      FROM "CaseDeadline" d JOIN "Case" c ON c."id" = d."caseId"
     WHERE c."localAuthorityId" = ${localAuthorityId} AND d."closedOn" IS NULL AND d."name" IN (${Prisma.join(Object.keys(KIND_OF_DEADLINE))})
    UNION ALL
    SELECT 'O', o."id", o."caseId", NULL, o."what", o."responsible"::text, o."dueOn", ${actionStatus}, 'ACTION', ${KIND_RANK.ACTION}::int
      FROM "Obligation" o
     WHERE o."localAuthorityId" = ${localAuthorityId} AND o."status" = 'OPEN'`;
}

/** The filters as a condition on a row of `outstanding` (TRUE when there are none). */
function filterCondition(p: DashboardParams, d: DashboardDates): Prisma.Sql {
  const and: Prisma.Sql[] = [];
  if (p.kind) and.push(Prisma.sql`r."kind" = ${p.kind}`);
  if (p.status) and.push(Prisma.sql`r."status" = ${p.status}`);
  if (p.due === "OVERDUE") and.push(Prisma.sql`r."dueOn" < ${d.today}::date`);
  if (p.due === "WEEK") and.push(Prisma.sql`r."dueOn" >= ${d.today}::date AND r."dueOn" < ${d.weekEnd}::date`);
  if (p.due === "MONTH") and.push(Prisma.sql`r."dueOn" >= ${d.today}::date AND r."dueOn" <= ${d.monthEnd}::date`);
  return and.length === 0 ? Prisma.sql`TRUE` : Prisma.join(and, " AND ");
}

/**
 * The dashboard in one statement: the LA's outstanding rows are read once (the CTE), then counted
 * (the counts at the top, whatever the filters, and the rows matching them) and cut to the page
 * of the filters, soonest first (`limit` rows from `offset`; every row when limit is null, for
 * the CSV). Each result row carries the counts; when the page is empty there is one row, with
 * the counts only (`id` null). The page's rows are joined to their case and child last.
 */
export function dashboardSql(localAuthorityId: string, p: DashboardParams, d: DashboardDates, limit: number | null, offset = 0): Prisma.Sql {
  const cut = limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit}::int OFFSET ${offset}::int`;
  const matching = filterCondition(p, d);
  return Prisma.sql`
    WITH r AS MATERIALIZED (${outstanding(localAuthorityId, p.status)}),
    n AS (
      SELECT count(*) FILTER (WHERE ${matching})::int AS "matching",
             count(*) FILTER (WHERE r."dueOn" < ${d.today}::date)::int AS "overdue",
             count(*) FILTER (WHERE r."dueOn" >= ${d.today}::date AND r."dueOn" < ${d.weekEnd}::date)::int AS "week",
             count(*) FILTER (WHERE r."kind" = 'MEDIATION')::int AS "mediation",
             count(*) FILTER (WHERE r."kind" = 'CERTIFICATE')::int AS "certificate",
             count(*) FILTER (WHERE r."kind" = 'ICB')::int AS "icb",
             count(*) FILTER (WHERE r."kind" = 'ACTION')::int AS "action",
             count(*)::int AS "all"
        FROM r),
    pg AS (SELECT * FROM r WHERE ${matching} ORDER BY r."dueOn", r."rank", r."caseId", r."id" ${cut})
    SELECT n.*, pg.source, pg."id", pg."caseId", pg."name", pg."what", pg."responsible", to_char(pg."dueOn", 'YYYY-MM-DD') AS "dueOn", c."status"::text AS "status", pg."kind",
           c."reference", to_char(c."meetingOn", 'YYYY-MM-DD') AS "meetingOn", ch."name" AS "childName"
      FROM n LEFT JOIN (pg JOIN "Case" c ON c."id" = pg."caseId" LEFT JOIN "Child" ch ON ch."caseId" = pg."caseId") ON TRUE
     ORDER BY pg."dueOn", pg."rank", pg."caseId", pg."id"`;
}

// ---------------------------------------------------------------------------------------------
// Rows as shown
// ---------------------------------------------------------------------------------------------

type SqlRow = {
  source: "D" | "O";
  id: string;
  caseId: string;
  name: string | null;
  what: string | null;
  responsible: string | null;
  dueOn: string;
  status: string;
  kind: DashboardKind;
  reference: string;
  meetingOn: string | null;
  childName: string | null;
};

export type DashboardRow = {
  /** Unique on the page: "D:<deadline id>" or "O:<obligation id>". */
  key: string;
  kind: DashboardKind;
  kindLabel: string;
  caseId: string;
  reference: string;
  childName: string | null;
  status: CaseStatus;
  statusLabel: string;
  /** What is due: the deadline ("Mediation must take place") or the agreed action's text. */
  what: string;
  /** Who must act. */
  responsible: string;
  dueOn: string;
  /** Working days from today to the due date: negative once overdue; null outside the holiday data. */
  workingDaysLeft: number | null;
  workingDaysText: string;
  state: DeadlineState;
  stateLabel: string;
  /** The joint meeting's date, if one is booked (Case.meetingOn). */
  meetingOn: string | null;
  /** A mediation row: the meeting, or that a meeting booked today could no longer give 5 working days' notice (R-22). */
  note: string | null;
  /** The case page, or the agreed action's own page. */
  href: string;
};

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

export function workingDaysText(left: number | null): string {
  if (left === null) return "Not known";
  if (left === 0) return "Due today";
  return left > 0 ? `${plural(left, "working day")} left` : `${plural(-left, "working day")} overdue`;
}

/** "Mediation must take place by" → "Mediation must take place" (the due date has its own column). */
const deadlineWhat = (name: DeadlineName) => withoutRuleIds(DEADLINES[name].label.replace(/( due)? by$/, ""));

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch (e) {
    // outside the years the holiday data covers the engine refuses to guess.
    if (isDeadlineInputError(e)) return fallback;
    throw e;
  }
}

/**
 * R-22: a mediation not booked yet, due on `dueOn`: can a meeting booked today still give the
 * family 5 working days' notice before it? (With the family's agreement the notice can be shorter.)
 */
function mediationNote(dueOn: string, meetingOn: string | null, today: string): string | null {
  if (meetingOn) return `Meeting booked for ${formatLongDate(meetingOn)}`;
  if (dueOn < today) return "No meeting booked";
  const inTime = safe(() => earliestMeetingDate(today) <= dueOn, true);
  return inTime ? "No meeting booked" : "No meeting booked: too late to give the family 5 working days’ notice unless they agree to less";
}

export function toDashboardRow(r: SqlRow, d: DashboardDates): DashboardRow {
  const thresholds = { today: d.today, onTrackFrom: d.weekEnd };
  const name = r.source === "D" && r.name && isDeadlineName(r.name) ? r.name : null;
  const left = safe(() => workingDaysUntil(d.today, r.dueOn), null);
  const state = deadlineStateFrom(r.dueOn, thresholds, name ? { name, meetingOn: r.meetingOn } : {});
  const status = r.status as CaseStatus;
  return {
    key: `${r.source}:${r.id}`,
    kind: r.kind,
    kindLabel: KIND_LABELS[r.kind],
    caseId: r.caseId,
    reference: r.reference,
    childName: r.childName,
    status,
    statusLabel: STATUS_LABELS[status] ?? r.status,
    what: name ? deadlineWhat(name) : (r.what ?? ""),
    responsible: name ? DEADLINE_RESPONSIBLE[name] : (RESPONSIBLE_LABELS[r.responsible as ObligationResponsible] ?? "Not recorded"),
    dueOn: r.dueOn,
    workingDaysLeft: left,
    workingDaysText: workingDaysText(left),
    state,
    stateLabel: DEADLINE_STATE_LABELS[state],
    meetingOn: r.meetingOn,
    note: r.kind === "MEDIATION" ? mediationNote(r.dueOn, r.meetingOn, d.today) : null,
    href: r.source === "O" ? `/cases/${encodeURIComponent(r.caseId)}/actions/${encodeURIComponent(r.id)}` : `/cases/${encodeURIComponent(r.caseId)}`,
  };
}

// ---------------------------------------------------------------------------------------------
// The query
// ---------------------------------------------------------------------------------------------

export type DashboardCounts = { overdue: number; week: number; mediation: number; certificate: number; icb: number; action: number; all: number };

export type LaDashboard = {
  params: DashboardParams;
  dates: DashboardDates;
  rows: DashboardRow[];
  /** Rows matching the filters (every page). */
  total: number;
  page: number;
  perPage: number;
  counts: DashboardCounts;
};

const NO_COUNTS: DashboardCounts = { overdue: 0, week: 0, mediation: 0, certificate: 0, icb: 0, action: 0, all: 0 };

type ResultRow = DashboardCounts & { matching: number } & ({ id: null } | SqlRow);

async function read(localAuthorityId: string, p: DashboardParams, d: DashboardDates, limit: number | null, offset = 0) {
  const result = await db().$queryRaw<ResultRow[]>(dashboardSql(localAuthorityId, p, d, limit, offset));
  const first = result[0];
  const counts: DashboardCounts = first
    ? { overdue: first.overdue, week: first.week, mediation: first.mediation, certificate: first.certificate, icb: first.icb, action: first.action, all: first.all }
    : NO_COUNTS;
  const rows = result.filter((r): r is ResultRow & SqlRow => r.id !== null).map((r) => toDashboardRow(r, d));
  return { counts, matching: first?.matching ?? 0, rows };
}

export async function listLaDeadlines(user: SessionUser, raw: RawDashboardParams = {}, now: Date = new Date()): Promise<LaDashboard> {
  authorize(user, "la:workspace");
  const params = parseDashboardParams(raw);
  const dates = dashboardDates(todayInLondon(now));
  const scope = laDashboardScope(user);
  if (!scope) return { params: { ...params, page: 1 }, dates, rows: [], total: 0, page: 1, perPage: DASHBOARD_PAGE_SIZE, counts: NO_COUNTS };

  const at = (page: number) => read(scope.localAuthorityId, params, dates, DASHBOARD_PAGE_SIZE, (page - 1) * DASHBOARD_PAGE_SIZE);
  let r = await at(params.page);
  // Past the last page (a link kept from yesterday): the last page, read again only then.
  const lastPage = Math.max(1, Math.ceil(r.matching / DASHBOARD_PAGE_SIZE));
  const page = Math.min(params.page, lastPage);
  if (page !== params.page) r = await at(page);
  return { params: { ...params, page }, dates, rows: r.rows, total: r.matching, page, perPage: DASHBOARD_PAGE_SIZE, counts: r.counts };
}

/**
 * Every row of the filters (all pages), for the CSV: the same statement as the page without
 * LIMIT, in the same scope. `localAuthorityId` is null when the user may see no LA's rows.
 */
export async function listAllLaDeadlines(user: SessionUser, raw: RawDashboardParams = {}, now: Date = new Date()) {
  authorize(user, "la:workspace");
  const params = { ...parseDashboardParams(raw), page: 1 };
  const dates = dashboardDates(todayInLondon(now));
  const scope = laDashboardScope(user);
  if (!scope) return { params, dates, rows: [] as DashboardRow[], localAuthorityId: null };
  const r = await read(scope.localAuthorityId, params, dates, null);
  return { params, dates, rows: r.rows, localAuthorityId: scope.localAuthorityId };
}
