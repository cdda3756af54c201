/**
 * Bench: the data access of the pages issue 14 measures — each page's lib calls, made as the page
 * makes them — against a hand-written SQL floor for the same data (one statement through `pg`),
 * on 100,000 cases and about 1,000,000 timeline events in a throw-away embedded PostgreSQL made for
 * the run with the project's migrations (a quick generate_series seed; the realistic one is
 * `npm run seed:scale`). Also writes the plans of the hot statements to bench/plans/ (see
 * bench/plans/README.md to regenerate).
 *
 * `npm run bench -- data-access`; with `DATA_ACCESS_DB_DIR=.data/data-access` the seeded database is
 * kept in that folder between runs (for working on it); `DATA_ACCESS_ROUNDS` (default 30) timed
 * calls per page; `DATA_ACCESS_VERBOSE=1` prints each page's line as it is measured.
 * Target: each page's data access at most 1.5× its SQL floor (p50) and p95 under 150 ms.
 * A benchmark, not a test: nothing fails on a slow machine unless `--strict` is given.
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../scripts/embedded-postgres";
import type { SessionUser } from "../lib/auth/types";
import type { BenchSuite, Comparison, Measurement } from "./harness";

export const CASES = 100_000;
const EVENTS_PER_CASE = 10;
const MEDIATORS = 200;
const LAS = 20;
const TARGET_RATIO = 1.5;
const TARGET_P95_MS = 150;
const ROUNDS = Number(process.env.DATA_ACCESS_ROUNDS ?? 30);
const PLANS_DIR = path.resolve("bench/plans");

export const SUBJECTS = {
  caseworker: { id: "da-cw", email: "cw@da.test", name: "Casey Worker", role: "CASEWORKER", localAuthorityId: null },
  admin: { id: "da-admin", email: "admin@da.test", name: "Ada Min", role: "ADMIN", localAuthorityId: null },
  mediator: { id: "da-med-1", email: "med1@da.test", name: "Mediator 1", role: "MEDIATOR", localAuthorityId: null },
  officer: { id: "da-lao", email: "lao@da.test", name: "Officer", role: "LA_OFFICER", localAuthorityId: "da-la-1" },
  parent: { id: "da-parent", email: "parent@da.test", name: "Parent", role: "PARENT", localAuthorityId: null },
} satisfies Record<string, SessionUser>;
/** The case with 200 timeline events (allocated to mediator 1, the parent's own case, LA 1). */
export const BIG_CASE = "da-200";
const SEARCH = "siobhan ni bhriain";

const FIRST = ["Łukasz", "Zoë", "Siobhán", "Amara", "Oliver", "Chloé", "Mateusz", "Aoife", "Noah", "Fatima", "Björn", "Élodie", "Kacper", "Isla", "Renée", "Dawid", "Aisha", "Callum", "Niamh", "Tomasz", "Inès", "Jakub", "Saoirse", "Yusuf", "Maël", "Oskar", "Zuzanna", "Ravi", "Eilidh", "Dylan", "Anaïs", "Kwame"];
const SYLLABLES = ["wiś", "nie", "bron", "të", "mur", "phy", "oka", "for", "mül", "ler", "no", "wak", "kel", "ly", "khan", "sø", "ren", "du", "bois", "ko", "wal", "czyk", "gar", "cía"];
const PLANTED = "Siobhán Ní Bhriain";
const sqlArray = (xs: readonly string[]) => `ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(",")}]`;
const nameOf = (g: string) =>
  `(${sqlArray(FIRST)})[1 + (${g} * 7 % ${FIRST.length})] || ' ' || initcap((${sqlArray(SYLLABLES)})[1 + (${g} * 31 % 24)]` +
  ` || (${sqlArray(SYLLABLES)})[1 + (${g} * 101 / 24 % 24)] || (${sqlArray(SYLLABLES)})[1 + (${g} * 211 / 576 % 24)])`;
const STATUSES = ["REFERRED", "CONTACTING_PARTIES", "AWAITING_CONSENT", "ALLOCATED", "PREPARING", "MEETING_SCHEDULED", "MEETING_HELD", "CERTIFICATE_ISSUED", "MONITORING", "CLOSED", "CLOSED", "CLOSED", "WITHDRAWN"];

/**
 * 100,000 cases over 20 LAs (LA 1 holds 40%, as the largest LA in §10's skew), every stage,
 * allocated to 200 mediators from ALLOCATED on; each with a child (accented names, 10 named
 * Siobhán Ní Bhriain), a parent and an LA representative, a 30-day clock (open before the
 * meeting), a joint meeting when booked, and 10 timeline events; the case da-200 has 200.
 */
export async function seedDataAccess(url: string): Promise<void> {
  const c = new pg.Client(url);
  await c.connect();
  try {
    await c.query(`INSERT INTO "LocalAuthority" (id, code, name) SELECT 'da-la-' || g, 'DA' || g, 'Shire ' || lpad(g::text, 2, '0') FROM generate_series(1, ${LAS}) g`);
    await c.query(
      `INSERT INTO "User" (id, email, name, role, "localAuthorityId", "updatedAt") VALUES
        ('da-cw', 'cw@da.test', 'Casey Worker', 'CASEWORKER', NULL, now()), ('da-admin', 'admin@da.test', 'Ada Min', 'ADMIN', NULL, now()),
        ('da-lao', 'lao@da.test', 'Officer', 'LA_OFFICER', 'da-la-1', now()), ('da-parent', 'parent@da.test', 'Parent', 'PARENT', NULL, now())`,
    );
    await c.query(`INSERT INTO "User" (id, email, name, role, "updatedAt") SELECT 'da-med-' || g, 'med' || g || '@da.test', 'Mediator ' || g, 'MEDIATOR', now() FROM generate_series(1, ${MEDIATORS}) g`);
    const k = `(g % ${STATUSES.length})`;
    await c.query(
      `INSERT INTO "Case" (id, reference, "localAuthorityId", status, "allocatedMediatorId", "laNotifiedOn", "nextDeadlineOn", "nextDeadlineName", "meetingOn", "heldOn", "createdAt", "updatedAt")
       SELECT 'da-' || g, 'SM-DA-' || lpad(g::text, 6, '0'),
              CASE WHEN g % 10 < 4 THEN 'da-la-1' ELSE 'da-la-' || (2 + g % ${LAS - 1}) END,
              (${sqlArray(STATUSES)})[1 + ${k}]::"CaseStatus",
              CASE WHEN ${k} >= 3 THEN 'da-med-' || (1 + g % ${MEDIATORS}) END,
              current_date - (g % 400),
              CASE WHEN ${k} <= 5 THEN current_date + (g * 7 % 60 - 15) END,
              CASE WHEN ${k} <= 5 THEN 'MEDIATION_30_DAY' END,
              CASE WHEN ${k} = 5 THEN current_date + (g * 11 % 60 - 20) WHEN ${k} BETWEEN 6 AND 9 THEN current_date - (g % 300) END,
              CASE WHEN ${k} BETWEEN 6 AND 9 THEN current_date - (g % 300) END,
              now() - make_interval(days => g % 1500), now()
         FROM generate_series(1, $1::int) g`,
      [CASES],
    );
    // The 200-event case: mediator 1's, on LA 1, booked, and the parent's own.
    await c.query(`UPDATE "Case" SET "allocatedMediatorId" = 'da-med-1', "localAuthorityId" = 'da-la-1', status = 'MEETING_SCHEDULED', "meetingOn" = current_date + 3, "nextDeadlineOn" = current_date + 5, "nextDeadlineName" = 'MEDIATION_30_DAY' WHERE id = '${BIG_CASE}'`);
    await c.query(`INSERT INTO "Child" (id, "caseId", name) SELECT 'da-c-' || g, 'da-' || g, CASE WHEN g % 10000 = 0 THEN '${PLANTED}' ELSE ${nameOf("g")} END FROM generate_series(1, $1::int) g`, [CASES]);
    await c.query(
      `INSERT INTO "Party" (id, "caseId", kind, name, email, consent, "userId")
       SELECT 'da-p-' || g, 'da-' || g, 'PARENT', ${nameOf("(g + 5)")}, 'parent' || g || '@example.test', 'GIVEN', CASE WHEN g = 200 THEN 'da-parent' END FROM generate_series(1, $1::int) g`,
      [CASES],
    );
    await c.query(`INSERT INTO "Party" (id, "caseId", kind, name, organisation, "hasAuthority", consent) SELECT 'da-l-' || g, 'da-' || g, 'LA', 'Rep ' || g, 'The LA', true, 'GIVEN' FROM generate_series(1, $1::int) g`, [CASES]);
    await c.query(
      `INSERT INTO "CaseDeadline" (id, "caseId", name, rule, "triggerOn", "dueOn", "closedOn", outcome)
       SELECT 'da-d-' || c.id, c.id, 'MEDIATION_30_DAY', 'R-20', c."laNotifiedOn", c."laNotifiedOn" + 30,
              CASE WHEN c."nextDeadlineOn" IS NULL THEN c."laNotifiedOn" + 20 END, CASE WHEN c."nextDeadlineOn" IS NULL THEN 'MET' END
         FROM "Case" c`,
    );
    await c.query(`UPDATE "CaseDeadline" d SET "dueOn" = c."nextDeadlineOn" FROM "Case" c WHERE c.id = d."caseId" AND c."nextDeadlineOn" IS NOT NULL`);
    await c.query(
      `INSERT INTO "Meeting" (id, "caseId", kind, mode, "startsAt", "endsAt", "mediatorId", "updatedAt")
       SELECT 'da-m-' || c.id, c.id, 'JOINT_MEETING', 'VIDEO', c."meetingOn" + time '10:00', c."meetingOn" + time '12:00', c."allocatedMediatorId", now()
         FROM "Case" c WHERE c.status = 'MEETING_SCHEDULED'`,
    );
    await c.query(
      `INSERT INTO "MeetingAttendee" (id, "meetingId", "caseId", "partyId", "updatedAt")
       SELECT 'da-ma-' || p.id, 'da-m-' || c.id, c.id, p.id, now() FROM "Case" c JOIN "Party" p ON p."caseId" = c.id WHERE c.status = 'MEETING_SCHEDULED'`,
    );
    const events = (where: string, n: number) =>
      c.query(
        `INSERT INTO "CaseEvent" (id, "caseId", at, "actorId", type, summary, rule, visibility, data)
         SELECT 'da-e-' || c.id || '-' || e, c.id, c."createdAt" + make_interval(hours => e), CASE WHEN e % 3 = 0 THEN 'da-cw' WHEN e % 3 = 1 THEN c."allocatedMediatorId" END,
                (ARRAY['case.created','case.transitioned','party.added','consent.recorded','meeting.booked'])[1 + e % 5],
                'Something happened to the case (' || e || ')', CASE WHEN e % 2 = 0 THEN 'R-20' END,
                (CASE WHEN e % 2 = 0 THEN 'SHARED' ELSE 'STAFF' END)::"Visibility", CASE WHEN e % 4 = 0 THEN '{"reason":"asked to"}'::jsonb END
           FROM "Case" c, generate_series(1, ${n}) e WHERE ${where}`,
      );
    await events(`c.id <> '${BIG_CASE}'`, EVENTS_PER_CASE);
    await events(`c.id = '${BIG_CASE}'`, 200);
    await c.query(`VACUUM ANALYZE`);
  } finally {
    await c.end();
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

type Timed = { p50: number; p95: number; checksum: number };

async function time(rounds: number, call: () => Promise<number>): Promise<Timed> {
  for (let i = 0; i < 3; i++) await call(); // warm-up: connections, plans, caches
  const timings: number[] = [];
  let checksum = 0;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    checksum += await call();
    timings.push(performance.now() - start);
  }
  const sorted = timings.sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), checksum };
}

/** One page: its data access as the page calls it, and its floor: the same data in one hand-written statement. */
export type PageAccess = { title: string; ours: () => Promise<number>; floor: { sql: string; params: unknown[] } | ((pool: pg.Pool) => Promise<number>) };

/** The pages, with the lib calls exactly as the page makes them (app/…/page.tsx, layout.tsx). */
export async function pageAccesses(): Promise<PageAccess[]> {
  const { listCases } = await import("../lib/cases/list/list-cases");
  const { listFilterOptions } = await import("../lib/cases/list/list-filter-options");
  const { listLaDeadlines } = await import("../lib/la/list-la-deadlines");
  const { listIssuedCertificates } = await import("../lib/certificates/list-issued-certificates");
  const { getMediatorHome } = await import("../lib/meetings/get-mediator-home");
  const { getCaseDetail, TIMELINE_PAGE_SIZE } = await import("../lib/cases/details/get-case-detail");
  const { readCaseSections } = await import("../lib/cases/details/read-case-sections");
  const { getFamilyCaseNav } = await import("../lib/family/home/get-family-case-nav");
  const { getFamilyOverview } = await import("../lib/family/home/get-family-overview");
  const { getReport } = await import("../lib/reports/get-report");
  const { countsSql } = await import("../lib/reports/report-sql");
  const { REPORT_TABLES } = await import("../lib/reports/definitions");
  const { parseReportParams } = await import("../lib/reports/report-params");
  const { todayInLondon } = await import("../lib/deadlines");
  const defaults = parseReportParams({}, new Date()).filters;
  // The admin's report: every LA, none chosen, so no LA condition (lib/reports/report-scope.ts).
  const reportFilters = { laIds: Array.from({ length: LAS }, (_, i) => `da-la-${i + 1}`), everyLocalAuthority: true, from: defaults.from, to: defaults.to, today: todayInLondon() };
  const { caseworker, mediator, officer, parent, admin } = SUBJECTS;
  const caseList = (params: Record<string, string>) => async () => {
    const [r, o] = await Promise.all([listCases(caseworker, params), listFilterOptions(caseworker)]);
    return r.total + r.rows.length + o.localAuthorities.length + o.mediators.length;
  };
  // The floor of the case list: the page and its count, the filter options, in one statement.
  const listFloor = (where: string, order: string) => `
    SELECT (SELECT count(*) FROM "Case" c WHERE ${where}) AS total,
      (SELECT json_agg(r) FROM (
         SELECT c.id, c.reference, c.kind, c.status, c."nextDeadlineOn", c."nextDeadlineName", c."meetingOn", la.name AS la, ch.name AS child, m.name AS mediator
         FROM "Case" c JOIN "LocalAuthority" la ON la.id = c."localAuthorityId" LEFT JOIN "Child" ch ON ch."caseId" = c.id LEFT JOIN "User" m ON m.id = c."allocatedMediatorId"
         WHERE ${where} ORDER BY ${order} LIMIT 50) r) AS rows,
      (SELECT json_agg(l ORDER BY l.name) FROM (SELECT id, name FROM "LocalAuthority") l) AS las,
      (SELECT json_agg(u ORDER BY u.name, u.id) FROM (SELECT id, name FROM "User" WHERE role = 'MEDIATOR' AND active) u) AS mediators`;
  const open = `c.status NOT IN ('CLOSED','NOT_PROCEEDING')`; // TERMINAL_STATUSES
  const byDeadline = `c."nextDeadlineOn" ASC NULLS LAST, c.reference ASC`;
  const searched = `c.id IN (SELECT "caseId" FROM "Child" WHERE "nameKey" LIKE '%' || name_search_key($1) || '%'
                      UNION SELECT "caseId" FROM "Party" WHERE "nameKey" LIKE '%' || name_search_key($1) || '%'
                      UNION SELECT id FROM "Case" WHERE reference ILIKE '%' || $1 || '%')`;
  return [
    { title: "Case list, default (open cases, soonest deadline first)", ours: caseList({}), floor: { sql: listFloor(open, byDeadline), params: [] } },
    {
      title: "Case list, filtered (LA 1, a mediator, page 2)",
      ours: caseList({ la: "da-la-1", mediator: "da-med-2", status: "ALL", page: "2" }),
      floor: { sql: listFloor(`c."localAuthorityId" = 'da-la-1' AND c."allocatedMediatorId" = 'da-med-2'`, byDeadline).replace("LIMIT 50", "LIMIT 50 OFFSET 50"), params: [] },
    },
    { title: `Case list, searched ("${SEARCH}", all statuses)`, ours: caseList({ q: SEARCH, status: "ALL" }), floor: { sql: listFloor(searched, byDeadline), params: [SEARCH] } },
    {
      title: "LA officer's dashboard (LA 1: 40,000 cases)",
      ours: async () => {
        const [d, certs] = await Promise.all([listLaDeadlines(officer, {}), listIssuedCertificates(officer)]);
        return d.total + d.rows.length + certs.length;
      },
      floor: {
        sql: `SELECT (SELECT count(*) FROM "CaseDeadline" d JOIN "Case" c ON c.id = d."caseId" WHERE d."closedOn" IS NULL AND c."localAuthorityId" = 'da-la-1') AS total,
          (SELECT json_agg(r) FROM (SELECT d.id, d.name, d."dueOn", c.reference, c.status, ch.name FROM "CaseDeadline" d JOIN "Case" c ON c.id = d."caseId" LEFT JOIN "Child" ch ON ch."caseId" = c.id
             WHERE d."closedOn" IS NULL AND c."localAuthorityId" = 'da-la-1' ORDER BY d."dueOn", c.reference LIMIT 25) r) AS rows,
          (SELECT json_agg(r) FROM (SELECT ce.id, c.reference FROM "Certificate" ce JOIN "Case" c ON c.id = ce."caseId" WHERE c."localAuthorityId" = 'da-la-1' ORDER BY ce."issuedOn" DESC LIMIT 20) r) AS certs`,
        params: [],
      },
    },
    {
      title: "Mediator's home (mediator 1: 500 cases)",
      ours: async () => {
        const [home, r] = await Promise.all([getMediatorHome(mediator), listCases(mediator, { status: "OPEN", sort: "deadline" })]);
        return home.meetings.length + home.toBook.length + home.toRecord.length + home.preMeetingsToHold.length + r.total;
      },
      floor: {
        sql: `SELECT
          (SELECT json_agg(r) FROM (SELECT m.id, m."startsAt", c.reference, ch.name FROM "Meeting" m JOIN "Case" c ON c.id = m."caseId" LEFT JOIN "Child" ch ON ch."caseId" = c.id
             WHERE m.status = 'SCHEDULED' AND m."startsAt" >= current_date AND m."startsAt" < current_date + 8 AND c."allocatedMediatorId" = $1 ORDER BY m."startsAt") r) AS meetings,
          (SELECT json_agg(r) FROM (SELECT c.id, c.reference, ch.name, (SELECT min(d."dueOn") FROM "CaseDeadline" d WHERE d."caseId" = c.id AND d."closedOn" IS NULL) AS due
             FROM "Case" c LEFT JOIN "Child" ch ON ch."caseId" = c.id WHERE c."allocatedMediatorId" = $1 AND c.status IN ('ALLOCATED','PREPARING')) r) AS to_book,
          (SELECT json_agg(r) FROM (SELECT c.id, c.reference, c."meetingOn", ch.name FROM "Case" c LEFT JOIN "Child" ch ON ch."caseId" = c.id
             WHERE c."allocatedMediatorId" = $1 AND c.status = 'MEETING_SCHEDULED' AND c."meetingOn" < current_date ORDER BY c."meetingOn") r) AS to_record,
          (SELECT json_agg(r) FROM (SELECT c.id, c.reference, p.id AS party, p.name FROM "Case" c JOIN "Party" p ON p."caseId" = c.id LEFT JOIN "Child" ch ON ch."caseId" = c.id
             WHERE c."allocatedMediatorId" = $1 AND c.status IN ('ALLOCATED','PREPARING','MEETING_SCHEDULED') AND (c."meetingOn" IS NULL OR c."meetingOn" >= current_date)
               AND p.kind NOT IN ('SUPPORTER','INTERPRETER') AND NOT EXISTS (SELECT 1 FROM "Meeting" pm WHERE pm."partyId" = p.id AND pm.kind = 'PRE_MEETING' AND pm.status = 'HELD')) r) AS pre,
          (SELECT count(*) FROM "Case" c WHERE c."allocatedMediatorId" = $1 AND ${open}) AS total,
          (SELECT json_agg(r) FROM (SELECT c.id, c.reference, la.name, ch.name AS child FROM "Case" c JOIN "LocalAuthority" la ON la.id = c."localAuthorityId" LEFT JOIN "Child" ch ON ch."caseId" = c.id
             WHERE c."allocatedMediatorId" = $1 AND ${open} ORDER BY ${byDeadline} LIMIT 50) r) AS rows`,
        params: [mediator.id],
      },
    },
    {
      // Decision 0041: the page shows the timeline's first page (TIMELINE_PAGE_SIZE entries) and the count.
      title: "Case page with 200 events (caseworker)",
      ours: async () => {
        // As app/cases/[id]/page.tsx: the detail (with the timeline's first page) and the sections at once (decision 0042).
        const [c, s] = await Promise.all([getCaseDetail(caseworker, BIG_CASE), readCaseSections(caseworker, BIG_CASE)]);
        return c.timeline.length + c.parties.length + (s.notes?.notes.length ?? 0) + s.certificates.issued.length + s.obligations.items.length;
      },
      floor: {
        sql: `SELECT c.*, la.name AS la, m.name AS mediator, row_to_json(ch) AS child,
          (SELECT json_agg(p ORDER BY p."createdAt") FROM "Party" p WHERE p."caseId" = c.id) AS parties,
          (SELECT json_agg(i ORDER BY i.id) FROM "CaseIssue" i WHERE i."caseId" = c.id) AS issues,
          (SELECT json_agg(d ORDER BY d."dueOn", d."createdAt") FROM "CaseDeadline" d WHERE d."caseId" = c.id) AS deadlines,
          (SELECT json_agg(e) FROM (SELECT e.id, e.at, e.type, e.summary, e.rule, e.visibility, e.data, u.name FROM "CaseEvent" e LEFT JOIN "User" u ON u.id = e."actorId"
             WHERE e."caseId" = c.id ORDER BY e.at DESC, e.id DESC LIMIT ${TIMELINE_PAGE_SIZE}) e) AS events,
          (SELECT count(*) FROM "CaseEvent" e WHERE e."caseId" = c.id) AS "eventCount",
          (SELECT json_agg(n) FROM "CaseNote" n WHERE n."caseId" = c.id AND n."sharedAt" IS NOT NULL) AS notes,
          (SELECT json_agg(ct) FROM "Certificate" ct WHERE ct."caseId" = c.id) AS certificates,
          (SELECT json_agg(o ORDER BY o.position, o."createdAt") FROM "Obligation" o WHERE o."caseId" = c.id) AS obligations,
          (SELECT json_agg(f) FROM "FamilySubmission" f WHERE f."caseId" = c.id AND f."sharedAt" IS NOT NULL) AS views,
          (SELECT json_agg(f) FROM "FamilyUpload" f WHERE f."caseId" = c.id AND f."sharedAt" IS NOT NULL) AS uploads,
          (SELECT json_agg(m) FROM "OutboxEmail" m WHERE m."caseId" = c.id AND m.status = 'FAILED') AS undelivered
          FROM "Case" c JOIN "LocalAuthority" la ON la.id = c."localAuthorityId" LEFT JOIN "User" m ON m.id = c."allocatedMediatorId" LEFT JOIN "Child" ch ON ch."caseId" = c.id
          WHERE c.id = $1`,
        params: [BIG_CASE],
      },
    },
    {
      title: "Family's page (layout and overview)",
      ours: async () => {
        // Next renders the layout (the nav) and the page at the same time.
        const [nav, o] = await Promise.all([getFamilyCaseNav(parent, BIG_CASE), getFamilyOverview(parent, BIG_CASE)]);
        return nav.links.length + o.stages.length + o.keyDates.length;
      },
      floor: {
        sql: `SELECT c.*, la.name AS la, ch.name AS child,
          (SELECT json_agg(p.kind) FROM "Party" p WHERE p."caseId" = c.id AND p."userId" = $2) AS own,
          (SELECT json_agg(d ORDER BY d."dueOn", d."createdAt") FROM "CaseDeadline" d WHERE d."caseId" = c.id) AS deadlines,
          (SELECT json_agg(m ORDER BY m."startsAt") FROM "Meeting" m WHERE m."caseId" = c.id AND m.kind IN ('JOINT_MEETING','DRS_MEETING') AND m.status IN ('SCHEDULED','HELD')) AS meetings,
          (SELECT count(*) FROM "MeetingRecord" r WHERE r."caseId" = c.id) AS records,
          (SELECT json_agg(a.status) FROM "CaseAgreement" a WHERE a."caseId" = c.id AND a.status IN ('AWAITING_SIGNATURES','SEALED')) AS agreements,
          (SELECT json_agg(o) FROM "Obligation" o WHERE o."caseId" = c.id) AS obligations
          FROM "Case" c JOIN "LocalAuthority" la ON la.id = c."localAuthorityId" LEFT JOIN "Child" ch ON ch."caseId" = c.id
          WHERE c.id = $1 AND EXISTS (SELECT 1 FROM "Party" p WHERE p."caseId" = c.id AND p."userId" = $2 AND p.kind = 'PARENT')`,
        params: [BIG_CASE, parent.id],
      },
    },
    {
      title: "Reports page (all LAs, the default period)",
      ours: async () => {
        const r = await getReport(admin, {});
        return r.ok ? Object.keys(r.counts).length : 0;
      },
      // The report's statements are hand-written SQL already (lib/reports/report-sql.ts): the floor
      // is the same statements sent through `pg`, at once, on a pool as large as the app's.
      floor: async (pool) => {
        const results = await Promise.all(REPORT_TABLES.map((t) => pool.query(countsSql(t, reportFilters).text, countsSql(t, reportFilters).values)));
        return results.length;
      },
    },
  ];
}

function asMeasurement(label: string, t: Timed): Measurement & { p95: number } {
  return { label, calls: 1, ms: t.p50, callsPerSecond: 1000 / t.p50, checksum: t.checksum, p95: t.p95 };
}

/** Starts (or reuses, with DATA_ACCESS_DB_DIR) the seeded database; DATABASE_URL is set to it. */
export async function seededDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  const keep = process.env.DATA_ACCESS_DB_DIR;
  const dataDir = path.resolve(keep ?? `.data/bench-data-access-${process.pid}`);
  const server = await startEmbeddedPostgres({ dataDir, database: "bench", fresh: !keep, quiet: true });
  process.env.DATABASE_URL = server.url;
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: server.url }, stdio: "pipe" });
  const c = new pg.Client(server.url);
  await c.connect();
  const [{ n }] = (await c.query<{ n: string }>(`SELECT count(*) AS n FROM "Case" WHERE id LIKE 'da-%'`)).rows as [{ n: string }];
  await c.end();
  if (Number(n) < CASES) {
    const started = performance.now();
    await seedDataAccess(server.url);
    console.log(`  seeded ${CASES.toLocaleString("en-GB")} cases, ${(CASES * EVENTS_PER_CASE).toLocaleString("en-GB")} timeline events in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      if (!keep) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function run(): Promise<Comparison[]> {
  const database = await seededDatabase();
  const floorPool = new pg.Pool({ connectionString: database.url, max: 10 });
  floorPool.on("error", () => {}); // the server stopping at the end closes idle connections
  try {
    const pages = await pageAccesses();
    const out: Comparison[] = [];
    for (const page of pages) {
      const ours = await time(ROUNDS, page.ours);
      const f = page.floor;
      const floor = await time(ROUNDS, async () => (typeof f === "function" ? f(floorPool) : ((await floorPool.query(f.sql, f.params)).rowCount ?? 0)));
      const ratio = ours.p50 / floor.p50;
      out.push({
        title: page.title,
        ours: asMeasurement(`data access (p50; p95 ${ours.p95.toFixed(1)} ms)`, ours),
        baseline: asMeasurement(`hand-written SQL floor (p50; p95 ${floor.p95.toFixed(1)} ms)`, floor),
        // The harness reads a ratio as "ours / baseline in calls per second": floor time / our time.
        ratio: 1 / ratio,
        target: 1 / TARGET_RATIO,
        targetText: `≤ ${TARGET_RATIO}× the floor and p95 < ${TARGET_P95_MS} ms (now ${ratio.toFixed(2)}×)`,
        pass: ratio <= TARGET_RATIO && ours.p95 < TARGET_P95_MS,
        extra: [],
      });
      if (process.env.DATA_ACCESS_VERBOSE) console.log(`  ${page.title}: ours p50 ${ours.p50.toFixed(1)} / p95 ${ours.p95.toFixed(1)} ms, floor p50 ${floor.p50.toFixed(1)} / p95 ${floor.p95.toFixed(1)} ms, ${ratio.toFixed(2)}×`);
    }
    const { writePlans } = await import("./plans/write-plans");
    await writePlans(database.url, PLANS_DIR, pages);
    const { db } = await import("../lib/platform/db");
    await db().$disconnect();
    return out;
  } finally {
    await floorPool.end();
    await database.stop();
  }
}

export const dataAccessBench: BenchSuite = { name: "data-access", run };

/** `npm run bench:plans`: only the plans (bench/plans/data-access.md), on the bench's seeded database. */
export async function regeneratePlans(): Promise<void> {
  const database = await seededDatabase();
  try {
    const { writePlans } = await import("./plans/write-plans");
    await writePlans(database.url, PLANS_DIR, await pageAccesses());
    const { db } = await import("../lib/platform/db");
    await db().$disconnect();
  } finally {
    await database.stop();
  }
}
