/**
 * whether a case shows "Mediation could not take place within 30 days", and why — the
 * meeting is booked after the day it had to take place by, that day has passed with no meeting
 * held, or it was recorded that mediation cannot be arranged in time — with where the "could not
 * be arranged" certificate stands (due, issued, or for staff: still to be recorded). Shown until
 * the meeting is held (the 30-day deadline's own row then says how late it was). Pure.
 */
import { formatLongDate } from "@/lib/deadlines/calendar";
import { MEDIATION_CLOCKS, PRE_MEETING, type CaseKind, type CaseStatus } from "../lifecycle/vocabulary";

export type NotWithin30DaysInput = {
  kind: CaseKind;
  status: CaseStatus;
  today: string;
  meetingOn: string | null;
  /** Every deadline row of the case (open and closed). */
  deadlines: readonly { name: string; triggerOn: string; dueOn: string; closedOn: string | null; outcome: string | null }[];
  /** Staff (the full view) are told what to do next; others are told what happens. */
  staff: boolean;
};

/** The sentences to show, the first being the headline; null when the case is not (yet) late. */
export function notWithin30Days(c: NotWithin30DaysInput): string[] | null {
  if (c.kind !== "MEDIATION" || !PRE_MEETING.includes(c.status)) return null;
  const clock = c.deadlines.find((d) => (MEDIATION_CLOCKS as readonly string[]).includes(d.name) && d.closedOn === null);
  const certificates = c.deadlines.filter((d) => d.name === "CERTIFICATE_NOT_ARRANGED" && d.outcome !== "REPLACED" && d.outcome !== "CANCELLED");
  const due = certificates.find((d) => d.closedOn === null);
  const issued = certificates.filter((d) => d.closedOn !== null).sort((a, b) => (a.closedOn! < b.closedOn! ? 1 : -1))[0];

  let why: string | null = null;
  if (clock && c.meetingOn && c.meetingOn > clock.dueOn) {
    why = `The meeting is booked for ${formatLongDate(c.meetingOn)}, after ${formatLongDate(clock.dueOn)}, the day it had to take place by (R-20).`;
  } else if (clock && clock.dueOn < c.today) {
    why = `${formatLongDate(clock.dueOn)}, the day it had to take place by, has passed and the meeting has not been held (R-20).`;
  } else if (due ?? issued) {
    why = `On ${formatLongDate((due ?? issued)!.triggerOn)} it was recorded that mediation cannot be arranged within 30 days (R-23).`;
  }
  if (!why) return null;

  const lines = ["Mediation could not take place within 30 days.", why];
  if (due) lines.push(`A “could not be arranged” certificate is due by ${formatLongDate(due.dueOn)} (R-23).`);
  else if (issued) lines.push(`The “could not be arranged” certificate was issued on ${formatLongDate(issued.closedOn!)} (R-23).`);
  else if (c.staff) lines.push("Record that mediation cannot be arranged within 30 days: a “could not be arranged” certificate is then due within 3 working days (R-23).");
  lines.push("The family can still take part in mediation.");
  return lines;
}
