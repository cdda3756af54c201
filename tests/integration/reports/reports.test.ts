/**
 * The reports for commissioners (issue 13, decision 0025) on a real PostgreSQL, over a dataset
 * seeded here with known variety (three LAs; every requester; mediations held within and after
 * 30 days and with no clock; certificates of each kind on time and late, and a correction; every
 * agreement outcome; DRS outcomes; appeals; agreed actions done on time, late, closed, open) and
 * rows just outside the period (the London day of an instant, R-63):
 *  - every figure equals a count written here by hand in SQL, independently of lib/reports;
 *  - an LA officer gets their LA's figures only, and another LA is not found; mediators and
 *    families are not found;
 *  - each figure's case list holds exactly the rows its number counts;
 *  - each CSV export is the table shown, and is safe to open in a spreadsheet.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db, type Agreement, type CaseKind, type CaseStatus, type CertificateKind, type DisputedDecision, type ObligationStatus, type Requester } from "@/lib/platform/db";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { getReport } from "@/lib/reports/get-report";
import { listReportCases } from "@/lib/reports/list-report-cases";
import { exportReportCsv } from "@/lib/reports/export-report-csv";
import { buildTable, headlines, tableText } from "@/lib/reports/report-tables";
import { REPORT_TABLES, type ReportTableId } from "@/lib/reports/definitions";
import { parseCsv } from "../../csv";
import { makeLa, makeUser, uid } from "../helpers";

/** "Today" for every call: Monday 15 June 2026 (BST), so the period below runs past it. */
const NOW = new Date("2026-06-15T11:00:00Z");
const FROM = "2026-01-01";
const TO = "2026-06-30";
const PLANTED = `PLANTED-STAFF-ONLY-${uid()}`;

let laA: { id: string; name: string };
let laB: { id: string; name: string };
let laC: { id: string; name: string };
let caseworker: SessionUser;
let admin: SessionUser;
let officerA: SessionUser;
let mediator: SessionUser;
let parent: SessionUser;

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

type Seed = {
  la: string;
  kind?: CaseKind;
  status?: CaseStatus;
  requestedBy?: Requester;
  /** The instant the referral was logged. */
  createdAt: string;
  heldOn?: string;
  agreement?: Agreement;
  decisions?: DisputedDecision[];
  appealLodgedOn?: string;
  /** Mediation clocks: name, due date and how they closed (MET/MISSED/REPLACED/CANCELLED). */
  clocks?: { name: string; dueOn: string; outcome: string }[];
  certificates?: { kind: CertificateKind; dueOn: string; issuedOn: string; correctedOn?: string }[];
  actions?: { dueOn: string; status: ObligationStatus; completedOn?: string }[];
};

async function seed(s: Seed): Promise<string> {
  const c = await db().case.create({
    data: {
      reference: `SM-REP-${uid()}`,
      kind: s.kind ?? "MEDIATION",
      status: s.status ?? "MEETING_HELD",
      requestedBy: s.requestedBy ?? "PARENT",
      localAuthorityId: s.la,
      createdAt: new Date(s.createdAt),
      heldOn: s.heldOn ? d(s.heldOn) : null,
      agreement: s.agreement ?? null,
      disputedDecisions: s.decisions ?? [],
      appealLodgedOn: s.appealLodgedOn ? d(s.appealLodgedOn) : null,
      // staff-only text that must never reach a report, a list or an export.
      staffNotes: PLANTED,
      summary: PLANTED,
    },
  });
  for (const k of s.clocks ?? []) {
    await db().caseDeadline.create({ data: { caseId: c.id, name: k.name, rule: "R-20", triggerOn: d("2026-01-01"), dueOn: d(k.dueOn), closedOn: d(k.dueOn), outcome: k.outcome } });
  }
  for (const cert of s.certificates ?? []) {
    const make = async (issuedOn: string, supersedesId: string | null) => {
      const doc = await db().document.create({
        data: {
          caseId: c.id,
          kind: "CERTIFICATE",
          title: "Certificate",
          content: "{}",
          contentSha256: randomUUID(),
          pdf: Buffer.from("%PDF-1.4"),
          pdfSha256: randomUUID(),
          pdfSize: 8,
          fileName: "certificate.pdf",
          verificationCode: randomUUID().replace(/-/g, "").slice(0, 16).toUpperCase(),
        },
      });
      return db().certificate.create({
        data: {
          caseId: c.id,
          kind: cert.kind,
          triggerOn: d("2026-01-01"),
          dueOn: d(cert.dueOn),
          issuedOn: d(issuedOn),
          issuerId: caseworker.id,
          issuerName: "Issuer",
          issues: [],
          parties: [],
          appealExplanation: "",
          documentId: doc.id,
          supersedesId,
          correctionReason: supersedesId ? PLANTED : null,
        },
      });
    };
    const original = await make(cert.issuedOn, null);
    if (cert.correctedOn) await make(cert.correctedOn, original.id);
  }
  let position = 0;
  for (const a of s.actions ?? []) {
    await db().obligation.create({
      data: {
        caseId: c.id,
        localAuthorityId: s.la,
        position: position++,
        what: PLANTED,
        responsible: "LA",
        dueOn: d(a.dueOn),
        howChecked: PLANTED,
        status: a.status,
        completedOn: a.completedOn ? d(a.completedOn) : null,
        closedReason: a.status === "CLOSED_WITH_REASON" ? PLANTED : null,
      },
    });
  }
  return c.id;
}

beforeAll(async () => {
  laA = await makeLa(`Reportshire ${uid()}`);
  laB = await makeLa(`Countborough ${uid()}`);
  // A name a spreadsheet would run as a formula (CSV injection).
  laC = await makeLa(`=HYPERLINK("http://evil.example","LA C ${uid()}")`);
  caseworker = await makeUser("CASEWORKER");
  admin = await makeUser("ADMIN");
  officerA = await makeUser("LA_OFFICER", { localAuthorityId: laA.id });
  mediator = await makeUser("MEDIATOR");
  parent = await makeUser("PARENT");

  // ── LA A ──
  // Held within 30 days, full agreement, assessment decision, appealed in the period; a certificate
  // on time; actions done on time, done late, open and overdue, and one due after the period.
  await seed({
    la: laA.id,
    requestedBy: "PARENT",
    createdAt: "2026-01-01T00:10:00Z",
    heldOn: "2026-02-05",
    agreement: "FULL",
    decisions: ["REFUSAL_TO_ASSESS"],
    appealLodgedOn: "2026-03-20",
    clocks: [{ name: "MEDIATION_30_DAY", dueOn: "2026-02-11", outcome: "MET" }],
    certificates: [{ kind: "AFTER_MEDIATION", dueOn: "2026-02-10", issuedOn: "2026-02-09" }],
    actions: [
      { dueOn: "2026-03-01", status: "DONE", completedOn: "2026-02-25" },
      { dueOn: "2026-03-05", status: "DONE", completedOn: "2026-03-10" },
      { dueOn: "2026-02-01", status: "OPEN" },
      { dueOn: "2026-09-01", status: "OPEN" },
    ],
  });
  // Held after the 30 days (a replaced clock ignored), partial agreement, plan content; a late
  // certificate corrected later (counted once); an action closed, one open and not due yet.
  await seed({
    la: laA.id,
    requestedBy: "SCHOOL",
    createdAt: "2026-02-01T09:00:00Z",
    heldOn: "2026-03-15",
    agreement: "PARTIAL",
    decisions: ["PLAN_CONTENTS_SECTION_F", "PLAN_CONTENTS_SECTION_I"],
    clocks: [
      { name: "MEDIATION_30_DAY", dueOn: "2026-02-20", outcome: "REPLACED" },
      { name: "MEDIATION_30_DAY", dueOn: "2026-03-01", outcome: "MISSED" },
    ],
    certificates: [{ kind: "AFTER_MEDIATION", dueOn: "2026-03-18", issuedOn: "2026-03-25", correctedOn: "2026-03-26" }],
    actions: [
      { dueOn: "2026-03-20", status: "CLOSED_WITH_REASON" },
      { dueOn: "2026-06-20", status: "OPEN" },
    ],
  });
  // Advice only: certificate on time; an appeal with no meeting.
  await seed({
    la: laA.id,
    kind: "ADVICE_ONLY",
    status: "CERTIFICATE_ISSUED",
    requestedBy: "YOUNG_PERSON",
    createdAt: "2026-03-01T10:00:00Z",
    decisions: ["REFUSAL_TO_ASSESS"],
    appealLodgedOn: "2026-04-10",
    certificates: [{ kind: "ADVICE_ONLY", dueOn: "2026-03-05", issuedOn: "2026-03-05" }],
  });
  // DRS: a meeting with no agreement (not a mediation); one that did not proceed.
  await seed({ la: laA.id, kind: "DRS", status: "MONITORING", requestedBy: "LOCAL_AUTHORITY", createdAt: "2026-02-10T10:00:00Z", heldOn: "2026-03-01", agreement: "NONE" });
  await seed({ la: laA.id, kind: "DRS", status: "NOT_PROCEEDING", requestedBy: "IASS", createdAt: "2026-03-03T10:00:00Z" });
  // Logged at 23:30 BST on 30 June (inside); a "could not be arranged" certificate, late.
  await seed({
    la: laA.id,
    status: "ALLOCATED",
    requestedBy: "IASS",
    createdAt: "2026-06-30T22:30:00Z",
    certificates: [{ kind: "NOT_ARRANGED", dueOn: "2026-06-10", issuedOn: "2026-06-12" }],
  });
  // Logged at 23:30 GMT on 31 December (outside), held in the period with no clock and no outcome;
  // appealed before the period (SEN2 still counts it as followed by an appeal).
  await seed({ la: laA.id, requestedBy: "PARENT", createdAt: "2025-12-31T23:30:00Z", heldOn: "2026-01-05", appealLodgedOn: "2025-12-20" });
  // Logged at 00:30 BST on 1 July and held on 1 July: outside.
  await seed({ la: laA.id, requestedBy: "SCHOOL", createdAt: "2026-06-30T23:30:00Z", heldOn: "2026-07-01", agreement: "FULL", clocks: [{ name: "MEDIATION_30_DAY", dueOn: "2026-07-20", outcome: "MET" }] });
  // Health only and more: the LA's clock met but the ICB's missed → after; stopping a plan (other).
  await seed({
    la: laA.id,
    requestedBy: "PARENT",
    createdAt: "2026-03-01T10:00:00Z",
    heldOn: "2026-04-02",
    agreement: "NONE",
    decisions: ["CEASE_PLAN"],
    clocks: [
      { name: "MEDIATION_30_DAY", dueOn: "2026-04-05", outcome: "MET" },
      { name: "ICB_MEDIATION_30_DAY", dueOn: "2026-04-01", outcome: "MISSED" },
      { name: "HEALTH_NOTIFICATION", dueOn: "2026-03-01", outcome: "MISSED" },
    ],
  });

  // ── LA B ──
  await seed({
    la: laB.id,
    requestedBy: "PARENT",
    createdAt: "2026-01-20T10:00:00Z",
    heldOn: "2026-02-20",
    agreement: "FULL",
    decisions: ["NO_PLAN_AFTER_ASSESSMENT"],
    appealLodgedOn: "2026-05-01",
    // Both clocks met: one mediation held within 30 days, counted (and listed) once.
    clocks: [
      { name: "MEDIATION_30_DAY", dueOn: "2026-02-25", outcome: "MET" },
      { name: "ICB_MEDIATION_30_DAY", dueOn: "2026-02-24", outcome: "MET" },
    ],
    certificates: [{ kind: "AFTER_MEDIATION", dueOn: "2026-02-25", issuedOn: "2026-02-24" }],
    actions: [{ dueOn: "2026-04-01", status: "DONE", completedOn: "2026-04-01" }],
  });
  await seed({ la: laB.id, kind: "DRS", status: "WITHDRAWN", requestedBy: "SCHOOL", createdAt: "2026-04-01T10:00:00Z" });
  await seed({ la: laB.id, kind: "DRS", status: "ALLOCATED", requestedBy: "PARENT", createdAt: "2026-04-02T10:00:00Z" });

  // ── LA C (a name that looks like a formula) ──
  await seed({
    la: laC.id,
    requestedBy: "LOCAL_AUTHORITY",
    createdAt: "2026-05-01T10:00:00Z",
    heldOn: "2026-05-20",
    agreement: "PARTIAL",
    decisions: ["REFUSAL_TO_REASSESS"],
    clocks: [{ name: "MEDIATION_30_DAY", dueOn: "2026-05-30", outcome: "MET" }],
    certificates: [{ kind: "ADVICE_ONLY", dueOn: "2026-05-05", issuedOn: "2026-05-07" }],
  });
});

// ---------------------------------------------------------------------------------------------
// The same figures, counted by hand (independently of lib/reports), over the LAs `las`.
// ---------------------------------------------------------------------------------------------

type Counts = Record<string, number>;

async function handCounts(las: string[], from = FROM, to = TO, today = "2026-06-15"): Promise<Record<ReportTableId, Counts>> {
  const q = async (text: string): Promise<Counts> => {
    const rows = await db().$queryRawUnsafe<{ k: string; n: number }[]>(text, las, from, to, today);
    return Object.fromEntries(rows.map((r) => [r.k, Number(r.n)]));
  };
  // Which cases are mediations held in the period.
  const held = `c.kind = 'MEDIATION' AND c."heldOn" >= $2::date AND c."heldOn" <= $3::date AND c."localAuthorityId" = ANY($1::text[])`;
  const logged = `timezone('Europe/London', c."createdAt")::date >= $2::date AND timezone('Europe/London', c."createdAt")::date <= $3::date AND c."localAuthorityId" = ANY($1::text[])`;
  const clock = (outcome: string) => `EXISTS (SELECT 1 FROM "CaseDeadline" x WHERE x."caseId" = c.id AND x.name IN ('MEDIATION_30_DAY', 'ICB_MEDIATION_30_DAY') AND x.outcome = '${outcome}')`;
  const reason = `(CASE WHEN 'REFUSAL_TO_ASSESS' = ANY(c."disputedDecisions") OR 'NO_PLAN_AFTER_ASSESSMENT' = ANY(c."disputedDecisions") OR 'REFUSAL_TO_REASSESS' = ANY(c."disputedDecisions") THEN 'ASSESSMENT' WHEN array_length(c."disputedDecisions", 1) IS NULL THEN 'NO_DECISION' ELSE 'OTHER' END)`;
  return {
    referrals: await q(`SELECT c."requestedBy"::text AS k, count(*)::int AS n FROM "Case" c WHERE ${logged} AND $4::text IS NOT NULL GROUP BY 1`),
    mediations: await q(
      `SELECT (CASE WHEN ${clock("MISSED")} THEN 'AFTER_30_DAYS' WHEN ${clock("MET")} THEN 'WITHIN_30_DAYS' ELSE 'NO_CLOCK' END) AS k, count(*)::int AS n FROM "Case" c WHERE ${held} AND $4::text IS NOT NULL GROUP BY 1`,
    ),
    certificates: await q(
      `SELECT ce.kind::text || '.' || (CASE WHEN ce."issuedOn" > ce."dueOn" THEN 'LATE' ELSE 'ON_TIME' END) AS k, count(*)::int AS n
       FROM "Certificate" ce, "Case" c WHERE c.id = ce."caseId" AND ce."supersedesId" IS NULL AND ce."issuedOn" >= $2::date AND ce."issuedOn" <= $3::date
       AND c."localAuthorityId" = ANY($1::text[]) AND $4::text IS NOT NULL GROUP BY 1`,
    ),
    agreements: await q(`SELECT COALESCE(c.agreement::text, 'NOT_RECORDED') AS k, count(*)::int AS n FROM "Case" c WHERE ${held} AND $4::text IS NOT NULL GROUP BY 1`),
    sen2: await q(
      `SELECT ${reason} || (CASE WHEN c."appealLodgedOn" IS NULL THEN '.NOT_APPEALED' ELSE '.APPEALED' END) AS k, count(*)::int AS n FROM "Case" c WHERE ${held} AND $4::text IS NOT NULL GROUP BY 1`,
    ),
    appeals: await q(
      `SELECT (CASE WHEN c.kind = 'MEDIATION' AND c."heldOn" IS NOT NULL THEN 'MEDIATION_HELD' ELSE 'NO_MEETING' END) AS k, count(*)::int AS n FROM "Case" c
       WHERE c."appealLodgedOn" >= $2::date AND c."appealLodgedOn" <= $3::date AND c."localAuthorityId" = ANY($1::text[]) AND $4::text IS NOT NULL GROUP BY 1`,
    ),
    drs: await q(
      `SELECT (CASE WHEN c."heldOn" IS NOT NULL AND c.agreement IS NOT NULL THEN 'HELD_' || c.agreement::text WHEN c."heldOn" IS NOT NULL THEN 'HELD_NOT_RECORDED'
        WHEN c.status = 'NOT_PROCEEDING' THEN 'NOT_PROCEEDING' WHEN c.status = 'WITHDRAWN' OR c.status = 'CLOSED' THEN 'ENDED_WITHOUT_MEETING' ELSE 'IN_PROGRESS' END) AS k, count(*)::int AS n
       FROM "Case" c WHERE c.kind = 'DRS' AND ${logged} AND $4::text IS NOT NULL GROUP BY 1`,
    ),
    actions: await q(
      `SELECT (CASE WHEN o.status = 'OPEN' AND o."dueOn" < $4::date THEN 'OPEN_OVERDUE' WHEN o.status = 'OPEN' THEN 'OPEN_NOT_DUE' WHEN o.status = 'CLOSED_WITH_REASON' THEN 'CLOSED'
        WHEN o."completedOn" <= o."dueOn" THEN 'DONE_ON_TIME' ELSE 'DONE_LATE' END) AS k, count(*)::int AS n
       FROM "Obligation" o WHERE o."dueOn" >= $2::date AND o."dueOn" <= $3::date AND o."localAuthorityId" = ANY($1::text[]) GROUP BY 1`,
    ),
  };
}

const params = (extra: Record<string, string> = {}) => ({ from: FROM, to: TO, ...extra });

async function reportCounts(user: SessionUser, extra: Record<string, string> = {}) {
  const r = await getReport(user, params(extra), NOW);
  if (!r.ok) throw new Error(`report refused the period: ${JSON.stringify(r.errors)}`);
  return r;
}

const allLaIds = async () => (await db().localAuthority.findMany({ select: { id: true } })).map((l) => l.id);

describe("every figure equals a count by hand", () => {
  it("for one LA, with the variety seeded (the period by the London day, R-63)", async () => {
    const r = await reportCounts(caseworker, { la: laA.id });
    const hand = await handCounts([laA.id]);
    expect(r.counts).toEqual(hand);
    // The dataset has the variety it claims (so equal is not trivially zero = zero).
    expect(hand.referrals).toEqual({ PARENT: 2, SCHOOL: 1, YOUNG_PERSON: 1, LOCAL_AUTHORITY: 1, IASS: 2 });
    expect(hand.mediations).toEqual({ WITHIN_30_DAYS: 1, AFTER_30_DAYS: 2, NO_CLOCK: 1 });
    expect(hand.certificates).toEqual({ "AFTER_MEDIATION.ON_TIME": 1, "AFTER_MEDIATION.LATE": 1, "ADVICE_ONLY.ON_TIME": 1, "NOT_ARRANGED.LATE": 1 });
    expect(hand.agreements).toEqual({ FULL: 1, PARTIAL: 1, NONE: 1, NOT_RECORDED: 1 });
    expect(hand.sen2).toEqual({ "ASSESSMENT.APPEALED": 1, "OTHER.NOT_APPEALED": 2, "NO_DECISION.APPEALED": 1 });
    expect(hand.appeals).toEqual({ MEDIATION_HELD: 1, NO_MEETING: 1 });
    expect(hand.drs).toEqual({ HELD_NONE: 1, NOT_PROCEEDING: 1 });
    expect(hand.actions).toEqual({ DONE_ON_TIME: 1, DONE_LATE: 1, CLOSED: 1, OPEN_OVERDUE: 1, OPEN_NOT_DUE: 1 });
  });

  it("for all LAs (the office's default), and for each LA chosen", async () => {
    const all = await reportCounts(admin);
    expect(all.counts).toEqual(await handCounts(await allLaIds()));
    expect(all.scope.canChoose).toBe(true);
    for (const la of [laB, laC]) expect((await reportCounts(caseworker, { la: la.id })).counts).toEqual(await handCounts([la.id]));
  });

  it("a mediation whose two 30-day clocks were both met counts once, and lists once", async () => {
    expect((await handCounts([laB.id])).mediations).toEqual({ WITHIN_30_DAYS: 1 });
    expect((await reportCounts(caseworker, { la: laB.id })).counts.mediations).toEqual({ WITHIN_30_DAYS: 1 });
    const list = await listReportCases(caseworker, params({ la: laB.id, figure: "mediations.WITHIN_30_DAYS" }), NOW);
    expect([list.total, list.rows.length]).toEqual([1, 1]);
  });

  it("over the default period, the 12 months up to today", async () => {
    const r = await getReport(caseworker, { la: laA.id }, NOW);
    expect(r.ok && r.filters).toEqual({ la: laA.id, from: "2025-06-16", to: "2026-06-15" });
    expect(r.ok && r.counts).toEqual(await handCounts([laA.id], "2025-06-16", "2026-06-15"));
  });

  it("the headline shares are worked out from the same counts", async () => {
    const r = await reportCounts(caseworker, { la: laA.id });
    const h = Object.fromEntries(headlines(r.counts).map((x) => [x.key, x.value]));
    expect(h["Mediations held"]).toBe("4");
    expect(h["Mediations held within 30 days"]).toBe("33%"); // 1 of the 3 with a 30-day date
    expect(h["Certificates issued within 3 working days"]).toBe("50%");
    expect(h["Mediations reaching full or partial agreement"]).toBe("67%");
    expect(h["Agreed actions done on time"]).toBe("25%"); // 1 of the 4 due by today
  });

  it("a date that is not real, or an end before the start, is explained and counts nothing", async () => {
    const bad = await getReport(caseworker, { "from-day": "31", "from-month": "2", "from-year": "2026", "to-day": "1", "to-month": "1", "to-year": "2026" }, NOW);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.from).toBe("The start of the period must be a real date – February 2026 has 28 days");
    const backwards = await getReport(caseworker, { from: "2026-03-01", to: "2026-02-01" }, NOW);
    expect(!backwards.ok && backwards.errors.to).toBe("The end of the period must be the same as or after its start");
  });
});

describe("who sees what", () => {
  it("an LA officer gets their own LA's figures, whatever they ask for", async () => {
    const r = await reportCounts(officerA);
    expect(r.counts).toEqual(await handCounts([laA.id]));
    expect(r.scope.canChoose).toBe(false);
    expect(r.scope.localAuthorities).toEqual([{ id: laA.id, name: laA.name }]);
    expect((await reportCounts(officerA, { la: laA.id })).counts).toEqual(await handCounts([laA.id]));
    await expect(getReport(officerA, params({ la: laB.id }), NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listReportCases(officerA, params({ la: laB.id, figure: "referrals" }), NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(exportReportCsv(officerA, params({ la: laB.id, table: "referrals" }), NOW)).rejects.toBeInstanceOf(NotFoundError);
    // Their case lists hold their LA's cases only.
    const list = await listReportCases(officerA, params({ figure: "referrals" }), NOW);
    expect(new Set(list.rows.map((x) => x.localAuthority))).toEqual(new Set([laA.name]));
  });

  it("mediators and families are not found; neither is an LA that does not exist", async () => {
    for (const u of [mediator, parent]) {
      await expect(getReport(u, params(), NOW)).rejects.toBeInstanceOf(NotFoundError);
      await expect(listReportCases(u, params({ figure: "referrals" }), NOW)).rejects.toBeInstanceOf(NotFoundError);
      await expect(exportReportCsv(u, params({ table: "referrals" }), NOW)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(getReport(caseworker, params({ la: "no-such-la" }), NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listReportCases(caseworker, params({ figure: "referrals.NOBODY" }), NOW)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("each figure opens the cases behind it", () => {
  it("every linked number in every table equals its list, and the list is what a hand count finds", async () => {
    const r = await reportCounts(caseworker, { la: laA.id });
    let checked = 0;
    for (const id of REPORT_TABLES) {
      for (const row of buildTable(id, r.counts).rows) {
        for (const cell of row.cells.filter((c) => c.figure)) {
          const list = await listReportCases(caseworker, params({ la: laA.id, figure: cell.figure! }), NOW);
          expect(list.total, `${cell.figure}`).toBe(Number(cell.text));
          expect(list.rows).toHaveLength(Math.min(list.total, list.perPage));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(40);

    // The rows themselves, for two figures, by hand.
    const late = await listReportCases(caseworker, params({ la: laA.id, figure: "certificates.*.LATE" }), NOW);
    const lateByHand = await db().$queryRawUnsafe<{ reference: string }[]>(
      `SELECT c.reference FROM "Certificate" ce JOIN "Case" c ON c.id = ce."caseId" WHERE ce."supersedesId" IS NULL AND ce."issuedOn" > ce."dueOn"
       AND ce."issuedOn" BETWEEN $2::date AND $3::date AND c."localAuthorityId" = $1 ORDER BY ce."issuedOn"`,
      laA.id,
      FROM,
      TO,
    );
    expect(late.rows.map((x) => x.reference)).toEqual(lateByHand.map((x) => x.reference));
    expect(late.rows.map((x) => x.on)).toEqual(["2026-03-25", "2026-06-12"]);

    const referrals = await listReportCases(caseworker, params({ la: laA.id, figure: "referrals" }), NOW);
    const referralsByHand = await db().$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM "Case" WHERE "localAuthorityId" = $1 AND timezone('Europe/London', "createdAt")::date BETWEEN $2::date AND $3::date`,
      laA.id,
      FROM,
      TO,
    );
    expect(new Set(referrals.rows.map((x) => x.caseId))).toEqual(new Set(referralsByHand.map((x) => x.id)));
    // Staff-only text never reaches a list.
    expect(JSON.stringify([late, referrals])).not.toContain(PLANTED);
  });

  it("pages a long list", async () => {
    const all = await listReportCases(admin, params({ figure: "referrals" }), NOW);
    const total = all.total;
    expect(total).toBe(Object.values((await handCounts(await allLaIds())).referrals).reduce((a, b) => a + b, 0));
    const last = Math.max(1, Math.ceil(total / all.perPage));
    const beyond = await listReportCases(admin, params({ figure: "referrals", page: String(last + 5) }), NOW);
    expect(beyond.page).toBe(last);
  });
});

describe("CSV export", () => {
  it("each table's CSV is the table shown, for the same filters", async () => {
    const r = await reportCounts(caseworker, { la: laA.id });
    for (const id of REPORT_TABLES) {
      const csv = await exportReportCsv(caseworker, params({ la: laA.id, table: id }), NOW);
      expect(parseCsv(csv.body), id).toEqual(tableText(buildTable(id, r.counts)));
      expect(csv.fileName).toMatch(new RegExp(`^${id}-reportshire-[a-z0-9-]+-2026-01-01-to-2026-06-30\\.csv$`));
    }
    // The LA officer's export is their LA's, whatever the query.
    const officers = await exportReportCsv(officerA, params({ table: "referrals" }), NOW);
    expect(parseCsv(officers.body)).toEqual(tableText(buildTable("referrals", r.counts)));
    // Issue 13: each export is in the audit trail, with its report and filters (decision 0026).
    const exported = await db().auditEvent.findFirstOrThrow({ where: { action: "export.downloaded", actorId: officerA.id }, orderBy: { at: "desc" } });
    expect(exported).toMatchObject({ entityType: "Export", entityId: "referrals", caseId: null });
    expect(exported.after).toMatchObject({ export: "report", report: "referrals", from: FROM, to: TO });
  });

  it("a case list's CSV holds every row of the list, and a formula-like name cannot run", async () => {
    const list = await listReportCases(caseworker, params({ la: laC.id, figure: "mediations" }), NOW);
    const csv = await exportReportCsv(caseworker, params({ la: laC.id, figure: "mediations" }), NOW);
    const rows = parseCsv(csv.body);
    expect(rows[0]).toEqual(["Case reference", "Local authority", "Meeting held on", "Group"]);
    expect(rows.slice(1).map((x) => x[0])).toEqual(list.rows.map((x) => x.reference));
    expect(rows[1]![1]).toBe(`'${laC.name}`);
    expect(csv.body).not.toContain(PLANTED);
  });
});
