/**
 * Scale data (issue 14, decision 0031): `seedScale` on a small number of cases, checked for what a
 * user of the seeded database would notice — every stage, LAs of very different sizes, about ten
 * timeline entries a case, deadlines that agree with the date engine, the app's own lists working
 * on it for the accounts the benchmarks sign in as — and its refusals, which write nothing.
 *
 * It runs in a database of its own on the test server (made, migrated and dropped here), because
 * the shared test database holds other files' cases, which are real data to the seed.
 */
import { execFileSync } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import type { SessionUser } from "@/lib/auth/types";
import { caseScope } from "@/lib/auth/scope";
import { CASE_STATUSES, TERMINAL_STATUSES, type DeadlineName } from "@/lib/cases/lifecycle/vocabulary";
import { daysLate, dueDateFor } from "@/lib/cases/deadlines/definitions";
import { agreementActionDueDate, isoFromDbDate, type AgreementActionKind } from "@/lib/deadlines";
import { listCases } from "@/lib/cases/list/list-cases";
import { PAGE_SIZE } from "@/lib/cases/list/list-params";
import { listLaDeadlines } from "@/lib/la/list-la-deadlines";
import { LONG_TIMELINE_EVENTS, RealDataError, ScaleDataExistsError, ScaleDataInProductionError, scaleSubjects, seedScale, type ScaleResult } from "@/lib/seed/scale";
import { laAnnualRequests, LA_REQUESTS_LARGEST } from "@/lib/seed/scale-plan";

const CASES = 1_500;
const sharedUrl = process.env.DATABASE_URL!;
const dbName = `scale_test_${process.pid}`;
const scaleUrl = (() => {
  const u = new URL(sharedUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
})();

let result: ScaleResult;
const progress: [number, number, string][] = [];
let sql: pg.Client;

async function admin<T>(f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: sharedUrl });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

async function userByEmail(email: string): Promise<SessionUser & { passwordHash: string | null }> {
  const u = await db().user.findUniqueOrThrow({ where: { email } });
  return { id: u.id, email: u.email, name: u.name, role: u.role, localAuthorityId: u.localAuthorityId, passwordHash: u.passwordHash };
}

/** Rows in the tables the seed writes: what "writes nothing" is checked against. */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = ["Case", "Child", "Party", "User", "CaseEvent", "CaseDeadline", "Meeting", "Document", "Certificate", "Obligation", "LocalAuthority"];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`)).rows[0]!.n;
  return out;
}

beforeAll(async () => {
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${dbName}"`);
  });
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: scaleUrl }, stdio: "pipe" });
  // The app's own queries (db()) read this database for the rest of the file.
  process.env.DATABASE_URL = scaleUrl;
  sql = new pg.Client({ connectionString: scaleUrl });
  await sql.connect();
  result = await seedScale(scaleUrl, { cases: CASES, checkForeignKeys: true, onProgress: (d, t, s) => progress.push([d, t, s]) });
}, 300_000);

afterAll(async () => {
  await sql?.end();
  await db().$disconnect();
  process.env.DATABASE_URL = sharedUrl;
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
}, 60_000);

describe("seedScale", () => {
  it("writes the cases asked for, in batches it reports, with their rows", async () => {
    expect(result.counts.Case).toBe(CASES);
    expect((await sql.query(`SELECT count(*)::int AS n FROM "Case" WHERE reference LIKE 'SM-SCALE-%'`)).rows[0].n).toBe(CASES);
    const caseSteps = progress.filter(([, , s]) => s === "cases");
    expect(caseSteps.at(-1)).toEqual([CASES, CASES, "cases"]);
    expect(caseSteps.map(([d]) => d)).toEqual([...caseSteps.map(([d]) => d)].sort((a, b) => a - b));
    // Every case has its child and its family party; documents are metadata with a tiny shared PDF.
    expect(result.counts.Child).toBe(CASES);
    const noFamily = await sql.query(`SELECT count(*)::int AS n FROM "Case" c WHERE NOT EXISTS (SELECT 1 FROM "Party" p WHERE p."caseId" = c.id AND p.kind::text = c."familyParty"::text)`);
    expect(noFamily.rows[0].n).toBe(0);
    const pdf = await sql.query(`SELECT max(length(pdf))::int AS biggest, count(DISTINCT "pdfSha256")::int AS kinds FROM "Document"`);
    expect(pdf.rows[0].biggest).toBeLessThan(1_000);
    expect(pdf.rows[0].kinds).toBe(1);
  });

  it("has every lifecycle stage, most cases finished as in a provider's history", async () => {
    const r = await sql.query<{ status: string; n: number }>(`SELECT status::text, count(*)::int AS n FROM "Case" GROUP BY 1`);
    const by = Object.fromEntries(r.rows.map((x) => [x.status, x.n]));
    for (const s of CASE_STATUSES) expect(by[s], s).toBeGreaterThan(0);
    const finished = TERMINAL_STATUSES.reduce((n, s) => n + (by[s] ?? 0), 0);
    expect(finished / CASES).toBeGreaterThan(0.7);
    // Meetings, agreements with agreed actions, certificates, on the cases that reached them.
    const held = await sql.query(`SELECT count(*)::int AS n FROM "Case" WHERE "heldOn" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "MeetingRecord" m WHERE m."caseId" = "Case".id)`);
    expect(held.rows[0].n).toBe(0);
    for (const t of ["Meeting", "MeetingAttendee", "CaseAgreement", "AgreementAction", "Obligation", "Certificate", "AgreementSignature"]) expect(result.counts[t], t).toBeGreaterThan(CASES / 10);
    const kinds = await sql.query<{ kind: string }>(`SELECT DISTINCT kind::text FROM "Meeting"`);
    expect(kinds.rows.map((k) => k.kind).sort()).toEqual(["DRS_MEETING", "JOINT_MEETING", "PRE_MEETING"]);
  });

  it("gives LAs sizes skewed as SEN2's: the largest several times the median", async () => {
    // The shape at full size: SEN2 2024's median, 90th percentile and largest (docs/domain §10).
    const full = laAnnualRequests(150).sort((a, b) => a - b);
    expect(full[74]!).toBeGreaterThan(40);
    expect(full[75]!).toBeLessThan(50);
    expect(full[134]!).toBeGreaterThan(140);
    expect(full[134]!).toBeLessThan(170);
    expect(full.at(-1)).toBe(LA_REQUESTS_LARGEST);
    // This run's LAs.
    const r = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Case" GROUP BY "localAuthorityId" ORDER BY 1`);
    const sizes = r.rows.map((x) => x.n);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(CASES);
    expect(sizes.length).toBeGreaterThanOrEqual(6);
    const median = sizes[Math.floor(sizes.length / 2)]!;
    expect(sizes.at(-1)!).toBeGreaterThan(2.5 * median);
    expect(sizes[0]!).toBeLessThan(median / 2);
  });

  it("writes about ten timeline entries a case, and one case with 200", async () => {
    const perCase = (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "CaseEvent" GROUP BY "caseId"`)).rows.map((x) => x.n);
    expect(perCase.length).toBe(CASES);
    const mean = perCase.reduce((a, b) => a + b, 0) / CASES;
    expect(mean).toBeGreaterThan(8);
    expect(mean).toBeLessThan(13);
    const long = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "CaseEvent" WHERE "caseId" = $1`, [result.subjects.caseWith200EventsId]);
    expect(long.rows[0]!.n).toBe(LONG_TIMELINE_EVENTS);
  });

  it("dates deadlines, lateness and agreed actions as the date engine does", async () => {
    const rows = await db().caseDeadline.findMany({ where: { case: { reference: { startsWith: "SM-SCALE-" } } }, orderBy: { id: "asc" }, take: 400 });
    expect(rows.length).toBe(400);
    for (const d of rows) {
      const name = d.name as DeadlineName;
      expect(isoFromDbDate(d.dueOn), `${d.id}`).toBe(dueDateFor(name, isoFromDbDate(d.triggerOn)));
      if (d.outcome === "MISSED") expect(d.daysLate).toBe(daysLate(name, isoFromDbDate(d.dueOn), isoFromDbDate(d.closedOn!)));
      if (d.outcome === "MET") expect(isoFromDbDate(d.closedOn!) <= isoFromDbDate(d.dueOn)).toBe(true);
    }
    expect(rows.some((d) => d.outcome === "MISSED")).toBe(true);
    // The case list's denormalised next deadline is the earliest open one, on every case.
    const wrong = await sql.query(`
      SELECT count(*)::int AS n FROM "Case" c
       WHERE c."nextDeadlineOn" IS DISTINCT FROM (SELECT min(d."dueOn") FROM "CaseDeadline" d WHERE d."caseId" = c.id AND d."closedOn" IS NULL)`);
    expect(wrong.rows[0].n).toBe(0);
    const actions = await sql.query<{ kind: AgreementActionKind; agreedOn: Date; dueOn: Date }>(
      `SELECT a.kind::text AS kind, g."agreedOn", a."dueOn" FROM "AgreementAction" a JOIN "CaseAgreement" g ON g.id = a."agreementId" WHERE a.kind::text NOT IN ('OTHER', 'MAINTAIN_OR_CEASE') LIMIT 200`,
    );
    expect(actions.rows.length).toBeGreaterThan(20);
    for (const a of actions.rows) expect(isoFromDbDate(a.dueOn)).toBe(agreementActionDueDate(isoFromDbDate(a.agreedOn), a.kind));
    // Certificates: never before their trigger; "late" exactly when issued after the due date.
    const certs = await sql.query(`SELECT count(*) FILTER (WHERE "issuedOn" < "triggerOn")::int AS early, count(*) FILTER (WHERE "issuedOn" > "dueOn")::int AS late FROM "Certificate"`);
    expect(certs.rows[0].early).toBe(0);
  });

  it("gives the benchmarks' accounts the right roles and scopes", async () => {
    const s = result.subjects;
    expect(await scaleSubjects(scaleUrl)).toEqual(s);
    for (const list of [s.staffEmails.caseworkers, s.staffEmails.mediators, s.staffEmails.laOfficers]) expect(list.length).toBeGreaterThanOrEqual(10);
    expect(s.familyEmails.length).toBeGreaterThanOrEqual(20);
    const caseworker = await userByEmail(s.caseworkerEmail);
    expect(caseworker.role).toBe("CASEWORKER");
    expect(caseworker.passwordHash).toMatch(/^\$2/);
    const mediator = await userByEmail(s.mediatorEmail);
    expect(mediator.role).toBe("MEDIATOR");
    expect(await db().case.count({ where: caseScope(mediator) })).toBeGreaterThan(10);
    const officer = await userByEmail(s.laOfficerEmail);
    expect(officer.role).toBe("LA_OFFICER");
    const largest = await sql.query(`SELECT "localAuthorityId" AS la FROM "Case" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
    expect(officer.localAuthorityId).toBe(largest.rows[0].la);
    // Family accounts: no password (they sign in by link), each sees exactly its own case.
    const family = await userByEmail(s.familyEmail);
    expect(family.role).toBe("PARENT");
    expect(family.passwordHash).toBeNull();
    const own = await db().case.findMany({ where: caseScope(family), select: { status: true, meetingOn: true } });
    expect(own).toHaveLength(1);
    expect(own[0]!.status).toBe("MEETING_SCHEDULED");
    expect(own[0]!.meetingOn).not.toBeNull();
    for (const email of s.familyEmails) {
      const u = await userByEmail(email);
      expect(u.role).toBe("PARENT");
      expect(await db().case.count({ where: caseScope(u) }), email).toBe(1);
    }
    // The long case is the caseworker's to open.
    expect(await db().case.count({ where: { AND: [caseScope(caseworker), { id: s.caseWith200EventsId }] } })).toBe(1);
  });

  it("works with the app's own lists: the caseworker's full page, the largest LA's dashboard", async () => {
    const caseworker = await userByEmail(result.subjects.caseworkerEmail);
    const list = await listCases(caseworker, {});
    const open = await sql.query(`SELECT count(*)::int AS n FROM "Case" WHERE status::text NOT IN ('CLOSED', 'NOT_PROCEEDING')`);
    expect(list.total).toBe(open.rows[0].n);
    expect(list.rows).toHaveLength(PAGE_SIZE);
    // Search ignores accents, on names seeded with them.
    const accented = await sql.query<{ name: string }>(`SELECT name FROM "Child" WHERE name LIKE 'Łukasz %' ORDER BY id LIMIT 1`);
    const found = await listCases(caseworker, { q: accented.rows[0]!.name.replace("Ł", "L"), status: "ALL" });
    expect(found.rows.some((r) => r.childName === accented.rows[0]!.name)).toBe(true);

    const officer = await userByEmail(result.subjects.laOfficerEmail);
    const dash = await listLaDeadlines(officer);
    expect(dash.rows.length).toBeGreaterThan(0);
    const cases = await sql.query<{ id: string; la: string }>(`SELECT id, "localAuthorityId" AS la FROM "Case" WHERE id = ANY($1::text[])`, [dash.rows.map((r) => r.caseId)]);
    expect(new Set(cases.rows.map((c) => c.la))).toEqual(new Set([officer.localAuthorityId]));
    const outstanding = await sql.query(
      `SELECT (SELECT count(*) FROM "CaseDeadline" d JOIN "Case" c ON c.id = d."caseId" WHERE c."localAuthorityId" = $1 AND d."closedOn" IS NULL)
            + (SELECT count(*) FROM "Obligation" o WHERE o."localAuthorityId" = $1 AND o.status = 'OPEN') AS n`,
      [officer.localAuthorityId],
    );
    expect(dash.counts.all).toBe(Number(outstanding.rows[0].n));
  });

  it("refuses, writing nothing, beside a real case, in production, and over scale data without --reset", async () => {
    const before = await rowCounts();
    await expect(seedScale(scaleUrl, { cases: 10 })).rejects.toBeInstanceOf(ScaleDataExistsError);
    expect(await rowCounts()).toEqual(before);

    const env = process.env as Record<string, string | undefined>;
    env.NODE_ENV = "production";
    try {
      await expect(seedScale(scaleUrl, { cases: 10, reset: true })).rejects.toBeInstanceOf(ScaleDataInProductionError);
    } finally {
      env.NODE_ENV = "test";
    }
    expect(await rowCounts()).toEqual(before);

    const la = await sql.query<{ id: string }>(`SELECT id FROM "LocalAuthority" LIMIT 1`);
    await sql.query(`INSERT INTO "Case" (id, reference, "localAuthorityId", "updatedAt") VALUES ('real-case-1', 'SM-2026-00001', $1, now())`, [la.rows[0]!.id]);
    const withReal = await rowCounts();
    await expect(seedScale(scaleUrl, { cases: 10, reset: true })).rejects.toBeInstanceOf(RealDataError);
    expect(await rowCounts()).toEqual(withReal);
    await sql.query(`DELETE FROM "Case" WHERE id = 'real-case-1'`);
  });

  it("with reset, replaces the scale cases (and only them) with the new number", async () => {
    await sql.query(`INSERT INTO "Case" (id, reference, "localAuthorityId", "updatedAt") SELECT 'demo-case-1', 'SM-DEMO-99999', id, now() FROM "LocalAuthority" LIMIT 1`);
    const r = await seedScale(scaleUrl, { cases: 60, reset: true, checkForeignKeys: true });
    expect(r.counts.deletedCases).toBe(CASES);
    const left = await sql.query<{ scale: number; demo: number; orphans: number }>(`
      SELECT count(*) FILTER (WHERE reference LIKE 'SM-SCALE-%')::int AS scale, count(*) FILTER (WHERE reference LIKE 'SM-DEMO-%')::int AS demo,
             (SELECT count(*) FROM "Document" WHERE "caseId" IS NULL)::int AS orphans FROM "Case"`);
    expect(left.rows[0]).toEqual({ scale: 60, demo: 1, orphans: 0 });
    expect((await sql.query(`SELECT count(*)::int AS n FROM "CaseEvent" WHERE "caseId" = $1`, [r.subjects.caseWith200EventsId])).rows[0].n).toBe(LONG_TIMELINE_EVENTS);
  }, 120_000);
});
