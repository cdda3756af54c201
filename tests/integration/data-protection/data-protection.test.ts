/**
 * Data protection (issue 13, decision 0028) on a real PostgreSQL and a real file store:
 *  - the retention purge anonymises exactly the closed cases past retention and not on hold (closed
 *    7 years ago: purged; 5 years ago, on legal hold, with an appeal, child under 25, open: kept),
 *    once (a second delivery does nothing), leaving the reports' figures unchanged, and removing
 *    the planted names and free text from the case, parties, notes, emails, documents' bytes and
 *    the family's uploads (rows and files); the audit rows of a purged case are redacted;
 *  - the dry run lists the same cases and writes nothing;
 *  - a subject access export holds the person's data and nothing of another person, nor the
 *    mediator's notes, and is audited;
 *  - an erasure request needs a second admin, is refused while a case is on hold, and when
 *    approved anonymises the person's records; every step is audited.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { transaction } from "@/lib/platform/db";
import { fileStore } from "@/lib/platform/files/store";
import { JOB_SCHEMA } from "@/lib/platform/jobs/queues";
import { addCalendarMonths, todayInLondon } from "@/lib/deadlines";
import { countTables } from "@/lib/reports/get-report";
import { scanRetentionPurge } from "@/lib/data-protection/scan-retention-purge";
import { purgeCase } from "@/lib/data-protection/purge-case";
import { getRetentionDryRun } from "@/lib/data-protection/get-retention-dry-run";
import { placeLegalHold, releaseLegalHold, listLegalHolds } from "@/lib/data-protection/legal-hold";
import { exportSubjectAccess } from "@/lib/data-protection/export-subject-access";
import { findDataSubjects } from "@/lib/data-protection/find-data-subjects";
import { decideErasureRequest, getErasureRequest, recordErasureRequest, SAME_ADMIN_MESSAGE } from "@/lib/data-protection/erasure-requests";
import { DEFAULT_RETENTION_YEARS_AFTER_CLOSURE, retentionYears, RETENTION_YEARS_ENV } from "@/lib/data-protection/retention";
import { DomainError } from "@/lib/platform/errors";
import { makeLa, makeUser, uid } from "../helpers";

const NOW = new Date();
const TODAY = todayInLondon(NOW);
const yearsAgo = (n: number, extraDays = 0) => new Date(`${addCalendarMonths(TODAY, -12 * n)}T12:00:00Z`).getTime() - extraDays * 86_400_000;
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

let la: { id: string; name: string };
let admin: SessionUser;
let admin2: SessionUser;
let caseworker: SessionUser;
let mediator: SessionUser;
let storeDir: string;

type Seeded = { caseId: string; reference: string; planted: string; familyUserId: string; familyEmail: string; otherName: string; uploadKey: string; partyId: string };

/** A case with every kind of personal data, closed `closedYearsAgo` years ago (null: open). */
async function seedCase(label: string, closedYearsAgo: number | null, opts: { childBornYearsAgo?: number; appeal?: boolean } = {}): Promise<Seeded> {
  const planted = `PLANTED-${label}-${uid()}`;
  const familyEmail = `family-${uid()}@example.com`;
  const otherName = `Other Person ${uid()}`;
  const family = await makeUser("PARENT", { email: familyEmail, name: `Family ${planted}` });
  const closedAt = closedYearsAgo === null ? null : new Date(yearsAgo(closedYearsAgo, 1));
  const createdAt = new Date(yearsAgo((closedYearsAgo ?? 0) + 1));
  const c = await db().case.create({
    data: {
      reference: `SM-DP-${uid()}`,
      localAuthorityId: la.id,
      kind: "MEDIATION",
      status: closedAt ? "CLOSED" : "MEETING_HELD",
      createdAt,
      heldOn: d(todayInLondon(createdAt)),
      agreement: "FULL",
      disputedDecisions: ["REFUSAL_TO_ASSESS"],
      appealLodgedOn: opts.appeal ? d(todayInLondon(createdAt)) : null,
      appealReference: opts.appeal ? `APPEAL-${planted}` : null,
      summary: `Summary ${planted}`,
      staffNotes: `Staff notes ${planted}`,
      allocatedMediatorId: mediator.id,
      child: { create: { name: `Child ${planted}`, dateOfBirth: d(addCalendarMonths(TODAY, -12 * (opts.childBornYearsAgo ?? 30))), setting: `School ${planted}` } },
      issues: { create: [{ category: "EDUCATION", description: `Issue ${planted}` }] },
      deadlines: { create: [{ name: "MEDIATION_30_DAY", rule: "R-20", triggerOn: d(todayInLondon(createdAt)), dueOn: d(todayInLondon(createdAt)), closedOn: d(todayInLondon(createdAt)), outcome: "MET" }] },
    },
  });
  const party = await db().party.create({
    data: { caseId: c.id, kind: "PARENT", name: `Parent ${planted}`, email: familyEmail, phone: "07700 900 982", address: `1 ${planted} Road`, accessNeeds: `Needs ${planted}`, consent: "GIVEN", userId: family.id },
  });
  await db().party.create({ data: { caseId: c.id, kind: "LA", name: otherName, email: `officer-${uid()}@la.example`, organisation: la.name } });
  if (closedAt) {
    await db().caseEvent.create({ data: { caseId: c.id, at: closedAt, type: "CLOSED", summary: `Case closed ${planted}`, data: { transition: "close", from: "CERTIFICATE_ISSUED", to: "CLOSED", reason: planted }, visibility: "SHARED" } });
  }
  await db().caseEvent.create({ data: { caseId: c.id, at: createdAt, type: "NOTE", summary: `Shared entry for ${planted}`, visibility: "SHARED" } });
  await db().caseNote.create({ data: { caseId: c.id, kind: "MEDIATOR_PRIVATE", body: `PRIVATE-NOTE ${planted}`, authorId: mediator.id } });
  const doc = await db().document.create({
    data: {
      caseId: c.id,
      kind: "CERTIFICATE",
      title: "Certificate",
      content: JSON.stringify({ child: `Child ${planted}` }),
      contentSha256: randomUUID(),
      pdf: Buffer.from(`%PDF-1.4 ${planted}`),
      pdfSha256: `sha-${uid()}`,
      pdfSize: 30,
      fileName: "certificate.pdf",
      verificationCode: randomUUID().replace(/-/g, "").slice(0, 16).toUpperCase(),
    },
  });
  await db().certificate.create({
    data: {
      caseId: c.id,
      kind: "AFTER_MEDIATION",
      triggerOn: d(todayInLondon(createdAt)),
      dueOn: d(todayInLondon(createdAt)),
      issuedOn: d(todayInLondon(createdAt)),
      issuerId: mediator.id,
      issuerName: "Mediator",
      issues: [{ description: `Issue ${planted}` }],
      parties: [{ name: `Parent ${planted}` }],
      appealExplanation: "Two months from the certificate.",
      documentId: doc.id,
    },
  });
  await db().obligation.create({ data: { caseId: c.id, localAuthorityId: la.id, what: `Action ${planted}`, responsible: "LA", dueOn: d(todayInLondon(createdAt)), howChecked: `Check ${planted}`, status: "DONE", completedOn: d(todayInLondon(createdAt)) } });
  await db().outboxEmail.create({ data: { to: familyEmail, caseId: c.id, subject: `About your case ${planted}`, body: `Hello Parent ${planted}`, status: "SENT", sentAt: createdAt } });
  await db().familySubmission.create({ data: { caseId: c.id, userId: family.id, partyId: party.id, views: `My views ${planted}`, childViews: `Child says ${planted}` } });
  const uploadKey = await fileStore().put(new TextEncoder().encode(`upload ${planted}`));
  await db().familyUpload.create({ data: { caseId: c.id, userId: family.id, partyId: party.id, fileName: `${planted}.pdf`, mime: "application/pdf", size: 10, sha256: uid(), storageKey: uploadKey, scanStatus: "NOT_SCANNED" } });
  await transaction((tx) => writeAudit(tx, { actor: caseworker, action: "case.details_updated", entityType: "Case", entityId: c.id, caseId: c.id, before: { status: "REFERRED" }, after: { status: "CLOSED", version: 2 } }));
  return { caseId: c.id, reference: c.reference, planted, familyUserId: family.id, familyEmail, otherName, uploadKey, partyId: party.id };
}

/** Everything stored about a case, as one string, to search for planted text. */
async function everythingAbout(caseId: string): Promise<string> {
  const c = await db().case.findUniqueOrThrow({
    where: { id: caseId },
    include: { child: true, issues: true, events: true, parties: true, notes: true, documents: true, certificates: true, obligations: true, familySubmissions: true, familyUploads: true, meetings: true },
  });
  const emails = await db().outboxEmail.findMany({ where: { caseId } });
  const audit = await db().auditEvent.findMany({ where: { caseId } });
  const docs = c.documents.map((x) => Buffer.from(x.pdf).toString("latin1"));
  return JSON.stringify({ c: { ...c, documents: c.documents.map((x) => ({ ...x, pdf: null })) }, emails, audit }) + docs.join("");
}

async function reportFigures() {
  return countTables({ laIds: [la.id], from: addCalendarMonths(TODAY, -12 * 12), to: TODAY, today: TODAY });
}

let due: Seeded;
let recent: Seeded;
let held: Seeded;
let appealed: Seeded;
let youngChild: Seeded;
let open: Seeded;

beforeAll(async () => {
  storeDir = mkdtempSync(path.join(tmpdir(), "dp-store-"));
  process.env.FILE_STORE_DIR = storeDir;
  la = await makeLa(`Retentionshire ${uid()}`);
  admin = await makeUser("ADMIN", { name: "Admin One" });
  admin2 = await makeUser("ADMIN", { name: "Admin Two" });
  caseworker = await makeUser("CASEWORKER");
  mediator = await makeUser("MEDIATOR");
  due = await seedCase("DUE", 7);
  recent = await seedCase("RECENT", 5);
  held = await seedCase("HELD", 7);
  appealed = await seedCase("APPEALED", 7, { appeal: true });
  youngChild = await seedCase("YOUNG", 7, { childBornYearsAgo: 20 });
  open = await seedCase("OPEN", null);
  await placeLegalHold(admin, { reference: held.reference, reason: "A complaint to the ombudsman is being investigated" });
}, 120_000);

afterAll(() => {
  delete process.env.FILE_STORE_DIR;
  rmSync(storeDir, { recursive: true, force: true });
});

const mine = (ids: string[]) => ids.filter((i) => [due, recent, held, appealed, youngChild, open].some((s) => s.caseId === i));

describe("retention", () => {
  it("is 6 years after closure unless RETENTION_YEARS_AFTER_CLOSURE says otherwise", () => {
    expect(retentionYears({})).toBe(DEFAULT_RETENTION_YEARS_AFTER_CLOSURE);
    expect(DEFAULT_RETENTION_YEARS_AFTER_CLOSURE).toBe(6);
    expect(retentionYears({ [RETENTION_YEARS_ENV]: "8" })).toBe(8);
    expect(() => retentionYears({ [RETENTION_YEARS_ENV]: "six" })).toThrow(RETENTION_YEARS_ENV);
  });

  it("the dry run lists the cases past retention and not on hold, with counts, and writes nothing", async () => {
    const before = { audit: await db().auditEvent.count(), effects: await db().jobEffect.count(), dueCase: await everythingAbout(due.caseId) };
    const run = await getRetentionDryRun(admin, NOW);
    expect(mine(run.due.map((c) => c.id))).toEqual([due.caseId]);
    expect(mine(run.held.map((c) => c.id)).sort()).toEqual([held.caseId, appealed.caseId].sort());
    const row = run.due.find((c) => c.id === due.caseId)!;
    expect(row.counts).toEqual({ parties: 2, notes: 1, documents: 1, familyUploads: 1, emails: 1, timelineEntries: 2 });
    expect(run.years).toBe(6);
    expect({ audit: await db().auditEvent.count(), effects: await db().jobEffect.count(), dueCase: await everythingAbout(due.caseId) }).toEqual(before);
    await expect(getRetentionDryRun(caseworker, NOW)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a recorded appeal holds the case until an admin releases it; legal holds are listed", async () => {
    const holds = await listLegalHolds(admin);
    expect(holds.find((h) => h.caseId === held.caseId)?.reason).toBe("A complaint to the ombudsman is being investigated");
    expect(holds.find((h) => h.caseId === appealed.caseId)?.appealLodgedOn).not.toBeNull();
    await expect(placeLegalHold(admin, { reference: held.reference, reason: "again" })).rejects.toThrow("already on legal hold");
    await expect(placeLegalHold(admin, { reference: "SM-NOPE-1", reason: "x" })).rejects.toThrow("No case has this reference");
    const holdAudit = await db().auditEvent.findMany({ where: { caseId: held.caseId, action: "case.legal_hold_placed" } });
    expect(holdAudit).toHaveLength(1);
    expect(holdAudit[0]!.actorId).toBe(admin.id);
  });

  it("the purge job anonymises exactly those cases, once, and the reports do not change", async () => {
    const figuresBefore = await reportFigures();
    const untouched = { recent: await everythingAbout(recent.caseId), held: await everythingAbout(held.caseId), appealed: await everythingAbout(appealed.caseId), young: await everythingAbout(youngChild.caseId), open: await everythingAbout(open.caseId) };

    expect(untouched.recent).toContain(recent.planted);
    expect(await everythingAbout(due.caseId)).toContain(due.planted);
    const scan = await scanRetentionPurge(NOW);
    expect(mine(scan.caseIds)).toEqual([due.caseId]);
    const queued = await db().$queryRawUnsafe<{ data: { caseId: string } }[]>(`SELECT data FROM ${JOB_SCHEMA}.job WHERE name = 'retention-purge' AND state = 'created' AND data->>'caseId' = $1`, due.caseId);
    expect(queued).toHaveLength(1);
    await db().$executeRawUnsafe(`DELETE FROM ${JOB_SCHEMA}.job WHERE name = 'retention-purge' AND state = 'created' AND data->>'caseId' = ANY($1::text[])`, scan.caseIds);

    const first = await purgeCase({ caseId: due.caseId }, NOW);
    expect(first.status).toBe("PURGED");
    const afterFirst = await everythingAbout(due.caseId);
    // A second delivery (and a job for a case not due) does nothing.
    expect((await purgeCase({ caseId: due.caseId }, NOW)).status).toBe("NOT_DUE");
    expect((await purgeCase({ caseId: held.caseId }, NOW)).status).toBe("NOT_DUE");
    expect((await purgeCase({ caseId: recent.caseId }, NOW)).status).toBe("NOT_DUE");
    expect(await everythingAbout(due.caseId)).toBe(afterFirst);
    expect(await db().auditEvent.count({ where: { caseId: due.caseId, action: "case.purged" } })).toBe(1);

    // Everything planted is gone from the purged case; the others are exactly as they were.
    expect(afterFirst).not.toContain(due.planted);
    expect(afterFirst).not.toContain(due.familyEmail);
    expect(afterFirst).not.toContain(due.otherName);
    expect(afterFirst).not.toContain("07700 900 982");
    expect(untouched).toEqual({ recent: await everythingAbout(recent.caseId), held: await everythingAbout(held.caseId), appealed: await everythingAbout(appealed.caseId), young: await everythingAbout(youngChild.caseId), open: await everythingAbout(open.caseId) });

    const c = await db().case.findUniqueOrThrow({ where: { id: due.caseId }, include: { documents: true, familyUploads: true, child: true, deadlines: true, certificates: true } });
    expect(c.purgedAt).not.toBeNull();
    expect(c.reference).toBe(due.reference);
    expect(c.status).toBe("CLOSED");
    expect(c.agreement).toBe("FULL");
    expect(c.child?.dateOfBirth).toBeNull();
    expect(c.documents[0]!.pdf.length).toBe(0);
    expect(c.documents[0]!.pdfSha256).toMatch(/^sha-/);
    expect(c.familyUploads).toHaveLength(0);
    expect(await fileStore().get(due.uploadKey)).toBeNull();
    expect(await fileStore().get(recent.uploadKey)).not.toBeNull();
    expect(c.deadlines).toHaveLength(1);
    expect(c.certificates).toHaveLength(1);
    // The audit trail keeps who did what and when, not what it recorded.
    const audit = await db().auditEvent.findMany({ where: { caseId: due.caseId, action: "case.details_updated" } });
    expect(audit[0]!.after).toEqual({ redacted: true });
    expect(audit[0]!.actorId).toBe(caseworker.id);
    // The family account linked only to this case is closed and anonymised.
    const family = await db().user.findUniqueOrThrow({ where: { id: due.familyUserId } });
    expect(family.active).toBe(false);
    expect(family.email).not.toBe(due.familyEmail);

    expect(await reportFigures()).toEqual(figuresBefore);
    expect((await getRetentionDryRun(admin, NOW)).due.map((x) => x.id)).not.toContain(due.caseId);
  });

  it("releasing the appeal's hold makes the case due", async () => {
    await releaseLegalHold(admin, { caseId: appealed.caseId, reason: "The Tribunal decided the appeal" });
    const run = await getRetentionDryRun(admin, NOW);
    expect(mine(run.due.map((c) => c.id))).toEqual([appealed.caseId]);
    expect(await db().auditEvent.count({ where: { caseId: appealed.caseId, action: "case.legal_hold_released", actorId: admin.id } })).toBe(1);
  });
});

describe("subject access", () => {
  it("exports the person's data and nothing of another person, and is audited", async () => {
    const found = await findDataSubjects(admin, open.familyEmail);
    expect(found?.accounts.map((a) => a.id)).toEqual([open.familyUserId]);
    expect(found?.parties.map((p) => p.id)).toEqual([open.partyId]);

    const file = await exportSubjectAccess(admin, { account: open.familyUserId, parties: [], format: "json" }, "203.0.113.9");
    const text = new TextDecoder().decode(file.body);
    const data = JSON.parse(text);
    expect(data.account.email).toBe(open.familyEmail);
    expect(data.cases).toHaveLength(1);
    expect(data.cases[0].you[0].name).toBe(`Parent ${open.planted}`);
    expect(data.cases[0].you[0].accessNeeds).toBe(`Needs ${open.planted}`);
    expect(data.cases[0].child.name).toBe(`Child ${open.planted}`);
    expect(data.cases[0].whatYouSent.views[0].views).toBe(`My views ${open.planted}`);
    expect(data.cases[0].whatYouSent.uploads[0].fileName).toBe(`${open.planted}.pdf`);
    expect(data.emails.map((e: { body: string }) => e.body)).toEqual([`Hello Parent ${open.planted}`]);
    expect(data.cases[0].withheld).toEqual({ staffNotes: 1, mediatorNotes: 1, staffTimelineEntries: 0, staffDocuments: 0 });
    // Not another person's, not the confidential notes, not another case's.
    expect(text).not.toContain(open.otherName);
    expect(text).not.toContain("PRIVATE-NOTE");
    expect(text).not.toContain(`Staff notes ${open.planted}`);
    expect(text).not.toContain(recent.planted);

    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "data_protection.subject_access_exported", entityId: open.familyUserId } });
    expect(audit.actorId).toBe(admin.id);
    expect(JSON.stringify(audit.after)).not.toContain(open.familyEmail);

    const pdf = await exportSubjectAccess(admin, { parties: [open.partyId], format: "pdf" });
    expect(new TextDecoder().decode(pdf.body.slice(0, 5))).toBe("%PDF-");
    await expect(exportSubjectAccess(caseworker, { account: open.familyUserId, parties: [] })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("erasure requests", () => {
  it("need a second admin, are refused while a case is on hold, and anonymise the person when approved", async () => {
    const held_ = await recordErasureRequest(admin, { subjectName: "Held Parent", subjectEmail: held.familyEmail, scope: "Everything", reason: "I no longer want you to hold it", receivedOn: TODAY });
    const sameAdmin = await getErasureRequest(admin, held_.id);
    expect(sameAdmin.sameAdmin).toBe(true);
    await expect(decideErasureRequest(admin, { id: held_.id, version: 1, decision: "approve", decisionReason: "ok" })).rejects.toThrow(SAME_ADMIN_MESSAGE);
    const heldBefore = await everythingAbout(held.caseId);
    await expect(decideErasureRequest(admin2, { id: held_.id, version: 1, decision: "approve", decisionReason: "ok" })).rejects.toThrow(/on legal hold/);
    expect(await everythingAbout(held.caseId)).toBe(heldBefore);
    expect((await db().erasureRequest.findUniqueOrThrow({ where: { id: held_.id } })).status).toBe("PENDING");
    await decideErasureRequest(admin2, { id: held_.id, version: 1, decision: "refuse", decisionReason: "Legal hold: complaint under investigation" });
    expect((await db().erasureRequest.findUniqueOrThrow({ where: { id: held_.id } })).status).toBe("REFUSED");

    const r = await recordErasureRequest(admin, { subjectName: "Recent Parent", subjectEmail: recent.familyEmail.toUpperCase(), scope: "Everything", reason: "Moved away", receivedOn: TODAY });
    const preview = await getErasureRequest(admin2, r.id);
    expect(preview.targets?.parties.map((p) => [p.caseId, p.wholeCase, p.blocked])).toEqual([[recent.caseId, true, null]]);
    const figuresBefore = await reportFigures();
    const done = await decideErasureRequest(admin2, { id: r.id, version: 1, decision: "approve", decisionReason: "No legal basis to keep it" });
    expect(done).toEqual({ status: "APPROVED", outcome: { cases: [recent.reference], partiesOnly: [], account: true } });
    const after = await everythingAbout(recent.caseId);
    expect(after).not.toContain(recent.planted);
    expect(after).not.toContain(recent.familyEmail);
    expect(await fileStore().get(recent.uploadKey)).toBeNull();
    expect(await reportFigures()).toEqual(figuresBefore);
    const stored = await db().erasureRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect(JSON.stringify(stored)).not.toContain(recent.familyEmail.toUpperCase());
    expect(stored.decidedById).toBe(admin2.id);
    const actions = (await db().auditEvent.findMany({ where: { entityId: { in: [r.id, recent.caseId, recent.familyUserId] }, actorId: { in: [admin.id, admin2.id] } }, orderBy: { at: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["erasure.requested", "case.purged", "user.anonymised", "erasure.approved"]);
    await expect(decideErasureRequest(admin, { id: r.id, version: 2, decision: "refuse", decisionReason: "x" })).rejects.toThrow("already approved");
  });

  it("refuse an open case, and check the form", async () => {
    const r = await recordErasureRequest(admin, { subjectName: "Open Parent", subjectEmail: open.familyEmail, scope: "Everything", reason: "x", receivedOn: TODAY });
    await expect(decideErasureRequest(admin2, { id: r.id, version: 1, decision: "approve", decisionReason: "ok" })).rejects.toThrow(/still open/);
    const bad = await recordErasureRequest(admin, { subjectName: "", subjectEmail: "not-an-email", scope: "", reason: "", receivedOn: "" }).catch((e) => e);
    expect(bad).toBeInstanceOf(DomainError);
    expect(Object.keys((bad as DomainError).fieldErrors ?? {})).toEqual(["subjectName", "subjectEmail", "scope", "reason", "receivedOn"]);
  });
});
