/**
 * Emailed copies as PDF attachments (issue 11, R-40, R-30, R-80), through a real SMTP server: the
 * immediate send (sendEmail) and the worker's delivery (queueEmail + deliverOutboxEmail) attach the
 * one sealed document named, under its file name, byte for byte (its SHA-256 is Document.pdfSha256);
 * the dev mailbox records it; a STAFF document or another case's is refused when the email is
 * written and again when it is sent.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { db, transaction } from "@/lib/platform/db";
import { AttachmentRefused, sendEmail } from "@/lib/platform/email";
import { queueEmail } from "@/lib/platform/outbox/queue-email";
import { deliverOutboxEmail } from "@/lib/platform/outbox/deliver-outbox-email";
import { storeDocument } from "@/lib/platform/documents/store-document";
import { makeCase, makeLa, uid } from "../helpers";
import { pdfAttachments, startCaptureSmtp } from "../smtp";

type Note = { note: string };
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

function seal(caseId: string, visibility: "SHARED" | "STAFF") {
  return transaction((tx) =>
    storeDocument<Note>(
      tx,
      null,
      { caseId, kind: "AGREEMENT", title: "Mediation agreement", visibility, content: { note: `Attachment test ${uid()}` }, layout: (c) => ({ title: "Mediation agreement", summary: [{ label: "Note", value: c.note }] }) },
      { now: new Date("2027-02-01T10:00:00Z"), origin: "https://mediation.example.org" },
    ),
  );
}

let smtp: Awaited<ReturnType<typeof startCaptureSmtp>>;
const saved = process.env.SMTP_URL;
let caseId: string;
let otherCaseId: string;

beforeAll(async () => {
  smtp = await startCaptureSmtp();
  const la = await makeLa();
  caseId = (await makeCase(la.id)).id;
  otherCaseId = (await makeCase(la.id)).id;
});
afterAll(async () => {
  if (saved === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = saved;
  await smtp.close();
});

describe("a sealed document attached to an email", () => {
  it("sendEmail attaches the PDF, under its file name, byte for byte", async () => {
    process.env.SMTP_URL = smtp.url;
    const doc = await seal(caseId, "SHARED");
    const to = `school-${uid()}@test.example`;
    const r = await sendEmail({ to, caseId, subject: "Your copy", body: "Attached.", attachDocumentId: doc.id });
    expect(r.status).toBe("SENT");
    expect(await db().outboxEmail.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ documentId: doc.id, status: "SENT" });
    const stored = await db().document.findUniqueOrThrow({ where: { id: doc.id }, select: { fileName: true, pdfSha256: true } });
    const [pdf, ...more] = pdfAttachments(smtp.received.find((m) => m.to === to)!.raw);
    expect(more).toEqual([]);
    expect(pdf!.filename).toBe(stored.fileName);
    expect(sha256(pdf!.bytes)).toBe(stored.pdfSha256);
  });

  it("the worker's delivery of a queued email attaches it too", async () => {
    process.env.SMTP_URL = smtp.url;
    const doc = await seal(caseId, "SHARED");
    const to = `family-${uid()}@test.example`;
    const q = await transaction((tx) => queueEmail(tx, { to, caseId, subject: "Your copy", body: "Attached.", attachDocumentId: doc.id }));
    expect(q.status).toBe("PENDING");
    expect(await deliverOutboxEmail({ outboxId: q.id })).toBe("SENT");
    const [pdf] = pdfAttachments(smtp.received.find((m) => m.to === to)!.raw);
    expect(pdf!.filename).toBe(doc.fileName);
    expect(sha256(pdf!.bytes)).toBe(doc.pdfSha256);
  });

  it("the dev mailbox records the document's id", async () => {
    delete process.env.SMTP_URL;
    const doc = await seal(caseId, "SHARED");
    const q = await transaction((tx) => queueEmail(tx, { to: `dev-${uid()}@test.example`, caseId, subject: "Your copy", body: "Attached.", attachDocumentId: doc.id }));
    expect(q.status).toBe("DEV_MAILBOX");
    expect((await db().outboxEmail.findUniqueOrThrow({ where: { id: q.id } })).documentId).toBe(doc.id);
  });

  it("refuses a STAFF document (R-80) or another case's, and writes no email", async () => {
    process.env.SMTP_URL = smtp.url;
    const staff = await seal(caseId, "STAFF");
    const shared = await seal(caseId, "SHARED");
    const to = `refused-${uid()}@test.example`;
    await expect(transaction((tx) => queueEmail(tx, { to, caseId, subject: "x", body: "x", attachDocumentId: staff.id }))).rejects.toThrow(AttachmentRefused);
    await expect(sendEmail({ to, caseId, subject: "x", body: "x", attachDocumentId: staff.id })).rejects.toThrow(/staff-only/);
    await expect(transaction((tx) => queueEmail(tx, { to, caseId: otherCaseId, subject: "x", body: "x", attachDocumentId: shared.id }))).rejects.toThrow(AttachmentRefused);
    await expect(transaction((tx) => queueEmail(tx, { to, subject: "x", body: "x", attachDocumentId: shared.id }))).rejects.toThrow(AttachmentRefused);
    expect(await db().outboxEmail.count({ where: { to } })).toBe(0);
  });

  it("a queued email whose document became STAFF is FAILED at delivery, not sent and not retried", async () => {
    process.env.SMTP_URL = smtp.url;
    const doc = await seal(caseId, "SHARED");
    const to = `later-${uid()}@test.example`;
    const q = await transaction((tx) => queueEmail(tx, { to, caseId, subject: "Your copy", body: "Attached.", attachDocumentId: doc.id }));
    await db().document.update({ where: { id: doc.id }, data: { visibility: "STAFF" } });
    expect(await deliverOutboxEmail({ outboxId: q.id })).toBe("FAILED");
    const row = await db().outboxEmail.findUniqueOrThrow({ where: { id: q.id } });
    expect(row).toMatchObject({ status: "FAILED", attempts: 1, nextAttemptAt: null });
    expect(row.lastError).toMatch(/staff-only/);
    expect(smtp.received.some((m) => m.to === to)).toBe(false);
  });
});
