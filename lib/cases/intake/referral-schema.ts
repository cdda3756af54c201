/**
 * The caseworker's referral form (5 steps + check your answers): its fields, their order, and the
 * schemas that run both in the browser (react-hook-form, one schema per step) and on the server
 * (./create-referral.ts), so a message is the same wherever it appears. Field rules come from
 * ../fields (one definition each). Client-safe: no legal deadline is computed here; the R-10
 * warning is worked out on the server (./preview-referral-dates.ts).
 *
 * The raw form values (strings; "" for "not answered") go in, a clean object with nulls comes out
 * (the final `transform`, which only runs when everything is valid).
 */
import { z } from "zod";
import { todayInLondon } from "@/lib/deadlines/calendar";
import type { CaseKind } from "../lifecycle/vocabulary";
import { CASE_KINDS } from "../lifecycle/vocabulary";
import {
  DRS_SCOPE_VALUES,
  FAMILY_PARTY_VALUES,
  ISSUE_CATEGORY_VALUES,
  OTHER_PARTY_KIND_VALUES,
  PARTY_KINDS_WITH_AUTHORITY,
  REQUESTER_VALUES,
  type ContactMethodValue,
  type DisputedDecisionValue,
  type DrsScopeValue,
  type FamilyPartyValue,
  type IssueCategoryValue,
  type OtherPartyKindValue,
  type RequesterValue,
} from "../options";
import { cleanDecisionAnswers, decisionAnswersProblem, issuesProblem, toAnswerList } from "../about/rules";
import {
  LIMITS,
  checkPreferredContact,
  choice,
  cleanContact,
  contactShape,
  dateOfBirthProblem,
  optionalDate,
  optionalText,
  orNull,
  organisationField,
  requiredText,
  tooLong,
  trimmed as str,
  typedDateOrNull as validDate,
  yesNo,
  type ContactInput,
} from "../fields";

export const MAX_ISSUES = 20;
export const MAX_OTHER_PARTIES = 20;

function object<S extends z.ZodRawShape>(shape: S) {
  return z.preprocess((v) => v ?? {}, z.object(shape));
}

function list<T extends z.ZodType>(item: T, min: number, max: number, tooFew: string, tooMany: string) {
  return z.preprocess((v) => v ?? [], z.array(item).min(min, tooFew).max(max, tooMany));
}

// ---------------------------------------------------------------------------------------------

/** The referral form posts its whole state as JSON in this one field (the answers live in react-hook-form). */
export const REFERRAL_PAYLOAD_FIELD = "payload";

export const REFERRAL_STEPS = ["who", "child", "decision", "issues", "parties"] as const;
export type ReferralStep = (typeof REFERRAL_STEPS)[number];

export const REFERRAL_STEP_TITLES: Record<ReferralStep, string> = {
  who: "Who is asking",
  child: "The child or young person",
  decision: "The decision and dates",
  issues: "The issues",
  parties: "The parties",
};

/** The step a field belongs to, from its path ("child.name", "issues.0.category", ...). */
export function stepOfField(path: string): ReferralStep | null {
  const head = path.split(".")[0] ?? "";
  if (["requestedBy", "kind", "familyParty"].includes(head)) return "who";
  if (head === "child") return "child";
  if (["localAuthorityId", "disputedDecisions", "drsScope", "decisionSentOn", "laNotifiedOn", "summary", "staffNotes"].includes(head)) return "decision";
  if (head === "issues") return "issues";
  if (head === "family" || head === "parties") return "parties";
  return null;
}

/** The referral's fields in the order the form shows them (for error summaries). */
export const REFERRAL_FIELD_ORDER = [
  "requestedBy",
  "kind",
  "familyParty",
  "child.name",
  "child.dateOfBirth",
  "child.setting",
  "child.hasEhcPlan",
  "localAuthorityId",
  "disputedDecisions",
  "drsScope",
  "decisionSentOn",
  "laNotifiedOn",
  "summary",
  "staffNotes",
  "issues",
  "issues.N.category",
  "issues.N.description",
  "family.name",
  "family.email",
  "family.phone",
  "family.address",
  "family.preferredContact",
  "family.accessNeeds",
  "parties",
  "parties.N.kind",
  "parties.N.name",
  "parties.N.organisation",
  "parties.N.email",
  "parties.N.phone",
  "parties.N.address",
  "parties.N.preferredContact",
  "parties.N.accessNeeds",
  "parties.N.hasAuthority",
] as const;

/** The raw values the form holds (every answer a string; "" = not answered). */
export type IssueFormValues = { category: IssueCategoryValue | ""; description: string };
export type ContactFormValues = { name: string; email: string; phone: string; address: string; preferredContact: ContactMethodValue | ""; accessNeeds: string };
export type OtherPartyFormValues = ContactFormValues & { kind: OtherPartyKindValue | ""; organisation: string; hasAuthority: "yes" | "no" | "" };
export type ReferralFormValues = {
  requestedBy: RequesterValue | "";
  kind: CaseKind | "";
  familyParty: FamilyPartyValue | "";
  child: { name: string; dateOfBirth: string; setting: string; hasEhcPlan: "yes" | "no" | "" };
  localAuthorityId: string;
  /** the decisions disputed, or DECISION_NOT_KNOWN / DECISION_NONE (../about/rules). */
  disputedDecisions: string[];
  drsScope: DrsScopeValue | "";
  decisionSentOn: string;
  laNotifiedOn: string;
  /** shared with the LA officer and the family. */
  summary: string;
  /** the mediation team only. */
  staffNotes: string;
  issues: IssueFormValues[];
  family: ContactFormValues;
  parties: OtherPartyFormValues[];
};

export const EMPTY_ISSUE: IssueFormValues = { category: "", description: "" };
export const EMPTY_OTHER_PARTY: OtherPartyFormValues = {
  kind: "",
  name: "",
  organisation: "",
  email: "",
  phone: "",
  address: "",
  preferredContact: "",
  accessNeeds: "",
  hasAuthority: "",
};

export function emptyReferral(): ReferralFormValues {
  return {
    requestedBy: "",
    kind: "",
    familyParty: "",
    child: { name: "", dateOfBirth: "", setting: "", hasEhcPlan: "" },
    localAuthorityId: "",
    disputedDecisions: [],
    drsScope: "",
    decisionSentOn: "",
    laNotifiedOn: "",
    summary: "",
    staffNotes: "",
    issues: [{ ...EMPTY_ISSUE }],
    family: { name: "", email: "", phone: "", address: "", preferredContact: "", accessNeeds: "" },
    parties: [],
  };
}

/** What the command receives once everything is valid. */
export type { ContactInput } from "../fields";
export type ReferralInput = {
  requestedBy: RequesterValue;
  kind: CaseKind;
  familyParty: FamilyPartyValue;
  child: { name: string; dateOfBirth: string | null; setting: string | null; hasEhcPlan: boolean };
  localAuthorityId: string;
  /** MEDIATION and ADVICE_ONLY only; empty when not known yet or about health/social care only. */
  disputedDecisions: DisputedDecisionValue[];
  /** The decision is not known yet: no certificate until it is recorded. */
  decisionUnknown: boolean;
  /** DRS only. */
  drsScope: DrsScopeValue | null;
  decisionSentOn: string | null;
  /** MEDIATION only. */
  laNotifiedOn: string | null;
  /** shared with the LA officer and the family. */
  summary: string | null;
  /** the mediation team only; never read for the shared view. */
  staffNotes: string | null;
  issues: { category: IssueCategoryValue; description: string }[];
  family: ContactInput;
  parties: (ContactInput & { kind: OtherPartyKindValue; organisation: string | null; hasAuthority: boolean | null })[];
};

// Field shapes ----------------------------------------------------------------------------------

const whoShape = {
  requestedBy: choice(REQUESTER_VALUES, "Select who referred the case"),
  kind: choice(CASE_KINDS, "Select what kind of case this is"),
  familyParty: choice(FAMILY_PARTY_VALUES, "Select whether the family side is a parent or carer, or the young person"),
};

const childShape = {
  child: object({
    name: optionalText(LIMITS.name, tooLong("The name", LIMITS.name)),
    dateOfBirth: optionalDate("The date of birth"),
    setting: optionalText(LIMITS.setting, tooLong("The school, college or setting", LIMITS.setting)),
    hasEhcPlan: yesNo("Select yes if the child has an EHC plan"),
  }),
};

const decisionShape = {
  localAuthorityId: requiredText(LIMITS.name, "Select the local authority", "Select the local authority"),
  disputedDecisions: z.preprocess(toAnswerList, z.array(z.string())),
  drsScope: choice(DRS_SCOPE_VALUES, "Select what the disagreement is about", true),
  decisionSentOn: optionalDate("The date the decision was sent"),
  laNotifiedOn: optionalDate("The date the local authority was told"),
  summary: optionalText(LIMITS.summary, tooLong("The summary", LIMITS.summary)),
  staffNotes: optionalText(LIMITS.staffNotes, tooLong("The notes for the mediation team", LIMITS.staffNotes)),
};

const issuesShape = {
  issues: list(
    object({
      category: choice(ISSUE_CATEGORY_VALUES, "Select whether the issue is about education, health or social care"),
      description: requiredText(LIMITS.description, "Describe the issue", tooLong("The description", LIMITS.description)),
    }),
    1,
    MAX_ISSUES,
    "Add at least one issue",
    `You can add up to ${MAX_ISSUES} issues`,
  ),
};


const partiesShape = {
  family: object(contactShape),
  parties: list(
    object({
      ...contactShape,
      kind: choice(OTHER_PARTY_KIND_VALUES, "Select who this party is"),
      organisation: organisationField,
      hasAuthority: yesNo("Select yes or no", true),
    }),
    0,
    MAX_OTHER_PARTIES,
    "",
    `You can add up to ${MAX_OTHER_PARTIES} other parties`,
  ),
};

// Cross-field checks (defensive: they run even when a field above failed) ------------------------

type Ctx = z.RefinementCtx;
type Loose = Record<string, unknown>;
const asObj = (v: unknown): Loose => (v && typeof v === "object" ? (v as Loose) : {});

function issue(ctx: Ctx, path: (string | number)[], message: string) {
  ctx.addIssue({ code: "custom", path, message });
}

/** the family party's wording in messages. */
function familyNoun(familyParty: unknown): string {
  return familyParty === "YOUNG_PERSON" ? "the young person" : "the parent or carer";
}

function checkChild(v: Loose, ctx: Ctx, today: string) {
  const child = asObj(v.child);
  const youngPerson = v.familyParty === "YOUNG_PERSON";
  if (str(child.name) === "") issue(ctx, ["child", "name"], youngPerson ? "Enter the young person's full name" : "Enter the child's full name");
  const dob = validDate(child.dateOfBirth);
  const problem = dob && dateOfBirthProblem(dob, today, youngPerson ? "young person" : "child");
  if (problem) issue(ctx, ["child", "dateOfBirth"], problem);
}

function checkDecision(v: Loose, ctx: Ctx, today: string) {
  const kind = v.kind;
  if (kind === "DRS") {
    // DRS is about how duties or provision are carried out, not an appealable decision.
    if (str(v.drsScope) === "") issue(ctx, ["drsScope"], "Select what the disagreement is about");
  } else {
    // a mediation or advice-only case records the decisions disputed, "not known yet", or
    // (mediation only) none: health or social care only. Checked against the EHC plan answer.
    const plan = asObj(v.child).hasEhcPlan;
    const problem = decisionAnswersProblem(toAnswerList(v.disputedDecisions), plan === "yes" ? true : plan === "no" ? false : null, { allowNone: kind !== "ADVICE_ONLY" });
    if (problem) issue(ctx, [problem.field], problem.message);
  }
  const sent = validDate(v.decisionSentOn);
  if (kind !== "DRS" && str(v.decisionSentOn) === "") issue(ctx, ["decisionSentOn"], "Enter the date the decision was sent");
  // A future date is an error; an old one (past the R-10 two months) is only a warning.
  if (sent && sent > today) issue(ctx, ["decisionSentOn"], "The date the decision was sent must be today or in the past");
  if (kind === "MEDIATION") {
    const told = validDate(v.laNotifiedOn);
    if (told && told > today) issue(ctx, ["laNotifiedOn"], "The date the local authority was told must be today or in the past");
    else if (told && sent && told < sent) {
      issue(ctx, ["laNotifiedOn"], "The date the local authority was told must be on or after the date the decision was sent");
    }
  }
}

/** "none — health or social care only" cannot go with an education issue. */
function checkIssues(v: Loose, ctx: Ctx) {
  if (v.kind === "DRS") return;
  const issues = Array.isArray(v.issues) ? v.issues.map((i) => str(asObj(i).category)) : [];
  const problem = issuesProblem(toAnswerList(v.disputedDecisions), issues);
  if (problem) issue(ctx, ["issues"], problem.message);
}

function checkParties(v: Loose, ctx: Ctx) {
  const family = asObj(v.family);
  const who = familyNoun(v.familyParty);
  if (str(family.name) === "") issue(ctx, ["family", "name"], `Enter the name of ${who}`);
  if (str(family.email) === "" && str(family.phone) === "") {
    issue(ctx, ["family", "email"], `Enter an email address or a phone number for ${who}`);
  }
  checkPreferredContact(family, ctx, ["family"], who);
  const parties = Array.isArray(v.parties) ? v.parties : [];
  parties.forEach((p, i) => {
    const party = asObj(p);
    if (str(party.name) === "") issue(ctx, ["parties", i, "name"], "Enter the name of the person");
    checkPreferredContact(party, ctx, ["parties", i], "this person");
  });
}

// Clean-up (only runs when everything is valid) -------------------------------------------------

function cleanReferral(v: Loose): ReferralInput {
  const kind = v.kind as CaseKind;
  const child = asObj(v.child);
  return {
    requestedBy: v.requestedBy as RequesterValue,
    kind,
    familyParty: v.familyParty as FamilyPartyValue,
    child: { name: str(child.name), dateOfBirth: orNull(child.dateOfBirth), setting: orNull(child.setting), hasEhcPlan: child.hasEhcPlan === "yes" },
    localAuthorityId: str(v.localAuthorityId),
    ...(kind === "DRS" ? { disputedDecisions: [], decisionUnknown: false } : cleanDecisionAnswers(toAnswerList(v.disputedDecisions))),
    drsScope: kind === "DRS" ? (v.drsScope as DrsScopeValue) : null,
    decisionSentOn: orNull(v.decisionSentOn),
    laNotifiedOn: kind === "MEDIATION" ? orNull(v.laNotifiedOn) : null,
    summary: orNull(v.summary),
    staffNotes: orNull(v.staffNotes),
    issues: (v.issues as Loose[]).map((i) => ({ category: i.category as IssueCategoryValue, description: str(i.description) })),
    family: cleanContact(asObj(v.family)),
    parties: (v.parties as Loose[]).map((p) => {
      const kindOfParty = p.kind as OtherPartyKindValue;
      return {
        ...cleanContact(p),
        kind: kindOfParty,
        organisation: orNull(p.organisation),
        // only asked of LA and ICB representatives.
        hasAuthority: PARTY_KINDS_WITH_AUTHORITY.includes(kindOfParty) && p.hasAuthority !== "" ? p.hasAuthority === "yes" : null,
      };
    }),
  };
}

// Schemas ---------------------------------------------------------------------------------------

/** One schema per step (for the form); each sees the answers of earlier steps it depends on. */
export function referralStepSchemas(today: string = todayInLondon()) {
  const lenient = { familyParty: z.unknown(), kind: z.unknown() };
  return {
    who: z.object(whoShape),
    child: z.object({ familyParty: lenient.familyParty, ...childShape }).superRefine((v, ctx) => checkChild(v, ctx, today)),
    decision: z.object({ kind: lenient.kind, child: z.unknown(), ...decisionShape }).superRefine((v, ctx) => checkDecision(v, ctx, today)),
    issues: z.object({ kind: lenient.kind, disputedDecisions: z.unknown(), ...issuesShape }).superRefine((v, ctx) => checkIssues(v, ctx)),
    parties: z.object({ familyParty: lenient.familyParty, ...partiesShape }).superRefine((v, ctx) => checkParties(v, ctx)),
  } satisfies Record<ReferralStep, z.ZodType>;
}

/** The whole referral, as the server checks it before creating the case. */
export function referralSchema(today: string = todayInLondon()) {
  return z
    .object({ ...whoShape, ...childShape, ...decisionShape, ...issuesShape, ...partiesShape })
    .superRefine((v, ctx) => {
      checkChild(v, ctx, today);
      checkDecision(v, ctx, today);
      checkIssues(v, ctx);
      checkParties(v, ctx);
    })
    .transform((v): ReferralInput => cleanReferral(v));
}

