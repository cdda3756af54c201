/**
 * The "what the disagreement is about" form (/cases/[id]/about): the decisions disputed,
 * whether the child has an EHC plan, the issues by category and the ICB of a health case
 * . The form posts flat fields (issues.N.id / category / description / remove); `aboutFromForm`
 * turns them into the command's input. The plan answers the form offers are in ./plan-answers
 * (client-safe, no zod), re-exported here.
 */
import { z } from "zod";
import { ISSUE_CATEGORY_VALUES } from "../options";
import { LIMITS, choice, optionalText, tooLong } from "../fields";
import { MAX_ISSUES } from "../intake/referral-schema";
import { toAnswerList } from "./rules";
import { PLAN_ANSWERS } from "./plan-answers";

export * from "./plan-answers";

export type AboutIssueInput = { id: string; category: string; description: string; remove: boolean };
export type AboutInput = { disputedDecisions: string[]; hasEhcPlan: string; healthBodyId: string; issues: AboutIssueInput[] };

/** The command's input from the posted form (a blank new row is no issue). */
export function aboutFromForm(v: Record<string, string | undefined>): AboutInput {
  const issues: AboutIssueInput[] = [];
  for (let i = 0; i <= MAX_ISSUES; i++) {
    const id = v[`issues.${i}.id`];
    const category = v[`issues.${i}.category`] ?? "";
    const description = v[`issues.${i}.description`] ?? "";
    if (id === undefined && category === "" && description.trim() === "") continue;
    issues.push({ id: id ?? "", category, description, remove: v[`issues.${i}.remove`] === "yes" });
  }
  return { disputedDecisions: toAnswerList(v.disputedDecisions), hasEhcPlan: v.hasEhcPlan ?? "", healthBodyId: v.healthBodyId ?? "", issues };
}

export const aboutSchema = z.object({
  disputedDecisions: z.preprocess(toAnswerList, z.array(z.string())),
  hasEhcPlan: choice(PLAN_ANSWERS, "Select whether the child has an EHC plan"),
  healthBodyId: optionalText(200, "Choose the integrated care board from the list"),
  issues: z
    .array(
      z.object({
        id: z.string().trim().max(200),
        category: choice(ISSUE_CATEGORY_VALUES, "Select whether the issue is about education, health or social care"),
        description: optionalText(LIMITS.description, tooLong("The description", LIMITS.description)),
        remove: z.boolean(),
      }),
    )
    .max(MAX_ISSUES + 1, `You can record up to ${MAX_ISSUES} issues`),
});
