/**
 * Agreed actions tracked to done (issue 11): the vocabulary, the limits and the overdue rule. Pure
 * and client-safe (no Prisma): the pages, the commands and the daily job share it.
 * Rules: R-40 (who is responsible, by when, how it is checked), R-41/R-42 (the due dates, computed by
 * lib/deadlines from the agreement date), R-44 (a due date the parties agreed in writing), R-63
 * (dates are calendar dates in Europe/London), R-72 (a DRS outcome statement's agreed actions).
 */
import { formatLongDate } from "@/lib/deadlines/calendar";

export const OBLIGATION_RESPONSIBLE = ["LA", "ICB", "SCHOOL", "FAMILY", "OTHER"] as const;
export type ObligationResponsible = (typeof OBLIGATION_RESPONSIBLE)[number];

export const OBLIGATION_STATUSES = ["OPEN", "DONE", "CLOSED_WITH_REASON"] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

export const RESPONSIBLE_LABELS: Record<ObligationResponsible, string> = {
  LA: "Local authority",
  ICB: "Integrated care board",
  SCHOOL: "School or college",
  FAMILY: "Family",
  OTHER: "Someone else",
};

export const OBLIGATION_STATUS_LABELS: Record<ObligationStatus, string> = {
  OPEN: "Not done yet",
  DONE: "Done",
  CLOSED_WITH_REASON: "Closed without being done",
};

export const UPDATE_KIND_LABELS = { PROGRESS: "Progress", DONE: "Done", CLOSED: "Closed" } as const;

/** Longest value of each field (characters, after trimming). */
export const OBLIGATION_LIMITS = {
  what: 2000,
  howChecked: 1000,
  note: 5000,
  evidence: 2000,
  closedReason: 2000,
} as const;

/** The LA officer's list of open agreed actions: rows per page. */
export const OBLIGATIONS_PER_PAGE = 25;

/**
 * Overdue: still open after its due date. The due date itself is the last day to do it (R-41,
 * R-42 count "within" from the agreement date), so an action due today is not overdue yet. `today`
 * is the date in Europe/London (R-63: todayInLondon).
 */
export function isOverdue(o: { status: ObligationStatus; dueOn: string }, today: string): boolean {
  return o.status === "OPEN" && o.dueOn < today;
}

/** The daily job's effect key: one alert per overdue obligation, ever (lib/platform/jobs/effects.ts). */
export function overdueAlertKey(obligationId: string): string {
  return `obligation-overdue:${obligationId}`;
}

/** What the case page and the family's page say about an action's status. */
export function obligationStatusText(o: { status: ObligationStatus; dueOn: string; completedOn: string | null }, today: string): string {
  if (o.status === "DONE") return o.completedOn ? `Done on ${formatLongDate(o.completedOn)}` : "Done";
  if (o.status === "CLOSED_WITH_REASON") return "Closed without being done";
  return isOverdue(o, today) ? `Overdue: it was due by ${formatLongDate(o.dueOn)}` : `Due by ${formatLongDate(o.dueOn)}`;
}

/** The close transition's refusal while agreed actions are open (lib/cases/lifecycle/plan.ts). */
export function openObligationsMessage(open: number): string {
  const what = open === 1 ? "1 agreed action is" : `${open} agreed actions are`;
  return `${what} still open. Record each one as done, or close it with a reason, before closing the case (R-40).`;
}
