/**
 * Issue 8, items 5, 6 and 10: what a case is about (several decisions, "not known yet", health or
 * social care only, the EHC plan answer, issues added/changed/removed, the ICB), no certificate
 * while the decision is unknown, an appeal recorded alongside mediation, and re-opening.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { ConflictError, DomainError } from "@/lib/platform/errors";
import { NotFoundError } from "@/lib/auth/types";
import { isoFromDbDate } from "@/lib/deadlines";
import { updateCaseAbout } from "@/lib/cases/about/update-case-about";
import { getCaseAbout } from "@/lib/cases/about/get-case-about";
import { aboutFromForm, type AboutInput } from "@/lib/cases/about/about-schema";
import { transitionCase } from "@/lib/cases/transition/transition-case";
import { getCaseDetail } from "@/lib/cases/details/get-case-detail";
import { uid } from "../helpers";
import { caseworker, deadlinesOf, laOfficer, makeCase, mediator, parentUser, refusal, stateOf, setUpCaseFixtures } from "./fixtures";
import { listMyCases } from "@/lib/cases/list/list-my-cases";

setUpCaseFixtures();

const fieldErrors = (e: Error) => (e as DomainError).fieldErrors ?? {};

async function aboutOf(caseId: string): Promise<AboutInput> {
  const a = await getCaseAbout(caseworker, caseId);
  return a.values;
}

describe("what the disagreement is about (R-02, R-03)", () => {
  it("saves several decisions, the EHC plan answer, a changed issue and a new one, with a staff timeline entry and an audit row", async () => {
    const c = await makeCase({ decisions: ["PLAN_CONTENTS_SECTION_F"], child: { hasEhcPlan: true } });
    const now = await aboutOf(c.id);
    expect(now.disputedDecisions).toEqual(["PLAN_CONTENTS_SECTION_F"]);
    const r = await updateCaseAbout(caseworker, c.id, 1, {
      ...now,
      disputedDecisions: ["PLAN_CONTENTS_SECTION_B", "PLAN_CONTENTS_SECTION_F", "PLAN_CONTENTS_SECTION_I"],
      issues: [{ ...now.issues[0]!, description: "Speech and language therapy hours" }, { id: "", category: "SOCIAL_CARE", description: "Short breaks", remove: false }],
    });
    expect(r).toMatchObject({ version: 2, healthDeadline: null });
    const s = await stateOf(c.id);
    expect(s.disputedDecisions).toEqual(["PLAN_CONTENTS_SECTION_B", "PLAN_CONTENTS_SECTION_F", "PLAN_CONTENTS_SECTION_I"]);
    expect(s.child).toEqual({ hasEhcPlan: true });
    expect(s.issues.map((i) => [i.category, i.description]).sort()).toEqual([
      ["EDUCATION", "Speech and language therapy hours"],
      ["SOCIAL_CARE", "Short breaks"],
    ]);
    const event = await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id, type: "ABOUT_CHANGED" } });
    expect(event.visibility).toBe("STAFF");
    const audit = await db().auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "case.about_updated" } });
    expect(audit.after).toMatchObject({ version: 2, issues: ["EDUCATION", "SOCIAL_CARE"] });
    // The case page lists every decision.
    expect((await getCaseDetail(caseworker, c.id)).decisions).toHaveLength(3);
  });

  it("reads the posted form: repeated decisions, issue rows, a removed row and a blank new row", () => {
    const input = aboutFromForm({
      disputedDecisions: "PLAN_CONTENTS_SECTION_B,PLAN_CONTENTS_SECTION_F",
      hasEhcPlan: "yes",
      "issues.0.id": "i1",
      "issues.0.category": "EDUCATION",
      "issues.0.description": "Support",
      "issues.1.id": "i2",
      "issues.1.category": "HEALTH",
      "issues.1.description": "Therapy",
      "issues.1.remove": "yes",
      "issues.2.category": "",
      "issues.2.description": "",
    });
    expect(input).toEqual({
      disputedDecisions: ["PLAN_CONTENTS_SECTION_B", "PLAN_CONTENTS_SECTION_F"],
      hasEhcPlan: "yes",
      healthBodyId: "",
      issues: [
        { id: "i1", category: "EDUCATION", description: "Support", remove: false },
        { id: "i2", category: "HEALTH", description: "Therapy", remove: true },
      ],
    });
  });

  it("refuses contradictions and an empty case, next to the field, and writes nothing", async () => {
    const c = await makeCase({ decisions: ["PLAN_CONTENTS_SECTION_F"], child: { hasEhcPlan: true } });
    const before = await stateOf(c.id);
    const now = await aboutOf(c.id);
    // A dispute about section F with "has a plan: no" is contradictory (issue 8, item 5).
    const noPlan = await refusal(updateCaseAbout(caseworker, c.id, 1, { ...now, hasEhcPlan: "no" }));
    expect(fieldErrors(noPlan).disputedDecisions).toContain("is about an EHC plan, but you said the child does not have one");
    // at least one issue.
    const none = await refusal(updateCaseAbout(caseworker, c.id, 1, { ...now, issues: now.issues.map((i) => ({ ...i, remove: true })) }));
    expect(fieldErrors(none).issues).toContain("A case must have at least one issue");
    // "None: health or social care only" with an education issue.
    const educationNone = await refusal(updateCaseAbout(caseworker, c.id, 1, { ...now, disputedDecisions: ["NONE"] }));
    expect(fieldErrors(educationNone).issues).toContain("An education issue is about a decision of the local authority");
    // A new issue with no description.
    const blank = await refusal(updateCaseAbout(caseworker, c.id, 1, { ...now, issues: [...now.issues, { id: "", category: "HEALTH", description: "", remove: false }] }));
    expect(fieldErrors(blank)["issues.1.description"]).toBe("Describe the issue");
    expect(await stateOf(c.id)).toEqual(before);
  });

  it("allows a mediation about health or social care only, with no decision (item 6)", async () => {
    const c = await makeCase({ issues: ["HEALTH"], decisionUnknown: true });
    const now = await aboutOf(c.id);
    expect(now.disputedDecisions).toEqual(["NOT_KNOWN"]);
    await updateCaseAbout(caseworker, c.id, 1, { ...now, disputedDecisions: ["NONE"] });
    expect(await stateOf(c.id)).toMatchObject({ disputedDecisions: [], decisionUnknown: false });
    expect((await getCaseDetail(caseworker, c.id)).decisions).toEqual(["None: health or social care only"]);
    // Not for an advice-only case: its certificate is for a decision.
    const advice = await makeCase({ kind: "ADVICE_ONLY", status: "ADVICE_ONLY", issues: ["HEALTH"], decisions: ["REFUSAL_TO_ASSESS"] });
    const e = await refusal(updateCaseAbout(caseworker, advice.id, 1, { ...(await aboutOf(advice.id)), disputedDecisions: ["NONE"] }));
    expect(fieldErrors(e).disputedDecisions).toBe("Choose the decisions from the list");
  });

  it("a health issue added once the LA was told starts the health-notification deadline; removing it cancels that deadline (R-21)", async () => {
    const c = await makeCase({ status: "CONTACTING_PARTIES", decisions: ["PLAN_CONTENTS_SECTION_F"], dates: { laNotifiedOn: "2025-03-26" }, deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: "2025-03-26" } });
    const now = await aboutOf(c.id);
    const board = await db().healthBody.create({ data: { code: `ICB-${uid()}`, name: `NHS Test ICB ${uid()}` } });
    const added = await updateCaseAbout(caseworker, c.id, 1, { ...now, healthBodyId: board.id, issues: [...now.issues, { id: "", category: "HEALTH", description: "Therapy (section G)", remove: false }] });
    expect(added.healthDeadline).toBe("STARTED");
    expect((await deadlinesOf(c.id)).find((d) => d.name === "HEALTH_NOTIFICATION")).toMatchObject({ dueOn: "2025-03-31", closedOn: null });
    expect((await stateOf(c.id)).healthBodyId).toBe(board.id);
    expect((await getCaseDetail(caseworker, c.id)).healthBody).toEqual({ id: board.id, name: board.name });

    const later = await aboutOf(c.id);
    const removed = await updateCaseAbout(caseworker, c.id, 2, { ...later, healthBodyId: "", issues: later.issues.map((i) => ({ ...i, remove: i.category === "HEALTH" })) });
    expect(removed.healthDeadline).toBe("CANCELLED");
    expect((await deadlinesOf(c.id)).find((d) => d.name === "HEALTH_NOTIFICATION")).toMatchObject({ outcome: "CANCELLED" });
    // An ICB without a health issue makes no sense.
    const e = await refusal(updateCaseAbout(caseworker, c.id, 3, { ...(await aboutOf(c.id)), healthBodyId: board.id }));
    expect(fieldErrors(e).healthBodyId).toContain("Only a case with a health issue");
  });

  it("refuses a stale version, a closed case, and anyone who may not edit (404 out of scope)", async () => {
    const c = await makeCase({ decisions: ["REFUSAL_TO_ASSESS"] });
    const now = await aboutOf(c.id);
    await updateCaseAbout(caseworker, c.id, 1, { ...now, hasEhcPlan: "no" });
    expect(await refusal(updateCaseAbout(caseworker, c.id, 1, now))).toBeInstanceOf(ConflictError);
    const closed = await makeCase({ status: "CLOSED", decisions: ["REFUSAL_TO_ASSESS"] });
    expect((await refusal(updateCaseAbout(caseworker, closed.id, 1, await aboutOf(closed.id)))) as DomainError).toMatchObject({ code: "CASE_CLOSED" });
    expect(await refusal(getCaseAbout(laOfficer, c.id))).toBeInstanceOf(NotFoundError);
    expect(await refusal(getCaseAbout(mediator, c.id))).toBeInstanceOf(NotFoundError);
  });
});

describe("certificates, appeals and re-opening (R-02, R-30, R-31)", () => {
  it("refuses a certificate while the decision is not known; once it is recorded, the certificate is issued", async () => {
    const c = await makeCase({
      status: "MEETING_HELD",
      mediatorId: mediator.id,
      decisionUnknown: true,
      dates: { laNotifiedOn: "2025-03-26", heldOn: "2025-04-24" },
      deadlines: { names: ["CERTIFICATE_AFTER_MEDIATION"], triggerOn: "2025-04-24" },
    });
    const detail = await getCaseDetail(caseworker, c.id);
    expect(detail.decisionUnknown).toBe(true);
    expect(detail.transitions.map((t) => t.name)).not.toContain("issueCertificate");
    const before = await stateOf(c.id);
    const e = await refusal(transitionCase(caseworker, c.id, "issueCertificate", 1, { issuedOn: "2025-04-29" }));
    expect((e as DomainError).code).toBe("GUARD_FAILED");
    expect(e.message).toContain("The decision the family disagrees with is not recorded yet");
    expect(await stateOf(c.id)).toEqual(before);

    await updateCaseAbout(caseworker, c.id, 1, { ...(await aboutOf(c.id)), disputedDecisions: ["REFUSAL_TO_ASSESS"] });
    expect((await transitionCase(caseworker, c.id, "issueCertificate", 2, { issuedOn: "2025-04-29" })).status).toBe("CERTIFICATE_ISSUED");
  });

  it("says a section-I-only dispute needs no certificate to appeal (R-04)", async () => {
    const c = await makeCase({ decisions: ["PLAN_CONTENTS_SECTION_I", "PLAN_NO_SCHOOL_NAMED"] });
    expect((await getCaseDetail(caseworker, c.id)).sectionIOnly).toBe(true);
    const both = await makeCase({ decisions: ["PLAN_CONTENTS_SECTION_I", "PLAN_CONTENTS_SECTION_F"] });
    expect((await getCaseDetail(caseworker, both.id)).sectionIOnly).toBe(false);
  });

  it("records an appeal lodged alongside mediation, and on a closed case; the LA officer sees it", async () => {
    const c = await makeCase({ status: "ALLOCATED", mediatorId: mediator.id, decisions: ["PLAN_CONTENTS_SECTION_F"], dates: { decisionSentOn: "2025-03-10" } });
    const early = await refusal(transitionCase(caseworker, c.id, "recordAppeal", 1, { appealLodgedOn: "2025-03-01" }));
    expect((early as DomainError).fieldErrors?.appealLodgedOn).toContain("decision");
    const r = await transitionCase(caseworker, c.id, "recordAppeal", 1, { appealLodgedOn: "2025-04-02", appealReference: "EH123/25/00042" });
    expect(r).toMatchObject({ status: "ALLOCATED", statusChanged: false });
    const s = await stateOf(c.id);
    expect(isoFromDbDate(s.appealLodgedOn!)).toBe("2025-04-02");
    expect(s.appealReference).toBe("EH123/25/00042");
    expect((await getCaseDetail(laOfficer, c.id)).appeal).toEqual({ lodgedOn: "2025-04-02", reference: "EH123/25/00042" });
    const closed = await makeCase({ status: "CLOSED", decisions: ["REFUSAL_TO_ASSESS"] });
    expect((await transitionCase(caseworker, closed.id, "recordAppeal", 1, { appealLodgedOn: "2025-05-01" })).status).toBe("CLOSED");
  });

  it("re-opens a closed case with a reason to the status it closed from, audited; closing again remembers it", async () => {
    const c = await makeCase({ status: "CERTIFICATE_ISSUED", decisions: ["REFUSAL_TO_ASSESS"] });
    await transitionCase(caseworker, c.id, "close", 1, { reason: "Certificate issued" });
    expect(await stateOf(c.id)).toMatchObject({ status: "CLOSED", statusBeforeClose: "CERTIFICATE_ISSUED" });
    const r = await transitionCase(caseworker, c.id, "reopen", 2, { reason: "The certificate named the wrong decision" });
    expect(r).toMatchObject({ status: "CERTIFICATE_ISSUED", statusChanged: true });
    expect(await stateOf(c.id)).toMatchObject({ status: "CERTIFICATE_ISSUED", statusBeforeClose: null });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "case.reopened" } });
    expect(audit.before).toMatchObject({ status: "CLOSED" });
    expect(audit.after).toMatchObject({ status: "CERTIFICATE_ISSUED" });
    // the reason is staff text; the LA officer reads only "Case re-opened".
    const shared = (await getCaseDetail(laOfficer, c.id)).timeline.find((e) => e.summary.startsWith("Case re-opened"));
    expect(shared?.summary).toBe("Case re-opened");
    expect(JSON.stringify(await getCaseDetail(laOfficer, c.id))).not.toContain("wrong decision");
  });
});

describe("health-only mediation: the ICB arranges it, within 30 days of being told (R-21)", () => {
  it("opens the ICB's 30 days when the ICB is told, not the LA's when the LA is", async () => {
    const c = await makeCase({ issues: ["HEALTH"], decisions: [] });
    await transitionCase(caseworker, c.id, "startContacting", 1, { laNotifiedOn: "2025-03-26" });
    expect((await deadlinesOf(c.id)).map((d) => d.name)).toEqual(["HEALTH_NOTIFICATION"]);
    await transitionCase(caseworker, c.id, "recordHealthNotified", 2, { notifiedOn: "2025-03-28" });
    const dl = await deadlinesOf(c.id);
    expect(dl.find((d) => d.name === "HEALTH_NOTIFICATION")).toMatchObject({ outcome: "MET", closedOn: "2025-03-28" });
    expect(dl.find((d) => d.name === "ICB_MEDIATION_30_DAY")).toMatchObject({ dueOn: "2025-04-27", closedOn: null });
    const page = await getCaseDetail(caseworker, c.id);
    expect(page.deadlines.open.map((d) => d.label)).toEqual(["Mediation (arranged by the ICB) must take place by"]);
  });

  it("switches the clock when a case becomes, or stops being, about health only", async () => {
    const c = await makeCase({
      status: "CONTACTING_PARTIES",
      issues: ["EDUCATION", "HEALTH"],
      decisions: ["PLAN_CONTENTS_SECTION_F"],
      dates: { laNotifiedOn: "2025-03-26" },
      deadlines: { names: ["MEDIATION_30_DAY", "HEALTH_NOTIFICATION"], triggerOn: "2025-03-26" },
    });
    await transitionCase(caseworker, c.id, "recordHealthNotified", 1, { notifiedOn: "2025-03-27" });
    const now = await aboutOf(c.id);
    await updateCaseAbout(caseworker, c.id, 2, { ...now, disputedDecisions: ["NONE"], issues: now.issues.map((i) => ({ ...i, remove: i.category === "EDUCATION" })) });
    let dl = await deadlinesOf(c.id);
    expect(dl.find((d) => d.name === "MEDIATION_30_DAY")).toMatchObject({ outcome: "CANCELLED" });
    expect(dl.find((d) => d.name === "ICB_MEDIATION_30_DAY")).toMatchObject({ dueOn: "2025-04-26", closedOn: null });
    const back = await aboutOf(c.id);
    await updateCaseAbout(caseworker, c.id, 3, { ...back, disputedDecisions: ["PLAN_CONTENTS_SECTION_F"], issues: [...back.issues, { id: "", category: "EDUCATION", description: "Section F", remove: false }] });
    dl = await deadlinesOf(c.id);
    expect(dl.find((d) => d.name === "ICB_MEDIATION_30_DAY")).toMatchObject({ outcome: "CANCELLED" });
    expect(dl.filter((d) => d.name === "MEDIATION_30_DAY" && d.closedOn === null)).toEqual([expect.objectContaining({ dueOn: "2025-04-25" })]);
  });
});

describe("what the family is told (issue 8, item 14)", () => {
  it("a family whose certificate was issued sees the last day to appeal, worked out from the certificate", async () => {
    const c = await makeCase({
      status: "MEETING_HELD",
      mediatorId: mediator.id,
      familyUserId: parentUser.id,
      decisions: ["PLAN_CONTENTS_SECTION_F"],
      dates: { decisionSentOn: "2025-03-10", laNotifiedOn: "2025-03-26", heldOn: "2025-04-24" },
      deadlines: { names: ["CERTIFICATE_AFTER_MEDIATION"], triggerOn: "2025-04-24" },
    });
    await transitionCase(caseworker, c.id, "issueCertificate", 1, { issuedOn: "2025-04-29" });
    const mine = (await listMyCases(parentUser)).find((m) => m.id === c.id)!;
    expect(mine.family.text).toContain("We sent you your certificate on Tuesday 29 April 2025.");
    expect(mine.family.appeal?.date).toBe("2025-05-29");
  });
});
