/**
 * Issue 11: agreements on a real PostgreSQL — draft → sign in the room ×2 and by link ×1 → sealed
 * (document, hashes, emails); a sealed agreement refuses every change and writes nothing; signing
 * links are single-use, expire and are bound to the text; declines are recorded; editing after a
 * signature voids it; the scope (another LA's officer, another case's family: 404).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { DomainError } from "@/lib/platform/errors";
import { dbDateFromIso } from "@/lib/deadlines";
import { contentSha256 } from "@/lib/platform/documents/canonical";
import { getDocumentFile } from "@/lib/platform/documents/get-document-file";
import { agreementTextSha256 } from "@/lib/agreements/agreement-content";
import { getAgreementPage } from "@/lib/agreements/get-agreement-page";
import { removeAgreementAction } from "@/lib/agreements/remove-agreement-action";
import { requestSignatures } from "@/lib/agreements/request-signatures";
import { saveAgreementAction } from "@/lib/agreements/save-agreement-action";
import { sendSigningLink } from "@/lib/agreements/send-signing-link";
import { signInPerson } from "@/lib/agreements/sign-in-person";
import { getSigningPageWithToken, signWithToken } from "@/lib/agreements/sign-with-token";
import { startAgreement } from "@/lib/agreements/start-agreement";
import { startCorrection } from "@/lib/agreements/start-correction";
import { readAgreementText } from "@/lib/agreements/store";
import { updateAgreement } from "@/lib/agreements/update-agreement";
import { deliverOutboxEmail } from "@/lib/platform/outbox/deliver-outbox-email";
import { icbAgreementNoticeDueDate, isoFromDbDate } from "@/lib/deadlines";
import { transitionCase } from "@/lib/cases/transition/transition-case";
import { makeLa, makeUser, uid } from "../helpers";
import { pdfAttachments, startCaptureSmtp } from "../smtp";
import { createHash } from "node:crypto";

const ORIGIN = "https://mediation.example.org";
const HELD_ON = "2027-03-10";
const HELD_ON_DEFAULT = HELD_ON;
const TODAY = "2027-03-11";
const NOW = new Date("2027-03-11T10:00:00Z");

let la: { id: string };
let otherLa: { id: string };
let mediator: SessionUser;
let otherMediator: SessionUser;
let officer: SessionUser;
let otherOfficer: SessionUser;
let parent: SessionUser;
let otherParent: SessionUser;

beforeAll(async () => {
  la = await makeLa();
  otherLa = await makeLa();
  mediator = await makeUser("MEDIATOR");
  otherMediator = await makeUser("MEDIATOR");
  officer = await makeUser("LA_OFFICER", { localAuthorityId: la.id });
  otherOfficer = await makeUser("LA_OFFICER", { localAuthorityId: otherLa.id });
  parent = await makeUser("PARENT");
  otherParent = await makeUser("PARENT");
  // Another case, the other family's.
  await heldCase({ familyUserId: otherParent.id });
});

const PEOPLE = [
  { kind: "PARENT", capacity: "PARENT", name: "Łukasz Nguyễn" },
  { kind: "LA", capacity: "LA_OFFICER", name: "Officer Rep" },
  { kind: "SCHOOL", capacity: "SCHOOL", name: "Siân Ŷmlaen" },
] as const;

/** A case whose meeting was recorded held (the meeting record with three attendees). */
async function heldCase(o: { kind?: "MEDIATION" | "DRS"; agreement?: "FULL" | "PARTIAL" | "NONE"; familyUserId?: string; heldOn?: string; category?: "EDUCATION" | "HEALTH" } = {}) {
  const HELD_ON = o.heldOn ?? HELD_ON_DEFAULT;
  const c = await db().case.create({
    data: {
      reference: `SM-AGR-${uid()}`,
      kind: o.kind ?? "MEDIATION",
      status: "MEETING_HELD",
      localAuthorityId: la.id,
      allocatedMediatorId: mediator.id,
      heldOn: dbDateFromIso(HELD_ON),
      agreement: o.agreement ?? "FULL",
      issues: { create: [{ category: o.category ?? "EDUCATION", description: "Section F" }] },
    },
    select: { id: true, reference: true },
  });
  const parties: { id: string; email: string | null; name: string }[] = [];
  for (const p of PEOPLE) {
    parties.push(
      await db().party.create({
        data: { caseId: c.id, kind: p.kind, name: p.name, email: `${p.kind.toLowerCase()}-${uid()}@example.org`, userId: p.kind === "PARENT" ? (o.familyUserId ?? parent.id) : null },
        select: { id: true, email: true, name: true },
      }),
    );
  }
  const meeting = await db().meeting.create({
    data: { caseId: c.id, kind: o.kind === "DRS" ? "DRS_MEETING" : "JOINT_MEETING", mode: "VIDEO", startsAt: new Date(`${HELD_ON}T10:00:00Z`), endsAt: new Date(`${HELD_ON}T12:00:00Z`), status: "HELD" },
    select: { id: true },
  });
  await db().meetingRecord.create({
    data: {
      caseId: c.id,
      meetingId: meeting.id,
      startedAt: new Date(`${HELD_ON}T10:00:00Z`),
      endedAt: new Date(`${HELD_ON}T12:00:00Z`),
      recordedById: mediator.id,
      attendees: { create: PEOPLE.map((p, i) => ({ partyId: parties[i]!.id, name: p.name, capacity: p.capacity, position: i })) },
    },
  });
  return { ...c, parties };
}

async function refusal(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected a refusal");
}

/** Everything an agreement command may write. */
async function agreementState(caseId: string) {
  const [agreements, actions, signers, signatures, links, audits, documents, emails] = await Promise.all([
    db().caseAgreement.findMany({ where: { caseId }, orderBy: { version: "asc" } }),
    db().agreementAction.findMany({ where: { caseId }, orderBy: { id: "asc" } }),
    db().agreementSigner.findMany({ where: { caseId }, orderBy: { id: "asc" } }),
    db().agreementSignature.count({ where: { caseId } }),
    db().agreementSigningLink.findMany({ where: { caseId }, orderBy: { id: "asc" } }),
    db().auditEvent.count({ where: { caseId } }),
    db().document.count({ where: { caseId } }),
    db().outboxEmail.count({ where: { caseId } }),
  ]);
  return { agreements, actions, signers, signatures, links, audits, documents, emails };
}

const ACTIONS = [
  { what: "Issue the amended plan with sections B and F changed", responsible: "LA", kind: "AMEND_B_F", howChecked: "The family receives the amended plan" },
  { what: "Speech and language therapy review", responsible: "SCHOOL", kind: "OTHER", otherDueOn: "2027-04-30", howChecked: "The school sends the review to the family" },
  {
    what: "Tell the family that the LA will re-assess",
    responsible: "LA",
    kind: "ASSESS_NOTIFY",
    howChecked: "Letter to the family",
    overrideDueOn: "2027-04-07",
    overrideAgreedBy: "Łukasz Nguyễn and Officer Rep, by email",
    overrideAgreedOn: "2027-03-11",
  },
] as const;

/** A drafted agreement with three actions, ready for signatures. */
async function readyAgreement(c: { id: string }) {
  const { agreementId } = await startAgreement(mediator, { caseId: c.id });
  let { revision } = await updateAgreement(mediator, { agreementId, expectedRevision: 1, agreedOn: HELD_ON, whatWasAgreed: "The LA will amend sections B and F.\n\nThe school will review therapy.", whatWasNotAgreed: "" }, null, TODAY);
  for (const a of ACTIONS) ({ revision } = await saveAgreementAction(mediator, { agreementId, expectedRevision: revision, ...a }, null, TODAY));
  ({ revision } = await requestSignatures(mediator, { agreementId, expectedRevision: revision }));
  const a = await db().caseAgreement.findUniqueOrThrow({ where: { id: agreementId }, include: { signers: { orderBy: { position: "asc" } } } });
  return { agreementId, revision, contentSha256: a.contentSha256, signers: a.signers };
}

async function latestToken(to: string): Promise<string> {
  const mail = await db().outboxEmail.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
  const m = /\/sign\/([A-Za-z0-9_-]{43})/.exec(mail.body);
  if (!m) throw new Error("no signing link in the email");
  return m[1]!;
}

const signRoom = (agreementId: string, signerId: string, contentSha256: string, typedName: string) =>
  signInPerson(mediator, { agreementId, signerId, contentSha256, outcome: "SIGNED", confirmed: "yes", typedName }, "203.0.113.5", NOW);

describe("draft → sign → sealed", () => {
  it("computes due dates, seals when the third signature is in, and emails each party", async () => {
    const c = await heldCase();
    const r = await readyAgreement(c);
    const actions = await db().agreementAction.findMany({ where: { agreementId: r.agreementId }, orderBy: { position: "asc" } });
    expect(actions.map((a) => a.dueOn.toISOString().slice(0, 10))).toEqual(["2027-04-14", "2027-04-30", "2027-03-24"]); // R-41 5 weeks; OTHER; R-41 2 weeks
    expect(actions[2]!.overrideDueOn?.toISOString().slice(0, 10)).toBe("2027-04-07");

    // Same content, same hash: the text read twice hashes the same, and is the stored hash.
    const text = await readAgreementText(db(), r.agreementId);
    expect(agreementTextSha256(text)).toBe(r.contentSha256);
    expect(agreementTextSha256(await readAgreementText(db(), r.agreementId))).toBe(r.contentSha256);

    // In the room: the name typed must match (case and spaces ignored).
    const wrong = await refusal(signRoom(r.agreementId, r.signers[0]!.id, r.contentSha256, "Someone Else"));
    expect((wrong as DomainError).fieldErrors?.typedName).toMatch(/as it was recorded/);
    expect((await signRoom(r.agreementId, r.signers[0]!.id, r.contentSha256, "  łukasz   nguyễn ")).sealedDocumentId).toBeNull();
    expect((await signRoom(r.agreementId, r.signers[1]!.id, r.contentSha256, "OFFICER REP")).sealedDocumentId).toBeNull();

    // By link: the third.
    const sent = await sendSigningLink(mediator, { agreementId: r.agreementId, signerId: r.signers[2]!.id }, null, NOW, ORIGIN);
    const token = await latestToken(sent.to);
    const page = await getSigningPageWithToken(token, NOW);
    expect(page).toMatchObject({ state: "OPEN", signerName: "Siân Ŷmlaen" });
    expect(page!.text!.actions).toHaveLength(3);
    const stored = await db().agreementSigningLink.findFirstOrThrow({ where: { signerId: r.signers[2]!.id } });
    expect(stored.tokenSha256).not.toContain(token); // only the hash is stored
    expect(await signWithToken({ token, outcome: "SIGNED", confirmed: "yes" }, "198.51.100.7", NOW)).toEqual({ outcome: "SIGNED", sealed: true });

    const a = await db().caseAgreement.findUniqueOrThrow({ where: { id: r.agreementId } });
    expect(a.status).toBe("SEALED");
    const doc = await db().document.findUniqueOrThrow({ where: { id: a.documentId! } });
    expect(doc).toMatchObject({ kind: "AGREEMENT", visibility: "SHARED", caseId: c.id, version: 1 });
    const content = JSON.parse(doc.content) as { textSha256: string; text: unknown; signatures: { method: string; textSha256: string }[] };
    expect(content.textSha256).toBe(r.contentSha256);
    expect(contentSha256(content.text as never)).toBe(r.contentSha256); // anyone can recompute what was signed
    expect(content.signatures.map((s) => s.method)).toEqual(["IN_PERSON", "IN_PERSON", "LINK"]);
    const sigs = await db().agreementSignature.findMany({ where: { agreementId: r.agreementId }, orderBy: { at: "asc" } });
    expect(sigs.every((s) => s.contentSha256 === r.contentSha256 && s.outcome === "SIGNED")).toBe(true);
    expect(sigs.map((s) => s.ip)).toEqual(["203.0.113.5", "203.0.113.5", "198.51.100.7"]);

    // R-40: each agreed action is now tracked to done, due on the date in force (R-44's for the third).
    const obligations = await db().obligation.findMany({ where: { caseId: c.id }, orderBy: { position: "asc" } });
    expect(obligations.map((o) => [o.sourceActionId, o.status, o.dueOn.toISOString().slice(0, 10)])).toEqual([
      [actions[0]!.id, "OPEN", "2027-04-14"],
      [actions[1]!.id, "OPEN", "2027-04-30"],
      [actions[2]!.id, "OPEN", "2027-04-07"],
    ]);

    const copies = await db().outboxEmail.findMany({ where: { caseId: c.id, subject: { contains: "your copy is ready" } } });
    expect(copies.map((m) => m.to).sort()).toEqual(c.parties.map((p) => p.email!.toLowerCase()).sort());
    expect(copies[0]!.body).toContain(`/documents/${doc.id}`);
    // each copy carries the sealed PDF (a party without an account has it too).
    expect(copies.every((m) => m.documentId === doc.id && m.body.includes(doc.fileName))).toBe(true);
    const smtp = await startCaptureSmtp();
    const savedSmtp = process.env.SMTP_URL;
    process.env.SMTP_URL = smtp.url;
    try {
      // Queued to the dev mailbox here (no SMTP_URL, so the signing link could be read): the same
      // rows, made PENDING, are delivered as the worker does.
      await db().outboxEmail.updateMany({ where: { id: { in: copies.map((m) => m.id) } }, data: { status: "PENDING" } });
      for (const m of copies) expect(await deliverOutboxEmail({ outboxId: m.id })).toBe("SENT");
      expect(smtp.received).toHaveLength(copies.length);
      for (const mail of smtp.received) {
        const [pdf, ...more] = pdfAttachments(mail.raw);
        expect(more).toEqual([]);
        expect(pdf!.filename).toBe(doc.fileName);
        expect(createHash("sha256").update(pdf!.bytes).digest("hex")).toBe(doc.pdfSha256);
      }
    } finally {
      if (savedSmtp === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = savedSmtp;
      await smtp.close();
    }

    // The family and the LA officer of the case can download it; another LA's officer and another family cannot.
    expect((await getDocumentFile(parent, doc.id)).fileName).toMatch(/mediation-agreement-v1\.pdf$/);
    expect((await getDocumentFile(officer, doc.id)).fileName).toMatch(/\.pdf$/);
    await expect(getDocumentFile(otherOfficer, doc.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDocumentFile(otherParent, doc.id)).rejects.toBeInstanceOf(NotFoundError);

    // Sealed: every change is refused, and nothing is written.
    const before = await agreementState(c.id);
    const actionId = actions[0]!.id;
    const attempts = [
      () => updateAgreement(mediator, { agreementId: r.agreementId, expectedRevision: a.revision, agreedOn: HELD_ON, whatWasAgreed: "Changed" }, null, TODAY),
      () => saveAgreementAction(mediator, { agreementId: r.agreementId, expectedRevision: a.revision, ...ACTIONS[0] }, null, TODAY),
      () => saveAgreementAction(mediator, { agreementId: r.agreementId, expectedRevision: a.revision, actionId, ...ACTIONS[0], what: "Changed" }, null, TODAY),
      () => removeAgreementAction(mediator, { agreementId: r.agreementId, expectedRevision: a.revision, actionId }),
      () => requestSignatures(mediator, { agreementId: r.agreementId, expectedRevision: a.revision }),
      () => signRoom(r.agreementId, r.signers[0]!.id, r.contentSha256, "Łukasz Nguyễn"),
      () => sendSigningLink(mediator, { agreementId: r.agreementId, signerId: r.signers[0]!.id }, null, NOW, ORIGIN),
      () => signWithToken({ token, outcome: "DECLINED", reason: "Changed my mind" }, null, NOW),
    ];
    for (const attempt of attempts) {
      const e = await refusal(attempt());
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toMatch(/AGREEMENT_SEALED|LINK_USED/);
    }
    expect(await agreementState(c.id)).toEqual(before);

    // A correction is a new version, referencing the old, needing new signatures.
    const corr = await startCorrection(mediator, { agreementId: r.agreementId });
    const v2 = await db().caseAgreement.findUniqueOrThrow({ where: { id: corr.agreementId } });
    expect(v2).toMatchObject({ version: 2, supersedesId: r.agreementId, status: "DRAFT" });
    expect(v2.contentSha256).not.toBe(r.contentSha256); // the version is part of the text
    expect((await db().caseAgreement.findUniqueOrThrow({ where: { id: r.agreementId } })).status).toBe("SEALED");
  });
});

describe("R-43: a health-only agreement", () => {
  it("starts the ICB's week to tell the LA when it is sealed, and 'record ICB told the LA' meets it", async () => {
    // Dates in the past of the real clock: the transition refuses a date still to come.
    const agreedOn = "2026-11-02";
    const c = await heldCase({ heldOn: agreedOn, category: "HEALTH" });
    const { agreementId } = await startAgreement(mediator, { caseId: c.id });
    let { revision } = await updateAgreement(mediator, { agreementId, expectedRevision: 1, agreedOn, whatWasAgreed: "The ICB will fund the therapy.", whatWasNotAgreed: "" }, null, "2026-11-03");
    ({ revision } = await saveAgreementAction(mediator, { agreementId, expectedRevision: revision, what: "Fund speech and language therapy", responsible: "ICB", kind: "OTHER", otherDueOn: "2026-12-01", howChecked: "The family receives the funding letter" }, null, "2026-11-03"));
    await requestSignatures(mediator, { agreementId, expectedRevision: revision });
    const a = await db().caseAgreement.findUniqueOrThrow({ where: { id: agreementId }, include: { signers: { orderBy: { position: "asc" } } } });
    const when = new Date("2026-11-03T10:00:00Z");
    for (const [i, s] of a.signers.entries()) {
      await signInPerson(mediator, { agreementId, signerId: s.id, contentSha256: a.contentSha256, outcome: "SIGNED", confirmed: "yes", typedName: PEOPLE[i]!.name }, null, when);
    }
    expect((await db().caseAgreement.findUniqueOrThrow({ where: { id: agreementId } })).status).toBe("SEALED");

    const due = icbAgreementNoticeDueDate(agreedOn);
    expect(due).toBe("2026-11-09");
    const [dl] = await db().caseDeadline.findMany({ where: { caseId: c.id, name: "ICB_AGREEMENT_NOTICE" } });
    expect(dl).toMatchObject({ rule: "R-43", closedOn: null });
    expect(isoFromDbDate(dl!.triggerOn)).toBe(agreedOn);
    expect(isoFromDbDate(dl!.dueOn)).toBe(due);
    const kase = await db().case.findUniqueOrThrow({ where: { id: c.id }, select: { version: true, nextDeadlineName: true } });
    expect(kase.nextDeadlineName).toBe("ICB_AGREEMENT_NOTICE");

    const caseworker = await makeUser("CASEWORKER");
    expect((await db().caseDeadline.findUniqueOrThrow({ where: { id: dl!.id } })).closedOn).toBeNull();
    await transitionCase(caseworker, c.id, "recordIcbToldLa", kase.version, { toldOn: "2026-11-06" });
    const met = await db().caseDeadline.findUniqueOrThrow({ where: { id: dl!.id } });
    expect(met.outcome).toBe("MET");
    expect(isoFromDbDate(met.closedOn!)).toBe("2026-11-06");
    const ev = await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id, type: "ICB_TOLD_LA" } });
    expect(ev).toMatchObject({ rule: "R-43", visibility: "SHARED" });
    // Not offered again once met.
    const again = await refusal(transitionCase(caseworker, c.id, "recordIcbToldLa", kase.version + 1, { toldOn: "2026-11-06" }));
    expect(again.message).toMatch(/R-43/);
  });

  it("an agreement that is not health only starts no such deadline", async () => {
    const c = await heldCase();
    const r = await readyAgreement(c);
    for (const [i, s] of r.signers.entries()) await signRoom(r.agreementId, s.id, r.contentSha256, PEOPLE[i]!.name);
    expect((await db().caseAgreement.findUniqueOrThrow({ where: { id: r.agreementId } })).status).toBe("SEALED");
    expect(await db().caseDeadline.count({ where: { caseId: c.id, name: "ICB_AGREEMENT_NOTICE" } })).toBe(0);
  });
});

describe("signing links", () => {
  it("work once, expire, and stop working when the text changes or a newer link is sent", async () => {
    const c = await heldCase();
    const r = await readyAgreement(c);
    const school = r.signers[2]!;
    const send = () => sendSigningLink(mediator, { agreementId: r.agreementId, signerId: school.id }, null, NOW, ORIGIN);

    // Expired.
    const t1 = await latestToken((await send()).to);
    const later = new Date(NOW.getTime() + 8 * 24 * 3_600_000);
    expect((await getSigningPageWithToken(t1, later))?.state).toBe("EXPIRED");
    expect(((await refusal(signWithToken({ token: t1, outcome: "SIGNED", confirmed: "yes" }, null, later))) as DomainError).code).toBe("LINK_EXPIRED");

    // A newer link revokes the older one.
    const t2 = await latestToken((await send()).to);
    expect(((await refusal(signWithToken({ token: t1, outcome: "SIGNED", confirmed: "yes" }, null, NOW))) as DomainError).code).toBe("LINK_REVOKED");

    // Declined by link, with a reason: recorded; the link is used up.
    expect(await signWithToken({ token: t2, outcome: "DECLINED", reason: "The therapy date is wrong" }, "198.51.100.9", NOW)).toEqual({ outcome: "DECLINED", sealed: false });
    const declined = await db().agreementSignature.findFirstOrThrow({ where: { signerId: school.id } });
    expect(declined).toMatchObject({ outcome: "DECLINED", method: "LINK", reason: "The therapy date is wrong", contentSha256: r.contentSha256, ip: "198.51.100.9" });
    expect(((await refusal(signWithToken({ token: t2, outcome: "SIGNED", confirmed: "yes" }, null, NOW))) as DomainError).code).toBe("LINK_USED");
    const page = await getAgreementPage(mediator, c.id);
    expect(page.agreement!.signers.map((s) => s.state)).toEqual(["WAITING", "WAITING", "DECLINED"]);

    // A link for this version stops working once the text changes (another version of the text).
    const t3 = await latestToken((await send()).to);
    await updateAgreement(mediator, { agreementId: r.agreementId, expectedRevision: r.revision, agreedOn: HELD_ON, whatWasAgreed: "Corrected therapy date." }, null, TODAY);
    expect((await getSigningPageWithToken(t3, NOW))?.state).toBe("TEXT_CHANGED");
    expect(((await refusal(signWithToken({ token: t3, outcome: "SIGNED", confirmed: "yes" }, null, NOW))) as DomainError).code).toBe("LINK_TEXT_CHANGED");

    // Unknown and malformed tokens: not found.
    expect(await getSigningPageWithToken("x".repeat(43), NOW)).toBeNull();
    await expect(signWithToken({ token: "nope", outcome: "SIGNED", confirmed: "yes" }, null, NOW)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a decline in the room is recorded with its reason, and editing after a signature voids it", async () => {
    const c = await heldCase();
    const r = await readyAgreement(c);
    await signRoom(r.agreementId, r.signers[0]!.id, r.contentSha256, "Łukasz Nguyễn");
    const noReason = await refusal(signInPerson(mediator, { agreementId: r.agreementId, signerId: r.signers[1]!.id, contentSha256: r.contentSha256, outcome: "DECLINED", reason: "" }, null, NOW));
    expect((noReason as DomainError).fieldErrors?.reason).toBeTruthy();
    await signInPerson(mediator, { agreementId: r.agreementId, signerId: r.signers[1]!.id, contentSha256: r.contentSha256, outcome: "DECLINED", reason: "Needs legal advice first" }, null, NOW);
    let page = await getAgreementPage(mediator, c.id);
    expect(page.agreement!.signers.map((s) => s.state)).toEqual(["SIGNED", "DECLINED", "WAITING"]);

    // Editing the text: back to DRAFT, a new hash, and the earlier answers no longer count.
    const r2 = await saveAgreementAction(mediator, { agreementId: r.agreementId, expectedRevision: r.revision, ...ACTIONS[0], what: "Issue the amended plan (B and F) with the new wording" }, null, TODAY);
    page = await getAgreementPage(mediator, c.id);
    expect(page.agreement!.status).toBe("DRAFT");
    expect(page.agreement!.contentSha256).not.toBe(r.contentSha256);
    expect(page.agreement!.signers.map((s) => s.state)).toEqual(["WAITING", "WAITING", "WAITING"]);
    expect(await db().agreementSignature.count({ where: { agreementId: r.agreementId } })).toBe(2); // kept on record
    // Signing with the old hash (a stale page) is refused.
    await requestSignatures(mediator, { agreementId: r.agreementId, expectedRevision: r2.revision });
    expect(((await refusal(signRoom(r.agreementId, r.signers[2]!.id, r.contentSha256, "Siân Ŷmlaen"))) as DomainError).code).toBe("TEXT_CHANGED");
  });

  it("an R-44 override without the written agreement is refused, writing nothing", async () => {
    const c = await heldCase();
    const { agreementId } = await startAgreement(mediator, { caseId: c.id });
    const before = await agreementState(c.id);
    const e = await refusal(saveAgreementAction(mediator, { agreementId, expectedRevision: 1, ...ACTIONS[0], overrideDueOn: "2027-06-01" }, null, TODAY));
    expect(Object.keys((e as DomainError).fieldErrors ?? {})).toEqual(["overrideAgreedBy", "overrideAgreedOn"]);
    expect(await agreementState(c.id)).toEqual(before);
  });
});

describe("when an agreement can be written, and who sees it", () => {
  it("needs a FULL or PARTIAL agreement for mediation; DRS gets an outcome statement whatever the outcome (R-72)", async () => {
    const none = await heldCase({ agreement: "NONE" });
    expect(((await refusal(startAgreement(mediator, { caseId: none.id }))) as DomainError).code).toBe("NO_AGREEMENT");
    const drs = await heldCase({ kind: "DRS", agreement: "NONE" });
    const { agreementId } = await startAgreement(mediator, { caseId: drs.id });
    expect((await db().caseAgreement.findUniqueOrThrow({ where: { id: agreementId } })).kind).toBe("OUTCOME_STATEMENT");
    expect(await db().agreementSigner.count({ where: { agreementId } })).toBe(3);
  });

  it("is the mediation service's draft: other mediators, LA officers and families get 404", async () => {
    const c = await heldCase();
    const { agreementId } = await startAgreement(mediator, { caseId: c.id });
    for (const u of [otherMediator, otherOfficer, otherParent, officer, parent]) {
      await expect(getAgreementPage(u, c.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(updateAgreement(u, { agreementId, expectedRevision: 1, agreedOn: HELD_ON, whatWasAgreed: "x" }, null, TODAY)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect((await getAgreementPage(mediator, c.id)).agreement?.id).toBe(agreementId);
  });
});
