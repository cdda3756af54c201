/**
 * Certificates on a real PostgreSQL (issue 11, R-30, R-31): issuing writes exactly one certificate
 * and its sealed PDF in the transition's transaction (a failing transition writes neither); the
 * appeal deadline is the date engine's (R-50..R-54); nothing updates a certificate and a second
 * issue is refused; a correction supersedes; the family and the LA are emailed a link; and the
 * scope (R-80: another LA's officer, another family → 404).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { extractText } from "unpdf";
import { db } from "@/lib/platform/db";
import { NotFoundError } from "@/lib/auth/types";
import { ConflictError, DomainError } from "@/lib/platform/errors";
import { appealDeadline, explainAppealDeadline, formatLongDate } from "@/lib/deadlines";
import { transitionCase } from "@/lib/cases/transition/transition-case";
import { getDocumentFile } from "@/lib/platform/documents/get-document-file";
import { lookupDocumentByCode } from "@/lib/platform/documents/lookup-document-by-code";
import { listCaseCertificates } from "@/lib/certificates/list-case-certificates";
import { listIssuedCertificates } from "@/lib/certificates/list-issued-certificates";
import { correctCertificate } from "@/lib/certificates/correct-certificate";
import { getCertificateForCorrection } from "@/lib/certificates/get-certificate-for-correction";
import { listMyCases } from "@/lib/cases/list/list-my-cases";
import { deliverOutboxEmail } from "@/lib/platform/outbox/deliver-outbox-email";
import { makeUser } from "../helpers";
import { pdfAttachments, startCaptureSmtp } from "../smtp";
import { createHash } from "node:crypto";
import { caseworker, la, laOfficer, makeCase, mediator, otherLa, parentUser, refusal, setUpCaseFixtures, stateOf } from "../cases/fixtures";

setUpCaseFixtures();

afterAll(async () => {
  await db().$executeRawUnsafe(`DROP TRIGGER IF EXISTS certificates_test_fail ON "AuditEvent"`);
  await db().$executeRawUnsafe(`DROP FUNCTION IF EXISTS certificates_test_fail()`);
});

/** decision sent Mon 3 Feb 2025, meeting held Thu 24 Apr → certificate due Tue 29 Apr. */
async function heldCase(o: { familyUserId?: string; decisions?: ("PLAN_CONTENTS_SECTION_F" | "PLAN_CONTENTS_SECTION_I")[] } = {}) {
  const c = await makeCase({
    status: "MEETING_HELD",
    mediatorId: mediator.id,
    agreement: "PARTIAL",
    familyUserId: o.familyUserId,
    decisions: o.decisions ?? ["PLAN_CONTENTS_SECTION_F"],
    dates: { decisionSentOn: "2025-02-03", laNotifiedOn: "2025-03-26", heldOn: "2025-04-24" },
    child: { hasEhcPlan: true },
    deadlines: { names: ["CERTIFICATE_AFTER_MEDIATION"], triggerOn: "2025-04-24" },
  });
  await db().child.update({ where: { caseId: c.id }, data: { name: "Łukasz Nguyễn" } });
  return c;
}

const countsOf = async (caseId: string) => ({
  certificates: await db().certificate.count({ where: { caseId } }),
  documents: await db().document.count({ where: { caseId } }),
  emails: await db().outboxEmail.count({ where: { caseId } }),
});

async function pdfText(documentId: string): Promise<string> {
  const d = await db().document.findUniqueOrThrow({ where: { id: documentId }, select: { pdf: true } });
  const { text } = await extractText(new Uint8Array(d.pdf), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

describe("issuing a certificate with the transition (R-30)", () => {
  it("writes exactly one certificate and one sealed CERTIFICATE document, with the appeal deadline of R-54", async () => {
    const c = await heldCase();
    // A caseworker records it: the allocated mediator is the issuer.
    const r = await transitionCase(caseworker, c.id, "issueCertificate", 1, { issuedOn: "2025-04-29" });
    expect(r).toMatchObject({ status: "CERTIFICATE_ISSUED", version: 2 });
    expect(await countsOf(c.id)).toMatchObject({ certificates: 1, documents: 1 });

    const cert = await db().certificate.findFirstOrThrow({ where: { caseId: c.id }, include: { document: true } });
    expect(cert).toMatchObject({ kind: "AFTER_MEDIATION", issuerId: mediator.id, decisions: ["PLAN_CONTENTS_SECTION_F"], supersedesId: null });
    expect(cert.triggerOn.toISOString().slice(0, 10)).toBe("2025-04-24");
    expect(cert.dueOn.toISOString().slice(0, 10)).toBe("2025-04-29");
    expect(cert.issuedOn.toISOString().slice(0, 10)).toBe("2025-04-29");
    // issued Tue 29 April 2025 → Thu 29 May 2025, the date engine's own answer and explanation.
    expect(cert.appealDeadlineOn!.toISOString().slice(0, 10)).toBe("2025-05-29");
    expect(appealDeadline("2025-02-03", "2025-04-29")).toBe("2025-05-29");
    expect(cert.appealExplanation).toBe(explainAppealDeadline("2025-02-03", "2025-04-29").text);
    expect(cert.document).toMatchObject({ kind: "CERTIFICATE", visibility: "SHARED", version: 1 });

    const text = await pdfText(cert.documentId);
    expect(text).toContain("Certificate after mediation");
    expect(text).toContain(c.reference);
    expect(text).toContain("Łukasz Nguyễn");
    expect(text).toContain("29 May 2025");
    expect(text).toContain("Jane Family");

    // The transition's own audit row stays the case's last (issue 9 item 15), after the certificate's.
    const audits = await db().auditEvent.findMany({ where: { caseId: c.id }, orderBy: [{ at: "asc" }, { id: "asc" }], select: { action: true } });
    expect(audits.map((a) => a.action)).toEqual(["document.stored", "certificate.issued", "case.certificate_issued"]);
  });

  it("emails the family and the LA party the certificate's PDF attached, and a link to the document", async () => {
    const c = await heldCase();
    const smtp = await startCaptureSmtp();
    const savedSmtp = process.env.SMTP_URL;
    process.env.SMTP_URL = smtp.url;
    try {
      await transitionCase(mediator, c.id, "issueCertificate", 1, { issuedOn: "2025-04-29" });
      const cert = await db().certificate.findFirstOrThrow({ where: { caseId: c.id } });
      const doc = await db().document.findUniqueOrThrow({ where: { id: cert.documentId }, select: { fileName: true, pdfSha256: true } });
      const parties = await db().party.findMany({ where: { caseId: c.id }, select: { kind: true, email: true } });
      const emails = await db().outboxEmail.findMany({ where: { caseId: c.id }, select: { id: true, to: true, subject: true, body: true, calendar: true, documentId: true } });
      expect(emails.map((e) => e.to).sort()).toEqual(parties.map((p) => p.email!).sort());
      for (const e of emails) {
        expect(e.subject).toBe(`Mediation certificate issued: case ${c.reference}`);
        expect(e.body).toContain(`/documents/${cert.documentId}`);
        expect(e.body).toContain(doc.fileName);
        expect(e.body).toContain("29 May 2025");
        expect(e.calendar).toBeNull();
        expect(e.documentId).toBe(cert.documentId);
        // Delivered as the worker does: the PDF, byte for byte, under its file name.
        expect(await deliverOutboxEmail({ outboxId: e.id })).toBe("SENT");
        const [pdf, ...more] = pdfAttachments(smtp.received.find((m) => m.to === e.to)!.raw);
        expect(more).toEqual([]);
        expect(pdf!.filename).toBe(doc.fileName);
        expect(createHash("sha256").update(pdf!.bytes).digest("hex")).toBe(doc.pdfSha256);
      }
    } finally {
      if (savedSmtp === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = savedSmtp;
      await smtp.close();
    }
  });

  it("a failing transition writes neither the certificate nor its document nor an email", async () => {
    const c = await heldCase();
    const before = await stateOf(c.id);
    await db().$executeRawUnsafe(`CREATE OR REPLACE FUNCTION certificates_test_fail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit store unavailable'; END $$ LANGUAGE plpgsql`);
    await db().$executeRawUnsafe(
      `CREATE TRIGGER certificates_test_fail BEFORE INSERT ON "AuditEvent" FOR EACH ROW WHEN (NEW."caseId" = '${c.id}' AND NEW."action" = 'case.certificate_issued') EXECUTE FUNCTION certificates_test_fail()`,
    );
    try {
      await expect(transitionCase(caseworker, c.id, "issueCertificate", 1, { issuedOn: "2025-04-29" })).rejects.toThrow(/audit store unavailable/);
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER IF EXISTS certificates_test_fail ON "AuditEvent"`);
    }
    expect(await countsOf(c.id)).toEqual({ certificates: 0, documents: 0, emails: 0 });
    expect(await stateOf(c.id)).toEqual(before);
  });

  it("a refused transition (a date before the meeting) writes nothing", async () => {
    const c = await heldCase();
    const e = await refusal(transitionCase(caseworker, c.id, "issueCertificate", 1, { issuedOn: "2025-04-23" }));
    expect(e).toBeInstanceOf(DomainError);
    expect(await countsOf(c.id)).toEqual({ certificates: 0, documents: 0, emails: 0 });
  });

  it("a second issue is refused, and the same form posted again is 'already done': still one certificate", async () => {
    const c = await heldCase();
    await transitionCase(caseworker, c.id, "issueCertificate", 1, { issuedOn: "2025-04-29" });
    const again = await transitionCase(caseworker, c.id, "issueCertificate", 1, { issuedOn: "2025-04-29" });
    expect(again.alreadyDone).toMatch(/^This was already done/);
    await expect(transitionCase(caseworker, c.id, "issueCertificate", 2, { issuedOn: "2025-04-30" })).rejects.toBeInstanceOf(DomainError);
    expect(await countsOf(c.id)).toMatchObject({ certificates: 1, documents: 1 });
  });

  it("the 'could not be arranged' certificate says why (R-23)", async () => {
    const c = await makeCase({
      status: "ALLOCATED",
      mediatorId: mediator.id,
      decisions: ["PLAN_CONTENTS_SECTION_F"],
      dates: { decisionSentOn: "2025-02-03", laNotifiedOn: "2025-03-26" },
      deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: "2025-03-26" },
    });
    await transitionCase(caseworker, c.id, "recordNotArranged", 1, { toldOn: "2025-04-14" });
    await transitionCase(caseworker, c.id, "issueNotArrangedCertificate", 2, { issuedOn: "2025-04-16" });
    const cert = await db().certificate.findFirstOrThrow({ where: { caseId: c.id } });
    expect(cert).toMatchObject({ kind: "NOT_ARRANGED", issuerId: caseworker.id });
    expect(cert.triggerOn.toISOString().slice(0, 10)).toBe("2025-04-14");
    const text = await pdfText(cert.documentId);
    expect(text).toContain("Why mediation could not be arranged");
    expect(text).toContain("25 April 2025");
    expect(text).toContain(formatLongDate(appealDeadline("2025-02-03", "2025-04-16")));
  });
});

describe("immutability and correction (R-31)", () => {
  it("no code updates, upserts or deletes a certificate", () => {
    const root = path.resolve(import.meta.dirname, "../../..");
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = path.join(dir, f);
        if (statSync(p).isDirectory()) {
          if (f !== "generated") walk(p);
        } else if (/\.tsx?$/.test(f)) files.push(p);
      }
    };
    walk(path.join(root, "lib"));
    walk(path.join(root, "app"));
    walk(path.join(root, "pages"));
    // The one exception: the retention purge anonymises the certificates of a case past retention (decision 0028).
    const offenders = files.filter((f) => !f.endsWith(path.join("lib", "data-protection", "anonymise.ts")) && /\.certificate\.(update|updateMany|upsert|delete|deleteMany)\(/.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("a correction is a new certificate and document superseding the old ones; both say so; the old one cannot be corrected again", async () => {
    const c = await heldCase();
    await transitionCase(caseworker, c.id, "issueCertificate", 1, { issuedOn: "2025-04-29" });
    const old = await db().certificate.findFirstOrThrow({ where: { caseId: c.id }, include: { document: true } });
    const emailsBefore = await db().outboxEmail.count({ where: { caseId: c.id } });

    const r = await correctCertificate(caseworker, { certificateId: old.id, reason: "The child's name was misspelt.", issuedOn: "2025-04-30", confirmed: true });
    const fresh = await db().certificate.findUniqueOrThrow({ where: { id: r.certificateId }, include: { document: true } });
    expect(fresh).toMatchObject({ kind: "AFTER_MEDIATION", supersedesId: old.id, issuerId: mediator.id, correctionReason: "The child's name was misspelt." });
    expect(fresh.document).toMatchObject({ supersedesId: old.documentId, version: 2 });
    expect(fresh.appealDeadlineOn!.toISOString().slice(0, 10)).toBe(appealDeadline("2025-02-03", "2025-04-30"));
    // The old row is as it was (nothing updated); its supersededBy is the new row's supersedesId.
    expect(await db().certificate.findUniqueOrThrow({ where: { id: old.id }, include: { document: true } })).toEqual(old);
    expect((await lookupDocumentByCode(old.document.verificationCode))?.status).toBe("SUPERSEDED");
    expect(await pdfText(fresh.documentId)).toContain("This certificate replaces an earlier one");

    const list = await listCaseCertificates(caseworker, c.id);
    expect(list.issued.map((x) => [x.id, x.supersededBy?.id ?? null, x.corrects])).toEqual([
      [fresh.id, null, true],
      [old.id, fresh.id, false],
    ]);
    const emails = await db().outboxEmail.findMany({ where: { caseId: c.id }, orderBy: { createdAt: "asc" }, skip: emailsBefore });
    expect(emails).toHaveLength(2);
    expect(emails[0]!.subject).toBe(`Corrected mediation certificate issued: case ${c.reference}`);

    await expect(correctCertificate(caseworker, { certificateId: old.id, reason: "Again", issuedOn: "2025-04-30", confirmed: true })).rejects.toBeInstanceOf(ConflictError);
    expect(await db().certificate.count({ where: { caseId: c.id } })).toBe(2);
  });

  it("needs a reason and a confirmation; staff only; a closed case is re-opened first; nothing written when refused", async () => {
    const c = await heldCase();
    await transitionCase(caseworker, c.id, "issueCertificate", 1, { issuedOn: "2025-04-29" });
    const old = await db().certificate.findFirstOrThrow({ where: { caseId: c.id } });
    const noReason = await refusal(correctCertificate(caseworker, { certificateId: old.id, reason: " ", issuedOn: "2025-04-29", confirmed: true }));
    expect((noReason as DomainError).fieldErrors?.reason).toBe("Enter the reason for the correction");
    const noConfirm = await refusal(correctCertificate(caseworker, { certificateId: old.id, reason: "Typo", issuedOn: "2025-04-29", confirmed: false as unknown as true }));
    expect((noConfirm as DomainError).fieldErrors?.confirmed).toBe("Confirm that the new certificate replaces this one");
    const early = await refusal(correctCertificate(caseworker, { certificateId: old.id, reason: "Typo", issuedOn: "2025-04-23", confirmed: true }));
    expect((early as DomainError).fieldErrors?.issuedOn).toMatch(/cannot be before Thursday 24 April 2025/);
    for (const u of [mediator, laOfficer, parentUser]) {
      await expect(correctCertificate(u, { certificateId: old.id, reason: "Typo", issuedOn: "2025-04-29", confirmed: true })).rejects.toBeInstanceOf(NotFoundError);
      await expect(getCertificateForCorrection(u, old.id)).rejects.toBeInstanceOf(NotFoundError);
    }
    await db().case.update({ where: { id: c.id }, data: { status: "CLOSED" } });
    const closed = await refusal(correctCertificate(caseworker, { certificateId: old.id, reason: "Typo", issuedOn: "2025-04-29", confirmed: true }));
    expect(closed.message).toMatch(/Re-open it first/);
    expect(await countsOf(c.id)).toMatchObject({ certificates: 1, documents: 1 });
  });
});

describe("who sees a certificate (R-80)", () => {
  it("the case's family and LA officer see it (on their pages too); another LA's officer and another family get 404", async () => {
    const family = await makeUser("PARENT");
    const c = await heldCase({ familyUserId: family.id });
    await transitionCase(caseworker, c.id, "issueCertificate", 1, { issuedOn: "2025-04-29" });
    const cert = await db().certificate.findFirstOrThrow({ where: { caseId: c.id } });

    expect((await listCaseCertificates(family, c.id)).issued).toHaveLength(1);
    expect((await listCaseCertificates(laOfficer, c.id)).issued[0]).toMatchObject({ issuedOn: "2025-04-29", appealDeadlineOn: "2025-05-29", correctionReason: null });
    const mine = (await listMyCases(family)).find((x) => x.id === c.id)!;
    expect(mine.certificate).toMatchObject({ issuedOn: "2025-04-29", appealDeadlineOn: "2025-05-29", href: `/documents/${cert.documentId}` });
    expect((await listIssuedCertificates(laOfficer)).map((x) => x.id)).toContain(cert.id);

    const otherOfficer = await makeUser("LA_OFFICER", { localAuthorityId: otherLa.id });
    await expect(listCaseCertificates(otherOfficer, c.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listCaseCertificates(parentUser, c.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDocumentFile(otherOfficer, cert.documentId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDocumentFile(parentUser, cert.documentId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listIssuedCertificates(otherOfficer)).map((x) => x.id)).not.toContain(cert.id);
    expect(la.id).not.toBe(otherLa.id);
  });

  it("a section-I-only case says that no certificate is needed (R-04)", async () => {
    const c = await heldCase({ decisions: ["PLAN_CONTENTS_SECTION_I"] });
    expect(await listCaseCertificates(caseworker, c.id)).toMatchObject({ sectionIOnly: true, issued: [], due: { name: "CERTIFICATE_AFTER_MEDIATION", dueOn: "2025-04-29" } });
    await transitionCase(caseworker, c.id, "issueCertificate", 1, { issuedOn: "2025-04-29" });
    const cert = await db().certificate.findFirstOrThrow({ where: { caseId: c.id } });
    expect(await pdfText(cert.documentId)).toContain("does not need this certificate to appeal");
  });
});
