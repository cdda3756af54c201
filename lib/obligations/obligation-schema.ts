/**
 * The inputs of the obligation commands (lib/obligations), one definition each: the seam that
 * sealing an agreement calls (`createObligations`) and the three forms on the action's page.
 */
import { z } from "zod";
import { isTypedDate, optionalPastDate, requiredText, optionalText, tooLong, yesNo } from "@/lib/cases/fields";
import { OBLIGATION_LIMITS, OBLIGATION_RESPONSIBLE } from "./rules";

const id = (what: string) => z.string({ error: `The ${what} is missing.` }).trim().min(1, `The ${what} is missing.`).max(200, `The ${what} is not recognised.`);

/** One agreed action as lib/agreements hands it over when the agreement is sealed. */
export const obligationActionSchema = z.object({
  /** The AgreementAction's id: creating obligations is idempotent per action. */
  sourceActionId: id("agreed action"),
  what: z.string().trim().min(1).max(OBLIGATION_LIMITS.what),
  responsible: z.enum(OBLIGATION_RESPONSIBLE),
  /** The due date in force: computed or, where the parties agreed another in writing, that one. */
  dueOn: z.string().refine(isTypedDate, "The due date must be a real date (YYYY-MM-DD)."),
  howChecked: z.string().trim().min(1).max(OBLIGATION_LIMITS.howChecked),
});
export type ObligationAction = z.input<typeof obligationActionSchema>;

export const obligationRefSchema = z.object({ caseId: id("case"), obligationId: id("agreed action") });

const note = (missing: string) => requiredText(OBLIGATION_LIMITS.note, missing, tooLong("The note", OBLIGATION_LIMITS.note));
const evidence = optionalText(OBLIGATION_LIMITS.evidence, tooLong("The evidence", OBLIGATION_LIMITS.evidence));
/** The family sees a note only when this is "yes" (decision 0018); unticked checkbox: "". */
const shareWithFamily = yesNo("Say whether the family may see this note.", true);

export const recordProgressSchema = obligationRefSchema.extend({
  note: note("Enter what has happened so far"),
  evidence,
  shareWithFamily,
});

export function markDoneSchema(today: string) {
  return obligationRefSchema.extend({
    completedOn: optionalPastDate("The date it was done", today).refine((v) => v !== "", { message: "Enter the date it was done" }),
    note: note("Enter how it was done and how that was checked"),
    evidence,
    shareWithFamily,
  });
}

export const closeObligationSchema = obligationRefSchema.extend({
  // Shared with the family: they signed the agreement this action came from (decision 0018).
  reason: requiredText(OBLIGATION_LIMITS.closedReason, "Enter why this action is being closed without being done", tooLong("The reason", OBLIGATION_LIMITS.closedReason)),
});

/** The order of each form's fields, for its error summary. */
export const PROGRESS_FIELDS = ["note", "evidence", "shareWithFamily"] as const;
export const DONE_FIELDS = ["completedOn", "note", "evidence", "shareWithFamily"] as const;
