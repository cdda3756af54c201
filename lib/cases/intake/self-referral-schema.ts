/**
 * The public self-referral form (/refer): a parent or a young person asks for mediation without
 * signing in. Field rules come from ../fields. The "not sure" answers and the
 * honeypot's name are in ./self-referral-answers (client-safe, no zod), re-exported here.
 */
import { z } from "zod";
import { todayInLondon } from "@/lib/deadlines/calendar";
import { FAMILY_PARTY_VALUES, ISSUE_CATEGORY_VALUES, type DisputedDecisionValue, type FamilyPartyValue, type IssueCategoryValue } from "../options";
import { cleanDecisionAnswers, decisionAnswersProblem, issuesProblem, toAnswerList } from "../about/rules";
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
import { PLAN_NOT_SURE } from "./self-referral-answers";

export * from "./self-referral-answers";

function issue(ctx: z.RefinementCtx, path: (string | number)[], message: string) {
  ctx.addIssue({ code: "custom", path, message });
}

/** The self-referral's fields in the order the form shows them (for the error summary). */
export const SELF_REFERRAL_FIELD_ORDER = [
  "familyParty",
  "name",
  "email",
  "phone",
  "childName",
  "childDateOfBirth",
  "localAuthorityId",
  "hasEhcPlan",
  "disputedDecisions",
  "issueCategories",
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
  /** Null: the family is not sure. */
  hasEhcPlan: boolean | null;
  /** the decisions they disagree with (empty when not sure, or about health or care only). */
  disputedDecisions: DisputedDecisionValue[];
  decisionUnknown: boolean;
  /** what the disagreement is about; a health issue starts R-21. */
  issueCategories: IssueCategoryValue[];
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
      hasEhcPlan: choice(["yes", "no", PLAN_NOT_SURE], "Select whether your child has an EHC plan, or ‘I’m not sure’"),
      disputedDecisions: z.preprocess(toAnswerList, z.array(z.string())),
      issueCategories: z.preprocess(
        toAnswerList,
        z.array(z.string()).min(1, "Select what the disagreement is about: education, health or social care").refine((l) => l.every((c) => (ISSUE_CATEGORY_VALUES as readonly string[]).includes(c)), {
          message: "Choose from education, health or social care",
        }),
      ),
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
      // the decisions, checked against the EHC plan answer and the categories.
      const answers = toAnswerList(v.disputedDecisions);
      const plan = v.hasEhcPlan === "yes" ? true : v.hasEhcPlan === "no" ? false : null;
      const about = decisionAnswersProblem(answers, plan, { family: true }) ?? issuesProblem(answers, toAnswerList(v.issueCategories));
      if (about?.field === "issues") {
        issue(ctx, ["issueCategories"], "Education disagreements are about a decision the council made: select that decision above (or ‘I’m not sure’), or untick education");
      } else if (about) issue(ctx, [about.field], about.message);
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
        hasEhcPlan: v.hasEhcPlan === "yes" ? true : v.hasEhcPlan === "no" ? false : null,
        ...cleanDecisionAnswers(toAnswerList(v.disputedDecisions)),
        issueCategories: ISSUE_CATEGORY_VALUES.filter((c) => toAnswerList(v.issueCategories).includes(c)),
        decisionSentOn: orNull(v.decisionSentOn),
        details: orNull(v.details),
      };
    });
}
