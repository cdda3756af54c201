/**
 * One definition of each field rule (lib/cases/fields): a value the caseworker's referral, the
 * public self-referral, editing a case and the party forms all ask for is accepted or refused the
 * same way everywhere, with the same message. Each case here once disagreed between two forms:
 * a phone number accepted at intake then blocked every later change to that party, a setting or
 * summary saved at intake that the edit form then refused, an email of 201–254 characters, and the
 * under-25 rule checked at intake only.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import type { SessionUser } from "@/lib/auth/types";
import { DomainError } from "@/lib/platform/errors";
import { addCalendarMonths, todayInLondon } from "@/lib/deadlines";
import { EMAIL_FORMAT_MESSAGE, LIMITS, PHONE_FORMAT_MESSAGE, YOUNG_PERSON_MAX_AGE } from "@/lib/cases/fields";
import { createReferral } from "@/lib/cases/intake/create-referral";
import { createSelfReferral } from "@/lib/cases/intake/create-self-referral";
import type { ReferralFormValues } from "@/lib/cases/intake/referral-schema";
import { updateCaseDetails } from "@/lib/cases/details/update-case-details";
import { addParty } from "@/lib/cases/parties/add-party";
import { updateParty } from "@/lib/cases/parties/update-party";
import { makeLa, makeUser, referralValues, uid } from "../helpers";

let la: { id: string };
let caseworker: SessionUser;

beforeAll(async () => {
  la = await makeLa();
  caseworker = await makeUser("CASEWORKER");
});

const today = todayInLondon();

function referral(o: { phone?: string; email?: string; setting?: string; summary?: string; dateOfBirth?: string; youngPerson?: boolean } = {}): ReferralFormValues {
  const base = referralValues(la.id);
  return {
    ...base,
    requestedBy: o.youngPerson ? "YOUNG_PERSON" : "PARENT",
    kind: "ADVICE_ONLY",
    familyParty: o.youngPerson ? "YOUNG_PERSON" : "PARENT",
    child: { ...base.child, dateOfBirth: o.dateOfBirth ?? "", setting: o.setting ?? "" },
    decisionSentOn: today,
    summary: o.summary ?? "",
    family: { ...base.family, email: o.email ?? base.family.email, phone: o.phone ?? "" },
  };
}

const selfReferral = (o: Record<string, string>) => ({
  familyParty: "PARENT",
  name: "Morgan Family",
  email: `morgan-${uid()}@example.com`,
  phone: "",
  childName: "Riley Family",
  childDateOfBirth: "",
  localAuthorityId: la.id,
  hasEhcPlan: "no",
  disputedDecisions: "REFUSAL_TO_ASSESS",
  issueCategories: "EDUCATION",
  decisionSentOn: "",
  details: "",
  website: "",
  ...o,
});

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

async function familyPartyOf(caseId: string) {
  return db().party.findFirstOrThrow({ where: { caseId, kind: "PARENT" }, select: { id: true, name: true, email: true, phone: true, preferredContact: true } });
}

const versionOf = async (caseId: string) => (await db().case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } })).version;

describe("a phone number written with the international prefix and a bracketed 0", () => {
  const phone = "0044 (0) 20 7946 0958";

  it("is accepted at intake, on the public form, and by every later change to that party", async () => {
    const c = await createReferral(caseworker, referral({ phone }), null);
    const family = await familyPartyOf(c.id);
    expect(family.phone).toBe(phone);
    // Before, the party form refused this number, so no other change to the party could be saved.
    const r = await updateParty(caseworker, c.id, family.id, await versionOf(c.id), { name: "Parent Renamed", email: family.email ?? "", phone, preferredContact: "PHONE" });
    expect(r.changed).toEqual(["name", "preferredContact"]);
    await addParty(caseworker, c.id, await versionOf(c.id), { kind: "SUPPORTER", name: "Sam Supporter", phone, preferredContact: "PHONE" });
    expect((await createSelfReferral(selfReferral({ phone }), `ip-${uid()}`)).status).toBe("created");
  });

  it("something that is not a phone number is refused with the same message by each form", async () => {
    const notAPhone = "call me after 6";
    expect((await refusal(createReferral(caseworker, referral({ phone: notAPhone }), null))).fieldErrors?.["family.phone"]).toBe(PHONE_FORMAT_MESSAGE);
    expect((await refusal(createSelfReferral(selfReferral({ phone: notAPhone }), `ip-${uid()}`))).fieldErrors?.phone).toBe(PHONE_FORMAT_MESSAGE);
    const c = await createReferral(caseworker, referral(), null);
    const e = await refusal(addParty(caseworker, c.id, 1, { kind: "SUPPORTER", name: "Sam", phone: notAPhone, preferredContact: "PHONE" }));
    expect(e.fieldErrors?.phone).toBe(PHONE_FORMAT_MESSAGE);
  });
});

describe("lengths", () => {
  it(`a setting of ${LIMITS.setting} characters saved at intake can still be edited; one more is refused by both`, async () => {
    const setting = "S".repeat(LIMITS.setting);
    const c = await createReferral(caseworker, referral({ setting }), null);
    const r = await updateCaseDetails(caseworker, c.id, 1, { childSetting: setting, summary: "Now with a summary" });
    expect(r.changed).toEqual(["summary"]);
    const longer = setting + "S";
    const message = `The school, college or setting must be ${LIMITS.setting} characters or fewer`;
    expect((await refusal(createReferral(caseworker, referral({ setting: longer }), null))).fieldErrors?.["child.setting"]).toBe(message);
    expect((await refusal(updateCaseDetails(caseworker, c.id, r.version, { childSetting: longer }))).fieldErrors?.childSetting).toBe(message);
  });

  it(`a summary of ${LIMITS.summary} characters is accepted at intake, on the public form and on edit; one more is refused`, async () => {
    const summary = "x".repeat(LIMITS.summary);
    const c = await createReferral(caseworker, referral({ summary }), null);
    expect((await updateCaseDetails(caseworker, c.id, 1, { summary: summary.slice(1) + "y" })).changed).toEqual(["summary"]);
    expect((await createSelfReferral(selfReferral({ details: summary }), `ip-${uid()}`)).status).toBe("created");
    expect((await refusal(createReferral(caseworker, referral({ summary: summary + "x" }), null))).fieldErrors?.summary).toBe(`The summary must be ${LIMITS.summary} characters or fewer`);
    expect((await refusal(updateCaseDetails(caseworker, c.id, 2, { summary: summary + "x" }))).fieldErrors?.summary).toBe(`The summary must be ${LIMITS.summary} characters or fewer`);
  });

  it(`notes for the mediation team of ${LIMITS.staffNotes} characters are accepted at intake and on edit; one more is refused`, async () => {
    const notes = "n".repeat(LIMITS.staffNotes);
    const message = `The notes for the mediation team must be ${LIMITS.staffNotes} characters or fewer`;
    const c = await createReferral(caseworker, { ...referral(), staffNotes: notes }, null);
    expect((await updateCaseDetails(caseworker, c.id, 1, { staffNotes: notes.slice(1) + "m" })).changed).toEqual(["staffNotes"]);
    expect((await refusal(createReferral(caseworker, { ...referral(), staffNotes: notes + "x" }, null))).fieldErrors?.staffNotes).toBe(message);
    expect((await refusal(updateCaseDetails(caseworker, c.id, 2, { staffNotes: notes + "x" }))).fieldErrors?.staffNotes).toBe(message);
  });

  it(`an email address of ${LIMITS.email} characters is accepted at intake and on the party form`, async () => {
    const email = `${"a".repeat(64)}@${"b".repeat(LIMITS.email - 64 - 1 - 4)}.com`;
    expect(email).toHaveLength(LIMITS.email);
    const c = await createReferral(caseworker, referral({ email }), null);
    const family = await familyPartyOf(c.id);
    expect(family.email).toBe(email);
    expect((await updateParty(caseworker, c.id, family.id, 1, { name: "Parent", email, preferredContact: "EMAIL", phone: "01632 960 001" })).changed).toEqual(["phone"]);
    expect((await refusal(createReferral(caseworker, referral({ email: "not-an-email" }), null))).fieldErrors?.["family.email"]).toBe(EMAIL_FORMAT_MESSAGE);
  });
});

describe(`the child is under ${YOUNG_PERSON_MAX_AGE} (R-01)`, () => {
  it("is checked on edit as at intake, with the same message", async () => {
    const tooOld = addCalendarMonths(today, -12 * YOUNG_PERSON_MAX_AGE - 1);
    const message = "The child must be under 25. Check the date of birth";
    expect((await refusal(createReferral(caseworker, referral({ dateOfBirth: tooOld }), null))).fieldErrors?.["child.dateOfBirth"]).toBe(message);
    const c = await createReferral(caseworker, referral({ dateOfBirth: "2015-06-01" }), null);
    expect((await refusal(updateCaseDetails(caseworker, c.id, 1, { childDateOfBirth: tooOld }))).fieldErrors?.childDateOfBirth).toBe(message);
    expect(await versionOf(c.id)).toBe(1);
  });
});

describe("a young person is over compulsory school age (R-01)", () => {
  it("is checked at intake and on edit, with the same message", async () => {
    const fourteen = addCalendarMonths(today, -12 * 14);
    const c = await createReferral(caseworker, referral({ youngPerson: true, dateOfBirth: addCalendarMonths(today, -12 * 19) }), null);
    const atIntake = (await refusal(createReferral(caseworker, referral({ youngPerson: true, dateOfBirth: fourteen }), null))).fieldErrors?.["child.dateOfBirth"];
    expect(atIntake).toMatch(/^A young person must be over compulsory school age/);
    expect((await refusal(updateCaseDetails(caseworker, c.id, 1, { childDateOfBirth: fourteen }))).fieldErrors?.childDateOfBirth).toBe(atIntake);
    // A fourteen-year-old is fine when a parent is the family party.
    expect((await createReferral(caseworker, referral({ dateOfBirth: fourteen }), null)).reference).toMatch(/^SM-/);
  });
});
