/**
 * Issue 12 (R-25, R-80, decision 0021) on a real PostgreSQL and a real file store (a temporary
 * FILE_STORE_DIR): the family sends their views, their child's views and documents; a file is
 * accepted by its content (PDF, PNG, JPEG that really are), refused otherwise, refused when the
 * scanning hook flags it or cannot check it — and a refusal writes nothing, no row and no file.
 * Who reads what is familySubmissionScope's alone: the allocated mediator everything, a caseworker
 * only what the family shared, another mediator, another family and the LA officer nothing.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { DomainError } from "@/lib/platform/errors";
import { familySubmissionScope } from "@/lib/auth/scope";
import { sendFamilyViews } from "@/lib/family/views/send-family-views";
import { shareFamilyItem } from "@/lib/family/views/share-family-item";
import { removeFamilyUpload, SHARED_CANNOT_BE_REMOVED } from "@/lib/family/views/remove-family-upload";
import { listCaseFamilyViews, listMyFamilyViews } from "@/lib/family/views/list-family-views";
import { getFamilyUploadFile } from "@/lib/family/views/get-family-upload-file";
import { MAX_FAMILY_UPLOAD_BYTES, VIEWS_MESSAGES } from "@/lib/family/views/rules";
import { scanUpload } from "@/lib/platform/files/scan";
import { getCaseDetail } from "@/lib/cases/details/get-case-detail";
import { listCases } from "@/lib/cases/list/list-cases";
import { listMyCases } from "@/lib/cases/list/list-my-cases";
import { makeUser, uid } from "../helpers";
import { caseworker, admin, laOfficer, makeCase, mediator, mediator2, parentUser, refusal, setUpCaseFixtures } from "../cases/fixtures";
import { EICAR, exeBytes, FAKE_SCANNER, fakePdfBytes, fileOf, jpegBytes, pdfBytes, pngBytes } from "./sample-files";

setUpCaseFixtures();

let storeDir: string;
let otherParent: SessionUser;

beforeAll(async () => {
  storeDir = await mkdtemp(path.join(tmpdir(), "family-files-"));
  process.env.FILE_STORE_DIR = storeDir;
  otherParent = await makeUser("PARENT");
});
afterAll(async () => {
  delete process.env.FILE_STORE_DIR;
  await rm(storeDir, { recursive: true, force: true });
});
afterEach(() => {
  delete process.env.UPLOAD_SCAN_COMMAND;
});

/** Every file in the store. */
async function storedFiles(): Promise<string[]> {
  const out: string[] = [];
  for (const d of await readdir(storeDir).catch(() => [] as string[])) for (const f of await readdir(path.join(storeDir, d))) out.push(f);
  return out;
}

/** Everything a send may write on `caseId`: rows, audit and files. */
async function written(caseId: string) {
  const [submissions, uploads, audits] = await Promise.all([
    db().familySubmission.count({ where: { caseId } }),
    db().familyUpload.count({ where: { caseId } }),
    db().auditEvent.count({ where: { caseId } }),
  ]);
  return { submissions, uploads, audits, files: (await storedFiles()).length };
}

const familyCase = () => makeCase({ status: "PREPARING", mediatorId: mediator.id, familyUserId: parentUser.id });

/** The refusal's field errors, after checking it wrote nothing. */
async function refusedWithNothingWritten(caseId: string, send: () => Promise<unknown>): Promise<Record<string, string> | undefined> {
  const before = await written(caseId);
  const e = await refusal(send());
  expect(e).toBeInstanceOf(DomainError);
  expect(await written(caseId)).toEqual(before);
  return (e as DomainError).fieldErrors;
}

describe("sending views and documents", () => {
  it("the family sends their views, their child's views and a PDF; the mediator reads them; audited without the text", async () => {
    const c = await familyCase();
    const pdf = pdfBytes();
    const r = await sendFamilyViews(
      parentUser,
      { caseId: c.id, views: "  We would like a full assessment.  ", childViews: "Sam says the noise at lunch is too much.", childViewsHow: "We talked at bedtime", share: "" },
      fileOf(pdf, "Letter from the school.pdf", "application/pdf"),
      "198.51.100.7",
    );
    expect(r.submissionId).toBeTruthy();
    expect(r.uploadId).toBeTruthy();

    const mine = await listMyFamilyViews(parentUser, c.id);
    expect(mine.submissions.map((s) => [s.views, s.childViews, s.childViewsHow, s.sharedAt])).toEqual([
      ["We would like a full assessment.", "Sam says the noise at lunch is too much.", "We talked at bedtime", null],
    ]);
    expect(mine.uploads.map((u) => [u.fileName, u.typeLabel, u.size, u.sharedAt, u.scanned])).toEqual([["Letter from the school.pdf", "PDF", pdf.length, null, false]]);

    // The mediator downloads exactly the bytes sent, with the type found from the content.
    const file = await getFamilyUploadFile(mediator, r.uploadId);
    expect(Buffer.from(file.bytes).equals(pdf)).toBe(true);
    expect([file.mime, file.fileName]).toEqual(["application/pdf", "Letter from the school.pdf"]);
    expect((await listCaseFamilyViews(mediator, c.id))?.submissions).toHaveLength(1);

    const audits = await db().auditEvent.findMany({ where: { caseId: c.id }, orderBy: { action: "asc" } });
    expect(audits.map((a) => [a.action, a.actorId, a.ip])).toEqual([
      // Issue 13: the mediator's download is in the audit trail too (decision 0026).
      ["family_upload.downloaded", mediator.id, null],
      ["family_upload.stored", parentUser.id, "198.51.100.7"],
      ["family_views.sent", parentUser.id, "198.51.100.7"],
    ]);
    expect(audits[0]!.entityId).toBe(r.uploadId);
    expect(audits[1]!.after).toMatchObject({ mime: "application/pdf", size: pdf.length, scanStatus: "NOT_SCANNED", shared: false });
    expect(JSON.stringify(audits)).not.toMatch(/assessment|noise|bedtime|Letter from/);
  });

  it("a PNG and a JPEG are accepted by their content; a name that says otherwise gets the real extension", async () => {
    const c = await familyCase();
    const png = await sendFamilyViews(parentUser, { caseId: c.id }, fileOf(pngBytes(), "drawing.pdf", "application/pdf"));
    const jpg = await sendFamilyViews(parentUser, { caseId: c.id }, fileOf(jpegBytes(), "C:\\Users\\me\\photo.JPEG", "image/jpeg"));
    expect(png.submissionId).toBeNull();
    const a = await getFamilyUploadFile(parentUser, png.uploadId);
    const b = await getFamilyUploadFile(parentUser, jpg.uploadId);
    expect([a.mime, a.fileName]).toEqual(["image/png", "drawing.pdf.png"]);
    expect([b.mime, b.fileName]).toEqual(["image/jpeg", "photo.JPEG"]);
    expect(await storedFiles()).toEqual(expect.arrayContaining((await db().familyUpload.findMany({ where: { caseId: c.id }, select: { storageKey: true } })).map((u) => u.storageKey)));
  });

  it("refuses, next to the file field and writing nothing: a .exe renamed .pdf, a file that only starts like a PDF, a file over 10 MB, an empty file", async () => {
    const c = await familyCase();
    const send = (bytes: Buffer, name: string) => sendFamilyViews(parentUser, { caseId: c.id, views: "Our views" }, fileOf(bytes, name, "application/pdf"));
    expect(await refusedWithNothingWritten(c.id, () => send(exeBytes(), "report.pdf"))).toEqual({ file: VIEWS_MESSAGES.wrongType });
    expect(await refusedWithNothingWritten(c.id, () => send(fakePdfBytes(), "report.pdf"))).toEqual({ file: VIEWS_MESSAGES.wrongType });
    // A real PDF cut short loses its cross-reference table and end marker.
    const pdf = pdfBytes();
    expect(await refusedWithNothingWritten(c.id, () => send(pdf.subarray(0, pdf.length - 40), "cut.pdf"))).toEqual({ file: VIEWS_MESSAGES.wrongType });
    // A PNG with a broken header checksum.
    const png = pngBytes();
    png[20] = 9;
    expect(await refusedWithNothingWritten(c.id, () => send(png, "bad.png"))).toEqual({ file: VIEWS_MESSAGES.wrongType });
    const big = Buffer.concat([pdf, Buffer.alloc(MAX_FAMILY_UPLOAD_BYTES + 1 - pdf.length)]);
    expect(await refusedWithNothingWritten(c.id, () => send(big, "big.pdf"))).toEqual({ file: VIEWS_MESSAGES.tooLarge });
    expect(await refusedWithNothingWritten(c.id, () => send(Buffer.alloc(0), "empty.pdf"))).toEqual({ file: VIEWS_MESSAGES.empty });
  });

  it("refuses a post with nothing in it, and over-long answers, with a message for each field", async () => {
    const c = await familyCase();
    expect(await refusedWithNothingWritten(c.id, () => sendFamilyViews(parentUser, { caseId: c.id, views: "   ", childViews: "" }, fileOf(Buffer.alloc(0), "")))).toEqual({
      views: VIEWS_MESSAGES.nothing,
    });
    // With JavaScript, the empty file part of a form with no file chosen arrives named "undefined".
    expect(await refusedWithNothingWritten(c.id, () => sendFamilyViews(parentUser, { caseId: c.id }, fileOf(Buffer.alloc(0), "undefined")))).toEqual({ views: VIEWS_MESSAGES.nothing });
    const long = "x".repeat(5001);
    expect(await refusedWithNothingWritten(c.id, () => sendFamilyViews(parentUser, { caseId: c.id, views: long, childViews: long, childViewsHow: "y".repeat(501) }, null))).toEqual({
      views: VIEWS_MESSAGES.viewsTooLong,
      childViews: VIEWS_MESSAGES.childViewsTooLong,
      childViewsHow: VIEWS_MESSAGES.howTooLong,
    });
  });
});

describe("the scanning hook (UPLOAD_SCAN_COMMAND)", () => {
  const scanner = (mode = "") => `${process.execPath} ${FAKE_SCANNER} ${mode}`.trim();

  it("a clean file is stored as scanned", async () => {
    process.env.UPLOAD_SCAN_COMMAND = scanner();
    const c = await familyCase();
    const r = await sendFamilyViews(parentUser, { caseId: c.id }, fileOf(pngBytes("a drawing"), "drawing.png", "image/png"));
    expect((await db().familyUpload.findUniqueOrThrow({ where: { id: r.uploadId! } })).scanStatus).toBe("CLEAN");
  });

  it("a file the scanner flags is refused with its own message, and nothing is stored", async () => {
    process.env.UPLOAD_SCAN_COMMAND = scanner();
    const c = await familyCase();
    const errors = await refusedWithNothingWritten(c.id, () => sendFamilyViews(parentUser, { caseId: c.id, views: "With a drawing" }, fileOf(pngBytes(EICAR), "drawing.png", "image/png")));
    expect(errors).toEqual({ file: VIEWS_MESSAGES.infected });
  });

  it("a scanner that fails, or cannot be run, refuses the file too (fail closed), with a different message", async () => {
    const c = await familyCase();
    process.env.UPLOAD_SCAN_COMMAND = scanner("error");
    expect(await refusedWithNothingWritten(c.id, () => sendFamilyViews(parentUser, { caseId: c.id }, fileOf(pngBytes(), "a.png")))).toEqual({ file: VIEWS_MESSAGES.scanFailed });
    process.env.UPLOAD_SCAN_COMMAND = "/nonexistent/scanner --stdin";
    expect(await refusedWithNothingWritten(c.id, () => sendFamilyViews(parentUser, { caseId: c.id }, fileOf(pngBytes(), "a.png")))).toEqual({ file: VIEWS_MESSAGES.scanFailed });
  });

  it("a scanner that does not answer in time is an error", async () => {
    const r = await scanUpload(new Uint8Array(pngBytes()), [process.execPath, FAKE_SCANNER, "hang"], 300);
    expect(r).toEqual({ status: "ERROR", reason: "no answer within 300 ms" });
  });
});

describe("who sees what (familySubmissionScope, R-80)", () => {
  async function sent() {
    const c = await familyCase();
    const r = await sendFamilyViews(parentUser, { caseId: c.id, views: `Views ${uid()}` }, fileOf(pngBytes(), "drawing.png", "image/png"));
    return { caseId: c.id, submissionId: r.submissionId!, uploadId: r.uploadId! };
  }
  const notFound = async (p: Promise<unknown>) => expect(await refusal(p)).toBeInstanceOf(NotFoundError);

  it("the LA officer of the case's LA, another mediator and another family see nothing, and cannot download", async () => {
    const s = await sent();
    expect(await listCaseFamilyViews(laOfficer, s.caseId)).toBeNull();
    await notFound(getFamilyUploadFile(laOfficer, s.uploadId));
    expect(await db().familySubmission.count({ where: familySubmissionScope(laOfficer) })).toBe(0);
    expect(await db().familyUpload.count({ where: familySubmissionScope(laOfficer) })).toBe(0);

    await notFound(listCaseFamilyViews(mediator2, s.caseId));
    await notFound(getFamilyUploadFile(mediator2, s.uploadId));

    await notFound(listMyFamilyViews(otherParent, s.caseId));
    await notFound(getFamilyUploadFile(otherParent, s.uploadId));
    await notFound(shareFamilyItem(otherParent, { caseId: s.caseId, kind: "upload", id: s.uploadId }));
    await notFound(removeFamilyUpload(otherParent, { caseId: s.caseId, uploadId: s.uploadId }));
    // Staff cannot send or share in the family's name.
    await notFound(shareFamilyItem(mediator, { caseId: s.caseId, kind: "upload", id: s.uploadId }));
    // A second family member on the same case sees what they sent themselves, not the other's.
    await db().party.create({ data: { caseId: s.caseId, kind: "PARENT", name: "Second parent", userId: otherParent.id } });
    expect(await listMyFamilyViews(otherParent, s.caseId)).toMatchObject({ submissions: [], uploads: [] });
  });

  it("a caseworker sees only what the family shared: nothing before, the shared item after", async () => {
    const s = await sent();
    for (const u of [caseworker, admin]) {
      expect(await listCaseFamilyViews(u, s.caseId)).toMatchObject({ sharedOnly: true, submissions: [], uploads: [] });
      await notFound(getFamilyUploadFile(u, s.uploadId));
    }
    expect(await shareFamilyItem(parentUser, { caseId: s.caseId, kind: "upload", id: s.uploadId }, "203.0.113.9")).toEqual({ changed: true });
    expect(await shareFamilyItem(parentUser, { caseId: s.caseId, kind: "upload", id: s.uploadId })).toEqual({ changed: false });
    const seen = await listCaseFamilyViews(caseworker, s.caseId);
    expect(seen?.uploads.map((u) => u.id)).toEqual([s.uploadId]);
    expect(seen?.submissions).toEqual([]);
    expect(Buffer.from((await getFamilyUploadFile(caseworker, s.uploadId)).bytes).equals(pngBytes())).toBe(true);
    // Sharing the views too.
    await shareFamilyItem(parentUser, { caseId: s.caseId, kind: "views", id: s.submissionId });
    expect((await listCaseFamilyViews(caseworker, s.caseId))?.submissions.map((x) => x.id)).toEqual([s.submissionId]);
    expect(await db().auditEvent.count({ where: { caseId: s.caseId, action: { in: ["family_upload.shared", "family_views.shared"] } } })).toBe(2);
    // Still never the LA officer.
    expect(await listCaseFamilyViews(laOfficer, s.caseId)).toBeNull();
    await notFound(getFamilyUploadFile(laOfficer, s.uploadId));
  });

  it("ticking 'share' when sending shares at once", async () => {
    const c = await familyCase();
    const r = await sendFamilyViews(parentUser, { caseId: c.id, childViews: "Shared at once", share: "yes" }, null);
    expect((await listCaseFamilyViews(caseworker, c.id))?.submissions.map((x) => x.id)).toEqual([r.submissionId]);
  });

  it("the family removes an unshared upload (row, file and audit); a shared one cannot be removed", async () => {
    const s = await sent();
    const key = (await db().familyUpload.findUniqueOrThrow({ where: { id: s.uploadId } })).storageKey;
    expect(await storedFiles()).toContain(key);
    await removeFamilyUpload(parentUser, { caseId: s.caseId, uploadId: s.uploadId });
    expect(await db().familyUpload.count({ where: { id: s.uploadId } })).toBe(0);
    expect(await storedFiles()).not.toContain(key);
    expect(await db().auditEvent.count({ where: { caseId: s.caseId, action: "family_upload.removed", entityId: s.uploadId } })).toBe(1);
    await notFound(getFamilyUploadFile(mediator, s.uploadId));

    const t = await sent();
    await shareFamilyItem(parentUser, { caseId: t.caseId, kind: "upload", id: t.uploadId });
    const e = await refusal(removeFamilyUpload(parentUser, { caseId: t.caseId, uploadId: t.uploadId }));
    expect(e.message).toBe(SHARED_CANNOT_BE_REMOVED);
    expect(await db().familyUpload.count({ where: { id: t.uploadId } })).toBe(1);
  });

  it("another family's case is not found when sending", async () => {
    const c = await familyCase();
    await notFound(sendFamilyViews(otherParent, { caseId: c.id, views: "Not mine" }, null));
    await notFound(sendFamilyViews(mediator, { caseId: c.id, views: "Not a family user" }, null));
    expect(await db().familySubmission.count({ where: { caseId: c.id } })).toBe(0);
  });
});

describe("planted text never reaches the LA officer (R-80)", () => {
  it("the LA officer's case page data, case list and search, and every email, hold none of what the family sent, shared or not", async () => {
    const tag = uid();
    const M = { views: `zq-views-${tag}`, child: `zq-child-${tag}`, how: `zq-how-${tag}`, file: `zq-file-${tag}` };
    const c = await familyCase();
    await sendFamilyViews(parentUser, { caseId: c.id, views: M.views, childViews: M.child, childViewsHow: M.how, share: "yes" }, fileOf(pdfBytes(), `${M.file}.pdf`));
    await sendFamilyViews(parentUser, { caseId: c.id, views: M.views }, null);

    const la = [
      JSON.stringify(await getCaseDetail(laOfficer, c.id)),
      JSON.stringify(await listCases(laOfficer, { status: "ALL" })),
      // Searching for the family's words finds nothing (only the rows: the search box echoes what was typed).
      JSON.stringify((await listCases(laOfficer, { q: M.views, status: "ALL" })).rows),
      JSON.stringify(await listCaseFamilyViews(laOfficer, c.id)),
    ].join("\n");
    const emails = JSON.stringify(await db().outboxEmail.findMany({ select: { subject: true, body: true } }));
    for (const m of Object.values(M)) {
      expect(la).not.toContain(m);
      expect(emails).not.toContain(m);
    }
    // The case itself is there for the LA officer (so an empty answer cannot pass for a private one).
    expect(la).toContain(c.reference);
    // The family's own case list does not echo it either; the mediator's view holds all of it.
    expect(JSON.stringify(await listMyCases(parentUser))).not.toContain(M.views);
    const mediatorView = JSON.stringify(await listCaseFamilyViews(mediator, c.id));
    for (const m of Object.values(M)) expect(mediatorView).toContain(m);
  });
});
