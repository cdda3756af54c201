/**
 * Issue 13, the audit trail (decision 0026): reads of cases, documents and exports are recorded
 * (who, what, when; a repeat within READ_AUDIT_WINDOW_MINUTES is one row; a failure never stops
 * the page), /admin/audit's filters, pages and CSV, and the database itself refusing to change,
 * delete or truncate an audit row — for the app's Prisma client and for a plain `pg` connection on
 * DATABASE_URL — except redactCaseAudit's redaction of one case's before/after.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import pg from "pg";
import { db, transaction } from "@/lib/platform/db";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { getCaseDetail } from "@/lib/cases/details/get-case-detail";
import { listMyCases } from "@/lib/cases/list/list-my-cases";
import { getFamilyOverview } from "@/lib/family/home/get-family-overview";
import { getDocumentFile } from "@/lib/platform/documents/get-document-file";
import { lookupDocumentByCode } from "@/lib/platform/documents/lookup-document-by-code";
import { storeDocument } from "@/lib/platform/documents/store-document";
import { formatVerificationCode } from "@/lib/platform/documents/verification-code";
import { READ_AUDIT_WINDOW_MINUTES } from "@/lib/platform/audit/read";
import { listAuditEvents } from "@/lib/platform/audit/list-audit-events";
import { AUDIT_CSV_HEADER, EXPORT_BATCH_SIZE, exportAuditCsv } from "@/lib/platform/audit/export-audit-csv";
import { AUDIT_PAGE_SIZE } from "@/lib/platform/audit/audit-filter";
import { REDACTED_AUDIT_VALUE, redactCaseAudit } from "@/lib/platform/audit/redact-case-audit";
import { parseCsv } from "../../csv";
import { makeCase, makeLa, makeUser, uid } from "../helpers";

let la: { id: string };
let admin: SessionUser;
let officer: SessionUser;
let parent: SessionUser;
let caseworker: SessionUser;

beforeAll(async () => {
  la = await makeLa();
  admin = await makeUser("ADMIN");
  officer = await makeUser("LA_OFFICER", { localAuthorityId: la.id });
  parent = await makeUser("PARENT");
  caseworker = await makeUser("CASEWORKER");
});

afterEach(() => vi.restoreAllMocks());

const views = (caseId: string, actorId?: string) => db().auditEvent.findMany({ where: { caseId, action: "case.viewed", ...(actorId ? { actorId } : {}) }, orderBy: { at: "asc" } });

async function readCsv(user: SessionUser, query: Record<string, string>) {
  const csv = await exportAuditCsv(user, query);
  if (!csv.ok) throw new Error("filters refused");
  let text = "";
  for await (const chunk of csv.chunks) text += chunk;
  return { fileName: csv.fileName, rows: parseCsv(text) };
}

describe("reads in the audit trail", () => {
  it("an LA officer's view of a case: who, when and what, once per window however often they reload", async () => {
    const c = await makeCase(la.id);
    const before = new Date();
    await getCaseDetail(officer, c.id);
    await getCaseDetail(officer, c.id);
    const rows = await views(c.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: officer.id, action: "case.viewed", entityType: "Case", entityId: c.id, caseId: c.id });
    expect(rows[0]!.at.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);

    // Someone else's view is their own row; so is the officer's next view once the window has passed
    // (an earlier view, written as if READ_AUDIT_WINDOW_MINUTES + 1 minutes ago, no longer counts).
    await getCaseDetail(caseworker, c.id);
    expect(await views(c.id, caseworker.id)).toHaveLength(1);
    const other = await makeCase(la.id);
    await db().auditEvent.create({
      data: { actorId: officer.id, action: "case.viewed", entityType: "Case", entityId: other.id, caseId: other.id, at: new Date(Date.now() - (READ_AUDIT_WINDOW_MINUTES + 1) * 60_000) },
    });
    await getCaseDetail(officer, other.id);
    expect(await views(other.id, officer.id)).toHaveLength(2);

    // The admin finds it on /admin/audit, in words.
    const list = await listAuditEvents(admin, { case: c.reference, action: "case.viewed" });
    expect(list.rows.map((r) => ({ who: r.actor?.email, what: r.actionText, ref: r.case?.reference }))).toEqual([
      { who: caseworker.email, what: "Case: viewed", ref: c.reference },
      { who: officer.email, what: "Case: viewed", ref: c.reference },
    ]);
  });

  it("a view the scope refuses is not recorded (the 404 comes first)", async () => {
    const otherLa = await makeLa();
    const c = await makeCase(otherLa.id);
    await expect(getCaseDetail(officer, c.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await views(c.id)).toHaveLength(0);
  });

  it("the family's case overview records their view of the case (the list of their cases does not)", async () => {
    const c = await makeCase(la.id, { familyUserId: parent.id });
    const mine = await listMyCases(parent);
    expect(mine.map((m) => m.id)).toContain(c.id);
    expect(await views(c.id, parent.id)).toHaveLength(0);
    await getFamilyOverview(parent, c.id);
    await getFamilyOverview(parent, c.id);
    expect(await views(c.id, parent.id)).toHaveLength(1);
  });

  it("a failure to record a read is logged and never stops the page", async () => {
    const c = await makeCase(la.id);
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    await db().$executeRawUnsafe(`CREATE OR REPLACE FUNCTION audit_trail_test_fail() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN RAISE EXCEPTION 'audit insert failed in a test'; END $fn$`);
    await db().$executeRawUnsafe(
      `CREATE TRIGGER audit_trail_test_fail BEFORE INSERT ON "AuditEvent" FOR EACH ROW WHEN (NEW."caseId" = '${c.id}') EXECUTE FUNCTION audit_trail_test_fail()`,
    );
    try {
      const detail = await getCaseDetail(officer, c.id);
      expect(detail.reference).toBe(c.reference);
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER IF EXISTS audit_trail_test_fail ON "AuditEvent"`);
    }
    expect(error).toHaveBeenCalledWith(expect.stringContaining(`could not record case.viewed of Case ${c.id}`));
    expect(await views(c.id)).toHaveLength(0);
  });

  it("a document download is recorded with its case (once per window); the public verify page records nothing", async () => {
    const c = await makeCase(la.id);
    const stored = await transaction((tx) =>
      storeDocument(
        tx,
        caseworker,
        {
          kind: "AGREEMENT",
          title: "Mediation agreement",
          visibility: "SHARED",
          caseId: c.id,
          content: { what: "An agreement" },
          layout: () => ({ title: "Mediation agreement", summary: [{ label: "Case", value: c.reference }] }),
        },
        { origin: "https://mediation.example.org" },
      ),
    );
    const downloads = () => db().auditEvent.findMany({ where: { action: "document.downloaded", entityId: stored.id } });
    expect(await lookupDocumentByCode(formatVerificationCode(stored.verificationCode))).not.toBeNull();
    expect(await downloads()).toHaveLength(0);

    await getDocumentFile(officer, stored.id);
    await getDocumentFile(officer, stored.id);
    const rows = await downloads();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: officer.id, entityType: "Document", caseId: c.id });
  });
});

describe("/admin/audit", () => {
  it("is for admins only: anyone else gets not found", async () => {
    for (const u of [caseworker, officer, parent]) {
      await expect(listAuditEvents(u, {})).rejects.toBeInstanceOf(NotFoundError);
      await expect(exportAuditCsv(u, {})).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it("filters by case, user, action and London dates (both days included), newest first, a page at a time", async () => {
    const c = await makeCase(la.id);
    const other = await makeCase(la.id);
    const someone = await makeUser("CASEWORKER");
    const at = (iso: string) => new Date(iso);
    const row = (actorId: string | null, action: string, caseId: string, when: Date) => ({ actorId, action, entityType: "Case", entityId: caseId, caseId, at: when });
    await db().auditEvent.createMany({
      data: [
        // 31 May 2026 23:30 UTC is 1 June 00:30 in London (BST).
        row(someone.id, "case.details_updated", c.id, at("2026-05-31T23:30:00Z")),
        row(someone.id, "case.viewed", c.id, at("2026-06-01T12:00:00Z")),
        // 2 June 23:30 UTC is 3 June in London.
        row(officer.id, "case.viewed", c.id, at("2026-06-02T23:30:00Z")),
        row(someone.id, "case.viewed", other.id, at("2026-06-01T13:00:00Z")),
      ],
    });
    const list = (q: Record<string, string>) => listAuditEvents(admin, q);
    const actions = async (q: Record<string, string>) => (await list(q)).rows.map((r) => `${r.action}@${r.at.toISOString()}`);

    expect(await actions({ case: c.reference })).toEqual(["case.viewed@2026-06-02T23:30:00.000Z", "case.viewed@2026-06-01T12:00:00.000Z", "case.details_updated@2026-05-31T23:30:00.000Z"]);
    // A reference in lower case finds the case too.
    expect((await list({ case: c.reference.toLowerCase() })).total).toBe(3);
    expect(await actions({ case: c.reference, user: someone.email.toUpperCase() })).toEqual(["case.viewed@2026-06-01T12:00:00.000Z", "case.details_updated@2026-05-31T23:30:00.000Z"]);
    expect(await actions({ user: someone.email, action: "case.viewed" })).toEqual(["case.viewed@2026-06-01T13:00:00.000Z", "case.viewed@2026-06-01T12:00:00.000Z"]);
    const june1 = { "from-day": "1", "from-month": "6", "from-year": "2026", "to-day": "1", "to-month": "6", "to-year": "2026" };
    expect(await actions({ case: c.reference, ...june1 })).toEqual(["case.viewed@2026-06-01T12:00:00.000Z", "case.details_updated@2026-05-31T23:30:00.000Z"]);
    expect(await actions({ case: c.reference, "from-day": "3", "from-month": "June", "from-year": "2026" })).toEqual(["case.viewed@2026-06-02T23:30:00.000Z"]);

    // Mistakes: a date that is not real, an end before the start, an unknown case or user.
    const bad = await list({ "from-day": "31", "from-month": "2", "from-year": "2026" });
    expect(bad.errors.from).toBe("The start date must be a real date – February 2026 has 28 days");
    expect(bad.rows).toEqual([]);
    expect((await list({ ...june1, "to-day": "30", "to-month": "5" })).errors.to).toBe("The end date must be the same as or after the start date");
    const unknown = await list({ case: `SM-NONE-${uid()}` });
    expect(unknown).toMatchObject({ unknownCase: true, total: 0, rows: [] });
    expect(await list({ user: `nobody-${uid()}@example.com` })).toMatchObject({ unknownUser: true, total: 0, rows: [] });

    // Pages of AUDIT_PAGE_SIZE, newest first; a page past the end shows the last one.
    const paged = await makeCase(la.id);
    const base = Date.parse("2026-07-01T09:00:00Z");
    await db().auditEvent.createMany({ data: Array.from({ length: AUDIT_PAGE_SIZE + 5 }, (_, i) => row(someone.id, "case.viewed", paged.id, new Date(base + i * 60_000))) });
    const p1 = await list({ case: paged.reference });
    const p2 = await list({ case: paged.reference, page: "2" });
    expect([p1.total, p1.rows.length, p2.rows.length, p2.page]).toEqual([AUDIT_PAGE_SIZE + 5, AUDIT_PAGE_SIZE, 5, 2]);
    expect(p1.rows[0]!.at.getTime()).toBe(base + (AUDIT_PAGE_SIZE + 4) * 60_000);
    expect(p2.rows.at(-1)!.at.getTime()).toBe(base);
    expect((await list({ case: paged.reference, page: "99" })).page).toBe(2);
  });

  it("exports the filtered rows as CSV in batches, safe from formulas, and records the export", async () => {
    const c = await makeCase(la.id);
    const sneaky = await makeUser("CASEWORKER", { name: '=HYPERLINK("http://evil.example","Click")' });
    const base = Date.parse("2026-08-01T09:00:00Z");
    const count = EXPORT_BATCH_SIZE + 3;
    await db().auditEvent.createMany({
      data: Array.from({ length: count }, (_, i) => ({ actorId: sneaky.id, action: "case.viewed", entityType: "Case", entityId: c.id, caseId: c.id, at: new Date(base + i * 1000) })),
    });
    await db().auditEvent.create({ data: { actorId: sneaky.id, action: "party.updated", entityType: "Party", entityId: `p-${uid()}`, caseId: c.id, at: new Date(base - 60_000), after: { name: "[redacted]", version: 2 }, ip: "203.0.113.9" } });

    const { fileName, rows } = await readCsv(admin, { case: c.reference, "to-day": "1", "to-month": "8", "to-year": "2026" });
    expect(fileName).toMatch(/^audit-trail-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(rows[0]).toEqual([...AUDIT_CSV_HEADER]);
    const data = rows.slice(1);
    expect(data).toHaveLength(count + 1);
    expect(new Set(data.map((r) => r[0])).size).toBe(count + 1); // no row twice across batches
    expect(data[0]!.slice(0, 10)).toEqual([new Date(base + (count - 1) * 1000).toISOString(), "2026-08-01 10:16", `'${sneaky.name}`, sneaky.email, "case.viewed", "Case: viewed", "Case", c.id, c.reference, c.id]);
    expect(data.at(-1)).toEqual([new Date(base - 60_000).toISOString(), "2026-08-01 09:59", `'${sneaky.name}`, sneaky.email, "party.updated", "Party: updated", "Party", expect.any(String), c.reference, c.id, "203.0.113.9", "", '{"name":"[redacted]","version":2}']);

    // The export is in the trail: who, which case, and its filters (ids, never the email typed).
    const exported = await db().auditEvent.findFirstOrThrow({ where: { action: "export.downloaded", actorId: admin.id, caseId: c.id } });
    expect(exported).toMatchObject({ entityType: "Export", entityId: "audit-trail" });
    expect(exported.after).toEqual({ export: "audit-trail", caseId: c.id, actorId: null, action: null, from: null, to: "2026-08-01" });

    // A date that is not real: no file, the page says what is wrong.
    expect((await exportAuditCsv(admin, { "from-day": "40", "from-month": "1", "from-year": "2026" })).ok).toBe(false);
  });
});

describe("audit rows cannot be changed or deleted, even by the app's own database user", () => {
  async function aRow() {
    const c = await makeCase(la.id);
    const e = await db().auditEvent.create({ data: { actorId: caseworker.id, action: "case.details_updated", entityType: "Case", entityId: c.id, caseId: c.id, before: { version: 1 }, after: { version: 2 } } });
    return { c, e };
  }
  const refused = /audit events cannot be changed or deleted/;

  it("through the app's Prisma client: update, delete and truncate are refused and the row stays as it was", async () => {
    const { e } = await aRow();
    await expect(db().auditEvent.update({ where: { id: e.id }, data: { action: "case.viewed" } })).rejects.toThrow(refused);
    await expect(db().auditEvent.delete({ where: { id: e.id } })).rejects.toThrow(refused);
    await expect(db().auditEvent.deleteMany({ where: { id: e.id } })).rejects.toThrow(refused);
    await expect(db().$executeRawUnsafe(`UPDATE "AuditEvent" SET "after" = '{"redacted": true}' WHERE id = $1`, e.id)).rejects.toThrow(refused);
    await expect(db().$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE id = $1`, e.id)).rejects.toThrow(refused);
    await expect(db().$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(refused);
    expect(await db().auditEvent.findUniqueOrThrow({ where: { id: e.id } })).toEqual(e);
  });

  it("through a plain connection on DATABASE_URL (the owner: a superuser on the embedded server)", async () => {
    const { e } = await aRow();
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      // The app's user owns the table (it ran the migrations): grants would not bind it, the trigger does.
      const role = await client.query<{ owner: boolean }>(`SELECT tableowner = current_user AS owner FROM pg_tables WHERE tablename = 'AuditEvent'`);
      expect(role.rows[0]?.owner).toBe(true);
      await expect(client.query(`UPDATE "AuditEvent" SET "actorId" = NULL WHERE id = $1`, [e.id])).rejects.toThrow(refused);
      await expect(client.query(`DELETE FROM "AuditEvent" WHERE id = $1`, [e.id])).rejects.toThrow(refused);
      await expect(client.query(`TRUNCATE "AuditEvent" CASCADE`)).rejects.toThrow(refused);
      // Even with the redaction setting for the row's case, outside redactCaseAudit's one change.
      await client.query("BEGIN");
      await client.query(`SELECT set_config('app.audit_redaction', $1, true)`, [e.caseId]);
      await expect(client.query(`DELETE FROM "AuditEvent" WHERE id = $1`, [e.id])).rejects.toThrow(refused);
      await client.query("ROLLBACK");
    } finally {
      await client.end();
    }
    expect(await db().auditEvent.findUniqueOrThrow({ where: { id: e.id } })).toEqual(e);
  });

  it("redactCaseAudit redacts before/after of that case's rows only, and nothing else is let through", async () => {
    const { c, e } = await aRow();
    const withNulls = await db().auditEvent.create({ data: { actorId: caseworker.id, action: "case.viewed", entityType: "Case", entityId: c.id, caseId: c.id } });
    const { e: otherCase } = await aRow();

    // The setting names the case, but the change is not (only) the redaction marker: refused.
    const attempt = (sql: string, caseId: string) =>
      transaction(async (tx) => {
        await tx.$queryRawUnsafe(`SELECT set_config('app.audit_redaction', $1, true)`, caseId);
        await tx.$executeRawUnsafe(sql, e.id);
      });
    await expect(attempt(`UPDATE "AuditEvent" SET "after" = '{"redacted": true}', "action" = 'case.viewed' WHERE id = $1`, c.id)).rejects.toThrow(refused);
    await expect(attempt(`UPDATE "AuditEvent" SET "after" = '{"version": 3}' WHERE id = $1`, c.id)).rejects.toThrow(refused);
    await expect(attempt(`UPDATE "AuditEvent" SET "after" = '{"redacted": true}', "ip" = '198.51.100.1' WHERE id = $1`, c.id)).rejects.toThrow(refused);
    // The marker, but the setting names another case: refused.
    await expect(attempt(`UPDATE "AuditEvent" SET "after" = '{"redacted": true}' WHERE id = $1`, otherCase.caseId!)).rejects.toThrow(refused);
    expect(await db().auditEvent.findUniqueOrThrow({ where: { id: e.id } })).toEqual(e);

    const redacted = await transaction(async (tx) => {
      const n = await redactCaseAudit(tx, c.id);
      // The door is closed again at once, within the same transaction.
      const setting = await tx.$queryRawUnsafe<{ v: string | null }[]>(`SELECT current_setting('app.audit_redaction', true) AS v`);
      expect(setting[0]?.v).toBe("");
      return n;
    });
    expect(redacted).toBe(1);
    const after = await db().auditEvent.findUniqueOrThrow({ where: { id: e.id } });
    expect(after).toEqual({ ...e, before: REDACTED_AUDIT_VALUE, after: REDACTED_AUDIT_VALUE });
    expect(await db().auditEvent.findUniqueOrThrow({ where: { id: withNulls.id } })).toEqual(withNulls);
    expect(await db().auditEvent.findUniqueOrThrow({ where: { id: otherCase.id } })).toEqual(otherCase);
    // Running it again changes nothing; deleting stays refused.
    expect(await transaction((tx) => redactCaseAudit(tx, c.id))).toBe(0);
    await expect(db().auditEvent.delete({ where: { id: e.id } })).rejects.toThrow(refused);
  });
});
