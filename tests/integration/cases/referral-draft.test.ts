/**
 * The new referral as server-side steps (issue 9 items 12, 14): each step's post is kept in the
 * caseworker's draft and checked with the step's own schema; the case is made from the draft once,
 * however often "Create referral" is posted; drafts go on "Start again", on sign-out and after 7 days.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { withJoinedDates } from "@/lib/platform/dates/date-input";
import {
  createReferralFromDraft,
  deleteReferralDraftOf,
  discardReferralDraft,
  getReferralDraft,
  saveReferralStep,
} from "@/lib/cases/intake/referral-draft";
import { makeLa, makeUser, uid } from "../helpers";

/** "Today": Tuesday 1 April 2025 (London). */
const NOW = new Date("2025-04-01T10:00:00Z");

let la: { id: string };
let caseworker: SessionUser;

beforeAll(async () => {
  la = await makeLa();
});
beforeEach(async () => {
  caseworker = await makeUser("CASEWORKER");
});

/** A step's post as the browser sends it (dates as day, month and year boxes), joined as the server-action chain does. */
const post = (step: string, values: Record<string, string>, intent = "continue") => saveReferralStep(caseworker, step, withJoinedDates({ ...values, intent }), NOW);

const WHO = { requestedBy: "PARENT", kind: "MEDIATION", familyParty: "PARENT" };
const CHILD = (name: string) => ({ "child.name": name, "child.dateOfBirth-day": "1", "child.dateOfBirth-month": "6", "child.dateOfBirth-year": "2015", "child.setting": "", "child.hasEhcPlan": "yes" });
const DECISION = (told: { day: string; month: string; year: string } = { day: "26", month: "3", year: "2025" }) => ({
  localAuthorityId: la.id,
  disputedDecisions: "PLAN_CONTENTS_SECTION_F",
  "decisionSentOn-day": "3",
  "decisionSentOn-month": "2",
  "decisionSentOn-year": "2025",
  "laNotifiedOn-day": told.day,
  "laNotifiedOn-month": told.month,
  "laNotifiedOn-year": told.year,
  summary: "",
  staffNotes: "",
});
const ISSUES = { "issues.0.category": "EDUCATION", "issues.0.description": "Therapy hours in section F" };
const PARTIES = (email = `alex-${uid()}@example.com`) => ({
  "family.name": "Alex Parent",
  "family.email": email,
  "family.phone": "",
  "family.address": "",
  "family.preferredContact": "EMAIL",
  "family.accessNeeds": "",
});

async function answerEveryStep(child = `Sam ${uid()}`) {
  expect((await post("who", WHO)).stage).toBe("child");
  expect((await post("child", CHILD(child))).stage).toBe("decision");
  expect((await post("decision", DECISION())).stage).toBe("issues");
  expect((await post("issues", ISSUES)).stage).toBe("parties");
  expect((await post("parties", PARTIES())).stage).toBe("check");
}

const casesOf = (childName: string) => db().case.count({ where: { child: { name: childName } } });

describe("saving a step", () => {
  it("a new form has no problems shown; posting a step with missing answers keeps them, shows why beside each field, and stays on the step", async () => {
    const fresh = await getReferralDraft(caseworker, NOW);
    expect(fresh).toMatchObject({ stage: "who", started: false, reachedCheck: false });
    expect(fresh.problems.who).toEqual({});

    const saved = await post("who", { requestedBy: "PARENT" });
    expect(saved).toEqual({
      stage: "who",
      problems: { kind: "Select what kind of case this is", familyParty: "Select whether the family side is a parent or carer, or the young person" },
    });
    const draft = await getReferralDraft(caseworker, NOW);
    expect(draft.values.requestedBy).toBe("PARENT");
    expect(Object.keys(draft.problems.who)).toEqual(["kind", "familyParty"]);
    // Steps not posted yet show nothing.
    expect(draft.problems.child).toEqual({});
  });

  it("an impossible date is kept as typed and refused with why (issue 8 item 3)", async () => {
    await post("who", WHO);
    const saved = await post("child", { ...CHILD("Kit"), "child.dateOfBirth-day": "31", "child.dateOfBirth-month": "2" });
    expect(saved.problems["child.dateOfBirth"]).toBe("The date of birth must be a real date – February 2015 has 28 days");
    expect((await getReferralDraft(caseworker, NOW)).values.child.dateOfBirth).toBe("day=31&month=2&year=2015");
  });

  it("moves on step by step, and once check your answers was reached a changed step goes back there", async () => {
    await answerEveryStep();
    const draft = await getReferralDraft(caseworker, NOW);
    expect(draft).toMatchObject({ stage: "check", reachedCheck: true, started: true });
    expect(draft.values.laNotifiedOn).toBe("2025-03-26");
    expect((await post("child", CHILD("Renamed"))).stage).toBe("check");
    expect((await getReferralDraft(caseworker, NOW)).values.child.name).toBe("Renamed");
  });

  it("a change that makes another step incomplete (a DRS case needs its scope, R-70) shows that step with its problem", async () => {
    await answerEveryStep();
    const saved = await post("who", { ...WHO, kind: "DRS" });
    expect(saved.stage).toBe("decision");
    const draft = await getReferralDraft(caseworker, NOW);
    expect(draft.problems.decision).toEqual({ drsScope: "Select what the disagreement is about" });
    // The answers a DRS case does not ask are kept (going back to mediation loses nothing).
    expect(draft.values.disputedDecisions).toEqual(["PLAN_CONTENTS_SECTION_F"]);
  });

  it("adds and removes issue rows without checking them, at least one always", async () => {
    await post("who", WHO);
    const added = await post("issues", ISSUES, "add-issue");
    expect(added).toEqual({ stage: "issues", focus: "issues.1.category", problems: {} });
    let draft = await getReferralDraft(caseworker, NOW);
    expect(draft.values.issues).toEqual([{ category: "EDUCATION", description: "Therapy hours in section F" }, { category: "", description: "" }]);
    expect(draft.problems.issues).toEqual({});

    // Continue with the empty row: its problems show.
    const refused = await post("issues", { ...ISSUES, "issues.1.category": "", "issues.1.description": "" });
    expect(refused.problems).toMatchObject({ "issues.1.category": "Select whether the issue is about education, health or social care", "issues.1.description": "Describe the issue" });

    const removed = await post("issues", { ...ISSUES, "issues.1.description": "" }, "remove-issue-1");
    expect(removed).toEqual({ stage: "issues", focus: "add-issue", problems: {} });
    draft = await getReferralDraft(caseworker, NOW);
    expect(draft.values.issues).toHaveLength(1);
    expect(draft.problems.issues).toEqual({});
    await post("issues", ISSUES, "remove-issue-0");
    expect((await getReferralDraft(caseworker, NOW)).values.issues).toHaveLength(1);
  });

  it("the parties step of a young person starts from the name given for them (R-01)", async () => {
    await post("who", { ...WHO, familyParty: "YOUNG_PERSON" });
    await post("child", { ...CHILD("Jo Young"), "child.dateOfBirth-year": "2006" });
    await post("decision", DECISION());
    expect((await post("issues", ISSUES)).stage).toBe("parties");
    expect((await getReferralDraft(caseworker, NOW)).values.family.name).toBe("Jo Young");
  });

  it("a forged post keeps only the answers the form asks, bounded in length", async () => {
    await post("who", { ...WHO, kind: "EVERYTHING", extra: "x" });
    await post("decision", { ...DECISION(), summary: "s".repeat(50_000), disputedDecisions: "PLAN_CONTENTS_SECTION_F,DROP TABLE" });
    const draft = await getReferralDraft(caseworker, NOW);
    expect(draft.values.kind).toBe("");
    expect(draft.values.summary).toHaveLength(10_000);
    expect(draft.values.disputedDecisions).toEqual(["PLAN_CONTENTS_SECTION_F"]);
    expect(draft.problems.decision.summary).toBe("The summary must be 5000 characters or fewer");
    expect(Object.keys(draft.values)).not.toContain("extra");
  });

  it("is for caseworkers and admins only: anyone else is told the page does not exist", async () => {
    const officer = await makeUser("LA_OFFICER", { localAuthorityId: la.id });
    await expect(getReferralDraft(officer, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveReferralStep(officer, "who", WHO, NOW)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db().referralDraft.count({ where: { userId: officer.id } })).toBe(0);
  });
});

describe("creating the case from the draft", () => {
  it("creates it once: the answers go, and posting again makes no second case", async () => {
    const child = `Sam ${uid()}`;
    await answerEveryStep(child);
    const first = await createReferralFromDraft(caseworker, null, NOW);
    expect(first.status).toBe("created");
    const caseId = first.status === "created" ? first.case.id : "";
    const draft = await getReferralDraft(caseworker, NOW);
    expect(draft).toMatchObject({ started: false, createdCaseId: caseId, stage: "who" });

    expect(await createReferralFromDraft(caseworker, null, NOW)).toEqual({ status: "already-created", caseId });
    expect(await casesOf(child)).toBe(1);

    // A new referral forgets the last one.
    await post("who", WHO);
    expect((await getReferralDraft(caseworker, NOW)).createdCaseId).toBeNull();
  });

  it("two posts at the same moment make one case", async () => {
    const child = `Sam ${uid()}`;
    await answerEveryStep(child);
    const results = await Promise.all([createReferralFromDraft(caseworker, null, NOW), createReferralFromDraft(caseworker, null, NOW)]);
    expect(results.map((r) => r.status).sort()).toEqual(["already-created", "created"]);
    expect(await casesOf(child)).toBe(1);
  });

  it("a problem only creating finds (no bank-holiday data for 2015, R-64) is shown on its step, writes nothing, and goes once put right", async () => {
    const child = `Sam ${uid()}`;
    await answerEveryStep(child);
    // A health issue: the LA must tell the health body within 3 working days, which needs the holidays.
    expect((await post("issues", { ...ISSUES, "issues.0.category": "HEALTH" })).stage).toBe("check");
    expect((await post("decision", { ...DECISION({ day: "5", month: "2", year: "2015" }), "decisionSentOn-year": "2015" })).stage).toBe("check");
    expect(await createReferralFromDraft(caseworker, null, NOW)).toEqual({ status: "invalid", stage: "decision" });
    expect(await casesOf(child)).toBe(0);
    const draft = await getReferralDraft(caseworker, NOW);
    expect(draft.problems.decision.laNotifiedOn).toContain("only holds England and Wales bank holidays for 2016 to 2029");
    expect(draft.stage).toBe("decision");

    expect((await post("decision", DECISION())).stage).toBe("check");
    expect((await getReferralDraft(caseworker, NOW)).problems.decision).toEqual({});
    expect((await createReferralFromDraft(caseworker, null, NOW)).status).toBe("created");
    expect(await casesOf(child)).toBe(1);
  });

  it("with nothing answered, nothing is created", async () => {
    expect(await createReferralFromDraft(caseworker, null, NOW)).toEqual({ status: "already-created", caseId: null });
  });
});

describe("drafts go", () => {
  it("on “Start again” and on sign-out", async () => {
    await post("who", WHO);
    await discardReferralDraft(caseworker);
    expect((await getReferralDraft(caseworker, NOW)).started).toBe(false);
    await post("who", WHO);
    await deleteReferralDraftOf(caseworker.id);
    expect(await db().referralDraft.count({ where: { userId: caseworker.id } })).toBe(0);
  });

  it("after 7 days untouched, whoever's they are", async () => {
    const other = await makeUser("CASEWORKER");
    await post("who", WHO);
    await saveReferralStep(other, "who", WHO, NOW);
    await db().$executeRaw`UPDATE "ReferralDraft" SET "updatedAt" = now() - interval '8 days' WHERE "userId" = ${other.id}`;
    await db().$executeRaw`UPDATE "ReferralDraft" SET "updatedAt" = now() - interval '6 days' WHERE "userId" = ${caseworker.id}`;
    expect((await getReferralDraft(caseworker, new Date())).started).toBe(true);
    expect(await db().referralDraft.count({ where: { userId: other.id } })).toBe(0);
  });
});
