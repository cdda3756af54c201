/**
 * Where a deadline stands. Open: overdue, will be missed (the meeting is booked after the day the
 * mediation must take place by), due soon (within DUE_SOON_WORKING_DAYS working days) or on track —
 * one answer, whether worked out per deadline (the case page) or as date boundaries for SQL (the
 * case list). Closed: met, missed (with how late), no longer applies, or replaced. Pure; working
 * days come from the date engine.
 */
import { addWorkingDays, todayInLondon, workingDaysUntil } from "@/lib/deadlines";
import { MEDIATION_CLOCKS, type DeadlineName } from "../lifecycle/vocabulary";
import { DEADLINES } from "./definitions";

export const DUE_SOON_WORKING_DAYS = 5;
export const DEADLINE_STATES = ["OVERDUE", "WILL_BE_MISSED", "DUE_SOON", "ON_TRACK"] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];
export const DEADLINE_STATE_LABELS: Record<DeadlineState, string> = { OVERDUE: "Overdue", WILL_BE_MISSED: "Will be missed", DUE_SOON: "Due soon", ON_TRACK: "On track" };

/**
 * The deadlines a booked meeting date can miss: mediation must take place by the due date of the
 * LA's 30-day clock or, for health only, the ICB's.
 */
export const MEETING_DEADLINES: readonly DeadlineName[] = MEDIATION_CLOCKS;

/**
 * the meeting is booked for a day after the one the mediation must take place by, so the
 * deadline will be missed (R-23 still lets the family mediate later).
 */
export function willBeMissed(name: string, dueOn: string, meetingOn: string | null | undefined): boolean {
  return (MEETING_DEADLINES as readonly string[]).includes(name) && !!meetingOn && meetingOn > dueOn;
}

/** What else decides an open deadline's state: which deadline it is and the booked meeting date. */
export type DeadlineContext = { name?: string | null; meetingOn?: string | null };

/**
 * An open deadline's state on `today`. Overdue wins (the date has passed: it is missed already);
 * then "will be missed" (R-20: the meeting is booked after the due date); then due soon / on track.
 */
export function deadlineState(dueOn: string, today = todayInLondon(), context: DeadlineContext = {}): DeadlineState {
  if (dueOn < today) return "OVERDUE";
  if (willBeMissed(context.name ?? "", dueOn, context.meetingOn)) return "WILL_BE_MISSED";
  return workingDaysUntil(today, dueOn) <= DUE_SOON_WORKING_DAYS ? "DUE_SOON" : "ON_TRACK";
}

export type DeadlineThresholds = {
  /** Due before this date: overdue. */
  today: string;
  /** Due on or after `today` and before this date: due soon; on or after it: on track. */
  onTrackFrom: string;
};

/**
 * The date boundaries of the deadline states for `today`.
 *
 * `deadlineState` calls a deadline "due soon" when at most DUE_SOON_WORKING_DAYS working days lie
 * in (today, dueOn]. That holds exactly when dueOn is before the (DUE_SOON_WORKING_DAYS + 1)-th
 * working day after today, so a deadline on the weekend or bank holiday after the 5th working day
 * is still "due soon" — the same answer as the tag on the row. (Comparing with
 * `<= addWorkingDays(today, 5)` would disagree on those days.)
 */
export function deadlineThresholds(today: string): DeadlineThresholds {
  return { today, onTrackFrom: addWorkingDays(today, DUE_SOON_WORKING_DAYS + 1) };
}

/** Same answer as `deadlineState(dueOn, today, context)`, without counting working days per row. */
export function deadlineStateFrom(dueOn: string, t: DeadlineThresholds, context: DeadlineContext = {}): DeadlineState {
  if (dueOn < t.today) return "OVERDUE";
  if (willBeMissed(context.name ?? "", dueOn, context.meetingOn)) return "WILL_BE_MISSED";
  return dueOn < t.onTrackFrom ? "DUE_SOON" : "ON_TRACK";
}

// ---------------------------------------------------------------------------------------------
// Closed deadlines
// ---------------------------------------------------------------------------------------------

/**
 * How a deadline closed: MET (done by the due date), MISSED (done after it, never MET), CANCELLED
 * (it no longer applies) or REPLACED (a corrected trigger date opened a new one, R-20).
 */
export const DEADLINE_OUTCOMES = ["MET", "MISSED", "CANCELLED", "REPLACED"] as const;
export type DeadlineOutcome = (typeof DEADLINE_OUTCOMES)[number];
const OUTCOME_LABELS: Record<DeadlineOutcome, string> = { MET: "Met", MISSED: "Missed", CANCELLED: "No longer applies", REPLACED: "Replaced by a corrected date" };

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** "Met", "Missed by 2 working days", "Missed by 3 calendar days" (the unit its rule counts), … */
export function closedOutcomeText(name: DeadlineName, outcome: string | null, daysLate: number | null): string {
  if (outcome === "MISSED") {
    if (daysLate === null) return OUTCOME_LABELS.MISSED;
    return `Missed by ${plural(daysLate, DEADLINES[name].counts === "WORKING_DAYS" ? "working day" : "calendar day")}`;
  }
  return (OUTCOME_LABELS as Record<string, string>)[outcome ?? "MET"] ?? "Closed";
}
