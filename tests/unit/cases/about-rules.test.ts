import { describe, expect, it } from "vitest";
import {
  DECISION_NONE,
  DECISION_NOT_KNOWN,
  cleanDecisionAnswers,
  decisionAnswers,
  decisionAnswersProblem,
  decisionLines,
  isHealthOnly,
  isSectionIOnly,
  issuesProblem,
  toAnswerList,
} from "@/lib/cases/about/rules";

// Issue 8, items 5 and 6: several decisions per case, "not known yet", health or social care
// only, and the EHC plan answer that must agree with the decisions.
describe("what a case is about", () => {
  it("reads a repeated form field, however it arrives", () => {
    expect(toAnswerList("PLAN_CONTENTS_SECTION_B,PLAN_CONTENTS_SECTION_F")).toEqual(["PLAN_CONTENTS_SECTION_B", "PLAN_CONTENTS_SECTION_F"]);
    expect(toAnswerList(["A", "A", " B "])).toEqual(["A", "B"]);
    expect(toAnswerList(undefined)).toEqual([]);
    expect(toAnswerList("")).toEqual([]);
  });

  it("stores several decisions, or none with “not known yet”, and reads them back the same way", () => {
    const several = cleanDecisionAnswers(["PLAN_CONTENTS_SECTION_F", "PLAN_CONTENTS_SECTION_B", "PLAN_CONTENTS_SECTION_I"]);
    // In the order of the R-02 list, whatever order they were ticked in.
    expect(several).toEqual({ disputedDecisions: ["PLAN_CONTENTS_SECTION_B", "PLAN_CONTENTS_SECTION_F", "PLAN_CONTENTS_SECTION_I"], decisionUnknown: false });
    expect(decisionAnswers(several)).toEqual(several.disputedDecisions);
    expect(cleanDecisionAnswers([DECISION_NOT_KNOWN])).toEqual({ disputedDecisions: [], decisionUnknown: true });
    expect(decisionAnswers({ disputedDecisions: [], decisionUnknown: true })).toEqual([DECISION_NOT_KNOWN]);
    expect(cleanDecisionAnswers([DECISION_NONE])).toEqual({ disputedDecisions: [], decisionUnknown: false });
    expect(decisionAnswers({ disputedDecisions: [], decisionUnknown: false })).toEqual([DECISION_NONE]);
    expect(decisionLines({ disputedDecisions: [], decisionUnknown: true })).toEqual(["Not known yet"]);
    expect(decisionLines(several)).toHaveLength(3);
  });

  it("asks for an answer, and refuses a decision together with “not known” or “none”", () => {
    expect(decisionAnswersProblem([], null)?.message).toBe("Select the decision or decisions the family disagrees with, or ‘Not known yet’");
    expect(decisionAnswersProblem([], null, { family: true })?.message).toBe("Select the decision or decisions you disagree with, or select ‘I’m not sure’");
    expect(decisionAnswersProblem(["REFUSAL_TO_ASSESS", DECISION_NOT_KNOWN], null)?.field).toBe("disputedDecisions");
    expect(decisionAnswersProblem([DECISION_NOT_KNOWN, DECISION_NONE], null)).not.toBeNull();
    expect(decisionAnswersProblem(["SOMETHING_ELSE"], null)?.message).toBe("Choose the decisions from the list");
    expect(decisionAnswersProblem([DECISION_NONE], null, { allowNone: false })?.message).toBe("Choose the decisions from the list");
    expect(decisionAnswersProblem([DECISION_NOT_KNOWN], null)).toBeNull();
  });

  it("finds a plan dispute contradictory when there is no plan, and a refusal to assess when there is one", () => {
    const noPlan = decisionAnswersProblem(["PLAN_CONTENTS_SECTION_F"], false, { family: true });
    expect(noPlan?.message).toBe("“The support in the EHC plan (section F)” is about an EHC plan, but you said your child does not have one. Check both answers");
    expect(decisionAnswersProblem(["REFUSAL_TO_ASSESS"], true)?.message).toContain("is about a child without an EHC plan");
    expect(decisionAnswersProblem(["PLAN_CONTENTS_SECTION_F"], true)).toBeNull();
    expect(decisionAnswersProblem(["PLAN_CONTENTS_SECTION_F"], null)).toBeNull(); // not sure: not contradictory
    expect(decisionAnswersProblem(["REFUSAL_TO_ASSESS"], false)).toBeNull();
  });

  it("allows “none” only for health or social care issues (R-02, R-03)", () => {
    expect(issuesProblem([DECISION_NONE], ["HEALTH", "SOCIAL_CARE"])).toBeNull();
    expect(issuesProblem([DECISION_NONE], ["HEALTH", "EDUCATION"])?.field).toBe("issues");
    expect(issuesProblem(["PLAN_CONTENTS_SECTION_F"], ["EDUCATION"])).toBeNull();
  });

  it("knows a section-I-only dispute (R-04) and a health-only case (R-21)", () => {
    expect(isSectionIOnly(["PLAN_CONTENTS_SECTION_I"])).toBe(true);
    expect(isSectionIOnly(["PLAN_CONTENTS_SECTION_I", "PLAN_NO_SCHOOL_NAMED"])).toBe(true);
    expect(isSectionIOnly(["PLAN_CONTENTS_SECTION_I", "PLAN_CONTENTS_SECTION_F"])).toBe(false);
    expect(isSectionIOnly([])).toBe(false);
    expect(isHealthOnly(["HEALTH", "HEALTH"])).toBe(true);
    expect(isHealthOnly(["HEALTH", "SOCIAL_CARE"])).toBe(false);
    expect(isHealthOnly([])).toBe(false);
  });
});
