/**
 * The new-referral form as pages (issue 9 items 12, 14): which step comes next, what a step's post
 * changes in the answers, adding and removing a row, and the problems a step shows. Pure: the
 * draft is stored by ./referral-draft.ts, and every rule is the step's own schema in
 * ./referral-schema.ts (one definition each).
 *
 * A step posts its fields under their paths ("child.name", "issues.0.category"; a date as its day,
 * month and year boxes, joined by the server-action chain). A field the step did not show is kept
 * as it was, so answering "DRS" and going back to "mediation" loses nothing.
 */
import { CASE_KINDS } from "../lifecycle/vocabulary";
import {
  CONTACT_METHOD_VALUES,
  DRS_SCOPE_VALUES,
  FAMILY_PARTY_VALUES,
  ISSUE_CATEGORY_VALUES,
  OTHER_PARTY_KIND_VALUES,
  REQUESTER_VALUES,
} from "../options";
import { DECISION_ANSWERS, toAnswerList } from "../about/rules";
import { fieldErrorsFromZod } from "@/lib/platform/validation";
import {
  EMPTY_ISSUE,
  EMPTY_OTHER_PARTY,
  MAX_ISSUES,
  MAX_OTHER_PARTIES,
  REFERRAL_FIELD_ORDER,
  REFERRAL_STEPS,
  emptyReferral,
  referralStepSchemas,
  stepOfField,
  type ContactFormValues,
  type ReferralFormValues,
  type ReferralStep,
} from "./referral-schema";

/** The form's pages in order: the five steps, then check your answers. */
export type ReferralStage = ReferralStep | "check";

export const isReferralStep = (s: unknown): s is ReferralStep => (REFERRAL_STEPS as readonly unknown[]).includes(s);
export const isReferralStage = (s: unknown): s is ReferralStage => s === "check" || isReferralStep(s);

/** The step after `step` (check your answers after the last). */
export function stageAfter(step: ReferralStep): ReferralStage {
  return REFERRAL_STEPS[REFERRAL_STEPS.indexOf(step) + 1] ?? "check";
}

/** The step before `stage` (null on the first). */
export function stageBefore(stage: ReferralStage): ReferralStep | null {
  if (stage === "check") return REFERRAL_STEPS[REFERRAL_STEPS.length - 1]!;
  return REFERRAL_STEPS[REFERRAL_STEPS.indexOf(stage) - 1] ?? null;
}

/** Which of the decision step's questions are asked for this kind of case (the page shows these, a post reads these). */
export function decisionQuestions(kind: ReferralFormValues["kind"]) {
  return { decisions: kind !== "DRS", drsScope: kind === "DRS", laNotifiedOn: kind === "MEDIATION" };
}

// Reading a post ------------------------------------------------------------------------------

export type Posted = Readonly<Record<string, string | undefined>>;

/** Longer than any field's limit, so a long answer is still refused with "must be N characters or fewer". */
const MAX_TEXT = 10_000;
const text = (v: string | undefined): string => (v ?? "").slice(0, MAX_TEXT);
function oneOf<V extends string>(values: readonly V[], v: string | undefined): V | "" {
  return (values as readonly string[]).includes(v ?? "") ? (v as V) : "";
}
const yesNo = (v: string | undefined) => oneOf(["yes", "no"] as const, v);
const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

/** The row numbers posted for a repeated group, in order ("issues.2.description" → 2), at most `max`. */
function rowsPosted(posted: Posted, group: "issues" | "parties", max: number): number[] {
  const rows = new Set<number>();
  const pattern = new RegExp(`^${group}\\.(\\d{1,3})\\.`);
  for (const key of Object.keys(posted)) {
    const m = pattern.exec(key);
    if (m) rows.add(Number(m[1]));
  }
  return [...rows].sort((a, b) => a - b).slice(0, max);
}

function contactFrom(posted: Posted, prefix: string): ContactFormValues {
  const f = (k: string) => posted[`${prefix}.${k}`];
  return {
    name: text(f("name")),
    email: text(f("email")),
    phone: text(f("phone")),
    address: text(f("address")),
    preferredContact: oneOf(CONTACT_METHOD_VALUES, f("preferredContact")),
    accessNeeds: text(f("accessNeeds")),
  };
}

/** The answers with this step's post in them. Radios and checkboxes left empty post nothing: "". */
export function answersFromPost(step: ReferralStep, posted: Posted, current: ReferralFormValues): ReferralFormValues {
  const v: ReferralFormValues = structuredClone(current);
  const kept = (key: string, now: string) => (posted[key] === undefined ? now : text(posted[key]));
  switch (step) {
    case "who":
      v.requestedBy = oneOf(REQUESTER_VALUES, posted.requestedBy);
      v.kind = oneOf(CASE_KINDS, posted.kind);
      v.familyParty = oneOf(FAMILY_PARTY_VALUES, posted.familyParty);
      break;
    case "child":
      v.child = {
        name: text(posted["child.name"]),
        dateOfBirth: kept("child.dateOfBirth", v.child.dateOfBirth),
        setting: text(posted["child.setting"]),
        hasEhcPlan: yesNo(posted["child.hasEhcPlan"]),
      };
      break;
    case "decision": {
      const asked = decisionQuestions(v.kind);
      v.localAuthorityId = text(posted.localAuthorityId).slice(0, 100);
      if (asked.decisions) v.disputedDecisions = toAnswerList(posted.disputedDecisions).filter((d) => (DECISION_ANSWERS as readonly string[]).includes(d));
      if (asked.drsScope) v.drsScope = oneOf(DRS_SCOPE_VALUES, posted.drsScope);
      v.decisionSentOn = kept("decisionSentOn", v.decisionSentOn);
      if (asked.laNotifiedOn) v.laNotifiedOn = kept("laNotifiedOn", v.laNotifiedOn);
      v.summary = text(posted.summary);
      v.staffNotes = text(posted.staffNotes);
      break;
    }
    case "issues":
      v.issues = rowsPosted(posted, "issues", MAX_ISSUES).map((i) => ({
        category: oneOf(ISSUE_CATEGORY_VALUES, posted[`issues.${i}.category`]),
        description: text(posted[`issues.${i}.description`]),
      }));
      break;
    case "parties":
      v.family = contactFrom(posted, "family");
      v.parties = rowsPosted(posted, "parties", MAX_OTHER_PARTIES).map((i) => ({
        ...contactFrom(posted, `parties.${i}`),
        kind: oneOf(OTHER_PARTY_KIND_VALUES, posted[`parties.${i}.kind`]),
        organisation: text(posted[`parties.${i}.organisation`]),
        hasAuthority: yesNo(posted[`parties.${i}.hasAuthority`]),
      }));
      break;
  }
  return v;
}

// Adding and removing rows (buttons that post the step: no JavaScript needed) -------------------

/** The value of the button pressed: "continue", "add-issue", "remove-issue-2", "add-party", "remove-party-0". */
export const INTENT_FIELD = "intent";

export type RowChange = { action: "add" | "remove"; group: "issues" | "parties"; row: number };

export function rowChangeOf(intent: string | undefined): RowChange | null {
  const m = /^(add|remove)-(issue|party)(?:-(\d{1,3}))?$/.exec(intent ?? "");
  if (!m) return null;
  const group = m[2] === "issue" ? "issues" : "parties";
  if (m[1] === "add") return { action: "add", group, row: -1 };
  return m[3] === undefined ? null : { action: "remove", group, row: Number(m[3]) };
}

/**
 * The answers with a row added or removed, and the element to move to: the new row's first
 * question, or the "add" button after a removal. At least one issue stays; none is more than the limit.
 */
export function applyRowChange(values: ReferralFormValues, change: RowChange): { values: ReferralFormValues; focus: string } {
  const v = structuredClone(values);
  if (change.group === "issues") {
    if (change.action === "add" && v.issues.length < MAX_ISSUES) {
      v.issues.push({ ...EMPTY_ISSUE });
      return { values: v, focus: `issues.${v.issues.length - 1}.category` };
    }
    if (change.action === "remove" && v.issues.length > 1 && change.row < v.issues.length) v.issues.splice(change.row, 1);
    return { values: v, focus: "add-issue" };
  }
  if (change.action === "add" && v.parties.length < MAX_OTHER_PARTIES) {
    v.parties.push({ ...EMPTY_OTHER_PARTY });
    return { values: v, focus: `parties.${v.parties.length - 1}.kind` };
  }
  if (change.action === "remove" && change.row < v.parties.length) v.parties.splice(change.row, 1);
  return { values: v, focus: "add-party" };
}

/** the young person is the family party, so the parties step starts from the name given for them. */
export function prefillParties(values: ReferralFormValues): ReferralFormValues {
  if (values.familyParty !== "YOUNG_PERSON" || values.family.name.trim() !== "") return values;
  return { ...values, family: { ...values.family, name: values.child.name } };
}

// Problems ----------------------------------------------------------------------------------------

/** The step's own checks on the answers (its schema in ./referral-schema.ts), in page order. */
export function stepProblems(values: ReferralFormValues, step: ReferralStep, today: string): Record<string, string> {
  const r = referralStepSchemas(today)[step].safeParse(values);
  return r.success ? {} : fieldErrorsFromZod(r.error, REFERRAL_FIELD_ORDER);
}

/** The first step whose answers its checks refuse, or null when every step is complete. */
export function firstIncompleteStep(values: ReferralFormValues, today: string): ReferralStep | null {
  return REFERRAL_STEPS.find((s) => Object.keys(stepProblems(values, s, today)).length > 0) ?? null;
}

/** Problems the server found when creating (by field path), for one step. */
export function serverProblemsOf(errors: Record<string, string>, step: ReferralStep): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter(([path]) => stepOfField(path) === step));
}

// Stored answers ------------------------------------------------------------------------------

/** Stored answers read defensively over an empty referral (a draft from an older form still loads). */
export function answersFromStored(raw: unknown): ReferralFormValues {
  const empty = emptyReferral();
  if (!isObj(raw)) return empty;
  const strings = <T extends object>(base: T, from: unknown): T => {
    const out = { ...base } as Record<string, unknown>;
    if (isObj(from)) for (const k of Object.keys(base)) if (typeof from[k] === "string") out[k] = from[k];
    return out as T;
  };
  const top = strings(
    {
      requestedBy: empty.requestedBy,
      kind: empty.kind,
      familyParty: empty.familyParty,
      localAuthorityId: empty.localAuthorityId,
      drsScope: empty.drsScope,
      decisionSentOn: empty.decisionSentOn,
      laNotifiedOn: empty.laNotifiedOn,
      summary: empty.summary,
      staffNotes: empty.staffNotes,
    },
    raw,
  );
  const issues = Array.isArray(raw.issues) ? raw.issues.slice(0, MAX_ISSUES).map((i) => strings({ ...EMPTY_ISSUE }, i)) : [];
  return {
    ...empty,
    ...top,
    child: strings(empty.child, raw.child),
    disputedDecisions: Array.isArray(raw.disputedDecisions) ? raw.disputedDecisions.filter((d): d is string => typeof d === "string") : [],
    issues: issues.length > 0 ? issues : empty.issues,
    family: strings(empty.family, raw.family),
    parties: Array.isArray(raw.parties) ? raw.parties.slice(0, MAX_OTHER_PARTIES).map((p) => strings({ ...EMPTY_OTHER_PARTY }, p)) : [],
  };
}

/** Whether any answer was given (an untouched form is not a draft). */
export function hasAnswers(values: ReferralFormValues): boolean {
  return JSON.stringify(values) !== JSON.stringify(emptyReferral());
}
