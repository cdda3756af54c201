/**
 * Validation for creating cases (issue 4): the caseworker's multi-step referral form and the
 * public self-referral form. The same schemas run in the browser (react-hook-form, one schema per
 * step) and on the server (lib/cases/intake.ts), so a message is the same wherever it appears.
 *
 * Client-safe: only zod, ./options and the pure calendar helpers of the date engine (the holiday
 * data is not pulled in). No legal deadline is computed here; the "decision older than 2 months"
 * warning is worked out on the server by lib/cases/intake.ts.
 *
 * How the schemas are built: every field check is "continuable" (a refine, never a bare z.enum),
 * so the cross-field checks in `superRefine` always run and the person sees every problem of a
 * step at once. The raw form values (strings; "" for "not answered") go in, a clean object with
 * nulls comes out (the final `transform`, which only runs when everything is valid).
 */
import { z } from "zod";
import { addCalendarMonths, isIsoDate, todayInLondon } from "@/lib/deadlines/calendar";
import {
  CASE_KIND_VALUES,
  CONTACT_METHOD_VALUES,
  DISPUTED_DECISION_VALUES,
  DRS_SCOPE_VALUES,
  FAMILY_PARTY_VALUES,
  ISSUE_CATEGORY_VALUES,
  OTHER_PARTY_KIND_VALUES,
  PARTY_KINDS_WITH_AUTHORITY,
  REQUESTER_VALUES,
  YOUNG_PERSON_MAX_AGE,
  type CaseKindValue,
  type ContactMethodValue,
  type DisputedDecisionValue,
  type DrsScopeValue,
  type FamilyPartyValue,
  type IssueCategoryValue,
  type OtherPartyKindValue,
  type RequesterValue,
} from "./options";

// ---------------------------------------------------------------------------------------------
// Limits and shared messages
// ---------------------------------------------------------------------------------------------

export const MAX_NAME = 200;
export const MAX_SHORT_TEXT = 500;
export const MAX_LONG_TEXT = 2000;
export const MAX_ISSUES = 20;
export const MAX_OTHER_PARTIES = 20;
/** Dates before this are typing errors (e.g. a two-digit year). */
export const EARLIEST_DATE = "1900-01-01";

export const EMAIL_FORMAT_MESSAGE = "Enter an email address in the correct format, like name@example.com";
export const PHONE_FORMAT_MESSAGE = "Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192";

const emailFormat = z.email();
export function isEmail(value: string): boolean {
  return emailFormat.safeParse(value).success;
}

/** UK or international number: digits with spaces, brackets, dashes and an optional leading +. */
export function isPhone(value: string): boolean {
  if (!/^\+?[\d\s()-]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, "").length;
  return digits >= 10 && digits <= 15;
}

/**
 * Orders field paths as the fields appear on the page (`order` lists them, with "N" for a row
 * number: "issues.N.category"), so an error summary reads top to bottom. Unknown paths go last.
 */
export function compareFieldPaths(order: readonly string[]) {
  const key = (path: string): number[] => {
    const parts = path.split(".");
    const rows = parts.filter((p) => /^\d+$/.test(p)).map(Number);
    const template = parts.map((p) => (/^\d+$/.test(p) ? "N" : p)).join(".");
    const group = order.findIndex((o) => o.split(".")[0] === parts[0]);
    const field = order.indexOf(template);
    return [group === -1 ? order.length : group, ...(rows.length > 0 ? rows : [-1]), field === -1 ? order.length : field];
  };
  return (a: string, b: string): number => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
      const d = (ka[i] ?? -1) - (kb[i] ?? -1);
      if (d !== 0) return d;
    }
    return 0;
  };
}

/** Field errors in page order (see `compareFieldPaths`). */
export function sortFieldErrors(errors: Record<string, string>, order: readonly string[]): Record<string, string> {
  const compare = compareFieldPaths(order);
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => compare(a, b)));
}

/** A zod error as `{ "child.name": "Enter the child's full name" }`: the first message per field, in page order. */
export function fieldErrorsFromZod(error: z.ZodError, order: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    if (!out[key]) out[key] = issue.message;
  }
  return sortFieldErrors(out, order);
}

// ---------------------------------------------------------------------------------------------
// Field builders (all continuable: see the header)
// ---------------------------------------------------------------------------------------------

const str = (v: unknown) => (typeof v === "string" ? v.trim() : "");
const orEmpty = (v: unknown) => v ?? "";

/** Free text, trimmed; "" when not given. */
function text(max: number, tooLong: string) {
  return z.preprocess(orEmpty, z.string().trim().max(max, tooLong));
}

/** Required text. */
function requiredText(max: number, missing: string, tooLong: string) {
  return z.preprocess(orEmpty, z.string().trim().min(1, missing).max(max, tooLong));
}

/** One of `values`, or "" when `optional` (its requiredness is then checked by the caller). */
function choice<V extends string>(values: readonly V[], message: string, optional = false) {
  return z.preprocess(
    orEmpty,
    z.string().refine((v) => (optional && v === "") || (values as readonly string[]).includes(v), { message }),
  );
}

/** An ISO date from `<input type="date">`, or "" when not given. */
function date(invalid: string) {
  return z.preprocess(
    orEmpty,
    z.string().trim().refine((v) => v === "" || (isIsoDate(v) && v >= EARLIEST_DATE), { message: invalid }),
  );
}

const yesNo = (message: string, optional = false) => choice(["yes", "no"] as const, message, optional);

function object<S extends z.ZodRawShape>(shape: S) {
  return z.preprocess((v) => v ?? {}, z.object(shape));
}

function list<T extends z.ZodType>(item: T, min: number, max: number, tooFew: string, tooMany: string) {
  return z.preprocess((v) => v ?? [], z.array(item).min(min, tooFew).max(max, tooMany));
}

const validDate = (v: unknown): string | null => {
  const s = str(v);
  return s !== "" && isIsoDate(s) && s >= EARLIEST_DATE ? s : null;
};

// ---------------------------------------------------------------------------------------------
// The caseworker's referral (5 steps + check your answers)
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
  if (["localAuthorityId", "disputedDecision", "drsScope", "decisionSentOn", "laNotifiedOn", "summary"].includes(head)) return "decision";
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
  "disputedDecision",
  "drsScope",
  "decisionSentOn",
  "laNotifiedOn",
  "summary",
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
  kind: CaseKindValue | "";
  familyParty: FamilyPartyValue | "";
  child: { name: string; dateOfBirth: string; setting: string; hasEhcPlan: "yes" | "no" | "" };
  localAuthorityId: string;
  disputedDecision: DisputedDecisionValue | "";
  drsScope: DrsScopeValue | "";
  decisionSentOn: string;
  laNotifiedOn: string;
  summary: string;
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
    disputedDecision: "",
    drsScope: "",
    decisionSentOn: "",
    laNotifiedOn: "",
    summary: "",
    issues: [{ ...EMPTY_ISSUE }],
    family: { name: "", email: "", phone: "", address: "", preferredContact: "", accessNeeds: "" },
    parties: [],
  };
}

/** What the command receives once everything is valid. */
export type ContactInput = { name: string; email: string | null; phone: string | null; address: string | null; preferredContact: ContactMethodValue; accessNeeds: string | null };
export type ReferralInput = {
  requestedBy: RequesterValue;
  kind: CaseKindValue;
  familyParty: FamilyPartyValue;
  child: { name: string; dateOfBirth: string | null; setting: string | null; hasEhcPlan: boolean };
  localAuthorityId: string;
  /** MEDIATION and ADVICE_ONLY only. */
  disputedDecision: DisputedDecisionValue | null;
  /** DRS only. */
  drsScope: DrsScopeValue | null;
  decisionSentOn: string | null;
  /** MEDIATION only. */
  laNotifiedOn: string | null;
  summary: string | null;
  issues: { category: IssueCategoryValue; description: string }[];
  family: ContactInput;
  parties: (ContactInput & { kind: OtherPartyKindValue; organisation: string | null; hasAuthority: boolean | null })[];
};

// Field shapes ----------------------------------------------------------------------------------

const whoShape = {
  requestedBy: choice(REQUESTER_VALUES, "Select who asked for help"),
  kind: choice(CASE_KIND_VALUES, "Select what kind of case this is"),
  familyParty: choice(FAMILY_PARTY_VALUES, "Select whether the family side is a parent or carer, or the young person"),
};

const childShape = {
  child: object({
    name: text(MAX_NAME, `The name must be ${MAX_NAME} characters or fewer`),
    dateOfBirth: date("The date of birth must be a real date"),
    setting: text(MAX_SHORT_TEXT, `The school, college or setting must be ${MAX_SHORT_TEXT} characters or fewer`),
    hasEhcPlan: yesNo("Select yes if the child has an EHC plan"),
  }),
};

const decisionShape = {
  localAuthorityId: requiredText(MAX_NAME, "Select the local authority", "Select the local authority"),
  disputedDecision: choice(DISPUTED_DECISION_VALUES, "Select the decision the family disagrees with", true),
  drsScope: choice(DRS_SCOPE_VALUES, "Select what the disagreement is about", true),
  decisionSentOn: date("The date the decision was sent must be a real date"),
  laNotifiedOn: date("The date the local authority was told must be a real date"),
  summary: text(MAX_LONG_TEXT, `The summary must be ${MAX_LONG_TEXT} characters or fewer`),
};

const issuesShape = {
  issues: list(
    object({
      category: choice(ISSUE_CATEGORY_VALUES, "Select whether the issue is about education, health or social care"),
      description: requiredText(MAX_LONG_TEXT, "Describe the issue", `The description must be ${MAX_LONG_TEXT} characters or fewer`),
    }),
    1,
    MAX_ISSUES,
    "Add at least one issue",
    `You can add up to ${MAX_ISSUES} issues`,
  ),
};

const contactFields = {
  name: text(MAX_NAME, `The name must be ${MAX_NAME} characters or fewer`),
  email: text(MAX_NAME, `The email address must be ${MAX_NAME} characters or fewer`),
  phone: text(40, "The phone number must be 40 characters or fewer"),
  address: text(MAX_SHORT_TEXT, `The address must be ${MAX_SHORT_TEXT} characters or fewer`),
  preferredContact: choice(CONTACT_METHOD_VALUES, "Select how they prefer to be contacted"),
  accessNeeds: text(MAX_LONG_TEXT, `Access needs must be ${MAX_LONG_TEXT} characters or fewer`),
};

const partiesShape = {
  family: object(contactFields),
  parties: list(
    object({
      ...contactFields,
      kind: choice(OTHER_PARTY_KIND_VALUES, "Select who this party is"),
      organisation: text(MAX_NAME, `The organisation must be ${MAX_NAME} characters or fewer`),
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

/** Under 25 on `today` (an EHC plan can run to 25; a young person is under 25, R-01). */
function isUnder25(dob: string, today: string): boolean {
  return addCalendarMonths(dob, YOUNG_PERSON_MAX_AGE * 12) > today;
}

function checkChild(v: Loose, ctx: Ctx, today: string) {
  const child = asObj(v.child);
  const youngPerson = v.familyParty === "YOUNG_PERSON";
  if (str(child.name) === "") issue(ctx, ["child", "name"], youngPerson ? "Enter the young person's full name" : "Enter the child's full name");
  const dob = validDate(child.dateOfBirth);
  if (dob && dob > today) issue(ctx, ["child", "dateOfBirth"], "The date of birth must be in the past");
  else if (dob && !isUnder25(dob, today)) {
    issue(
      ctx,
      ["child", "dateOfBirth"],
      youngPerson ? "A young person must be under 25. Check the date of birth" : "The child must be under 25. Check the date of birth",
    );
  }
}

function checkDecision(v: Loose, ctx: Ctx, today: string) {
  const kind = v.kind;
  if (kind === "DRS") {
    // DRS is about how duties or provision are carried out, not an appealable decision.
    if (str(v.drsScope) === "") issue(ctx, ["drsScope"], "Select what the disagreement is about");
  } else if (str(v.disputedDecision) === "") {
    // a mediation or advice-only case must record which decision is disputed.
    issue(ctx, ["disputedDecision"], "Select the decision the family disagrees with");
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

function checkContact(c: Loose, ctx: Ctx, path: (string | number)[], who: string) {
  const email = str(c.email);
  const phone = str(c.phone);
  if (email !== "" && !isEmail(email)) issue(ctx, [...path, "email"], EMAIL_FORMAT_MESSAGE);
  if (phone !== "" && !isPhone(phone)) issue(ctx, [...path, "phone"], PHONE_FORMAT_MESSAGE);
  const method = c.preferredContact;
  if (method === "EMAIL" && email === "") issue(ctx, [...path, "email"], `Enter an email address for ${who}, or choose another way to contact them`);
  if (method === "PHONE" && phone === "") issue(ctx, [...path, "phone"], `Enter a phone number for ${who}, or choose another way to contact them`);
  if (method === "POST" && str(c.address) === "") issue(ctx, [...path, "address"], `Enter a postal address for ${who}, or choose another way to contact them`);
}

function checkParties(v: Loose, ctx: Ctx) {
  const family = asObj(v.family);
  const who = familyNoun(v.familyParty);
  if (str(family.name) === "") issue(ctx, ["family", "name"], `Enter the name of ${who}`);
  if (str(family.email) === "" && str(family.phone) === "") {
    issue(ctx, ["family", "email"], `Enter an email address or a phone number for ${who}`);
  }
  checkContact(family, ctx, ["family"], who);
  const parties = Array.isArray(v.parties) ? v.parties : [];
  parties.forEach((p, i) => {
    const party = asObj(p);
    if (str(party.name) === "") issue(ctx, ["parties", i, "name"], "Enter the name of the person");
    checkContact(party, ctx, ["parties", i], "this person");
  });
}

// Clean-up (only runs when everything is valid) -------------------------------------------------

const orNull = (v: unknown): string | null => (str(v) === "" ? null : str(v));

function cleanContact(c: Loose): ContactInput {
  return {
    name: str(c.name),
    email: orNull(c.email)?.toLowerCase() ?? null,
    phone: orNull(c.phone),
    address: orNull(c.address),
    preferredContact: c.preferredContact as ContactMethodValue,
    accessNeeds: orNull(c.accessNeeds),
  };
}

function cleanReferral(v: Loose): ReferralInput {
  const kind = v.kind as CaseKindValue;
  const child = asObj(v.child);
  return {
    requestedBy: v.requestedBy as RequesterValue,
    kind,
    familyParty: v.familyParty as FamilyPartyValue,
    child: { name: str(child.name), dateOfBirth: orNull(child.dateOfBirth), setting: orNull(child.setting), hasEhcPlan: child.hasEhcPlan === "yes" },
    localAuthorityId: str(v.localAuthorityId),
    disputedDecision: kind === "DRS" ? null : (v.disputedDecision as DisputedDecisionValue),
    drsScope: kind === "DRS" ? (v.drsScope as DrsScopeValue) : null,
    decisionSentOn: orNull(v.decisionSentOn),
    laNotifiedOn: kind === "MEDIATION" ? orNull(v.laNotifiedOn) : null,
    summary: orNull(v.summary),
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
    decision: z.object({ kind: lenient.kind, ...decisionShape }).superRefine((v, ctx) => checkDecision(v, ctx, today)),
    issues: z.object(issuesShape),
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
      checkParties(v, ctx);
    })
    .transform((v): ReferralInput => cleanReferral(v));
}

// ---------------------------------------------------------------------------------------------
// The public self-referral (/refer)
// ---------------------------------------------------------------------------------------------

/** "I'm not sure" on the self-referral form: stored as no disputed decision (a caseworker asks). */
export const NOT_SURE = "NOT_SURE";

/** The visually hidden field a person never fills in; bots do (see app/refer). */
export const HONEYPOT_FIELD = "website";

/** The self-referral's fields in the order the form shows them (for the error summary). */
export const SELF_REFERRAL_FIELD_ORDER = [
  "familyParty",
  "name",
  "email",
  "phone",
  "childName",
  "childDateOfBirth",
  "localAuthorityId",
  "disputedDecision",
  "decisionSentOn",
  "details",
] as const;

export type SelfReferralInput = {
  familyParty: FamilyPartyValue;
  name: string;
  email: string;
  phone: string | null;
  /** The young person's own name when they refer themselves. */
  childName: string;
  childDateOfBirth: string | null;
  localAuthorityId: string;
  disputedDecision: DisputedDecisionValue | null;
  decisionSentOn: string | null;
  details: string | null;
};

export function selfReferralSchema(today: string = todayInLondon()) {
  return z
    .object({
      familyParty: choice(FAMILY_PARTY_VALUES, "Select whether you are a parent or carer, or the young person"),
      name: requiredText(MAX_NAME, "Enter your full name", `Your name must be ${MAX_NAME} characters or fewer`),
      email: requiredText(MAX_NAME, "Enter your email address", `Your email address must be ${MAX_NAME} characters or fewer`).refine(
        (v) => v === "" || isEmail(v),
        { message: EMAIL_FORMAT_MESSAGE },
      ),
      phone: text(40, "Your phone number must be 40 characters or fewer").refine((v) => v === "" || isPhone(v), { message: PHONE_FORMAT_MESSAGE }),
      childName: text(MAX_NAME, `The name must be ${MAX_NAME} characters or fewer`),
      childDateOfBirth: date("The date of birth must be a real date"),
      localAuthorityId: requiredText(MAX_NAME, "Select your local authority", "Select your local authority"),
      disputedDecision: choice([...DISPUTED_DECISION_VALUES, NOT_SURE], "Select what the disagreement is about, or select ‘I’m not sure’"),
      decisionSentOn: date("The date on the decision letter must be a real date"),
      details: text(MAX_LONG_TEXT, `This must be ${MAX_LONG_TEXT} characters or fewer`),
    })
    .superRefine((v, ctx) => {
      const youngPerson = v.familyParty === "YOUNG_PERSON";
      if (!youngPerson && str(v.childName) === "") issue(ctx, ["childName"], "Enter the child's full name");
      const dob = validDate(v.childDateOfBirth);
      if (dob && dob > today) issue(ctx, ["childDateOfBirth"], "The date of birth must be in the past");
      else if (dob && !isUnder25(dob, today)) {
        issue(ctx, ["childDateOfBirth"], youngPerson ? "You must be under 25 to ask for mediation yourself. Check the date of birth" : "The child must be under 25. Check the date of birth");
      }
      const sent = validDate(v.decisionSentOn);
      if (sent && sent > today) issue(ctx, ["decisionSentOn"], "The date on the decision letter must be today or in the past");
    })
    .transform((v): SelfReferralInput => {
      const youngPerson = v.familyParty === "YOUNG_PERSON";
      return {
        familyParty: v.familyParty as FamilyPartyValue,
        name: str(v.name),
        email: str(v.email).toLowerCase(),
        phone: orNull(v.phone),
        childName: youngPerson ? str(v.childName) || str(v.name) : str(v.childName),
        childDateOfBirth: orNull(v.childDateOfBirth),
        localAuthorityId: str(v.localAuthorityId),
        disputedDecision: v.disputedDecision === NOT_SURE ? null : (v.disputedDecision as DisputedDecisionValue),
        decisionSentOn: orNull(v.decisionSentOn),
        details: orNull(v.details),
      };
    });
}
