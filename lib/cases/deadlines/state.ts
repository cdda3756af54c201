/**
 * Where an open deadline stands today: overdue, due soon (within DUE_SOON_WORKING_DAYS working
 * days) or on track. One answer, whether worked out per deadline (the case page) or as date
 * boundaries for SQL (the case list). Pure; working days come from the date engine.
 */
import { addWorkingDays, todayInLondon, workingDaysUntil } from "@/lib/deadlines";

export const DUE_SOON_WORKING_DAYS = 5;
export const DEADLINE_STATES = ["OVERDUE", "DUE_SOON", "ON_TRACK"] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];
export const DEADLINE_STATE_LABELS: Record<DeadlineState, string> = { OVERDUE: "Overdue", DUE_SOON: "Due soon", ON_TRACK: "On track" };

export function deadlineState(dueOn: string, today = todayInLondon()): DeadlineState {
  if (dueOn < today) return "OVERDUE";
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

/** Same answer as `deadlineState(dueOn, today)`, without counting working days per row. */
export function deadlineStateFrom(dueOn: string, t: DeadlineThresholds): DeadlineState {
  if (dueOn < t.today) return "OVERDUE";
  return dueOn < t.onTrackFrom ? "DUE_SOON" : "ON_TRACK";
}
