/**
 * What a case is about — the decisions disputed, the issues by category, whether the
 * child has an EHC plan — and the rules that tie them together, defined once for every form that
 * asks: the caseworker's referral, the public self-referral and the case's "what the disagreement
 * is about" page. Client-safe and pure.
 *
 * Interpretations (docs/domain/01-who-and-what.md, issue 8 items 5 and 6):
 *  - a case may dispute several decisions (a plan dispute often covers sections B, F and I);
 *  - the decision may be "not known yet" (the family said "I'm not sure"): then no certificate can
 *    be issued until it is recorded (R-30 needs the decision the certificate is for);
 *  - a mediation about health or social care only has issues but no R-02 decision;
 *  - a decision about the contents of a plan needs a plan, and a refusal to assess (or to issue a
 *    plan) contradicts "has a plan: yes";
 *  - section I only: no certificate is needed to appeal, though one may still be issued.
 */
import {
  DISPUTED_DECISION_FAMILY_OPTIONS,
  DISPUTED_DECISION_LABELS,
  DISPUTED_DECISION_OPTIONS,
  DISPUTED_DECISION_VALUES,
  SECTION_I_DECISIONS,
  type DisputedDecisionValue,
  type IssueCategoryValue,
} from "../options";

/** Form answer: the decision is not known yet ("I'm not sure"). */
export const DECISION_NOT_KNOWN = "NOT_KNOWN";
/** Form answer: no LA decision is disputed — the mediation is about health or social care only. */
export const DECISION_NONE = "NONE";
/** Every answer the decision checkboxes accept. */
export const DECISION_ANSWERS = [...DISPUTED_DECISION_VALUES, DECISION_NOT_KNOWN, DECISION_NONE] as const;

/** The decision checkboxes for staff: the R-02 list, then "or" the two answers that stand alone. */
export const DECISION_OPTIONS = [
  ...DISPUTED_DECISION_OPTIONS,
  { value: DECISION_NOT_KNOWN, label: "Not known yet", hint: "No certificate can be issued until the decision is recorded." },
  { value: DECISION_NONE, label: "None: the mediation is only about health or social care", hint: "Not for advice-only cases." },
];
/** The same for families (the public self-referral). */
export const DECISION_FAMILY_OPTIONS = [
  ...DISPUTED_DECISION_FAMILY_OPTIONS,
  { value: DECISION_NOT_KNOWN, label: "I’m not sure", hint: "We will help you work it out." },
  { value: DECISION_NONE, label: "None of these: it is only about health or social care support" },
];

/** Decisions that can only be made about a child who has an EHC plan. */
export const DECISIONS_NEEDING_A_PLAN: readonly DisputedDecisionValue[] = [
  "PLAN_CONTENTS_SECTION_B",
  "PLAN_CONTENTS_SECTION_F",
  "PLAN_CONTENTS_SECTION_I",
  "PLAN_NO_SCHOOL_NAMED",
  "REFUSAL_TO_REASSESS",
  "REFUSAL_TO_AMEND",
  "CEASE_PLAN",
];
/** Decisions that can only be made about a child who has no EHC plan. */
export const DECISIONS_WITHOUT_A_PLAN: readonly DisputedDecisionValue[] = ["REFUSAL_TO_ASSESS", "NO_PLAN_AFTER_ASSESSMENT"];

/** How the decisions of a case stand. */
export type DecisionsState = "KNOWN" | "NOT_KNOWN" | "NONE";

export function decisionsState(c: { disputedDecisions: readonly string[]; decisionUnknown: boolean }): DecisionsState {
  if (c.disputedDecisions.length > 0) return "KNOWN";
  return c.decisionUnknown ? "NOT_KNOWN" : "NONE";
}

/** The checkbox answers for a case's stored decisions (the inverse of `cleanDecisionAnswers`). */
export function decisionAnswers(c: { disputedDecisions: readonly string[]; decisionUnknown: boolean }): string[] {
  const state = decisionsState(c);
  if (state === "NOT_KNOWN") return [DECISION_NOT_KNOWN];
  if (state === "NONE") return [DECISION_NONE];
  return [...c.disputedDecisions];
}

/** The stored form of valid answers. */
export function cleanDecisionAnswers(answers: readonly string[]): { disputedDecisions: DisputedDecisionValue[]; decisionUnknown: boolean } {
  const decisions = DISPUTED_DECISION_VALUES.filter((d) => answers.includes(d));
  return { disputedDecisions: decisions, decisionUnknown: decisions.length === 0 && answers.includes(DECISION_NOT_KNOWN) };
}

/**
 * The answers as a list of distinct strings, from a form value: an array, or a string (a repeated
 * form field arrives joined by commas; no answer contains one), or nothing.
 */
export function toAnswerList(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v === undefined || v === null ? [] : String(v).split(",");
  return [...new Set(list.map((x) => String(x).trim()).filter((x) => x !== ""))];
}

export type AboutProblem = { field: "disputedDecisions" | "issues" | "hasEhcPlan"; message: string };

/**
 * Whether the decision answers make sense on their own and with the EHC plan answer. `who`
 * words the messages ("the child", "you", "your child"). `hasEhcPlan` null: not known.
 */
export function decisionAnswersProblem(answers: readonly string[], hasEhcPlan: boolean | null, opts: { family?: boolean; allowNone?: boolean } = {}): AboutProblem | null {
  const known = answers.filter((a) => a !== DECISION_NOT_KNOWN && a !== DECISION_NONE);
  const unknownAnswers = known.filter((a) => !(DISPUTED_DECISION_VALUES as readonly string[]).includes(a));
  if (unknownAnswers.length > 0) return { field: "disputedDecisions", message: "Choose the decisions from the list" };
  if (answers.length === 0) {
    return {
      field: "disputedDecisions",
      message: opts.family ? "Select the decision or decisions you disagree with, or select ‘I’m not sure’" : "Select the decision or decisions the family disagrees with, or ‘Not known yet’",
    };
  }
  const special = answers.filter((a) => a === DECISION_NOT_KNOWN || a === DECISION_NONE);
  if (special.length > 0 && (known.length > 0 || special.length > 1)) {
    return {
      field: "disputedDecisions",
      message: opts.family ? "Select the decisions you disagree with, or ‘I’m not sure’, but not both" : "Select decisions, or one of ‘Not known yet’ and ‘None’, but not both",
    };
  }
  if (answers.includes(DECISION_NONE) && opts.allowNone === false) return { field: "disputedDecisions", message: "Choose the decisions from the list" };
  const decisions = known as DisputedDecisionValue[];
  const plan = opts.family ? "your child has an EHC plan" : "the child has an EHC plan";
  if (hasEhcPlan === false) {
    const needs = decisions.filter((d) => DECISIONS_NEEDING_A_PLAN.includes(d));
    if (needs.length > 0) {
      return {
        field: "disputedDecisions",
        message: `“${DISPUTED_DECISION_LABELS[needs[0]!]}” is about an EHC plan, but you said ${opts.family ? "your child does not have one" : "the child does not have one"}. Check both answers`,
      };
    }
  }
  if (hasEhcPlan === true) {
    const without = decisions.filter((d) => DECISIONS_WITHOUT_A_PLAN.includes(d));
    if (without.length > 0) {
      return {
        field: "disputedDecisions",
        message: `“${DISPUTED_DECISION_LABELS[without[0]!]}” is about a child without an EHC plan, but you said ${plan}. Check both answers`,
      };
    }
  }
  return null;
}

/**
 * "None — health or social care only" cannot go with an education issue (an
 * education issue is about an LA decision, which must be recorded or marked not known).
 */
export function issuesProblem(answers: readonly string[], categories: readonly (IssueCategoryValue | string)[]): AboutProblem | null {
  if (answers.includes(DECISION_NONE) && categories.includes("EDUCATION")) {
    return {
      field: "issues",
      message: "An education issue is about a decision of the local authority: record that decision (or ‘Not known yet’), or mark the issue as health or social care",
    };
  }
  return null;
}

/** the only decisions in dispute are about section I (the school named or none named). */
export function isSectionIOnly(decisions: readonly string[]): boolean {
  return decisions.length > 0 && decisions.every((d) => (SECTION_I_DECISIONS as readonly string[]).includes(d));
}

/** the mediation is about health only (every issue is a health issue): the ICB arranges it. */
export function isHealthOnly(categories: readonly string[]): boolean {
  return categories.length > 0 && categories.every((c) => c === "HEALTH");
}

/** Staff wording of a case's decisions, one line each. */
export function decisionLines(c: { disputedDecisions: readonly DisputedDecisionValue[]; decisionUnknown: boolean }): string[] {
  const state = decisionsState(c);
  if (state === "NOT_KNOWN") return ["Not known yet"];
  if (state === "NONE") return ["None: health or social care only"];
  return c.disputedDecisions.map((d) => DISPUTED_DECISION_LABELS[d]);
}
