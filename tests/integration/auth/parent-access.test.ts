/**
 * R-01 (decision 0022): a young person (16-25) is the party in their own right. A parent recorded
 * on their case has a family account but sees the case only while the young person's consent is
 * recorded, which the young person (and only they) gives and withdraws; a caseworker may record
 * consent given by phone or letter. Checked through every scope builder and family query, with the
 * audit rows, and a parent's own case unchanged. Real PostgreSQL.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/platform/db";
import { caseScope, certificateScope, documentScope, obligationScope, obligationUpdateScope } from "@/lib/auth/scope";
import { ForbiddenError, NotFoundError, type SessionUser } from "@/lib/auth/types";
import { DomainError } from "@/lib/platform/errors";
import { createReferral } from "@/lib/cases/intake/create-referral";
import { createSelfReferral } from "@/lib/cases/intake/create-self-referral";
import { addParty } from "@/lib/cases/parties/add-party";
import { listMyCases } from "@/lib/cases/list/list-my-cases";
import { getCaseDetail } from "@/lib/cases/details/get-case-detail";
import { listFamilyObligations } from "@/lib/obligations/list-family-obligations";
import { getDocumentFile } from "@/lib/platform/documents/get-document-file";
import { sealCertificate } from "@/lib/certificates/seal-certificate";
import { changeParentAccess } from "@/lib/family/parent-access/change-parent-access";
import { getParentAccess } from "@/lib/family/parent-access/get-parent-access";
import { recordParentAccess } from "@/lib/family/parent-access/record-parent-access";
import { getParentAccessForStaff } from "@/lib/family/parent-access/get-parent-access-for-staff";
import { makeLa, makeUser, referralValues, uid } from "../helpers";

const NOW = new Date("2025-04-01T10:00:00Z");
const CONSENT_ACTIONS = ["case.parent_access_given", "case.parent_access_withdrawn"];

let la: { id: string; name: string };
let caseworker: SessionUser;

beforeAll(async () => {
  la = await makeLa();
  caseworker = await makeUser("CASEWORKER");
});

const freshEmail = (who: string) => `${who}-${uid()}@family.example`;
const asSessionUser = async (where: { id: string } | { email: string }): Promise<SessionUser> => {
  const u = await db().user.findUniqueOrThrow({ where, select: { id: true, email: true, name: true, role: true, localAuthorityId: true } });
  return u;
};
const versionOf = async (caseId: string) => (await db().case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } })).version;
const consentAudits = (caseId: string) =>
  db().auditEvent.findMany({ where: { caseId, action: { in: CONSENT_ACTIONS } }, orderBy: [{ at: "asc" }, { id: "asc" }], select: { action: true, actorId: true, entityType: true, entityId: true, after: true } });
const consentOf = async (caseId: string) => (await db().case.findUniqueOrThrow({ where: { id: caseId }, select: { parentAccessConsentAt: true } })).parentAccessConsentAt;

/** A young person's own request through the website: they are the family party. */
async function selfReferYoungPerson(who: { name: string; email: string; childDateOfBirth: string }) {
  const values = { familyParty: "YOUNG_PERSON", phone: "", childName: "", localAuthorityId: la.id, hasEhcPlan: "no", disputedDecisions: "REFUSAL_TO_ASSESS", issueCategories: "EDUCATION", decisionSentOn: "2025-03-10", details: "", website: "", ...who };
  const r = await createSelfReferral(values, `198.51.100.${Math.floor(Math.random() * 250)}-${uid()}`, NOW);
  if (r.status !== "created") throw new Error("expected a case");
  return r;
}

/**
 * A young person's request through the website, a parent added by the caseworker with an email,
 * and on the case: a sealed certificate (with its SHARED document and emails) and an agreed action
 * with a note shared with the family.
 */
async function youngPersonsCase() {
  const ypEmail = freshEmail("casey");
  const parentEmail = freshEmail("casey.parent");
  const r = await selfReferYoungPerson({ name: "Casey Young", email: ypEmail, childDateOfBirth: "2006-05-01" });
  const caseId = r.id;
  await addParty(caseworker, caseId, await versionOf(caseId), { kind: "PARENT", name: "Robin Parent", preferredContact: "EMAIL", email: parentEmail });
  const youngPerson = await asSessionUser({ email: ypEmail });
  const parent = await asSessionUser({ email: parentEmail });
  const cert = await transaction((tx) => sealCertificate(tx, caseworker, { caseId, kind: "ADVICE_ONLY", issuedOn: "2025-04-01", issuerId: caseworker.id, triggerOn: "2025-03-28", dueOn: "2025-04-02" }, null));
  const obligation = await db().obligation.create({ data: { caseId, localAuthorityId: la.id, what: "Assess Casey's needs", responsible: "LA", dueOn: new Date("2025-05-01"), howChecked: "The LA writes to Casey" } });
  await db().obligationUpdate.create({ data: { obligationId: obligation.id, caseId, kind: "PROGRESS", note: "Assessment booked", sharedWithFamily: true } });
  return { caseId, reference: r.reference, ypEmail, parentEmail, youngPerson, parent, documentId: cert.documentId };
}

/** What `user` can see of the case, through every scope builder and family query. */
async function whatTheySee(user: SessionUser, c: { caseId: string; documentId: string }) {
  const found = async (p: Promise<unknown>) =>
    p.then(
      () => true,
      (e: unknown) => {
        if (e instanceof NotFoundError) return false;
        throw e;
      },
    );
  return {
    case: (await db().case.count({ where: { AND: [caseScope(user), { id: c.caseId }] } })) === 1,
    detail: await found(getCaseDetail(user, c.caseId)),
    myCases: (await listMyCases(user)).some((x) => x.id === c.caseId),
    documents: (await db().document.count({ where: { AND: [documentScope(user), { caseId: c.caseId }] } })) > 0,
    documentFile: await found(getDocumentFile(user, c.documentId)),
    certificates: (await db().certificate.count({ where: { AND: [certificateScope(user), { caseId: c.caseId }] } })) > 0,
    obligations: (await db().obligation.count({ where: { AND: [obligationScope(user), { caseId: c.caseId }] } })) > 0,
    obligationUpdates: (await db().obligationUpdate.count({ where: { AND: [obligationUpdateScope(user), { caseId: c.caseId }] } })) > 0,
    familyObligations: c.caseId in (await listFamilyObligations(user)),
  };
}
const EVERYTHING = { case: true, detail: true, myCases: true, documents: true, documentFile: true, certificates: true, obligations: true, obligationUpdates: true, familyObligations: true };
const NOTHING = Object.fromEntries(Object.keys(EVERYTHING).map((k) => [k, false]));

describe("a parent on a young person's case (R-01)", () => {
  it("sees nothing of it until the young person consents, everything while they do, and nothing again from the moment they withdraw", async () => {
    const c = await youngPersonsCase();
    // The parent has a family account, linked to their party, but the case is invisible to it.
    expect(c.parent.role).toBe("PARENT");
    expect(await db().party.count({ where: { caseId: c.caseId, kind: "PARENT", userId: c.parent.id } })).toBe(1);
    expect(await whatTheySee(c.parent, c)).toEqual(NOTHING);
    expect(await whatTheySee(c.youngPerson, c)).toEqual(EVERYTHING);

    // The young person's page: the parent by name, who cannot see the case yet.
    expect(await getParentAccess(c.youngPerson, c.caseId)).toMatchObject({ reference: c.reference, parents: [{ name: "Robin Parent", canSignIn: true }], consent: null });

    const given = await changeParentAccess(c.youngPerson, { caseId: c.caseId, canSee: "yes" }, "192.0.2.10");
    expect(given).toEqual({ status: "SAVED", given: true, changed: true });
    expect(await whatTheySee(c.parent, c)).toEqual(EVERYTHING);
    expect(await whatTheySee(c.youngPerson, c)).toEqual(EVERYTHING);
    expect((await getParentAccess(c.youngPerson, c.caseId)).consent).toMatchObject({ online: true });
    // Saying yes again changes nothing and writes nothing.
    expect(await changeParentAccess(c.youngPerson, { caseId: c.caseId, canSee: "yes" })).toEqual({ status: "SAVED", given: true, changed: false });

    // Withdrawing asks first: nothing changes until the young person confirms.
    expect(await changeParentAccess(c.youngPerson, { caseId: c.caseId, canSee: "no" })).toEqual({ status: "CONFIRM_WITHDRAWAL" });
    expect(await consentOf(c.caseId)).not.toBeNull();
    expect(await whatTheySee(c.parent, c)).toEqual(EVERYTHING);
    expect(await changeParentAccess(c.youngPerson, { caseId: c.caseId, canSee: "no", confirmed: "yes" }, "192.0.2.11")).toEqual({ status: "SAVED", given: false, changed: true });
    expect(await consentOf(c.caseId)).toBeNull();
    expect(await whatTheySee(c.parent, c)).toEqual(NOTHING);
    expect(await whatTheySee(c.youngPerson, c)).toEqual(EVERYTHING);

    // Who, when, given or withdrawn: one audit row each, by the young person.
    const audits = await consentAudits(c.caseId);
    expect(audits.map((a) => [a.action, a.actorId, a.entityType, a.entityId])).toEqual([
      ["case.parent_access_given", c.youngPerson.id, "Case", c.caseId],
      ["case.parent_access_withdrawn", c.youngPerson.id, "Case", c.caseId],
    ]);
    expect(audits[0]!.after).toMatchObject({ parentAccessConsentById: c.youngPerson.id, parentAccessConsentHow: "online", byYoungPerson: true });
    expect(audits[1]!.after).toMatchObject({ parentAccessConsentAt: null, byYoungPerson: true });
    const ips = await db().auditEvent.findMany({ where: { caseId: c.caseId, action: { in: CONSENT_ACTIONS } }, orderBy: { at: "asc" }, select: { ip: true } });
    expect(ips.map((r) => r.ip)).toEqual(["192.0.2.10", "192.0.2.11"]);
  });

  it("only the young person may change it: the parent (with or without consent), another family and staff through this page are refused, nothing written", async () => {
    const c = await youngPersonsCase();
    const stranger = await makeUser("PARENT");
    for (const who of [c.parent, stranger]) {
      await expect(changeParentAccess(who, { caseId: c.caseId, canSee: "yes" })).rejects.toBeInstanceOf(NotFoundError);
      await expect(getParentAccess(who, c.caseId)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await consentOf(c.caseId)).toBeNull();
    await changeParentAccess(c.youngPerson, { caseId: c.caseId, canSee: "yes" });
    // A parent who can see the case still cannot withdraw (or re-give) the young person's consent.
    await expect(changeParentAccess(c.parent, { caseId: c.caseId, canSee: "no", confirmed: "yes" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getParentAccess(c.parent, c.caseId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await consentOf(c.caseId)).not.toBeNull();
    // Staff are not family users: the young person's page is not theirs.
    await expect(changeParentAccess(caseworker, { caseId: c.caseId, canSee: "no", confirmed: "yes" })).rejects.toBeInstanceOf(NotFoundError);
    expect((await consentAudits(c.caseId)).map((a) => a.actorId)).toEqual([c.youngPerson.id]);

    // An answer that is neither yes nor no is refused with a message by the field.
    await expect(changeParentAccess(c.youngPerson, { caseId: c.caseId, canSee: "maybe" })).rejects.toMatchObject({ fieldErrors: { canSee: "Select yes if your parent or carer can see your case" } });
    expect(await consentOf(c.caseId)).not.toBeNull();
  });

  it("a consenting young person still receives the certificate alone: the parent is neither named nor emailed (R-01, R-30)", async () => {
    const c = await youngPersonsCase();
    await changeParentAccess(c.youngPerson, { caseId: c.caseId, canSee: "yes" });
    const cert = await transaction((tx) => sealCertificate(tx, caseworker, { caseId: c.caseId, kind: "ADVICE_ONLY", issuedOn: "2025-04-02", issuerId: caseworker.id, triggerOn: "2025-03-28", dueOn: "2025-04-02" }, null));
    const row = await db().certificate.findFirstOrThrow({ where: { documentId: cert.documentId }, select: { parties: true } });
    expect(row.parties).toEqual([{ role: "Young person", name: "Casey Young" }]);
    const sentTo = (await db().outboxEmail.findMany({ where: { caseId: c.caseId, subject: { startsWith: "Mediation certificate issued" } }, select: { to: true } })).map((m) => m.to.toLowerCase());
    expect(sentTo).toContain(c.ypEmail);
    expect(sentTo).not.toContain(c.parentEmail);
    // The parent can open it by signing in, while consent lasts.
    expect((await getDocumentFile(c.parent, cert.documentId)).fileName).toMatch(/\.pdf$/);
  });

  it("consent given links a parent recorded before parents had accounts; with no parent recorded there is nothing to give", async () => {
    const c = await youngPersonsCase();
    const earlierEmail = freshEmail("earlier.parent");
    // As recorded before this change: a parent with an email and no account.
    const earlier = await db().party.create({ data: { caseId: c.caseId, kind: "PARENT", name: "Sam Earlier", email: earlierEmail } });
    await changeParentAccess(c.youngPerson, { caseId: c.caseId, canSee: "yes" });
    const linked = await db().party.findUniqueOrThrow({ where: { id: earlier.id }, select: { userId: true } });
    expect(linked.userId).not.toBeNull();
    expect(await whatTheySee(await asSessionUser({ id: linked.userId! }), c)).toEqual(EVERYTHING);

    const alone = await selfReferYoungPerson({ name: "Alex Alone", email: freshEmail("alex"), childDateOfBirth: "2005-01-01" });
    const aloneUser = await asSessionUser({ id: (await db().party.findFirstOrThrow({ where: { caseId: alone.id, kind: "YOUNG_PERSON" } })).userId! });
    expect((await getParentAccess(aloneUser, alone.id)).parents).toEqual([]);
    await expect(changeParentAccess(aloneUser, { caseId: alone.id, canSee: "yes" })).rejects.toBeInstanceOf(DomainError);
    expect(await consentOf(alone.id)).toBeNull();
  });

  it("a caseworker records consent the young person gave by phone, saying how; only on a young person's case, only staff who edit cases", async () => {
    const c = await youngPersonsCase();
    await expect(recordParentAccess(caseworker, { caseId: c.caseId, canSee: "yes", how: "" })).rejects.toMatchObject({ fieldErrors: { how: "Enter how the young person told us, for example by phone" } });
    expect(await consentOf(c.caseId)).toBeNull();
    for (const role of ["MEDIATOR", "LA_OFFICER", "PARENT"] as const) {
      await expect(recordParentAccess(await makeUser(role, { localAuthorityId: role === "LA_OFFICER" ? la.id : undefined }), { caseId: c.caseId, canSee: "yes", how: "by phone" })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await recordParentAccess(caseworker, { caseId: c.caseId, canSee: "yes", how: "by phone" }, "192.0.2.20")).toEqual({ given: true, changed: true });
    expect(await whatTheySee(c.parent, c)).toEqual(EVERYTHING);
    expect((await getParentAccess(c.youngPerson, c.caseId)).consent).toMatchObject({ online: false, how: "by phone" });
    expect(await getParentAccessForStaff(caseworker, c.caseId)).toMatchObject({ youngPerson: "Casey Young", parents: [{ name: "Robin Parent", hasAccount: true }], consent: { online: false, how: "by phone" } });
    expect(await recordParentAccess(caseworker, { caseId: c.caseId, canSee: "no", how: "in a letter" })).toEqual({ given: false, changed: true });
    expect(await whatTheySee(c.parent, c)).toEqual(NOTHING);
    const audits = await consentAudits(c.caseId);
    expect(audits.map((a) => [a.action, a.actorId])).toEqual([
      ["case.parent_access_given", caseworker.id],
      ["case.parent_access_withdrawn", caseworker.id],
    ]);
    expect(audits.map((a) => (a.after as { told: string }).told)).toEqual(["by phone", "in a letter"]);
    // A staff timeline entry says so; the family's and the LA's shared view does not carry it.
    expect(await db().caseEvent.count({ where: { caseId: c.caseId, type: { in: ["PARENT_ACCESS_GIVEN", "PARENT_ACCESS_WITHDRAWN"] }, visibility: "STAFF" } })).toBe(2);

    // On a parent's own case there is no such consent to record.
    const parentsCase = await createReferral(caseworker, referralValues(la.id), null, NOW);
    await expect(recordParentAccess(caseworker, { caseId: parentsCase.id, canSee: "yes", how: "by phone" })).rejects.toMatchObject({ code: "NOT_YOUNG_PERSON" });
    await expect(getParentAccessForStaff(caseworker, parentsCase.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("a parent's own case (familyParty PARENT) is unchanged", () => {
  it("the parent sees it without anyone's consent; the consent page is not theirs", async () => {
    const email = freshEmail("pat");
    const r = await createReferral(caseworker, referralValues(la.id, { family: { name: "Pat Parent", email, phone: "", address: "", preferredContact: "EMAIL", accessNeeds: "" } }), null, NOW);
    const parent = await asSessionUser({ email });
    expect(await db().case.count({ where: { AND: [caseScope(parent), { id: r.id }] } })).toBe(1);
    expect((await listMyCases(parent)).map((x) => x.id)).toEqual([r.id]);
    expect(await getCaseDetail(parent, r.id)).toMatchObject({ view: "SHARED", reference: r.reference });
    await expect(getParentAccess(parent, r.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(changeParentAccess(parent, { caseId: r.id, canSee: "yes" })).rejects.toBeInstanceOf(NotFoundError);
    // A young person recorded on a parent's case (not the family party) gets no account and no view.
    const ypEmail = freshEmail("yp.on.parents.case");
    await addParty(caseworker, r.id, await versionOf(r.id), { kind: "YOUNG_PERSON", name: "Young One", preferredContact: "EMAIL", email: ypEmail });
    expect(await db().user.count({ where: { email: ypEmail } })).toBe(0);
  });
});
