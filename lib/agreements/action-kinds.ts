/**
 * The kinds of agreed action and their due dates. Pure, but the dates need
 * the bank-holiday calendar: client components import the lists and labels from ./action-kind-labels.
 *
 * Every kind of lib/deadlines `agreementActionDueDate` (weeks from the agreement date), plus
 * R-41's "continue to maintain, or cease, a plan — immediately" (due on the agreement date itself)
 * and OTHER: something agreed that no regulation times (a school's or the family's action, say),
 * due on the date the parties wrote into the agreement. R-44: any computed date can be replaced
 * only by recording the parties' written agreement to another timescale — who agreed and when.
 */
import { AGREED_ACTION_KINDS, type AgreedActionKind } from "./action-kind-labels";
import {
  agreementActionDueDate,
  explainAgreementActionDueDate,
  formatLongDate,
  isAgreementActionKind,
  type AgreementActionKind,
} from "@/lib/deadlines";

/** "continue to maintain, or cease, a plan" must be done immediately: due on the agreement date. */
export const MAINTAIN_OR_CEASE_WEEKS = 0;

export { AGREED_ACTION_KINDS, AGREED_ACTION_KIND_LABELS, RESPONSIBLE_LABELS, RESPONSIBLE_PARTIES, type AgreedActionKind, type ResponsibleParty } from "./action-kind-labels";

export function isAgreedActionKind(value: unknown): value is AgreedActionKind {
  return typeof value === "string" && (AGREED_ACTION_KINDS as readonly string[]).includes(value);
}

/** True for the kinds whose date the regulations set (everything but OTHER). */
export function hasComputedDueDate(kind: AgreedActionKind): kind is Exclude<AgreedActionKind, "OTHER"> {
  return kind !== "OTHER";
}

export type DueDate = { date: string; text: string; rule: string };

/**
 * The due date of an action from the agreement date, with the sentence and rule
 * shown beside it. OTHER takes the date the parties wrote into the agreement (`agreedDate`).
 */
export function actionDueDate(agreedOn: string, kind: AgreedActionKind, agreedDate?: string | null): DueDate {
  if (kind === "MAINTAIN_OR_CEASE") {
    return {
      date: agreedOn,
      text: `${formatLongDate(agreedOn)}: the local authority must continue to maintain, or cease, the plan immediately after the agreement on ${formatLongDate(agreedOn)}.`,
      rule: "R-41",
    };
  }
  if (kind === "OTHER") {
    if (!agreedDate) throw new RangeError("An action of kind OTHER needs the date the parties agreed.");
    return { date: agreedDate, text: `${formatLongDate(agreedDate)}: the date the parties set in this agreement.`, rule: "R-40" };
  }
  if (!isAgreementActionKind(kind)) throw new RangeError(`Unknown kind of agreed action: ${String(kind)}`);
  const k: AgreementActionKind = kind;
  const e = explainAgreementActionDueDate(agreedOn, k);
  return { date: agreementActionDueDate(agreedOn, k), text: e.text, rule: e.rule };
}

/** R-44: a changed due date, only with the parties' written agreement recorded. */
export type DueDateOverride = { dueOn: string; agreedBy: string; agreedOn: string };

export type OverrideProblem = { field: "overrideDueOn" | "overrideAgreedBy" | "overrideAgreedOn"; message: string };

/**
 * an override is all three answers or none — a new date without who agreed to it in writing
 * and when is refused (so is "who" or "when" without a date). The agreement to it cannot postdate
 * today, nor come before the meeting's own agreement date.
 */
export function checkOverride(o: { dueOn: string; agreedBy: string; agreedOn: string }, agreementOn: string, today: string): OverrideProblem[] {
  const given = [o.dueOn, o.agreedBy.trim(), o.agreedOn].filter((v) => v !== "").length;
  if (given === 0) return [];
  const problems: OverrideProblem[] = [];
  if (!o.dueOn) problems.push({ field: "overrideDueOn", message: "Enter the new due date the parties agreed in writing, or remove the other answers about a different date" });
  if (!o.agreedBy.trim()) problems.push({ field: "overrideAgreedBy", message: "Enter who agreed the different date in writing (R-44): a due date can only change with the parties' written agreement" });
  if (!o.agreedOn) problems.push({ field: "overrideAgreedOn", message: "Enter the date the parties agreed the different date in writing" });
  else if (o.agreedOn > today) problems.push({ field: "overrideAgreedOn", message: "The date they agreed in writing must be today or in the past" });
  else if (o.agreedOn < agreementOn) problems.push({ field: "overrideAgreedOn", message: "The date they agreed in writing cannot be before the agreement date" });
  return problems;
}

/** The date an action is due: the recorded written agreement's date, else the computed one. */
export function effectiveDueOn(a: { dueOn: string; overrideDueOn: string | null }): string {
  return a.overrideDueOn ?? a.dueOn;
}
