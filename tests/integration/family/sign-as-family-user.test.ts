/**
 * Issue 12 (R-40; decision 0019): a family user signs the agreement while signed in. The answer is
 * bound to the hash of the text the page showed, like the link flow; the last signature seals the
 * agreement in the same transaction (document, obligations, copies by email); it is audited with
 * the user as the actor. Refused, writing nothing: no tick, no reason, a changed text, signing
 * twice, a sealed agreement; another family, an LA officer, or an agreement of another case: 404.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { DomainError } from "@/lib/platform/errors";
import { dbDateFromIso } from "@/lib/deadlines";
import { agreementTextSha256 } from "@/lib/agreements/agreement-content";
import { requestSignatures } from "@/lib/agreements/request-signatures";
import { saveAgreementAction } from "@/lib/agreements/save-agreement-action";
import { signInPerson } from "@/lib/agreements/sign-in-person";
import { ALREADY_SIGNED, signAsFamilyUser } from "@/lib/agreements/sign-as-family-user";
import { startAgreement } from "@/lib/agreements/start-agreement";
import { updateAgreement } from "@/lib/agreements/update-agreement";
import { getFamilyAgreement } from "@/lib/family/agreement/get-family-agreement";
import { getFamilyOverview } from "@/lib/family/home/get-family-overview";
import { makeLa, makeUser, uid } from "../helpers";

const HELD_ON = "2027-03-10";
const TODAY = "2027-03-11";
const NOW = new Date("2027-03-11T10:00:00Z");

let la: { id: string };
let mediator: SessionUser;
let officer: SessionUser;
let parent: SessionUser;
let otherParent: SessionUser;

beforeAll(async () => {
  la = await makeLa();
  mediator = await makeUser("MEDIATOR");
  officer = await makeUser("LA_OFFICER", { localAuthorityId: la.id });
  parent = await makeUser("PARENT");
  otherParent = await makeUser("PARENT");
});

const PEOPLE = [
  { kind: "PARENT", capacity: "PARENT", name: "Pat Family" },
  { kind: "LA", capacity: "LA_OFFICER", name: "Officer Rep" },
] as const;

/** A held meeting (parent and LA attended) with an agreement waiting for their signatures. */
async function awaitingCase(familyUserId: string) {
  const c = await db().case.create({
    data: { reference: `SM-FS-${uid()}`, status: "MEETING_HELD", localAuthorityId: la.id, allocatedMediatorId: mediator.id, heldOn: dbDateFromIso(HELD_ON), agreement: "FULL", issues: { create: [{ category: "EDUCATION", description: "Section F" }] } },
    select: { id: true },
  });
  const parties: { id: string }[] = [];
  for (const p of PEOPLE) {
    parties.push(await db().party.create({ data: { caseId: c.id, kind: p.kind, name: p.name, email: `${p.kind.toLowerCase()}-${uid()}@example.org`, userId: p.kind === "PARENT" ? familyUserId : null }, select: { id: true } }));
  }
  const meeting = await db().meeting.create({ data: { caseId: c.id, kind: "JOINT_MEETING", mode: "VIDEO", startsAt: new Date(`${HELD_ON}T10:00:00Z`), endsAt: new Date(`${HELD_ON}T12:00:00Z`), status: "HELD" }, select: { id: true } });
  await db().meetingRecord.create({
    data: { caseId: c.id, meetingId: meeting.id, startedAt: new Date(`${HELD_ON}T10:00:00Z`), endedAt: new Date(`${HELD_ON}T12:00:00Z`), recordedById: mediator.id, attendees: { create: PEOPLE.map((p, i) => ({ partyId: parties[i]!.id, name: p.name, capacity: p.capacity, position: i })) } },
  });
  const { agreementId } = await startAgreement(mediator, { caseId: c.id });
  let { revision } = await updateAgreement(mediator, { agreementId, expectedRevision: 1, agreedOn: HELD_ON, whatWasAgreed: "The LA will amend section F.", whatWasNotAgreed: "" }, null, TODAY);
  ({ revision } = await saveAgreementAction(mediator, { agreementId, expectedRevision: revision, what: "Issue the amended plan", responsible: "LA", kind: "AMEND_B_F", howChecked: "The family receives it" }, null, TODAY));
  ({ revision } = await requestSignatures(mediator, { agreementId, expectedRevision: revision }));
  const a = await db().caseAgreement.findUniqueOrThrow({ where: { id: agreementId }, include: { signers: { orderBy: { position: "asc" } } } });
  return { caseId: c.id, agreementId, revision, hash: a.contentSha256, signers: a.signers };
}

async function written(caseId: string) {
  const [signatures, audits, documents, obligations, agreement] = await Promise.all([
    db().agreementSignature.count({ where: { caseId } }),
    db().auditEvent.count({ where: { caseId } }),
    db().document.count({ where: { caseId } }),
    db().obligation.count({ where: { caseId } }),
    db().caseAgreement.findFirstOrThrow({ where: { caseId }, select: { status: true, revision: true } }),
  ]);
  return { signatures, audits, documents, obligations, agreement };
}

async function refusal(p: () => Promise<unknown>): Promise<Error> {
  try {
    await p();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected a refusal");
}

const answer = (user: SessionUser, r: { caseId: string; agreementId: string; hash: string }, more: Record<string, string>) =>
  signAsFamilyUser(user, { caseId: r.caseId, agreementId: r.agreementId, contentSha256: r.hash, ...more }, "203.0.113.9", NOW);

describe("signing while signed in", () => {
  it("shows the text to sign, binds the signature to its hash, and seals with the last signature", async () => {
    const r = await awaitingCase(parent.id);
    const page = await getFamilyAgreement(parent, r.caseId, NOW);
    expect(page.signing).toMatchObject({ agreementId: r.agreementId, contentSha256: r.hash, signerName: "Pat Family", declinedBefore: false });
    expect(agreementTextSha256(page.signing!.text)).toBe(r.hash); // the text shown is the text signed
    expect((await getFamilyOverview(parent, r.caseId, NOW)).nextStep).toMatchObject({ who: "You", link: { href: `/my-case/${r.caseId}/agreement/sign` } });

    // Bad answers write nothing.
    const before = await written(r.caseId);
    expect(((await refusal(() => answer(parent, r, { outcome: "SIGNED" }))) as DomainError).fieldErrors?.confirmed).toMatch(/Tick the box/);
    expect(((await refusal(() => answer(parent, r, { outcome: "DECLINED", reason: "  " }))) as DomainError).fieldErrors?.reason).toBe("Enter why you do not want to sign");
    expect(((await refusal(() => answer(parent, r, { outcome: "" }))) as DomainError).fieldErrors?.outcome).toBeDefined();
    // A text changed since the page was opened (another hash) is refused, like the link flow.
    expect(((await refusal(() => answer(parent, { ...r, hash: "0".repeat(64) }, { outcome: "SIGNED", confirmed: "yes" }))) as DomainError).code).toBe("TEXT_CHANGED");
    expect(await written(r.caseId)).toEqual(before);

    // The parent signs first: not sealed yet; the page says they have signed.
    expect(await answer(parent, r, { outcome: "SIGNED", confirmed: "yes" })).toEqual({ outcome: "SIGNED", sealed: false });
    const sig = await db().agreementSignature.findFirstOrThrow({ where: { agreementId: r.agreementId } });
    expect(sig).toMatchObject({ signerId: r.signers[0]!.id, outcome: "SIGNED", method: "SIGNED_IN", contentSha256: r.hash, recordedById: parent.id, ip: "203.0.113.9" });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { caseId: r.caseId, action: "agreement.signed" } });
    expect(audit).toMatchObject({ actorId: parent.id, entityId: r.agreementId });
    expect(audit.after).toMatchObject({ method: "SIGNED_IN", contentSha256: r.hash });
    expect(await getFamilyAgreement(parent, r.caseId, NOW)).toMatchObject({ signing: null, signedWaiting: true });
    expect((await getFamilyOverview(parent, r.caseId, NOW)).nextStep.text).toBe("We are waiting for everyone who came to the meeting to sign.");

    // Signing twice is refused, and writes nothing.
    const mid = await written(r.caseId);
    expect((await refusal(() => answer(parent, r, { outcome: "SIGNED", confirmed: "yes" }))).message).toBe(ALREADY_SIGNED);
    expect(await written(r.caseId)).toEqual(mid);

    // The LA signs in the room: the last signature seals it, in that transaction.
    const sealed = await signInPerson(mediator, { agreementId: r.agreementId, signerId: r.signers[1]!.id, contentSha256: r.hash, outcome: "SIGNED", confirmed: "yes", typedName: "Officer Rep" }, null, NOW);
    expect(sealed.sealedDocumentId).not.toBeNull();
    const doc = await db().document.findUniqueOrThrow({ where: { id: sealed.sealedDocumentId! } });
    expect((JSON.parse(doc.content) as { signatures: { method: string }[] }).signatures.map((s) => s.method)).toEqual(["SIGNED_IN", "IN_PERSON"]);

    // The family's page now offers the sealed PDF and the agreed action.
    const after = await getFamilyAgreement(parent, r.caseId, NOW);
    expect(after.signing).toBeNull();
    expect(after.agreements.map((d) => d.href)).toEqual([`/documents/${doc.id}`]);
    expect(after.actions.map((a) => a.what)).toEqual(["Issue the amended plan"]);

    // Sealed: no more answers.
    expect(((await refusal(() => answer(parent, r, { outcome: "DECLINED", reason: "Changed my mind" }))) as DomainError).code).toBe("AGREEMENT_SEALED");
  });

  it("seals when the family's signature is the last one", async () => {
    const r = await awaitingCase(parent.id);
    await signInPerson(mediator, { agreementId: r.agreementId, signerId: r.signers[1]!.id, contentSha256: r.hash, outcome: "SIGNED", confirmed: "yes", typedName: "Officer Rep" }, null, NOW);
    expect(await answer(parent, r, { outcome: "SIGNED", confirmed: "yes" })).toEqual({ outcome: "SIGNED", sealed: true });
    const w = await written(r.caseId);
    expect(w).toMatchObject({ documents: 1, obligations: 1, agreement: { status: "SEALED" } });
    const sealedAudit = await db().auditEvent.findFirstOrThrow({ where: { caseId: r.caseId, action: "agreement.sealed" } });
    expect(sealedAudit.actorId).toBe(parent.id);
  });

  it("a decline is recorded with its reason; they may still sign afterwards", async () => {
    const r = await awaitingCase(parent.id);
    expect(await answer(parent, r, { outcome: "DECLINED", reason: "Section F is not what we agreed" })).toEqual({ outcome: "DECLINED", sealed: false });
    const d = await db().agreementSignature.findFirstOrThrow({ where: { agreementId: r.agreementId } });
    expect(d).toMatchObject({ outcome: "DECLINED", reason: "Section F is not what we agreed", method: "SIGNED_IN" });
    expect((await getFamilyAgreement(parent, r.caseId, NOW)).signing?.declinedBefore).toBe(true);
    expect(await answer(parent, r, { outcome: "SIGNED", confirmed: "yes" })).toEqual({ outcome: "SIGNED", sealed: false });
  });

  it("another family, an LA officer, or an agreement of another case: not found, nothing written", async () => {
    const r = await awaitingCase(parent.id);
    const theirs = await awaitingCase(otherParent.id);
    const before = await written(r.caseId);
    const attempts = [
      () => answer(otherParent, r, { outcome: "SIGNED", confirmed: "yes" }),
      () => answer(officer, r, { outcome: "SIGNED", confirmed: "yes" }),
      () => answer(parent, { ...r, agreementId: theirs.agreementId }, { outcome: "SIGNED", confirmed: "yes" }),
      () => answer(otherParent, { ...theirs, caseId: r.caseId }, { outcome: "SIGNED", confirmed: "yes" }),
    ];
    for (const a of attempts) expect(await refusal(a)).toBeInstanceOf(NotFoundError);
    expect(await written(r.caseId)).toEqual(before);
    expect((await getFamilyAgreement(otherParent, theirs.caseId, NOW)).signing?.agreementId).toBe(theirs.agreementId);
  });

  it("a parent on the case who did not attend is not asked to sign", async () => {
    const r = await awaitingCase(parent.id);
    const stepParent = await makeUser("PARENT");
    await db().party.create({ data: { caseId: r.caseId, kind: "PARENT", name: "Step Parent", userId: stepParent.id } });
    expect(await getFamilyAgreement(stepParent, r.caseId, NOW)).toMatchObject({ signing: null, signedWaiting: false });
    expect(await refusal(() => answer(stepParent, r, { outcome: "SIGNED", confirmed: "yes" }))).toBeInstanceOf(NotFoundError);
  });
});
