/**
 * The documents platform on a real PostgreSQL (issue 11 groundwork): sealing a document (row,
 * hashes, audit, supersession), reading it through the scope (R-80: other LA, other family, STAFF
 * documents → 404), and the public verify lookups and upload check.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/platform/db";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { ConflictError, DomainError } from "@/lib/platform/errors";
import { contentSha256, sha256Hex, type CanonicalValue } from "@/lib/platform/documents/canonical";
import { checkUploadedDocument, MAX_UPLOAD_BYTES, UPLOAD_MESSAGES, VERIFY_UPLOAD_LIMIT } from "@/lib/platform/documents/check-uploaded-document";
import { getDocumentFile } from "@/lib/platform/documents/get-document-file";
import { listCaseDocuments } from "@/lib/platform/documents/list-case-documents";
import { lookupDocumentByCode } from "@/lib/platform/documents/lookup-document-by-code";
import { inspectPdf } from "@/lib/platform/documents/pdf-structure";
import { renderDocumentPdf } from "@/lib/platform/documents/render-pdf";
import { storeDocument, type DocumentFacts, type StoreDocumentInput } from "@/lib/platform/documents/store-document";
import { formatVerificationCode } from "@/lib/platform/documents/verification-code";
import { makeCase, makeLa, makeUser, uid } from "../helpers";

const ORIGIN = "https://mediation.example.org";

type Agreement = { child: string; actions: { what: string; due: string }[] };

/** How the tests lay out an agreement (issue 11's own layout will say more). */
function layout(content: Agreement, facts: DocumentFacts) {
  return {
    title: "Mediation agreement",
    subtitle: `Version ${facts.version}`,
    summary: [{ label: "Child or young person", value: content.child }],
    tables: [{ heading: "Actions", columns: [{ header: "What will happen", width: 3 }, { header: "By when" }], rows: content.actions.map((a) => [a.what, a.due]) }],
  };
}

const agreement = (child = "Łukasz Nguyễn"): Agreement => ({ child, actions: [{ what: "Assess Ŷ's needs", due: "1 March 2027" }] });

function seal(actor: SessionUser | null, input: Partial<StoreDocumentInput<Agreement>> & { caseId: string | null }, now = new Date("2027-02-01T10:15:00Z")) {
  return transaction((tx) =>
    storeDocument<Agreement>(tx, actor, { kind: "AGREEMENT", title: "Mediation agreement", visibility: "SHARED", content: agreement(), layout, ...input }, { now, origin: ORIGIN }),
  );
}

let laA: { id: string };
let laB: { id: string };
let caseworker: SessionUser;
let admin: SessionUser;
let mediator: SessionUser;
let otherMediator: SessionUser;
let officerA: SessionUser;
let officerB: SessionUser;
let parent: SessionUser;
let otherParent: SessionUser;
let caseId: string;
let caseRef: string;
let otherCaseId: string;

beforeAll(async () => {
  laA = await makeLa();
  laB = await makeLa();
  caseworker = await makeUser("CASEWORKER");
  admin = await makeUser("ADMIN");
  mediator = await makeUser("MEDIATOR");
  otherMediator = await makeUser("MEDIATOR");
  officerA = await makeUser("LA_OFFICER", { localAuthorityId: laA.id });
  officerB = await makeUser("LA_OFFICER", { localAuthorityId: laB.id });
  parent = await makeUser("PARENT");
  otherParent = await makeUser("PARENT");
  const c = await makeCase(laA.id, { mediatorId: mediator.id, familyUserId: parent.id });
  caseId = c.id;
  caseRef = c.reference;
  otherCaseId = (await makeCase(laB.id, { mediatorId: otherMediator.id, familyUserId: otherParent.id })).id;
});

describe("sealing a document (storeDocument)", () => {
  it("stores the canonical content, its hash, the PDF and its hash, a code, and an audit row", async () => {
    const content = agreement("  Łukasz   Nguye\u0302\u0303n ");
    const stored = await seal(mediator, { caseId, content });
    const row = await db().document.findUniqueOrThrow({ where: { id: stored.id } });
    expect(row.content).toBe('{"actions":[{"due":"1 March 2027","what":"Assess Ŷ\'s needs"}],"child":"Łukasz Nguyễn"}');
    expect(row.contentSha256).toBe(contentSha256(content as unknown as CanonicalValue));
    expect(row.contentSha256).toBe(sha256Hex(row.content));
    expect(row.pdfSha256).toBe(sha256Hex(new Uint8Array(row.pdf)));
    expect(row.pdfSize).toBe(row.pdf.length);
    expect(Buffer.from(row.pdf).equals(Buffer.from(stored.pdf))).toBe(true);
    expect(row).toMatchObject({ caseId, kind: "AGREEMENT", version: 1, visibility: "SHARED", createdById: mediator.id, verificationCode: stored.verificationCode });
    expect(row.createdAt.toISOString()).toBe("2027-02-01T10:15:00.000Z");
    expect(row.fileName).toBe(`${caseRef}-mediation-agreement-v1.pdf`);
    expect(stored.verificationUrl).toBe(`${ORIGIN}/verify/${formatVerificationCode(stored.verificationCode)}`);
    const audit = await db().auditEvent.findMany({ where: { entityType: "Document", entityId: stored.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "document.stored", actorId: mediator.id, caseId });
    expect(audit[0]!.after).toMatchObject({ kind: "AGREEMENT", version: 1, contentSha256: row.contentSha256, pdfSha256: row.pdfSha256 });
  });

  it("can be rendered again byte for byte from what is stored (same content, code and date → same PDF)", async () => {
    const stored = await seal(mediator, { caseId });
    const row = await db().document.findUniqueOrThrow({ where: { id: stored.id } });
    const again = await renderDocumentPdf({
      ...layout(JSON.parse(row.content) as Agreement, { version: row.version, issuedAt: row.createdAt, verification: { code: row.verificationCode, url: stored.verificationUrl, contentSha256: row.contentSha256 } }),
      issuedAt: row.createdAt,
      verification: { code: row.verificationCode, url: stored.verificationUrl, contentSha256: row.contentSha256 },
    });
    expect(sha256Hex(again)).toBe(row.pdfSha256);
    // The same content sealed twice: the same content hash, a different code.
    const twin = await seal(mediator, { caseId });
    expect(twin.contentSha256).toBe(stored.contentSha256);
    expect(twin.verificationCode).not.toBe(stored.verificationCode);
  });

  it("seals a correction as the next version that supersedes the old one, which stays as it was (R-31)", async () => {
    const v1 = await seal(mediator, { caseId });
    const before = await db().document.findUniqueOrThrow({ where: { id: v1.id } });
    const v2 = await seal(mediator, { caseId, supersedesId: v1.id, content: agreement("Łukasz Nguyễn-Smith") });
    expect(v2.version).toBe(2);
    expect(v2.fileName).toBe(`${caseRef}-mediation-agreement-v2.pdf`);
    const after = await db().document.findUniqueOrThrow({ where: { id: v1.id } });
    expect(after).toEqual(before);

    // Correcting v1 again, or correcting with another kind or case: refused, nothing written.
    const count = await db().document.count();
    const audits = await db().auditEvent.count({ where: { action: "document.stored" } });
    await expect(seal(mediator, { caseId, supersedesId: v1.id })).rejects.toBeInstanceOf(ConflictError);
    await expect(seal(mediator, { caseId, supersedesId: v2.id, kind: "CERTIFICATE" })).rejects.toMatchObject({ code: "DOCUMENT_MISMATCH" });
    await expect(seal(mediator, { caseId: otherCaseId, supersedesId: v2.id })).rejects.toBeInstanceOf(DomainError);
    expect(await db().document.count()).toBe(count);
    expect(await db().auditEvent.count({ where: { action: "document.stored" } })).toBe(audits);
  });

  it("lets only one of two simultaneous corrections of the same version in", async () => {
    const v1 = await seal(mediator, { caseId });
    const results = await Promise.allSettled([seal(mediator, { caseId, supersedesId: v1.id }), seal(mediator, { caseId, supersedesId: v1.id })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ConflictError);
    expect(await db().document.count({ where: { supersedesId: v1.id } })).toBe(1);
  });
});

describe("reading a document through the scope (R-80)", () => {
  let shared: string;
  let staff: string;
  let other: string;

  beforeAll(async () => {
    shared = (await seal(mediator, { caseId })).id;
    staff = (await seal(mediator, { caseId, visibility: "STAFF", title: "Mediator's working copy" })).id;
    other = (await seal(otherMediator, { caseId: otherCaseId })).id;
  });

  const opens = async (user: SessionUser, id: string) => {
    try {
      const f = await getDocumentFile(user, id);
      expect(sha256Hex(f.bytes)).toBe(f.sha256);
      return true;
    } catch (e) {
      if (e instanceof NotFoundError) return false;
      throw e;
    }
  };

  it("gives a SHARED document to the family, the LA officer of the case's LA and the mediation staff", async () => {
    for (const user of [parent, officerA, mediator, caseworker, admin]) expect(await opens(user, shared)).toBe(true);
    const file = await getDocumentFile(parent, shared);
    expect(file.fileName).toBe(`${caseRef}-mediation-agreement-v1.pdf`);
    expect(file.bytes.subarray(0, 5)).toEqual(new TextEncoder().encode("%PDF-"));
  });

  it("is not found (404) for the LA officer of another LA, the family of another case, or another mediator", async () => {
    expect(await opens(officerB, shared)).toBe(false);
    expect(await opens(otherParent, shared)).toBe(false);
    expect(await opens(otherMediator, shared)).toBe(false);
    expect(await opens(parent, other)).toBe(false);
    expect(await opens(officerA, other)).toBe(false);
    expect(await opens(parent, "no-such-document")).toBe(false);
  });

  it("hides a STAFF document from the family and the LA officer, not from the mediation staff", async () => {
    expect(await opens(parent, staff)).toBe(false);
    expect(await opens(officerA, staff)).toBe(false);
    for (const user of [mediator, caseworker, admin]) expect(await opens(user, staff)).toBe(true);
  });

  it("lists a case's documents as each user may see them, and 404 for a case outside their scope", async () => {
    const forParent = (await listCaseDocuments(parent, caseId)).map((d) => d.id);
    const forMediator = (await listCaseDocuments(mediator, caseId)).map((d) => d.id);
    expect(forParent).toContain(shared);
    expect(forParent).not.toContain(staff);
    expect(forMediator).toEqual(expect.arrayContaining([shared, staff]));
    expect((await listCaseDocuments(officerA, caseId)).every((d) => d.visibility === "SHARED")).toBe(true);
    await expect(listCaseDocuments(officerB, caseId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listCaseDocuments(otherParent, caseId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("keeps a document of no case for the staff who see every case", async () => {
    const general = (await seal(admin, { caseId: null, kind: "CERTIFICATE", title: "Certificate template" })).id;
    expect(await opens(admin, general)).toBe(true);
    expect(await opens(caseworker, general)).toBe(true);
    for (const user of [mediator, officerA, parent]) expect(await opens(user, general)).toBe(false);
  });
});

describe("the public verify page's lookups", () => {
  it("says the kind, issue date, version and status — and nothing from the document", async () => {
    const stored = await seal(mediator, { caseId }, new Date("2027-03-31T23:30:00Z"));
    const facts = await lookupDocumentByCode(formatVerificationCode(stored.verificationCode));
    expect(facts).toEqual({
      code: formatVerificationCode(stored.verificationCode),
      kind: "AGREEMENT",
      kindLabel: "Mediation agreement",
      version: 1,
      // 23:30 UTC on 31 March is 00:30 BST on 1 April.
      issuedOn: "2027-04-01",
      status: "CURRENT",
      latest: null,
    });
    expect(JSON.stringify(facts)).not.toMatch(/Łukasz|Nguy|Assess|title/i);
  });

  it("finds a code however it was typed, and treats a malformed code like an unknown one", async () => {
    const stored = await seal(mediator, { caseId });
    const typed = formatVerificationCode(stored.verificationCode).toLowerCase().replace(/-/g, " ");
    expect((await lookupDocumentByCode(typed))?.version).toBe(1);
    expect(await lookupDocumentByCode("0000-0000-0000-0000")).toBeNull();
    expect(await lookupDocumentByCode("not a code")).toBeNull();
    expect(await lookupDocumentByCode(42)).toBeNull();
  });

  it("says an old version is replaced, and by which version and date", async () => {
    const v1 = await seal(mediator, { caseId }, new Date("2027-02-01T10:00:00Z"));
    const v2 = await seal(mediator, { caseId, supersedesId: v1.id }, new Date("2027-02-03T10:00:00Z"));
    await seal(mediator, { caseId, supersedesId: v2.id }, new Date("2027-02-05T10:00:00Z"));
    expect(await lookupDocumentByCode(v1.verificationCode)).toMatchObject({ version: 1, status: "SUPERSEDED", latest: { version: 3, issuedOn: "2027-02-05" } });
    expect(await lookupDocumentByCode(v2.verificationCode)).toMatchObject({ version: 2, status: "SUPERSEDED", latest: { version: 3 } });
  });
});

describe("checking an uploaded PDF against the stored one", () => {
  const file = (bytes: Uint8Array, name = "agreement.pdf") => new File([new Uint8Array(bytes)], name, { type: "application/pdf" });
  const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}-${uid()}`;

  it("matches the exact PDF, and not a different (valid) PDF or a changed copy", async () => {
    const stored = await seal(mediator, { caseId });
    const same = await checkUploadedDocument(stored.verificationCode, file(stored.pdf), ip());
    expect(same).toMatchObject({ matches: true, sha256: stored.pdfSha256, document: { status: "CURRENT", version: 1 } });

    const other = await seal(mediator, { caseId, content: agreement("Someone Else") });
    expect((await checkUploadedDocument(stored.verificationCode, file(other.pdf), ip())).matches).toBe(false);

    // One byte changed (a digit of the file ID in the trailer): still a well-formed PDF, not the same file.
    const changed = Buffer.from(stored.pdf);
    const at = changed.indexOf("/ID [<") + 6;
    expect(at).toBeGreaterThan(6);
    changed[at] = changed[at] === 0x30 ? 0x31 : 0x30;
    expect(inspectPdf(new Uint8Array(changed)).ok).toBe(true);
    const check = await checkUploadedDocument(stored.verificationCode, file(new Uint8Array(changed)), ip());
    expect(check.matches).toBe(false);
    expect(check.sha256).not.toBe(stored.pdfSha256);
  });

  it("says a matching old version matches, and that it has been replaced", async () => {
    const v1 = await seal(mediator, { caseId });
    await seal(mediator, { caseId, supersedesId: v1.id });
    expect(await checkUploadedDocument(v1.verificationCode, file(v1.pdf), ip())).toMatchObject({ matches: true, document: { status: "SUPERSEDED" } });
  });

  it("refuses no file, an empty file, a file that is not a PDF, and one over 10 MB, with a message for the field", async () => {
    const { verificationCode: code } = await seal(mediator, { caseId });
    const fieldMessage = async (f: File | null) => {
      try {
        await checkUploadedDocument(code, f, ip());
      } catch (e) {
        return (e as DomainError).fieldErrors?.file;
      }
      return "accepted";
    };
    expect(await fieldMessage(null)).toBe(UPLOAD_MESSAGES.missing);
    expect(await fieldMessage(new File([], ""))).toBe(UPLOAD_MESSAGES.missing);
    expect(await fieldMessage(new File([], "empty.pdf"))).toBe(UPLOAD_MESSAGES.empty);
    expect(await fieldMessage(file(new TextEncoder().encode("%PDF-1.7\n" + "not really ".repeat(20)), "fake.pdf"))).toBe(UPLOAD_MESSAGES.notPdf);
    expect(await fieldMessage(file(new Uint8Array(MAX_UPLOAD_BYTES + 1), "big.pdf"))).toBe(UPLOAD_MESSAGES.tooLarge);
  });

  it("is not found for an unknown code, whatever is uploaded", async () => {
    await expect(checkUploadedDocument("0000-0000-0000-0000", file(new Uint8Array([1])), ip())).rejects.toBeInstanceOf(NotFoundError);
  });

  it("limits uploads from one address (every upload counts), not from others", async () => {
    const stored = await seal(mediator, { caseId });
    const address = ip();
    const now = new Date("2027-02-01T10:00:00Z");
    for (let i = 0; i < VERIFY_UPLOAD_LIMIT.limit; i++) {
      const f = i % 2 === 0 ? file(stored.pdf) : new File([], "");
      await checkUploadedDocument(stored.verificationCode, f, address, now).catch((e: DomainError) => expect(e.code).toBe("VALIDATION"));
    }
    await expect(checkUploadedDocument(stored.verificationCode, file(stored.pdf), address, now)).rejects.toMatchObject({ code: "RATE_LIMITED", message: VERIFY_UPLOAD_LIMIT.message });
    expect((await checkUploadedDocument(stored.verificationCode, file(stored.pdf), ip(), now)).matches).toBe(true);
    // The next window starts afresh.
    const later = new Date(now.getTime() + VERIFY_UPLOAD_LIMIT.windowMs);
    expect((await checkUploadedDocument(stored.verificationCode, file(stored.pdf), address, later)).matches).toBe(true);
  });
});
