/**
 * The public self-referral form (/refer): a parent or a young person asks for mediation without
 * signing in. Field rules come from ../fields. Client-safe (the form and the server share it).
 */
import { z } from "zod";
import { todayInLondon } from "@/lib/deadlines/calendar";
import { DISPUTED_DECISION_VALUES, FAMILY_PARTY_VALUES, type DisputedDecisionValue, type FamilyPartyValue } from "../options";
import {
  EMAIL_FORMAT_MESSAGE,
  LIMITS,
  choice,
  dateOfBirthProblem,
  isEmail,
  optionalDate,
  optionalPhone,
  optionalText,
  orNull,
  requiredText,
  tooLong,
  trimmed as str,
  typedDateOrNull as validDate,
} from "../fields";

export { HONEYPOT_FIELD } from "@/lib/platform/security/honeypot";

function issue(ctx: z.RefinementCtx, path: (string | number)[], message: string) {
  ctx.addIssue({ code: "custom", path, message });
}


/** "I'm not sure" on the self-referral form: stored as no disputed decision (a caseworker asks). */
export const NOT_SURE = "NOT_SURE";

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
  /** "Is there anything else we should know?": phone times, help to take part, worries. Kept for
   * the mediation team only (Case.staffNotes, R-80), never shown to the LA officer. */
  details: string | null;
};

export function selfReferralSchema(today: string = todayInLondon()) {
  return z
    .object({
      familyParty: choice(FAMILY_PARTY_VALUES, "Select whether you are a parent or carer, or the young person"),
      name: requiredText(LIMITS.name, "Enter your full name", tooLong("Your name", LIMITS.name)),
      email: requiredText(LIMITS.email, "Enter your email address", tooLong("Your email address", LIMITS.email)).refine((v) => v === "" || isEmail(v), {
        message: EMAIL_FORMAT_MESSAGE,
      }),
      phone: optionalPhone(tooLong("Your phone number", LIMITS.phone)),
      childName: optionalText(LIMITS.name, tooLong("The name", LIMITS.name)),
      childDateOfBirth: optionalDate("The date of birth"),
      localAuthorityId: requiredText(LIMITS.name, "Select your local authority", "Select your local authority"),
      disputedDecision: choice([...DISPUTED_DECISION_VALUES, NOT_SURE], "Select what the disagreement is about, or select ‘I’m not sure’"),
      decisionSentOn: optionalDate("The date on the decision letter"),
      details: optionalText(LIMITS.staffNotes, tooLong("This", LIMITS.staffNotes)),
    })
    .superRefine((v, ctx) => {
      const youngPerson = v.familyParty === "YOUNG_PERSON";
      if (!youngPerson && str(v.childName) === "") issue(ctx, ["childName"], "Enter the child's full name");
      const dob = validDate(v.childDateOfBirth);
      const problem = dob && dateOfBirthProblem(dob, today, youngPerson ? "yourself" : "child");
      if (problem) issue(ctx, ["childDateOfBirth"], problem);
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
