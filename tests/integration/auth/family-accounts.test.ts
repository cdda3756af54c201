/**
 * Issue 8, item 15: every family party with an email can sign in to their case. The account is
 * created or linked when the party is recorded or its email changes (lib/auth/family-accounts.ts),
 * one account per email, never for a staff email or a non-family party, and no answer says whether
 * an account already existed. Real PostgreSQL; the sign-in goes through the real emailed link.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { consumeFamilyLink, requestFamilyLink } from "@/lib/auth/family-link";
import { staffSignIn } from "@/lib/auth/staff-sign-in";
import { createReferral } from "@/lib/cases/intake/create-referral";
import { createSelfReferral } from "@/lib/cases/intake/create-self-referral";
import type { ReferralFormValues } from "@/lib/cases/intake/referral-schema";
import { addParty } from "@/lib/cases/parties/add-party";
import { updateParty } from "@/lib/cases/parties/update-party";
import { listMyCases } from "@/lib/cases/list/list-my-cases";
import { getCaseDetail } from "@/lib/cases/details/get-case-detail";
import { makeLa, makeUser, referralValues, uid } from "../helpers";

const NOW = new Date("2025-04-01T10:00:00Z");
const ACCOUNT_ACTIONS = ["user.family_account_created", "party.account_linked", "party.account_unlinked"];

let la: { id: string; name: string };
let caseworker: SessionUser;

beforeAll(async () => {
  la = await makeLa();
  caseworker = await makeUser("CASEWORKER");
});

const ip = () => `203.0.113.${Math.floor(Math.random() * 250)}-${uid()}`;
const freshEmail = (who: string) => `${who}-${uid()}@family.example`;

function referral(overrides: Partial<ReferralFormValues> = {}): ReferralFormValues {
  return referralValues(la.id, {
    child: { name: `Sam ${uid()}`, dateOfBirth: "2015-06-01", setting: "", hasEhcPlan: "yes" },
    disputedDecisions: ["PLAN_CONTENTS_SECTION_F"],
    issues: [{ category: "EDUCATION", description: "Section F" }],
    family: { name: "Alex Parent", email: freshEmail("alex"), phone: "", address: "", preferredContact: "EMAIL", accessNeeds: "" },
    parties: [
      { kind: "LA", name: "Lee Officer", organisation: la.name, email: freshEmail("lee.officer"), phone: "", address: "", preferredContact: "EMAIL", accessNeeds: "", hasAuthority: "yes" },
    ],
    ...overrides,
  });
}

const selfReferral = (overrides: Record<string, string> = {}) => ({
  familyParty: "PARENT",
  name: "Morgan Family",
  email: freshEmail("morgan"),
  phone: "",
  childName: "Riley Family",
  childDateOfBirth: "2016-02-29",
  localAuthorityId: la.id,
  hasEhcPlan: "no",
  disputedDecisions: "REFUSAL_TO_ASSESS",
  issueCategories: "EDUCATION",
  decisionSentOn: "2025-03-10",
  details: "",
  website: "",
  ...overrides,
});

async function selfRefer(overrides: Record<string, string> = {}) {
  const r = await createSelfReferral(selfReferral(overrides), ip(), NOW);
  if (r.status !== "created") throw new Error("expected a case");
  return r;
}

/** Asks for a link as the family would, opens it from the outbox, and returns the signed-in user (or null). */
async function signInByLink(emailAsTyped: string): Promise<SessionUser | null> {
  const since = new Date();
  const asked = await requestFamilyLink(emailAsTyped, "http://app.test", ip());
  expect(asked.ok).toBe(true);
  await asked.followUp();
  const mail = await db().outboxEmail.findFirst({
    where: { to: emailAsTyped.trim().toLowerCase(), subject: "Your sign-in link for SEND mediation", createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
  });
  if (!mail) return null;
  const token = /token=([A-Za-z0-9_-]+)/.exec(mail.body)![1]!;
  const r = await consumeFamilyLink(token, null);
  if (!r.ok) throw new Error(`the link did not work: ${r.reason}`);
  return r.user;
}

const myCaseIds = async (user: SessionUser) => (await listMyCases(user)).map((c) => c.id).sort();
const familyPartyOf = (caseId: string) => db().party.findFirstOrThrow({ where: { caseId, kind: { in: ["PARENT", "YOUNG_PERSON"] } }, orderBy: { createdAt: "asc" } });
const accountAudits = (caseId: string) =>
  db().auditEvent.findMany({ where: { caseId, action: { in: ACCOUNT_ACTIONS } }, orderBy: [{ at: "asc" }, { id: "asc" }], select: { action: true, actorId: true, entityType: true, entityId: true, before: true, after: true } });
const versionOf = async (caseId: string) => (await db().case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } })).version;

describe("family accounts", () => {
  it("a parent whose referral a caseworker logged can ask for a link, sign in and see exactly that case", async () => {
    const email = `Alex.Parent-${uid()}@Family.example`; // as typed: stored and looked up lower-cased
    const other = await createReferral(caseworker, referral(), null, NOW);
    const r = await createReferral(caseworker, referral({ family: { name: "Alex Parent", email, phone: "", address: "", preferredContact: "EMAIL", accessNeeds: "" } }), "192.0.2.7", NOW);

    const user = await signInByLink(`  ${email.toUpperCase()} `);
    expect(user).toMatchObject({ email: email.toLowerCase(), name: "Alex Parent", role: "PARENT" });
    const row = await db().user.findUniqueOrThrow({ where: { id: user!.id } });
    expect(row).toMatchObject({ role: "PARENT", passwordHash: null, active: true, localAuthorityId: null });
    // A family account is never a staff account.
    expect((await staffSignIn(email, "")).ok).toBe(false);

    expect(await myCaseIds(user!)).toEqual([r.id]);
    const detail = await getCaseDetail(user!, r.id);
    expect(detail).toMatchObject({ view: "SHARED", reference: r.reference });
    await expect(getCaseDetail(user!, other.id)).rejects.toBeInstanceOf(NotFoundError);

    const party = await familyPartyOf(r.id);
    expect(party.userId).toBe(user!.id);
    expect(await accountAudits(r.id)).toEqual([
      { action: "user.family_account_created", actorId: caseworker.id, entityType: "User", entityId: user!.id, before: null, after: { role: "PARENT" } },
      { action: "party.account_linked", actorId: caseworker.id, entityType: "Party", entityId: party.id, before: { userId: null }, after: { userId: user!.id } },
    ]);
  });

  it("a parent who referred themselves on the website can sign in and see exactly that case", async () => {
    const other = await selfRefer();
    const email = freshEmail("morgan");
    const r = await selfRefer({ email });
    const user = await signInByLink(email);
    expect(user).toMatchObject({ email, name: "Morgan Family", role: "PARENT" });
    expect(await myCaseIds(user!)).toEqual([r.id]);
    expect(await getCaseDetail(user!, r.id)).toMatchObject({ view: "SHARED", reference: r.reference });
    await expect(getCaseDetail(user!, other.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await accountAudits(r.id)).map((a) => [a.action, a.actorId])).toEqual([
      ["user.family_account_created", null],
      ["party.account_linked", null],
    ]);
  });

  it("the same email on two cases is one account that sees both; a second parent added later gets their own", async () => {
    const email = freshEmail("jo");
    const first = await createReferral(caseworker, referral({ family: { name: "Jo Parent", email, phone: "", address: "", preferredContact: "EMAIL", accessNeeds: "" } }), null, NOW);
    const second = await selfRefer({ email: email.toUpperCase(), name: "Jo P." });
    const young = await selfRefer({ email, familyParty: "YOUNG_PERSON", name: "Jo Young", childName: "", childDateOfBirth: "2006-09-01" });
    const unrelated = await selfRefer();

    expect(await db().user.count({ where: { email } })).toBe(1);
    const account = await db().user.findUniqueOrThrow({ where: { email } });
    expect(account.name).toBe("Jo Parent"); // the first record names the account; later ones do not rename it
    for (const c of [first, second, young]) expect((await familyPartyOf(c.id)).userId).toBe(account.id);
    expect(await db().auditEvent.count({ where: { action: "user.family_account_created", entityId: account.id } })).toBe(1);
    expect((await accountAudits(second.id)).map((a) => a.action)).toEqual(["party.account_linked"]);

    const user = await signInByLink(email);
    expect(user?.id).toBe(account.id);
    expect(await myCaseIds(user!)).toEqual([first.id, second.id, young.id].sort());
    expect(await myCaseIds(user!)).not.toContain(unrelated.id);

    // A second parent added to the first case by the caseworker can sign in to that case only.
    const otherParent = freshEmail("kim");
    await addParty(caseworker, first.id, 1, { kind: "PARENT", name: "Kim Parent", preferredContact: "EMAIL", email: otherParent });
    const kim = await signInByLink(otherParent);
    expect(kim).toMatchObject({ name: "Kim Parent", role: "PARENT" });
    expect(await myCaseIds(kim!)).toEqual([first.id]);
  });

  it("the same new email recorded on two cases at the same moment makes one account, both cases linked", async () => {
    const [a, b] = [await selfRefer(), await selfRefer()];
    const email = freshEmail("second.parent");
    await Promise.all([a, b].map((c) => addParty(caseworker, c.id, 1, { kind: "PARENT", name: "Second Parent", preferredContact: "EMAIL", email })));
    const accounts = await db().user.findMany({ where: { email }, select: { id: true } });
    expect(accounts).toHaveLength(1);
    const linked = await db().party.findMany({ where: { caseId: { in: [a.id, b.id] }, email }, select: { userId: true } });
    expect(linked).toEqual([{ userId: accounts[0]!.id }, { userId: accounts[0]!.id }]);
    expect(await db().auditEvent.count({ where: { action: "user.family_account_created", entityId: accounts[0]!.id } })).toBe(1);
  });

  it("changing a party's email moves the link: the old account no longer sees the case; removing it unlinks", async () => {
    const oldEmail = freshEmail("sam");
    const r = await createReferral(caseworker, referral({ family: { name: "Sam Parent", email: oldEmail, phone: "", address: "", preferredContact: "EMAIL", accessNeeds: "" } }), null, NOW);
    const party = await familyPartyOf(r.id);
    const before = await signInByLink(oldEmail);
    expect(await myCaseIds(before!)).toEqual([r.id]);

    // Another change (no new email) keeps the link and writes no account rows.
    const v2 = await updateParty(caseworker, r.id, party.id, 1, { name: "Sam Parent", email: oldEmail, phone: "01632 960 111", preferredContact: "EMAIL" });
    expect(v2.changed).toEqual(["phone"]);
    expect(await accountAudits(r.id)).toHaveLength(2);

    const newEmail = freshEmail("sam.new");
    const v3 = await updateParty(caseworker, r.id, party.id, v2.version, { name: "Sam Parent", email: newEmail, phone: "01632 960 111", preferredContact: "EMAIL" });
    expect(v3).toEqual({ version: 3, changed: ["email"] });
    expect(await myCaseIds(before!)).toEqual([]);
    await expect(getCaseDetail(before!, r.id)).rejects.toBeInstanceOf(NotFoundError);
    const after = await signInByLink(newEmail);
    expect(after!.id).not.toBe(before!.id);
    expect(await myCaseIds(after!)).toEqual([r.id]);
    expect((await accountAudits(r.id)).slice(2)).toEqual([
      { action: "user.family_account_created", actorId: caseworker.id, entityType: "User", entityId: after!.id, before: null, after: { role: "PARENT" } },
      { action: "party.account_linked", actorId: caseworker.id, entityType: "Party", entityId: party.id, before: { userId: before!.id }, after: { userId: after!.id } },
    ]);

    // No email any more (contact by phone): nobody signs in to the case.
    await updateParty(caseworker, r.id, party.id, v3.version, { name: "Sam Parent", email: "", phone: "01632 960 111", preferredContact: "PHONE" });
    expect(await myCaseIds(after!)).toEqual([]);
    expect((await db().party.findUniqueOrThrow({ where: { id: party.id } })).userId).toBeNull();
    expect((await accountAudits(r.id)).at(-1)).toMatchObject({ action: "party.account_unlinked", before: { userId: after!.id }, after: { userId: null } });
  });

  it("never links a staff email recorded as a family party, and the answers are the same as for anyone", async () => {
    const mediator = await makeUser("MEDIATOR", { password: "pw" });
    const staffEmail = mediator.email.toUpperCase();

    const logged = await createReferral(caseworker, referral({ family: { name: "Staff As Parent", email: staffEmail, phone: "", address: "", preferredContact: "EMAIL", accessNeeds: "" } }), null, NOW);
    const viaWebsite = await selfRefer({ email: staffEmail });
    const existing = freshEmail("existing");
    await selfRefer({ email: existing });
    const again = await selfRefer({ email: existing });
    const fresh = await selfRefer();
    // The public answer has the same shape whether the email was new, a family account's or staff.
    for (const r of [viaWebsite, again, fresh]) expect(Object.keys(r).sort()).toEqual(["email", "id", "reference", "status"]);

    for (const c of [logged, viaWebsite]) {
      expect((await familyPartyOf(c.id)).userId).toBeNull();
      expect(await accountAudits(c.id)).toEqual([]);
    }
    const staffRow = await db().user.findMany({ where: { email: { equals: mediator.email, mode: "insensitive" } } });
    expect(staffRow).toEqual([expect.objectContaining({ id: mediator.id, role: "MEDIATOR" })]);
    // The staff member gets no family view: no link is sent, and their own scope does not include these cases.
    expect(await signInByLink(mediator.email)).toBeNull();
    await expect(getCaseDetail(mediator, logged.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await staffSignIn(mediator.email, "pw")).ok).toBe(true);

    // Changing a family party's email to a staff email unlinks the family account and links nobody.
    const familyEmail = freshEmail("pat");
    const r = await createReferral(caseworker, referral({ family: { name: "Pat Parent", email: familyEmail, phone: "", address: "", preferredContact: "EMAIL", accessNeeds: "" } }), null, NOW);
    const party = await familyPartyOf(r.id);
    const pat = await signInByLink(familyEmail);
    await updateParty(caseworker, r.id, party.id, await versionOf(r.id), { name: "Pat Parent", email: mediator.email, preferredContact: "EMAIL" });
    expect((await db().party.findUniqueOrThrow({ where: { id: party.id } })).userId).toBeNull();
    expect(await myCaseIds(pat!)).toEqual([]);
    await expect(getCaseDetail(mediator, r.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("gives no account to a party who is not the case's family party (LA, health, supporter, interpreter, school)", async () => {
    const laEmail = freshEmail("la.rep");
    const r = await createReferral(
      caseworker,
      referral({
        parties: [
          { kind: "LA", name: "Lee Officer", organisation: la.name, email: laEmail, phone: "", address: "", preferredContact: "EMAIL", accessNeeds: "", hasAuthority: "yes" },
          { kind: "SCHOOL", name: "Head Teacher", organisation: "Oak Primary", email: freshEmail("school"), phone: "", address: "", preferredContact: "EMAIL", accessNeeds: "", hasAuthority: "" },
        ],
      }),
      null,
      NOW,
    );
    let version = await versionOf(r.id);
    for (const kind of ["SUPPORTER", "INTERPRETER", "HEALTH"]) {
      version = (await addParty(caseworker, r.id, version, { kind, name: `${kind} person`, preferredContact: "EMAIL", email: freshEmail(kind.toLowerCase()) })).version;
    }
    const others = await db().party.findMany({ where: { caseId: r.id, kind: { notIn: ["PARENT", "YOUNG_PERSON"] } }, select: { id: true, email: true, userId: true } });
    expect(others).toHaveLength(5);
    expect(others.every((p) => p.userId === null)).toBe(true);
    expect(await db().user.count({ where: { email: { in: others.map((p) => p.email!) } } })).toBe(0);
    expect(await signInByLink(laEmail)).toBeNull();
    // A supporter's email changing still gives them nothing.
    const supporter = (await db().party.findFirstOrThrow({ where: { caseId: r.id, kind: "SUPPORTER" } })).id;
    const newSupporterEmail = freshEmail("supporter.new");
    await updateParty(caseworker, r.id, supporter, version, { name: "SUPPORTER person", preferredContact: "EMAIL", email: newSupporterEmail });
    expect(await db().user.count({ where: { email: newSupporterEmail } })).toBe(0);
    // Only the family party (the parent here) has an account on this case.
    expect((await accountAudits(r.id)).map((a) => a.action)).toEqual(["user.family_account_created", "party.account_linked"]);

    // on a young person's case the family party is the young person; a parent added to it
    // gets an account (decision 0022) but not the young person's case, until the young person
    // consents (tests/integration/auth/parent-access.test.ts).
    const yp = await selfRefer({ familyParty: "YOUNG_PERSON", name: "Casey Young", childName: "", childDateOfBirth: "2006-05-01" });
    const parentEmail = freshEmail("casey.parent");
    await addParty(caseworker, yp.id, 1, { kind: "PARENT", name: "Casey's Parent", preferredContact: "EMAIL", email: parentEmail });
    const caseysParent = await signInByLink(parentEmail);
    expect(caseysParent).toMatchObject({ role: "PARENT" });
    expect(await myCaseIds(caseysParent!)).toEqual([]);
    await expect(getCaseDetail(caseysParent!, yp.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
