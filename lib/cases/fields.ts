/**
 * One definition of each field rule, used by every form that asks for the field: the caseworker's
 * referral, the public self-referral, editing a case, adding or editing a party, a transition's
 * date. Lengths, the phone and email formats, what counts as a date, the date-of-birth and
 * young-person age rules. Client-safe: the same rules run in the browser and on the server.
 *
 * The zod builders are "continuable" (refine, never a bare enum), so a form's cross-field checks
 * always run and the person sees every problem at once. Raw form strings go in ("" = not answered).
 */
import { z } from "zod";
import { addCalendarDays, addCalendarMonths, dayOfWeek, formatDate, isIsoDate, isoFromParts } from "@/lib/deadlines/calendar";
import { dateValueProblem } from "@/lib/platform/dates/date-input";
import { CONTACT_METHOD_VALUES, type ContactMethodValue } from "./options";

/** Longest value of each field (characters, after trimming). */
export const LIMITS = {
  name: 200,
  organisation: 200,
  /** RFC 5321's longest address. */
  email: 254,
  phone: 40,
  address: 500,
  setting: 500,
  /** The shared summary of the disagreement (R-80: the LA officer and the family see it). */
  summary: 5000,
  /** Notes for the mediation team only, including the self-referral's "anything else". */
  staffNotes: 5000,
  description: 2000,
  accessNeeds: 2000,
  consentHow: 200,
} as const;

/** Dates before this are typing errors (e.g. a two-digit year). */
export const EARLIEST_DATE = "1900-01-01";

/** a young person is under 25 (an EHC plan can run to 25). */
export const YOUNG_PERSON_MAX_AGE = 25;

export const EMAIL_FORMAT_MESSAGE = "Enter an email address in the correct format, like name@example.com";
export const PHONE_FORMAT_MESSAGE = "Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192";

const emailFormat = z.email();
export function isEmail(value: string): boolean {
  return emailFormat.safeParse(value).success;
}

/**
 * UK or international number: digits with spaces, brackets, dashes and an optional leading +, 10
 * to 15 digits in all (so "0044 (0) 20 7946 0958" and "+44 808 157 0192" are both accepted).
 */
export function isPhone(value: string): boolean {
  if (!/^\+?[\d\s()-]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, "").length;
  return digits >= 10 && digits <= 15;
}

/** A typed calendar date: real (the date engine's definition, R-63) and not before EARLIEST_DATE. */
export function isTypedDate(value: unknown): value is string {
  return isIsoDate(value) && value >= EARLIEST_DATE;
}

/** Under 25 on `today`. */
export function isUnder25(dateOfBirth: string, today: string): boolean {
  return addCalendarMonths(dateOfBirth, YOUNG_PERSON_MAX_AGE * 12) > today;
}

/**
 * the last day of compulsory school age — the last Friday in June of the school year
 * (1 September to 31 August) in which the child turns 16 (Education Act 1996 s.8; the school
 * leaving date order). A young person is over compulsory school age from the day after.
 */
export function compulsorySchoolAgeEnds(dateOfBirth: string): string {
  const [year, month] = [Number(dateOfBirth.slice(0, 4)), Number(dateOfBirth.slice(5, 7))];
  // Born September to December: 16 in the school year that ends in June of the year they turn 17.
  const leavingYear = month >= 9 ? year + 17 : year + 16;
  const lastOfJune = isoFromParts(leavingYear, 6, 30);
  return addCalendarDays(lastOfJune, -((dayOfWeek(lastOfJune) - 5 + 7) % 7));
}

/** over compulsory school age on `today`. */
export function isOverCompulsorySchoolAge(dateOfBirth: string, today: string): boolean {
  return today > compulsorySchoolAgeEnds(dateOfBirth);
}

/** Age in whole years on `today`. */
export function ageOn(dateOfBirth: string, today: string): number {
  let years = Number(today.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  if (addCalendarMonths(dateOfBirth, years * 12) > today) years -= 1;
  return years;
}

/** The age from which a parent acting for the child is worth a second look: they may be a young person. */
export const PARENT_FOR_OLDER_CHILD_AGE = 16;

/**
 * R-01, a warning (never a block): a parent is recorded as the family party for someone 16 or over,
 * who may be a young person entitled to take part themselves.
 */
export function parentForOlderChildWarning(dateOfBirth: string, today: string): string | null {
  if (ageOn(dateOfBirth, today) < PARENT_FOR_OLDER_CHILD_AGE) return null;
  return `The child is ${ageOn(dateOfBirth, today)}. Once over compulsory school age a young person takes part themselves: check whether the young person, rather than a parent, should be the family party.`;
}

/**
 * What is wrong with a date of birth of the child or young person, or null. `who` words it: the
 * caseworker about a child or a young person, or a young person about themselves.
 */
export function dateOfBirthProblem(dateOfBirth: string, today: string, who: "child" | "young person" | "yourself"): string | null {
  if (dateOfBirth > today) return "The date of birth must be in the past";
  if (!isUnder25(dateOfBirth, today)) {
    if (who === "yourself") return "You must be under 25 to ask for mediation yourself. Check the date of birth";
    return who === "young person" ? "A young person must be under 25. Check the date of birth" : "The child must be under 25. Check the date of birth";
  }
  // a young person is over compulsory school age (the last Friday in June of the school year they turn 16).
  if (who !== "child" && !isOverCompulsorySchoolAge(dateOfBirth, today)) {
    const ends = compulsorySchoolAgeEnds(dateOfBirth);
    return who === "yourself"
      ? `You can ask for mediation yourself once you are over compulsory school age, after ${formatDate(ends)}. Until then a parent or carer can ask for you`
      : `A young person must be over compulsory school age, which for this date of birth ends on ${formatDate(ends)}. Choose parent or carer instead, or check the date of birth`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// zod builders
// ---------------------------------------------------------------------------------------------

export const trimmed = (v: unknown): string => (typeof v === "string" ? v.trim() : "");
const orEmpty = (v: unknown) => v ?? "";
/** "" → null, otherwise the trimmed text. */
export const orNull = (v: unknown): string | null => (trimmed(v) === "" ? null : trimmed(v));

/** `${label} must be N characters or fewer`. */
export const tooLong = (label: string, max: number) => `${label} must be ${max} characters or fewer`;

/** Free text, trimmed; "" when not given. */
export function optionalText(max: number, tooLongMessage: string) {
  return z.preprocess(orEmpty, z.string().trim().max(max, tooLongMessage));
}

/** Required text. */
export function requiredText(max: number, missing: string, tooLongMessage: string) {
  return z.preprocess(orEmpty, z.string().trim().min(1, missing).max(max, tooLongMessage));
}

/** One of `values`, or "" when `optional` (its requiredness is then checked by the caller). */
export function choice<V extends string>(values: readonly V[], message: string, optional = false) {
  return z.preprocess(orEmpty, z.string().refine((v) => (optional && v === "") || (values as readonly string[]).includes(v), { message }));
}

export const yesNo = (message: string, optional = false) => choice(["yes", "no"] as const, message, optional);

/**
 * What is wrong with a typed date, or null for a typed date or "". Dates are typed in day, month and
 * year boxes (components/fields.tsx `DateInput`): boxes that make no real date arrive joined as typed
 * (lib/platform/dates/date-input.ts), and the message says why ("The date of birth must be a real
 * date – February 2015 has 28 days", "… must include a month"). `label` names the date.
 */
export function typedDateProblem(value: string, label: string): string | null {
  if (value === "" || isTypedDate(value)) return null;
  return dateValueProblem(value, label) ?? `${label} must be a real date`;
}

/** A typed date (see `isTypedDate`), or "" when not given. `label` names it in messages ("The date of birth"). */
export function optionalDate(label: string) {
  return z.preprocess(
    orEmpty,
    z
      .string()
      .trim()
      .superRefine((v, ctx) => {
        const problem = typedDateProblem(v, label);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
  );
}

/** A date of something that has happened: a typed date, not after `today`, or "". */
export function optionalPastDate(label: string, today: string) {
  return optionalDate(label).refine((v) => !isTypedDate(v) || v <= today, { message: `${label} must be today or in the past` });
}

export function optionalEmail(tooLongMessage: string) {
  return optionalText(LIMITS.email, tooLongMessage).refine((v) => v === "" || isEmail(v), { message: EMAIL_FORMAT_MESSAGE });
}

export function optionalPhone(tooLongMessage: string) {
  return optionalText(LIMITS.phone, tooLongMessage).refine((v) => v === "" || isPhone(v), { message: PHONE_FORMAT_MESSAGE });
}

/** A typed date, for a value that may be missing or malformed (cross-field checks). */
export const typedDateOrNull = (v: unknown): string | null => {
  const s = trimmed(v);
  return isTypedDate(s) ? s : null;
};

// ---------------------------------------------------------------------------------------------
// A person's contact details: the family party at intake, every party afterwards
// ---------------------------------------------------------------------------------------------

export const contactShape = {
  name: optionalText(LIMITS.name, tooLong("The name", LIMITS.name)),
  email: optionalEmail(tooLong("The email address", LIMITS.email)),
  phone: optionalPhone(tooLong("The phone number", LIMITS.phone)),
  address: optionalText(LIMITS.address, tooLong("The address", LIMITS.address)),
  preferredContact: choice(CONTACT_METHOD_VALUES, "Select how they prefer to be contacted"),
  accessNeeds: optionalText(LIMITS.accessNeeds, tooLong("Access needs", LIMITS.accessNeeds)),
};

export const organisationField = optionalText(LIMITS.organisation, tooLong("The organisation", LIMITS.organisation));

/** The preferred way of contacting someone must be one we have details for. `who` names them in messages. */
export function checkPreferredContact(c: Record<string, unknown>, ctx: z.RefinementCtx, path: (string | number)[] = [], who?: string) {
  const forWho = who ? ` for ${who}` : "";
  const add = (field: string, what: string) =>
    ctx.addIssue({ code: "custom", path: [...path, field], message: `Enter ${what}${forWho}, or choose another way to contact them` });
  if (c.preferredContact === "EMAIL" && trimmed(c.email) === "") add("email", "an email address");
  if (c.preferredContact === "PHONE" && trimmed(c.phone) === "") add("phone", "a phone number");
  if (c.preferredContact === "POST" && trimmed(c.address) === "") add("address", "a postal address");
}

export type ContactInput = { name: string; email: string | null; phone: string | null; address: string | null; preferredContact: ContactMethodValue; accessNeeds: string | null };

/** Clean contact details (emails lower-cased, "" → null). */
export function cleanContact(c: Record<string, unknown>): ContactInput {
  return {
    name: trimmed(c.name),
    email: orNull(c.email)?.toLowerCase() ?? null,
    phone: orNull(c.phone),
    address: orNull(c.address),
    preferredContact: c.preferredContact as ContactMethodValue,
    accessNeeds: orNull(c.accessNeeds),
  };
}
