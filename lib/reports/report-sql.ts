/**
 * The figure definitions as SQL (issue 13, decision 0025): for each report table, one query that
 * yields a row per thing counted — `item_id` (the case, certificate or agreed action), `case_id`,
 * `bucket` (its group in the table) and `on_date` (the date that put it in the period). The
 * table's numbers are these rows counted by bucket (grouped in SQL), and a figure's case list is
 * the same rows, so a list always holds exactly what its number counts.
 *
 * Only columns a retention purge keeps are read: dates, statuses, kinds, the LA, outcomes.
 * Every query is limited to the LAs the caller resolved through reportLocalAuthorityScope (no
 * condition at all when that is every LA: SqlFilters.everyLocalAuthority).
 *
 * Each table's rows are one range of an index that holds its date first and every column its
 * bucket reads (migration 20261205100000_report_indexes, decision 0039), so a count reads that
 * index and nothing else. Several are partial: their conditions (`kind = 'MEDIATION'`, `kind =
 * 'DRS'`, the clock names and outcomes, `supersedesId IS NULL`) are the ones written here, which
 * the planner must be able to match — tests/integration/reports/report-plans.test.ts checks it.
 * A column added to a bucket belongs in its index too, or the count reads the table again.
 */
import "server-only";
import { Prisma } from "@/lib/platform/db";
import { MEDIATION_CLOCKS } from "@/lib/cases/lifecycle/vocabulary";
import { ASSESSMENT_DECISIONS, type ReportTableId } from "./definitions";

export type SqlFilters = {
  /** The LAs counted (never empty: a caller with none gets no query at all). */
  laIds: readonly string[];
  /**
   * True when the user's report scope is every LA and none was chosen (report-scope.ts): the
   * queries then carry no LA condition, which would hold for every row (each case has an LA) but
   * costs a look-up per row, and for certificates a join to every case (decision 0039).
   */
  everyLocalAuthority?: boolean;
  /** The period, inclusive ISO dates (Europe/London calendar dates, R-63). */
  from: string;
  to: string;
  /** Today in Europe/London: whether an open agreed action is overdue. */
  today: string;
};

const inPeriod = (column: Prisma.Sql, f: SqlFilters) => Prisma.sql`${column} BETWEEN ${f.from}::date AND ${f.to}::date`;
const ofLas = (column: Prisma.Sql, f: SqlFilters) => (f.everyLocalAuthority ? Prisma.sql`TRUE` : Prisma.sql`${column} = ANY(${[...f.laIds]}::text[])`);
/** The case of `caseId` is in one of the LAs counted (a certificate's LA is its case's). */
const caseOfLas = (caseId: Prisma.Sql, f: SqlFilters) =>
  f.everyLocalAuthority ? Prisma.sql`TRUE` : Prisma.sql`${caseId} IN (SELECT c."id" FROM "Case" c WHERE ${ofLas(Prisma.sql`c."localAuthorityId"`, f)})`;

/**
 * R-63: a referral's date is the calendar day in London on which it was logged (Case.createdAt, an
 * instant); written as a range on the instant so an index on createdAt could serve it.
 */
const loggedInPeriod = (f: SqlFilters) =>
  Prisma.sql`c."createdAt" >= (${f.from}::date::timestamp AT TIME ZONE 'Europe/London') AND c."createdAt" < ((${f.to}::date + 1)::timestamp AT TIME ZONE 'Europe/London')`;
const loggedOn = Prisma.sql`(c."createdAt" AT TIME ZONE 'Europe/London')::date`;

/** Mediation meetings held in the period (DRS meetings are the DRS table's). */
const mediationsHeld = (f: SqlFilters) => Prisma.sql`c."kind" = 'MEDIATION' AND ${inPeriod(Prisma.sql`c."heldOn"`, f)} AND ${ofLas(Prisma.sql`c."localAuthorityId"`, f)}`;

const clocks = Prisma.join(MEDIATION_CLOCKS.map((n) => Prisma.sql`${n}`));
const assessment = Prisma.sql`ARRAY[${Prisma.join(ASSESSMENT_DECISIONS.map((d) => Prisma.sql`${d}`))}]::"DisputedDecision"[]`;

export function tableSource(table: ReportTableId, f: SqlFilters): Prisma.Sql {
  switch (table) {
    case "referrals":
      return Prisma.sql`
        SELECT c."id" AS item_id, c."id" AS case_id, c."requestedBy"::text AS bucket, ${loggedOn} AS on_date
        FROM "Case" c
        WHERE ${loggedInPeriod(f)} AND ${ofLas(Prisma.sql`c."localAuthorityId"`, f)}`;
    case "mediations":
      // R-20, R-21: the mediation clock(s) closed by "meeting held" — MET on or before the 30-day
      // date, MISSED after it (lib/cases/deadlines/open-close.ts). Either clock missed: after; none
      // closed (no row joined): not recorded. A join grouped by case, not a lateral sub-select, so
      // the planner chooses: an index-only probe of CaseDeadline_mediation_clock_outcome_idx per
      // held case, or one pass over that index hashed against the held cases when the period
      // holds many of them (decision 0039).
      return Prisma.sql`
        SELECT c."id" AS item_id, c."id" AS case_id,
          CASE WHEN bool_or(d."outcome" = 'MISSED') THEN 'AFTER_30_DAYS' WHEN bool_or(d."outcome" = 'MET') THEN 'WITHIN_30_DAYS' ELSE 'NO_CLOCK' END AS bucket,
          c."heldOn" AS on_date
        FROM "Case" c
        LEFT JOIN "CaseDeadline" d ON d."caseId" = c."id" AND d."name" IN (${clocks}) AND d."outcome" IN ('MET', 'MISSED')
        WHERE ${mediationsHeld(f)}
        GROUP BY c."id"`;
    case "certificates":
      // R-30: due 3 working days after its trigger (Certificate.dueOn, from the date engine);
      // within when issued on or before it. A correction (R-31) is not a second certificate.
      return Prisma.sql`
        SELECT ce."id" AS item_id, ce."caseId" AS case_id,
          ce."kind"::text || CASE WHEN ce."issuedOn" <= ce."dueOn" THEN '.ON_TIME' ELSE '.LATE' END AS bucket,
          ce."issuedOn" AS on_date
        FROM "Certificate" ce
        WHERE ce."supersedesId" IS NULL AND ${inPeriod(Prisma.sql`ce."issuedOn"`, f)} AND ${caseOfLas(Prisma.sql`ce."caseId"`, f)}`;
    case "agreements":
      return Prisma.sql`
        SELECT c."id" AS item_id, c."id" AS case_id, COALESCE(c."agreement"::text, 'NOT_RECORDED') AS bucket, c."heldOn" AS on_date
        FROM "Case" c
        WHERE ${mediationsHeld(f)}`;
    case "sen2":
      return Prisma.sql`
        SELECT c."id" AS item_id, c."id" AS case_id,
          CASE WHEN c."disputedDecisions" && ${assessment} THEN 'ASSESSMENT'
               WHEN cardinality(c."disputedDecisions") > 0 THEN 'OTHER'
               ELSE 'NO_DECISION' END
          || CASE WHEN c."appealLodgedOn" IS NOT NULL THEN '.APPEALED' ELSE '.NOT_APPEALED' END AS bucket,
          c."heldOn" AS on_date
        FROM "Case" c
        WHERE ${mediationsHeld(f)}`;
    case "appeals":
      return Prisma.sql`
        SELECT c."id" AS item_id, c."id" AS case_id,
          CASE WHEN c."heldOn" IS NOT NULL AND c."kind" = 'MEDIATION' THEN 'MEDIATION_HELD' ELSE 'NO_MEETING' END AS bucket,
          c."appealLodgedOn" AS on_date
        FROM "Case" c
        WHERE ${inPeriod(Prisma.sql`c."appealLodgedOn"`, f)} AND ${ofLas(Prisma.sql`c."localAuthorityId"`, f)}`;
    case "drs":
      // R-72, R-73: a DRS case ends in an outcome statement (its agreement), or does not proceed.
      return Prisma.sql`
        SELECT c."id" AS item_id, c."id" AS case_id,
          CASE WHEN c."heldOn" IS NOT NULL THEN 'HELD_' || COALESCE(c."agreement"::text, 'NOT_RECORDED')
               WHEN c."status" = 'NOT_PROCEEDING' THEN 'NOT_PROCEEDING'
               WHEN c."status" IN ('WITHDRAWN', 'CLOSED') THEN 'ENDED_WITHOUT_MEETING'
               ELSE 'IN_PROGRESS' END AS bucket,
          ${loggedOn} AS on_date
        FROM "Case" c
        WHERE c."kind" = 'DRS' AND ${loggedInPeriod(f)} AND ${ofLas(Prisma.sql`c."localAuthorityId"`, f)}`;
    case "actions":
      // R-40..R-44: done on time when completed on or before its (effective) due date.
      return Prisma.sql`
        SELECT o."id" AS item_id, o."caseId" AS case_id,
          CASE WHEN o."status" = 'DONE' AND o."completedOn" IS NOT NULL AND o."completedOn" <= o."dueOn" THEN 'DONE_ON_TIME'
               WHEN o."status" = 'DONE' THEN 'DONE_LATE'
               WHEN o."status" = 'CLOSED_WITH_REASON' THEN 'CLOSED'
               WHEN o."dueOn" < ${f.today}::date THEN 'OPEN_OVERDUE'
               ELSE 'OPEN_NOT_DUE' END AS bucket,
          o."dueOn" AS on_date
        FROM "Obligation" o
        WHERE ${inPeriod(Prisma.sql`o."dueOn"`, f)} AND ${ofLas(Prisma.sql`o."localAuthorityId"`, f)}`;
  }
}

/** The table's numbers: rows counted by bucket, in SQL. */
export function countsSql(table: ReportTableId, f: SqlFilters): Prisma.Sql {
  return Prisma.sql`SELECT s.bucket, count(*)::int AS n FROM (${tableSource(table, f)}) s GROUP BY s.bucket`;
}

/**
 * The rows of a figure (definitions.ts inFigure): buckets whose first parts are the prefix's, `*`
 * any one part. Bucket parts are upper-case letters, digits and underscores, so `*` is `[A-Z0-9_]+`.
 */
export function figureWhere(prefix: string | null): Prisma.Sql {
  if (prefix === null) return Prisma.sql`true`;
  const parts = prefix.split(".").map((p) => (p === "*" ? "[A-Z0-9_]+" : p.replace(/[^A-Z0-9_]/g, "")));
  return Prisma.sql`s.bucket ~ ${`^${parts.join("\\.")}(\\.|$)`}`;
}
