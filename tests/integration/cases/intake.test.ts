import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCaptureSmtp } from "../smtp";
import { db } from "@/lib/platform/db";
import { ForbiddenError, type SessionUser } from "@/lib/auth/types";
import { DomainError } from "@/lib/platform/errors";
import { INPUT_TOO_LARGE_MESSAGE, PUBLIC_INPUT_LIMITS } from "@/lib/platform/security/input-bounds";
import { createReferral } from "@/lib/cases/intake/create-referral";
import { SELF_REFERRAL_RATE_LIMITED_MESSAGE, createSelfReferral } from "@/lib/cases/intake/create-self-referral";
import { lateDecisionWarning, previewReferralDates } from "@/lib/cases/intake/preview-referral-dates";
import { listLocalAuthoritiesForIntake } from "@/lib/cases/intake/local-authorities";
import type { ReferralFormValues } from "@/lib/cases/intake/referral-schema";
import { makeLa, makeUser, referralValues, uid } from "../helpers";

/** "Today" for these tests: Tuesday 1 April 2025 (London). The R-54 example runs from 3 Feb / 26 Mar 2025. */
const NOW = new Date("2025-04-01T10:00:00Z");

const isoOf = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);

let la: { id: string; name: string };
let caseworker: SessionUser;

beforeAll(async () => {
  la = await makeLa();
  caseworker = await makeUser("CASEWORKER");
});

function validReferral(overrides: Partial<ReferralFormValues> = {}): ReferralFormValues {
  return referralValues(la.id, {
    child: { name: `Sam ${uid()}`, dateOfBirth: "2015-06-01", setting: "Oak Primary School", hasEhcPlan: "yes" },
    disputedDecisions: ["PLAN_CONTENTS_SECTION_F"],
    summary: "Family wants more speech and language therapy.",
    staffNotes: "Mum works nights: phone after 2pm.",
    issues: [{ category: "EDUCATION", description: "Speech and language therapy hours in section F" }],
    family: { name: "Alex Parent", email: `alex-${uid()}@example.com`, phone: "", address: "", preferredContact: "EMAIL", accessNeeds: "Needs a BSL interpreter" },
    parties: [
      { kind: "LA", name: "Lee Officer", organisation: "Northshire County Council", email: "lee.officer@la.example", phone: "", address: "", preferredContact: "EMAIL", accessNeeds: "", hasAuthority: "yes" },
    ],
    ...overrides,
  });
}

/** Every table a referral writes to. */
async function counts() {
  const d = db();
  const [cases, children, issues, parties, events, audits, deadlines, outbox] = await Promise.all([
    d.case.count(),
    d.child.count(),
    d.caseIssue.count(),
    d.party.count(),
    d.caseEvent.count(),
    d.auditEvent.count(),
    d.caseDeadline.count(),
    d.outboxEmail.count(),
  ]);
  return { cases, children, issues, parties, events, audits, deadlines, outbox };
}

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

describe("createReferral: validation", () => {
  type Case = { name: string; input: () => ReferralFormValues; field: string; message: string | RegExp };
  const base = () => validReferral();
  const cases: Case[] = [
    { name: "no requester", input: () => ({ ...base(), requestedBy: "" }), field: "requestedBy", message: "Select who referred the case" },
    { name: "no kind of case", input: () => ({ ...base(), kind: "" }), field: "kind", message: "Select what kind of case this is" },
    { name: "no child's name", input: () => ({ ...base(), child: { ...base().child, name: "  " } }), field: "child.name", message: "Enter the child's full name" },
    {
      name: "no young person's name",
      input: () => ({ ...base(), familyParty: "YOUNG_PERSON", child: { ...base().child, name: "", dateOfBirth: "2005-01-01" } }),
      field: "child.name",
      message: "Enter the young person's full name",
    },
    { name: "a birth date in the future", input: () => ({ ...base(), child: { ...base().child, dateOfBirth: "2025-04-02" } }), field: "child.dateOfBirth", message: "The date of birth must be in the past" },
    {
      name: "a young person aged 25 (R-01)",
      input: () => ({ ...base(), familyParty: "YOUNG_PERSON", child: { ...base().child, dateOfBirth: "2000-04-01" } }),
      field: "child.dateOfBirth",
      message: "A young person must be under 25. Check the date of birth",
    },
    { name: "EHC plan not answered", input: () => ({ ...base(), child: { ...base().child, hasEhcPlan: "" } }), field: "child.hasEhcPlan", message: "Select yes if the child has an EHC plan" },
    { name: "no local authority", input: () => ({ ...base(), localAuthorityId: "" }), field: "localAuthorityId", message: "Select the local authority" },
    { name: "an unknown local authority", input: () => ({ ...base(), localAuthorityId: "no-such-la" }), field: "localAuthorityId", message: "Select the local authority" },
    { name: "no disputed decision (R-02)", input: () => ({ ...base(), disputedDecisions: [] }), field: "disputedDecisions", message: "Select the decision or decisions the family disagrees with, or ‘Not known yet’" },
    { name: "a DRS case without its scope (R-70)", input: () => ({ ...base(), kind: "DRS", disputedDecisions: [] }), field: "drsScope", message: "Select what the disagreement is about" },
    { name: "no decision date", input: () => ({ ...base(), decisionSentOn: "" }), field: "decisionSentOn", message: "Enter the date the decision was sent" },
    { name: "an impossible decision date", input: () => ({ ...base(), decisionSentOn: "2025-02-30" }), field: "decisionSentOn", message: "The date the decision was sent must be a real date" },
    {
      name: "a decision date in the future",
      input: () => ({ ...base(), decisionSentOn: "2025-04-02" }),
      field: "decisionSentOn",
      message: "The date the decision was sent must be today or in the past",
    },
    {
      name: "the LA told in the future",
      input: () => ({ ...base(), laNotifiedOn: "2025-04-02" }),
      field: "laNotifiedOn",
      message: "The date the local authority was told must be today or in the past",
    },
    {
      name: "the LA told before the decision was sent",
      input: () => ({ ...base(), laNotifiedOn: "2025-02-02" }),
      field: "laNotifiedOn",
      message: "The date the local authority was told must be on or after the date the decision was sent",
    },
    {
      name: "an LA date outside the bank-holiday data (R-64) with a health issue",
      input: () => ({ ...base(), decisionSentOn: "2015-01-05", laNotifiedOn: "2015-02-02", issues: [{ category: "HEALTH", description: "Therapy" }] }),
      field: "laNotifiedOn",
      message: /2015/,
    },
    { name: "no issues (R-03)", input: () => ({ ...base(), issues: [] }), field: "issues", message: "Add at least one issue" },
    {
      name: "an issue without a category",
      input: () => ({ ...base(), issues: [{ category: "", description: "Something" }] }),
      field: "issues.0.category",
      message: "Select whether the issue is about education, health or social care",
    },
    { name: "an issue without a description", input: () => ({ ...base(), issues: [{ category: "HEALTH", description: " " }] }), field: "issues.0.description", message: "Describe the issue" },
    { name: "no family name", input: () => ({ ...base(), family: { ...base().family, name: "" } }), field: "family.name", message: "Enter the name of the parent or carer" },
    {
      name: "no way to contact the family",
      input: () => ({ ...base(), family: { ...base().family, email: "", phone: "", preferredContact: "POST", address: "1 High Street" } }),
      field: "family.email",
      message: "Enter an email address or a phone number for the parent or carer",
    },
    {
      name: "a badly written email",
      input: () => ({ ...base(), family: { ...base().family, email: "alex-at-example.com" } }),
      field: "family.email",
      message: "Enter an email address in the correct format, like name@example.com",
    },
    {
      name: "a badly written phone number",
      input: () => ({ ...base(), family: { ...base().family, phone: "12345" } }),
      field: "family.phone",
      message: "Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192",
    },
    {
      name: "post preferred but no address",
      input: () => ({ ...base(), family: { ...base().family, preferredContact: "POST" } }),
      field: "family.address",
      message: "Enter a postal address for the parent or carer, or choose another way to contact them",
    },
    {
      name: "another party without a name",
      input: () => ({ ...base(), parties: [{ ...base().parties[0]!, name: "" }] }),
      field: "parties.0.name",
      message: "Enter the name of the person",
    },
  ];

  for (const c of cases) {
    it(`refuses ${c.name} with a message on the field, and writes nothing`, async () => {
      const before = await counts();
      const e = await refusal(createReferral(caseworker, c.input(), "203.0.113.5", NOW));
      expect(e.fieldErrors?.[c.field]).toMatch(c.message);
      expect(await counts()).toEqual(before);
    });
  }

  it("reports every problem at once", async () => {
    const e = await refusal(createReferral(caseworker, { ...validReferral(), requestedBy: "", child: { name: "", dateOfBirth: "", setting: "", hasEhcPlan: "yes" }, issues: [] }, null, NOW));
    expect(e.fieldErrors).toMatchObject({ requestedBy: "Select who referred the case", "child.name": "Enter the child's full name", issues: "Add at least one issue" });
    // In the order the form shows them, for the error summary.
    expect(Object.keys(e.fieldErrors ?? {})).toEqual(["requestedBy", "child.name", "issues"]);
  });

  it("accepts a decision sent more than 2 months ago, with a warning rather than a block (R-10)", async () => {
    // 1 Jan 2025 + 2 months = Saturday 1 March 2025, before today (1 April 2025).
    expect(lateDecisionWarning("2025-01-01", "2025-04-01")).toContain("Saturday 1 March 2025");
    expect(lateDecisionWarning("2025-02-03", "2025-04-01")).toBeNull();
    const preview = previewReferralDates(caseworker, { kind: "MEDIATION", decisionSentOn: "2025-01-01" }, "2025-04-01");
    expect(preview.adviserContactBy?.date).toBe("2025-03-01");
    expect(preview.lateDecisionWarning).toContain("more than 2 months ago");
    const created = await createReferral(caseworker, validReferral({ decisionSentOn: "2025-01-01" }), null, NOW);
    expect(await db().case.findUnique({ where: { id: created.id }, select: { decisionSentOn: true } })).toEqual({ decisionSentOn: new Date("2025-01-01T00:00:00Z") });
  });
});

describe("createReferral: what the disagreement is about (issue 8, items 6, 9, 11)", () => {
  it("stores several decisions, and who referred the case apart from the date the LA was told", async () => {
    const r = await createReferral(
      caseworker,
      validReferral({ requestedBy: "IASS", disputedDecisions: ["PLAN_CONTENTS_SECTION_F", "PLAN_CONTENTS_SECTION_B"], laNotifiedOn: "2025-03-26" }),
      null,
      NOW,
    );
    const c = await db().case.findUniqueOrThrow({ where: { id: r.id }, select: { requestedBy: true, disputedDecisions: true, decisionUnknown: true, laNotifiedOn: true } });
    expect(c).toMatchObject({ requestedBy: "IASS", disputedDecisions: ["PLAN_CONTENTS_SECTION_B", "PLAN_CONTENTS_SECTION_F"], decisionUnknown: false });
    expect(isoOf(c.laNotifiedOn)).toBe("2025-03-26");
  });

  it("refuses a plan dispute for a child without a plan, and “none” with an education issue, writing nothing", async () => {
    const before = await counts();
    const noPlan = await refusal(createReferral(caseworker, validReferral({ child: { ...validReferral().child, hasEhcPlan: "no" } }), null, NOW));
    expect(noPlan.fieldErrors?.disputedDecisions).toContain("is about an EHC plan, but you said the child does not have one");
    const none = await refusal(createReferral(caseworker, validReferral({ disputedDecisions: ["NONE"] }), null, NOW));
    expect(none.fieldErrors?.issues).toContain("An education issue is about a decision of the local authority");
    expect(await counts()).toEqual(before);
  });

  it("a health-only mediation has no decision and no LA 30-day clock: only the health notification runs (R-21)", async () => {
    const r = await createReferral(
      caseworker,
      validReferral({ disputedDecisions: ["NONE"], issues: [{ category: "HEALTH", description: "Therapy in section G" }], laNotifiedOn: "2025-03-26" }),
      null,
      NOW,
    );
    const rows = await db().caseDeadline.findMany({ where: { caseId: r.id }, select: { name: true } });
    expect(rows.map((d) => d.name)).toEqual(["HEALTH_NOTIFICATION"]);
    const event = await db().caseEvent.findFirstOrThrow({ where: { caseId: r.id, type: "DEADLINES_OPENED" } });
    expect(event.summary).toContain("arranges this health-only mediation within 30 days of being told");
  });
});

describe("createReferral: who may create", () => {
  for (const role of ["MEDIATOR", "LA_OFFICER", "PARENT"] as const) {
    it(`refuses a ${role} and writes nothing`, async () => {
      const user = await makeUser(role, { localAuthorityId: role === "LA_OFFICER" ? la.id : undefined });
      const before = await counts();
      await expect(createReferral(user, validReferral(), null, NOW)).rejects.toBeInstanceOf(ForbiddenError);
      expect(await counts()).toEqual(before);
      expect(() => previewReferralDates(user, { decisionSentOn: "2025-01-01" })).toThrow(ForbiddenError);
    });
  }

  it("lets an admin create a case", async () => {
    const admin = await makeUser("ADMIN");
    const r = await createReferral(admin, validReferral(), null, NOW);
    expect(r.reference).toMatch(/^SM-2025-\d{5}$/);
  });
});

describe("createReferral: what is recorded", () => {
  it("writes the case, child, issues, parties, the timeline entry and the audit row", async () => {
    const input = validReferral({ issues: [{ category: "EDUCATION", description: "Section F" }, { category: "SOCIAL_CARE", description: "Short breaks" }] });
    const before = await counts();
    const r = await createReferral(caseworker, input, "203.0.113.9", NOW);
    expect(r.reference).toMatch(/^SM-2025-\d{5}$/);

    const c = await db().case.findUniqueOrThrow({
      where: { id: r.id },
      select: {
        reference: true,
        kind: true,
        status: true,
        localAuthorityId: true,
        requestedBy: true,
        familyParty: true,
        disputedDecisions: true,
        drsScope: true,
        decisionSentOn: true,
        laNotifiedOn: true,
        summary: true,
        staffNotes: true,
        createdById: true,
        nextDeadlineOn: true,
        child: { select: { name: true, dateOfBirth: true, setting: true, hasEhcPlan: true } },
        issues: { select: { category: true, description: true }, orderBy: { category: "asc" } },
        parties: { select: { kind: true, name: true, email: true, organisation: true, preferredContact: true, accessNeeds: true, consent: true, hasAuthority: true }, orderBy: { kind: "asc" } },
        events: { select: { type: true, summary: true, actorId: true } },
        deadlines: { select: { name: true } },
      },
    });
    expect(c).toMatchObject({
      reference: r.reference,
      kind: "MEDIATION",
      status: "REFERRED",
      localAuthorityId: la.id,
      requestedBy: "PARENT",
      familyParty: "PARENT",
      disputedDecisions: ["PLAN_CONTENTS_SECTION_F"],
      drsScope: null,
      laNotifiedOn: null,
      summary: "Family wants more speech and language therapy.",
      staffNotes: "Mum works nights: phone after 2pm.",
      createdById: caseworker.id,
      nextDeadlineOn: null,
      child: { name: input.child.name, setting: "Oak Primary School", hasEhcPlan: true },
      issues: [
        { category: "EDUCATION", description: "Section F" },
        { category: "SOCIAL_CARE", description: "Short breaks" },
      ],
      parties: [
        { kind: "PARENT", name: "Alex Parent", email: input.family.email, organisation: null, preferredContact: "EMAIL", accessNeeds: "Needs a BSL interpreter", consent: "PENDING", hasAuthority: null },
        { kind: "LA", name: "Lee Officer", organisation: "Northshire County Council", consent: "PENDING", hasAuthority: true },
      ],
      events: [{ type: "REFERRAL_LOGGED", summary: "Referral logged", actorId: caseworker.id }],
      deadlines: [],
    });
    expect(isoOf(c.decisionSentOn)).toBe("2025-02-03");
    expect(isoOf(c.child?.dateOfBirth)).toBe("2015-06-01");

    const audit = await db().auditEvent.findMany({ where: { caseId: r.id }, orderBy: [{ at: "asc" }, { id: "asc" }], select: { action: true, actorId: true, ip: true, entityType: true, after: true } });
    // The referral, then the family party's sign-in account (issue 8; tests/integration/auth/family-accounts.test.ts).
    expect(audit.map((a) => a.action)).toEqual(["case.referral_logged", "user.family_account_created", "party.account_linked"]);
    expect(audit[0]).toMatchObject({ action: "case.referral_logged", actorId: caseworker.id, ip: "203.0.113.9", entityType: "Case", after: { reference: r.reference, kind: "MEDIATION" } });

    const after = await counts();
    expect(after).toEqual({ ...before, cases: before.cases + 1, children: before.children + 1, issues: before.issues + 2, parties: before.parties + 2, events: before.events + 1, audits: before.audits + 3 });
  });

  it("a young person refers themselves: the family party is the young person (R-01)", async () => {
    const r = await createReferral(
      caseworker,
      validReferral({ requestedBy: "YOUNG_PERSON", familyParty: "YOUNG_PERSON", child: { name: "Jo Young", dateOfBirth: "2006-09-01", setting: "", hasEhcPlan: "yes" }, family: { name: "Jo Young", email: "", phone: "07700 900982", address: "", preferredContact: "PHONE", accessNeeds: "" }, parties: [] }),
      null,
      NOW,
    );
    const parties = await db().party.findMany({ where: { caseId: r.id }, select: { kind: true, name: true, phone: true, email: true, preferredContact: true } });
    expect(parties).toEqual([{ kind: "YOUNG_PERSON", name: "Jo Young", phone: "07700 900982", email: null, preferredContact: "PHONE" }]);
  });

  it("the date the LA was told starts the 30-day clock: told 26 March 2025 → mediation by 25 April 2025 (R-20, R-54)", async () => {
    const r = await createReferral(caseworker, validReferral({ laNotifiedOn: "2025-03-26" }), null, NOW);
    const c = await db().case.findUniqueOrThrow({
      where: { id: r.id },
      select: { laNotifiedOn: true, nextDeadlineOn: true, nextDeadlineName: true, deadlines: { select: { name: true, rule: true, triggerOn: true, dueOn: true, closedOn: true } }, events: { select: { type: true, summary: true, rule: true }, orderBy: { type: "asc" } } },
    });
    expect(isoOf(c.laNotifiedOn)).toBe("2025-03-26");
    expect(c.deadlines.map((d) => ({ ...d, triggerOn: isoOf(d.triggerOn), dueOn: isoOf(d.dueOn) }))).toEqual([
      { name: "MEDIATION_30_DAY", rule: "R-20", triggerOn: "2025-03-26", dueOn: "2025-04-25", closedOn: null },
    ]);
    expect({ on: isoOf(c.nextDeadlineOn), name: c.nextDeadlineName }).toEqual({ on: "2025-04-25", name: "MEDIATION_30_DAY" });
    expect(c.events.map((e) => e.type)).toEqual(["DEADLINES_OPENED", "REFERRAL_LOGGED"]);
    expect(c.events[0]?.summary).toContain("mediation must take place by Friday 25 April 2025");
    expect(previewReferralDates(caseworker, { kind: "MEDIATION", laNotifiedOn: "2025-03-26" }, "2025-04-01").mediationBy).toEqual({ date: "2025-04-25", long: "Friday 25 April 2025", rule: "R-20" });
  });

  it("with a health issue, the LA must also tell the health body within 3 working days: 26 March 2025 → 31 March 2025 (R-21)", async () => {
    const r = await createReferral(
      caseworker,
      validReferral({ laNotifiedOn: "2025-03-26", issues: [{ category: "EDUCATION", description: "Section F" }, { category: "HEALTH", description: "Physiotherapy (section G)" }] }),
      null,
      NOW,
    );
    const c = await db().case.findUniqueOrThrow({
      where: { id: r.id },
      select: { nextDeadlineOn: true, nextDeadlineName: true, deadlines: { select: { name: true, rule: true, dueOn: true }, orderBy: { dueOn: "asc" } } },
    });
    expect(c.deadlines.map((d) => ({ name: d.name, rule: d.rule, dueOn: isoOf(d.dueOn) }))).toEqual([
      { name: "HEALTH_NOTIFICATION", rule: "R-21", dueOn: "2025-03-31" },
      { name: "MEDIATION_30_DAY", rule: "R-20", dueOn: "2025-04-25" },
    ]);
    // The case list sorts on the earliest open deadline.
    expect({ on: isoOf(c.nextDeadlineOn), name: c.nextDeadlineName }).toEqual({ on: "2025-03-31", name: "HEALTH_NOTIFICATION" });
  });

  it("opens no clock for DRS or advice-only cases, even if a date was typed (R-70, R-71)", async () => {
    const drs = await createReferral(caseworker, validReferral({ kind: "DRS", disputedDecisions: ["PLAN_CONTENTS_SECTION_F"], drsScope: "SETTING_PROVISION", decisionSentOn: "", laNotifiedOn: "2025-03-26" }), null, NOW);
    const advice = await createReferral(caseworker, validReferral({ kind: "ADVICE_ONLY", laNotifiedOn: "2025-03-26" }), null, NOW);
    const rows = await db().case.findMany({
      where: { id: { in: [drs.id, advice.id] } },
      select: { kind: true, disputedDecisions: true, drsScope: true, laNotifiedOn: true, nextDeadlineOn: true, deadlines: { select: { id: true } } },
      orderBy: { kind: "asc" },
    });
    expect(rows).toEqual([
      { kind: "ADVICE_ONLY", disputedDecisions: ["PLAN_CONTENTS_SECTION_F"], drsScope: null, laNotifiedOn: null, nextDeadlineOn: null, deadlines: [] },
      // a DRS case records its scope, not an appealable decision.
      { kind: "DRS", disputedDecisions: [], drsScope: "SETTING_PROVISION", laNotifiedOn: null, nextDeadlineOn: null, deadlines: [] },
    ]);
  });

  it("lists the local authorities for the form, by name", async () => {
    const a = await makeLa(`Aardvark Borough ${uid()}`);
    const list = await listLocalAuthoritiesForIntake();
    expect(list).toContainEqual({ id: a.id, name: a.name });
    expect(list.map((l) => l.name)).toEqual([...list.map((l) => l.name)].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
  });
});

describe("createSelfReferral (public)", () => {
  let smtp: Awaited<ReturnType<typeof startCaptureSmtp>>;
  const savedSmtp = process.env.SMTP_URL;

  beforeAll(async () => {
    smtp = await startCaptureSmtp();
    process.env.SMTP_URL = smtp.url;
  });
  afterAll(async () => {
    if (savedSmtp === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = savedSmtp;
    await smtp.close();
  });

  const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}-${uid()}`;
  const form = (overrides: Record<string, string> = {}) => ({
    familyParty: "PARENT",
    name: "Morgan Family",
    email: `morgan-${uid()}@example.com`,
    phone: "",
    childName: "Riley Family",
    childDateOfBirth: "2016-02-29",
    localAuthorityId: la.id,
    hasEhcPlan: "no",
    disputedDecisions: "REFUSAL_TO_ASSESS",
    issueCategories: "EDUCATION",
    decisionSentOn: "2025-03-10",
    details: "They said Riley is doing fine at school.",
    website: "",
    ...overrides,
  });

  it("creates a REFERRED mediation case with the family party, and emails the reference", async () => {
    const input = form();
    const address = "192.0.2.44";
    const r = await createSelfReferral(input, address, NOW, "https://mediation.example.org/");
    if (r.status !== "created") throw new Error("expected a case");
    expect(r.reference).toMatch(/^SM-2025-\d{5}$/);
    expect(r.email).toBe("SENT");

    const c = await db().case.findUniqueOrThrow({
      where: { id: r.id },
      select: {
        kind: true,
        status: true,
        requestedBy: true,
        familyParty: true,
        disputedDecisions: true,
        decisionUnknown: true,
        decisionSentOn: true,
        summary: true,
        staffNotes: true,
        createdById: true,
        localAuthorityId: true,
        child: { select: { name: true, dateOfBirth: true } },
        parties: { select: { kind: true, name: true, email: true, preferredContact: true, consent: true, userId: true } },
        events: { select: { type: true, actorId: true } },
      },
    });
    expect(c).toMatchObject({
      kind: "MEDIATION",
      status: "REFERRED",
      requestedBy: "PARENT",
      familyParty: "PARENT",
      disputedDecisions: ["REFUSAL_TO_ASSESS"],
      decisionUnknown: false,
      // what the family tells us is for the mediation team; the shared summary is left for a caseworker.
      summary: null,
      staffNotes: "They said Riley is doing fine at school.",
      createdById: null,
      localAuthorityId: la.id,
      child: { name: "Riley Family" },
      // Linked to their family sign-in account (issue 8).
      parties: [{ kind: "PARENT", name: "Morgan Family", email: input.email, preferredContact: "EMAIL", consent: "PENDING", userId: expect.any(String) }],
      events: [{ type: "SELF_REFERRAL_RECEIVED", actorId: null }],
    });
    expect(isoOf(c.decisionSentOn)).toBe("2025-03-10");
    expect(isoOf(c.child?.dateOfBirth)).toBe("2016-02-29");

    const audit = await db().auditEvent.findFirstOrThrow({ where: { caseId: r.id, entityType: "Case" }, select: { action: true, actorId: true, ip: true } });
    expect(audit).toEqual({ action: "case.self_referral_received", actorId: null, ip: address });

    const outbox = await db().outboxEmail.findMany({ where: { to: input.email }, select: { subject: true, body: true, status: true, sentAt: true } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ status: "SENT" });
    expect(outbox[0]?.subject).toContain(r.reference);
    expect(outbox[0]?.body).toContain(`Your reference number is ${r.reference}`);
    // When we will be in touch (3 working days from Tuesday 1 April 2025) and how to follow the case online.
    expect(outbox[0]?.body).toContain("A caseworker will contact you by Friday 4 April 2025");
    expect(outbox[0]?.body).toContain("Ask for a sign-in link at https://mediation.example.org/sign-in/family");
    expect(outbox[0]?.sentAt).not.toBeNull();
    expect(smtp.received.find((m) => m.to === input.email)?.raw).toContain(r.reference);
  });

  it("a young person refers themselves; “I’m not sure” stores the decision as not known, and each category chosen becomes an issue (R-03)", async () => {
    const r = await createSelfReferral(form({ familyParty: "YOUNG_PERSON", name: "Casey Young", childName: "", childDateOfBirth: "2007-05-01", hasEhcPlan: "not-sure", disputedDecisions: "NOT_KNOWN", issueCategories: "HEALTH,EDUCATION", decisionSentOn: "" }), ip(), NOW);
    if (r.status !== "created") throw new Error("expected a case");
    const c = await db().case.findUniqueOrThrow({
      where: { id: r.id },
      select: {
        requestedBy: true,
        familyParty: true,
        disputedDecisions: true,
        decisionUnknown: true,
        decisionSentOn: true,
        child: { select: { name: true, hasEhcPlan: true } },
        parties: { select: { kind: true, name: true } },
        issues: { select: { category: true }, orderBy: { category: "asc" } },
      },
    });
    expect(c).toEqual({
      requestedBy: "YOUNG_PERSON",
      familyParty: "YOUNG_PERSON",
      disputedDecisions: [],
      decisionUnknown: true,
      decisionSentOn: null,
      child: { name: "Casey Young", hasEhcPlan: null },
      parties: [{ kind: "YOUNG_PERSON", name: "Casey Young" }],
      // one issue per category chosen.
      issues: [{ category: "EDUCATION" }, { category: "HEALTH" }],
    });
  });

  it("explains each missing or wrong answer and writes nothing", async () => {
    const before = await counts();
    const empty = await refusal(createSelfReferral({ website: "" }, ip(), NOW));
    expect(empty.fieldErrors).toEqual({
      familyParty: "Select whether you are a parent or carer, or the young person",
      name: "Enter your full name",
      email: "Enter your email address",
      childName: "Enter the child's full name",
      localAuthorityId: "Select your local authority",
      hasEhcPlan: "Select whether your child has an EHC plan, or ‘I’m not sure’",
      disputedDecisions: "Select the decision or decisions you disagree with, or select ‘I’m not sure’",
      issueCategories: "Select what the disagreement is about: education, health or social care",
    });
    expect(Object.keys(empty.fieldErrors ?? {})).toEqual(["familyParty", "name", "email", "childName", "localAuthorityId", "hasEhcPlan", "disputedDecisions", "issueCategories"]);
    const wrong = await refusal(createSelfReferral(form({ email: "morgan@", phone: "call me", decisionSentOn: "2025-05-01", childDateOfBirth: "2025-31-01" }), ip(), NOW));
    expect(wrong.fieldErrors).toEqual({
      email: "Enter an email address in the correct format, like name@example.com",
      phone: "Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192",
      decisionSentOn: "The date on the decision letter must be today or in the past",
      childDateOfBirth: "The date of birth must be a real date",
    });
    const unknownLa = await refusal(createSelfReferral(form({ localAuthorityId: "not-an-la" }), ip(), NOW));
    expect(unknownLa.fieldErrors).toEqual({ localAuthorityId: "Select your local authority" });
    expect(await counts()).toEqual(before);
  });

  it("refuses the 6th request from the same address within an hour, and writes nothing for it", async () => {
    const address = ip();
    for (let i = 0; i < 5; i++) expect((await createSelfReferral(form(), address, NOW)).status).toBe("created");
    const before = await counts();
    const e = await refusal(createSelfReferral(form(), address, NOW));
    expect(e.code).toBe("RATE_LIMITED");
    expect(e.message).toBe(SELF_REFERRAL_RATE_LIMITED_MESSAGE);
    expect(await counts()).toEqual(before);
    // Another address is not affected, and the limit lifts in the next hour.
    expect((await createSelfReferral(form(), ip(), NOW)).status).toBe("created");
    expect((await createSelfReferral(form(), address, new Date(NOW.getTime() + 3_600_000))).status).toBe("created");
  });

  it("refuses oversized answers before anything is written or counted (issue 9 item 8)", async () => {
    const address = ip();
    const before = await counts();
    // Over a field's own limit: that field's message.
    const long = await refusal(createSelfReferral(form({ name: "x".repeat(6014), email: `${"m".repeat(6000)}@example.com`, details: "d".repeat(5001) }), address, NOW));
    expect(long.fieldErrors).toMatchObject({
      name: "Your name must be 200 characters or fewer",
      email: "Your email address must be 254 characters or fewer",
      details: "This must be 5000 characters or fewer",
    });
    // Over the size limit of any public form: one message, before the answers are even read.
    for (const field of ["name", "details", "childName", "somethingElse"]) {
      const e = await refusal(createSelfReferral(form({ [field]: "x".repeat(PUBLIC_INPUT_LIMITS.fieldChars + 1) }), address, NOW));
      expect(e.code).toBe("TOO_LARGE");
      expect(e.message).toBe(INPUT_TOO_LARGE_MESSAGE);
    }
    expect(await counts()).toEqual(before);
    expect(await db().rateLimit.count({ where: { key: `self-referral:${address}` } })).toBe(0);
  });

  it("writes nothing at all when the hidden honeypot field is filled in", async () => {
    const address = ip();
    const input = form({ website: "https://spam.example" });
    const before = await counts();
    expect(await createSelfReferral(input, address, NOW)).toEqual({ status: "ignored" });
    expect(await counts()).toEqual(before);
    expect(await db().rateLimit.count({ where: { key: `self-referral:${address}` } })).toBe(0);
    expect(await db().outboxEmail.count({ where: { to: input.email } })).toBe(0);
  });

  it("reveals nothing about other cases: the same details again simply make a new request", async () => {
    const input = form();
    const first = await createSelfReferral(input, ip(), NOW);
    const second = await createSelfReferral(input, ip(), NOW);
    if (first.status !== "created" || second.status !== "created") throw new Error("expected cases");
    expect(second.reference).not.toBe(first.reference);
    // Each email names only its own reference.
    const bodies = await db().outboxEmail.findMany({ where: { to: input.email }, select: { body: true } });
    const refsPerEmail = bodies.map((b) => [...new Set(b.body.match(/SM-\d{4}-\d+/g))]);
    expect(refsPerEmail.sort()).toEqual([[first.reference], [second.reference]].sort());
  });
});
