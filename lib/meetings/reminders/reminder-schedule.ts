/**
 * When the reminder of a joint meeting goes: two working days before the meeting's day (R-60
 * working days, Europe/London dates, R-63) — e.g. on Thursday for a Monday meeting, and on
 * Wednesday 1 April 2026 for a meeting on Tuesday 7 April 2026 (Good Friday and Easter Monday are
 * not working days). If that day was missed (the meeting was booked later, or the worker was
 * down) it goes on the next scan, as long as the meeting is still ahead. A provider's choice, not a
 * statutory rule. Pure.
 */
import { compareIsoDates, workingDaysUntil } from "@/lib/deadlines";

export const MEETING_REMINDER_WORKING_DAYS = 2;

/** The one kind of reminder today; part of the effect key so another kind can follow. */
export const MEETING_REMINDER_KIND = "TWO_WORKING_DAYS";

/** Whether the reminder is due on `today` for a meeting on `meetingDate` (both ISO dates in London). */
export function reminderDue(today: string, meetingDate: string): boolean {
  return compareIsoDates(today, meetingDate) < 0 && workingDaysUntil(today, meetingDate) <= MEETING_REMINDER_WORKING_DAYS;
}

/**
 * The effect key: one reminder per meeting per version of it. Moving a meeting raises its
 * `sequence` (the .ics SEQUENCE), so the moved meeting gets its own reminder, and a job queued for
 * the old time finds the sequence changed and does nothing.
 */
export function reminderKey(meetingId: string, sequence: number): string {
  return `reminder:${meetingId}:${MEETING_REMINDER_KIND}:${sequence}`;
}
