/**
 * The SQL floor of each benchmarked page (issue 14, decision 0032): the data the page shows,
 * fetched by hand-written SQL through `pg` — the same rows, the same page size, the same counts,
 * the same scope — with the independent statements run in parallel on a pool, as the page's own
 * `Promise.all`s do. Each also reads the signed-in user's row, which every page reads for the
 * session. Where the app's query is itself hand-written SQL (the LA dashboard's one statement, the
 * report's counts), the floor sends that same SQL through `pg`, so the ratio there measures only
 * what surrounds the query. Constants (page sizes, statuses, date thresholds) come from lib so the
 * floor filters exactly as the page does; no Prisma here.
 */
import type pg from "pg";
import { PAGE_SIZE } from "../lib/cases/list/list-params";
import { TERMINAL_STATUSES, MEDIATION_CLOCKS } from "../lib/cases/lifecycle";
import { MEETING_DEADLINES, deadlineThresholds } from "../lib/cases/deadlines/state";
import { TIMELINE_PAGE_SIZE } from "../lib/cases/details/get-case-detail";
import { NOT_MET_ALONE, PRE_MEETING_STATUSES } from "../lib/meetings/pre-meetings/pre-meeting-rules";
import { MEDIATOR_HOME_DAYS_AHEAD } from "../lib/meetings/get-mediator-home";
import { londonInstant } from "../lib/meetings/london-time";
import { addCalendarDays } from "../lib/deadlines";
import { ISSUED_CERTIFICATES_SHOWN } from "../lib/certificates/list-issued-certificates";
import { dashboardDates, dashboardSql } from "../lib/la/list-la-deadlines";
import { DASHBOARD_PAGE_SIZE, parseDashboardParams } from "../lib/la/dashboard-params";
import { countsSql } from "../lib/reports/report-sql";
import { REPORT_TABLES } from "../lib/reports/definitions";
import { parseReportParams } from "../lib/reports/report-params";
import { UNDELIVERED_EMAILS_LIMIT } from "../lib/cases/emails/list-undelivered-emails";

export type FloorContext = {
  today: string;
  /** the signed-in user of the page */
  userId: string;
  /** for /cases/[id] and /my-case/[caseId] */
  caseId?: string;
  /** for the filtered list */
  laId?: string;
  /** for the searched list */
  q?: string;
};

export type SqlFloor = (pool: pg.Pool, ctx: FloorContext) => Promise<number>;

const USER_SQL = `SELECT id, email, name, role, "localAuthorityId", "safeguardingLead", active, "sessionVersion", "totpEnabledAt" FROM "User" WHERE id = $1`;
const rows = async (pool: pg.Pool, text: string, values: unknown[] = []) => (await pool.query(text, values)).rowCount ?? 0;
const all = async (...qs: Promise<number>[]) => (await Promise.all(qs)).reduce((a, b) => a + b, 0);

const LIST_COLUMNS = `c.id, c.reference, c.kind, c.status, c."nextDeadlineOn", c."nextDeadlineName", c."meetingOn", la.name AS "laName", ch.name AS "childName", m.name AS "mediatorName"`;
const LIST_FROM = `"Case" c JOIN "LocalAuthority" la ON la.id = c."localAuthorityId" LEFT JOIN "Child" ch ON ch."caseId" = c.id LEFT JOIN "User" m ON m.id = c."allocatedMediatorId"`;
const LIST_ORDER = `ORDER BY c."nextDeadlineOn" ASC NULLS LAST, c.reference ASC`;

/** One page of a case list and its count, for a WHERE clause over `c` (values from $1). */
function listPage(pool: pg.Pool, where: string, values: unknown[]) {
  return all(
    rows(pool, `SELECT count(*) FROM "Case" c WHERE ${where}`, values),
    rows(pool, `SELECT ${LIST_COLUMNS} FROM ${LIST_FROM} WHERE ${where} ${LIST_ORDER} LIMIT ${PAGE_SIZE}`, values),
  );
}

const OPEN = `c.status <> ALL($1::"CaseStatus"[])`;

/** /cases: the caseworker's list (every case in scope), its filter choices, the user. */
function caseList(kind: "default" | "filtered" | "searched"): SqlFloor {
  return (pool, ctx) => {
    const options = [
      rows(pool, `SELECT id, name FROM "LocalAuthority" ORDER BY name`),
      rows(pool, `SELECT id, name FROM "User" WHERE role = 'MEDIATOR' AND active ORDER BY name, id`),
    ];
    let list: Promise<number>;
    if (kind === "default") list = listPage(pool, OPEN, [TERMINAL_STATUSES]);
    else if (kind === "filtered") {
      // "Due soon" in one LA (lib/cases/list: the next deadline before the on-track date and not one the booked meeting will miss).
      const t = deadlineThresholds(ctx.today);
      const where = `${OPEN} AND c."localAuthorityId" = $2 AND c."nextDeadlineOn" >= $3::date AND c."nextDeadlineOn" < $4::date
        AND (c."nextDeadlineName" IS NULL OR c."nextDeadlineName" <> ALL($5::text[]) OR c."meetingOn" IS NULL OR c."meetingOn" <= c."nextDeadlineOn")`;
      list = listPage(pool, where, [TERMINAL_STATUSES, ctx.laId, t.today, t.onTrackFrom, MEETING_DEADLINES]);
    } else {
      // A name: the text made into a search key by the database's own function, then the cases whose
      // child's or a party's name key, or whose reference, contains it (a trigram index serves each arm).
      list = (async () => {
        const key = (await pool.query<{ key: string | null }>(`SELECT name_search_key($1::text) AS key`, [ctx.q])).rows[0]?.key ?? ctx.q!;
        const like = (t: string) => `%${t.replace(/[\\%_]/g, "\\$&")}%`;
        // The matches found once (materialised), then one page of them with their total (a window count).
        return 1 + (await rows(
          pool,
          `WITH found AS MATERIALIZED (SELECT "caseId" AS id FROM "Child" WHERE "nameKey" LIKE $2 UNION SELECT "caseId" FROM "Party" WHERE "nameKey" LIKE $2 UNION SELECT id FROM "Case" WHERE reference ILIKE $3)
           SELECT ${LIST_COLUMNS}, count(*) OVER () AS total FROM ${LIST_FROM} WHERE ${OPEN} AND c.id IN (SELECT id FROM found) ${LIST_ORDER} LIMIT ${PAGE_SIZE}`,
          [TERMINAL_STATUSES, like(key), like(ctx.q!)],
        ));
      })();
    }
    return all(rows(pool, USER_SQL, [ctx.userId]), list, ...options);
  };
}

/** /la: the dashboard's one statement (the app's own SQL, sent through pg) and the certificates issued. */
const laDashboard: SqlFloor = async (pool, ctx) => {
  const officer = await pool.query<{ localAuthorityId: string }>(USER_SQL, [ctx.userId]);
  const laId = officer.rows[0]!.localAuthorityId;
  const statement = dashboardSql(laId, parseDashboardParams({}), dashboardDates(ctx.today), DASHBOARD_PAGE_SIZE, 0);
  return all(
    rows(pool, statement.text, statement.values),
    rows(
      pool,
      `SELECT ce.id, ce."caseId", ce.kind, ce."issuedOn", ce."appealDeadlineOn", ce."documentId", c.reference
         FROM "Certificate" ce JOIN "Case" c ON c.id = ce."caseId"
        WHERE c."localAuthorityId" = $1 AND NOT EXISTS (SELECT 1 FROM "Certificate" s WHERE s."supersedesId" = ce.id)
        ORDER BY ce."issuedOn" DESC, ce."createdAt" DESC LIMIT ${ISSUED_CERTIFICATES_SHOWN}`,
      [laId],
    ),
  );
};

/** /mediator: the week's meetings, cases to book, records to write, authority to confirm, pre-meetings, and the open cases. */
const mediatorHome: SqlFloor = async (pool, ctx) => {
  const me = ctx.userId;
  const from = londonInstant(ctx.today, 0);
  const to = londonInstant(addCalendarDays(ctx.today, MEDIATOR_HOME_DAYS_AHEAD + 1), 0);
  const notHeld = `p.kind <> ALL($2::"PartyKind"[]) AND NOT EXISTS (SELECT 1 FROM "Meeting" pm WHERE pm."partyId" = p.id AND pm.kind = 'PRE_MEETING' AND pm.status = 'HELD')`;
  return all(
    rows(pool, USER_SQL, [me]),
    rows(
      pool,
      `SELECT mt.id, mt.kind, mt."startsAt", mt.mode, mt."videoLink", v.name AS venue, c.id AS "caseId", c.reference, ch.name AS child
         FROM "Meeting" mt JOIN "Case" c ON c.id = mt."caseId" LEFT JOIN "Venue" v ON v.id = mt."venueId" LEFT JOIN "Child" ch ON ch."caseId" = c.id
        WHERE mt.status = 'SCHEDULED' AND mt."startsAt" >= $2 AND mt."startsAt" < $3 AND c."allocatedMediatorId" = $1 ORDER BY mt."startsAt"`,
      [me, from, to],
    ),
    rows(
      pool,
      `SELECT c.id, c.reference, c.status, ch.name AS child,
              (SELECT min(d."dueOn") FROM "CaseDeadline" d WHERE d."caseId" = c.id AND d."closedOn" IS NULL AND d.name = ANY($2::text[])) AS "lastDay"
         FROM "Case" c LEFT JOIN "Child" ch ON ch."caseId" = c.id
        WHERE c."allocatedMediatorId" = $1 AND c.status IN ('ALLOCATED', 'PREPARING')`,
      [me, MEDIATION_CLOCKS],
    ),
    rows(
      pool,
      `SELECT c.id, c.reference, c."meetingOn", ch.name AS child FROM "Case" c LEFT JOIN "Child" ch ON ch."caseId" = c.id
        WHERE c."allocatedMediatorId" = $1 AND c.status = 'MEETING_SCHEDULED' AND c."meetingOn" < $2::date ORDER BY c."meetingOn"`,
      [me, ctx.today],
    ),
    rows(
      pool,
      `SELECT mt."startsAt", mt."endsAt", c.id, c.reference, c.kind, c."healthBodyId",
              (SELECT json_agg(i.category) FROM "CaseIssue" i WHERE i."caseId" = c.id) AS issues,
              (SELECT json_agg(json_build_object('response', a.response, 'kind', p.kind, 'hasAuthority', p."hasAuthority"))
                 FROM "MeetingAttendee" a JOIN "Party" p ON p.id = a."partyId" WHERE a."meetingId" = mt.id) AS attendees
         FROM "Meeting" mt JOIN "Case" c ON c.id = mt."caseId"
        WHERE mt.status = 'SCHEDULED' AND mt.kind = 'JOINT_MEETING' AND mt."endsAt" > now() AND c."allocatedMediatorId" = $1 ORDER BY mt."startsAt"`,
      [me],
    ),
    rows(
      pool,
      `SELECT c.id, c.reference, c."meetingOn", ch.name AS child,
              (SELECT json_agg(json_build_object('id', p.id, 'name', p.name, 'kind', p.kind,
                        'booked', (SELECT min(pm."startsAt") FROM "Meeting" pm WHERE pm."partyId" = p.id AND pm.kind = 'PRE_MEETING' AND pm.status = 'SCHEDULED'))
                        ORDER BY p."createdAt", p.id)
                 FROM "Party" p WHERE p."caseId" = c.id AND ${notHeld}) AS parties
         FROM "Case" c LEFT JOIN "Child" ch ON ch."caseId" = c.id
        WHERE c."allocatedMediatorId" = $1 AND c.status = ANY($3::"CaseStatus"[]) AND (c."meetingOn" IS NULL OR c."meetingOn" >= $4::date)
          AND EXISTS (SELECT 1 FROM "Party" p WHERE p."caseId" = c.id AND ${notHeld})
        ORDER BY c."meetingOn" ASC NULLS LAST, c.reference`,
      [me, NOT_MET_ALONE, PRE_MEETING_STATUSES, ctx.today],
    ),
    listPage(pool, `${OPEN} AND c."allocatedMediatorId" = $2`, [TERMINAL_STATUSES, me]),
  );
};

/** /cases/[id] for a caseworker: the case, parties, issues, deadlines, the timeline's first page (TIMELINE_PAGE_SIZE of its 200 events, decision 0041) with their count and actors, notes, agreed actions, certificates, the family's views, undelivered emails, the booked meeting's attendees. */
const casePage: SqlFloor = async (pool, ctx) => {
  const id = ctx.caseId!;
  const timeline = pool.query<{ actorId: string | null }>(
    `SELECT id, at, type, summary, rule, visibility, "actorId", data FROM "CaseEvent" WHERE "caseId" = $1 ORDER BY at DESC, id DESC LIMIT ${TIMELINE_PAGE_SIZE}`,
    [id],
  );
  const actors = timeline.then(async (r) => {
    const ids = [...new Set(r.rows.map((e) => e.actorId).filter((x): x is string => !!x))];
    return r.rowCount! + (ids.length ? await rows(pool, `SELECT id, name FROM "User" WHERE id = ANY($1::text[])`, [ids]) : 0);
  });
  return all(
    rows(pool, USER_SQL, [ctx.userId]),
    rows(
      pool,
      `SELECT c.*, la.name AS "laName", m.name AS "mediatorName", hb.name AS "healthBodyName", ch.name AS "childName", ch."dateOfBirth", ch.setting, ch."hasEhcPlan",
              (SELECT count(*) FROM "CaseDeadline" d WHERE d."caseId" = c.id AND d.name = 'CERTIFICATE_NOT_ARRANGED' AND d.outcome IN ('MET', 'MISSED')) AS "notArranged",
              (SELECT count(*) FROM "Obligation" o WHERE o."caseId" = c.id AND o.status = 'OPEN') AS "openActions"
         FROM "Case" c JOIN "LocalAuthority" la ON la.id = c."localAuthorityId" LEFT JOIN "User" m ON m.id = c."allocatedMediatorId"
         LEFT JOIN "HealthBody" hb ON hb.id = c."healthBodyId" LEFT JOIN "Child" ch ON ch."caseId" = c.id WHERE c.id = $1`,
      [id],
    ),
    rows(pool, `SELECT * FROM "Party" WHERE "caseId" = $1 ORDER BY "createdAt"`, [id]),
    rows(pool, `SELECT id, category, description FROM "CaseIssue" WHERE "caseId" = $1 ORDER BY id`, [id]),
    rows(pool, `SELECT count(*) FROM "CaseEvent" WHERE "caseId" = $1`, [id]),
    rows(pool, `SELECT id, name, rule, "triggerOn", "dueOn", "closedOn", outcome, "daysLate" FROM "CaseDeadline" WHERE "caseId" = $1 ORDER BY "dueOn", "createdAt"`, [id]),
    actors,
    rows(
      pool,
      `SELECT n.id, n.kind, n.body, n."authorId", n."createdAt", n."meetingRecordId", n."sharedAt", n."sharedById", n."safeguardingAt", n."safeguardingById", p.name, p.kind AS "partyKind",
              a.name AS author FROM "CaseNote" n LEFT JOIN "Party" p ON p.id = n."partyId" LEFT JOIN "User" a ON a.id = n."authorId"
        WHERE n."caseId" = $1 ORDER BY n."createdAt" DESC, n.id DESC`,
      [id],
    ),
    rows(pool, `SELECT * FROM "Obligation" WHERE "caseId" = $1 ORDER BY position, "createdAt"`, [id]),
    rows(
      pool,
      `SELECT ce.*, d.version, d."fileName", s.id AS "supersededById", s."issuedOn" AS "supersededOn" FROM "Certificate" ce JOIN "Document" d ON d.id = ce."documentId"
         LEFT JOIN "Certificate" s ON s."supersedesId" = ce.id WHERE ce."caseId" = $1 ORDER BY ce."createdAt" DESC, ce.id DESC`,
      [id],
    ),
    rows(pool, `SELECT id, "createdAt", views, "childViews", "childViewsHow", "sharedAt", "userId" FROM "FamilySubmission" WHERE "caseId" = $1 AND "sharedAt" IS NOT NULL ORDER BY "createdAt" DESC`, [id]),
    rows(pool, `SELECT id, "createdAt", "fileName", mime, size, "sharedAt", "scanStatus", "userId" FROM "FamilyUpload" WHERE "caseId" = $1 AND "sharedAt" IS NOT NULL ORDER BY "createdAt" DESC`, [id]),
    rows(pool, `SELECT id, "to", subject, "createdAt", attempts, "lastError" FROM "OutboxEmail" WHERE "caseId" = $1 AND status = 'FAILED' ORDER BY "createdAt" DESC LIMIT ${UNDELIVERED_EMAILS_LIMIT}`, [id]),
    rows(
      pool,
      `SELECT a.response, p.kind, p."hasAuthority" FROM "Meeting" mt JOIN "MeetingAttendee" a ON a."meetingId" = mt.id JOIN "Party" p ON p.id = a."partyId"
        WHERE mt.id = (SELECT id FROM "Meeting" WHERE "caseId" = $1 AND kind IN ('JOINT_MEETING', 'DRS_MEETING') AND status = 'SCHEDULED' LIMIT 1)`,
      [id],
    ),
  );
};

/** The family user's case, within their scope (their own party on it, or a young person's consent). */
const FAMILY_CASE = `SELECT c.id, c.reference, c.kind, c.status, c."familyParty", c."heldOn", c."meetingOn", c."laNotifiedOn", c."decisionSentOn", c.agreement,
    c."disputedDecisions", c."decisionUnknown", c."appealLodgedOn", la.name AS "laName", ch.name AS "childName",
    (SELECT json_agg(i.category) FROM "CaseIssue" i WHERE i."caseId" = c.id) AS issues,
    (SELECT json_agg(json_build_object('id', p.id, 'name', p.name, 'kind', p.kind, 'consent', p.consent) ORDER BY p."createdAt") FROM "Party" p WHERE p."caseId" = c.id) AS parties,
    (SELECT json_agg(json_build_object('name', d.name, 'dueOn', d."dueOn")) FROM "CaseDeadline" d WHERE d."caseId" = c.id AND d."closedOn" IS NULL) AS open
  FROM "Case" c JOIN "LocalAuthority" la ON la.id = c."localAuthorityId" LEFT JOIN "Child" ch ON ch."caseId" = c.id
  WHERE c.id = $1 AND EXISTS (SELECT 1 FROM "Party" p WHERE p."caseId" = c.id AND p."userId" = $2
    AND ((p.kind = 'PARENT' AND c."familyParty" IN ('PARENT', 'YOUNG_PERSON')) OR (p.kind = 'YOUNG_PERSON' AND c."familyParty" = 'YOUNG_PERSON')))`;

/** /my-case/[caseId]: the layout's navigation and the overview (stages, next step, key dates). */
const familyPage: SqlFloor = async (pool, ctx) => {
  const [id, me] = [ctx.caseId!, ctx.userId];
  const signer = await pool.query<{ id: string; agreementId: string; contentSha256: string }>(
    `SELECT s.id, s."agreementId", a."contentSha256" FROM "AgreementSigner" s JOIN "CaseAgreement" a ON a.id = s."agreementId"
      WHERE s."caseId" = $1 AND a.status = 'AWAITING_SIGNATURES' AND s."partyId" IN (SELECT id FROM "Party" WHERE "caseId" = $1 AND "userId" = $2)
      ORDER BY a.version DESC, s.position LIMIT 1`,
    [id, me],
  );
  const s = signer.rows[0];
  return all(
    rows(pool, USER_SQL, [me]),
    rows(pool, FAMILY_CASE, [id, me]),
    rows(pool, `SELECT kind FROM "Party" WHERE "caseId" = $1 AND "userId" = $2`, [id, me]),
    rows(pool, `SELECT name, "triggerOn", "dueOn", "closedOn", outcome FROM "CaseDeadline" WHERE "caseId" = $1 ORDER BY "dueOn", "createdAt"`, [id]),
    rows(pool, `SELECT status, "startsAt" FROM "Meeting" WHERE "caseId" = $1 AND kind IN ('JOINT_MEETING', 'DRS_MEETING') AND status IN ('SCHEDULED', 'HELD') ORDER BY "startsAt"`, [id]),
    rows(pool, `SELECT count(*) FROM "MeetingRecord" WHERE "caseId" = $1`, [id]),
    rows(pool, `SELECT status FROM "CaseAgreement" WHERE "caseId" = $1 AND status IN ('AWAITING_SIGNATURES', 'SEALED')`, [id]),
    rows(
      pool,
      `SELECT ce."issuedOn", ce."appealDeadlineOn", ce."appealExplanation" FROM "Certificate" ce
        WHERE ce."caseId" = $1 AND NOT EXISTS (SELECT 1 FROM "Certificate" s WHERE s."supersedesId" = ce.id) ORDER BY ce."issuedOn" DESC, ce."createdAt" DESC LIMIT 1`,
      [id],
    ),
    rows(pool, `SELECT status, responsible, "dueOn" FROM "Obligation" WHERE "caseId" = $1 ORDER BY "dueOn", position`, [id]),
    s
      ? rows(
          pool,
          `SELECT s.id, s.name, s.capacity, s."partyId", (SELECT json_build_object('outcome', g.outcome, 'method', g.method, 'at', g.at) FROM "AgreementSignature" g
              WHERE g."signerId" = s.id AND g."contentSha256" = $2 ORDER BY g.at DESC, g.id DESC LIMIT 1) AS last
             FROM "AgreementSigner" s WHERE s."agreementId" = $1 ORDER BY s.position`,
          [s.agreementId, s.contentSha256],
        )
      : Promise.resolve(0),
  );
};

/** /reports: the LAs in scope and each table's counts (the app's own SQL, sent through pg), default filters. */
const reportsPage: SqlFloor = async (pool, ctx) => {
  await pool.query(USER_SQL, [ctx.userId]);
  const las = await pool.query<{ id: string }>(`SELECT id, name FROM "LocalAuthority" ORDER BY name, id`);
  const parsed = parseReportParams({});
  if (!parsed.ok) throw new Error("the default report filters do not parse");
  // The caseworker's report: every LA, none chosen, so no LA condition (lib/reports/report-scope.ts).
  const f = { laIds: las.rows.map((r) => r.id), everyLocalAuthority: true, from: parsed.filters.from, to: parsed.filters.to, today: ctx.today };
  return all(...REPORT_TABLES.map((t) => {
    const q = countsSql(t, f);
    return rows(pool, q.text, q.values);
  }));
};

export const SQL_FLOORS = {
  casesDefault: caseList("default"),
  casesFiltered: caseList("filtered"),
  casesSearched: caseList("searched"),
  la: laDashboard,
  mediator: mediatorHome,
  casePage,
  familyPage,
  reports: reportsPage,
} satisfies Record<string, SqlFloor>;
