/**
 * The `case-clock-alert` job: tells the case's mediator and caseworker (./clock-alert-recipients.ts)
 * that the mediation must take place within CLOCK_ALERT_WORKING_DAYS working days (R-20, or the
 * ICB's clock for health only, R-21) and no joint meeting is booked. Checked again when the job
 * runs (the meeting may have been booked, the case closed, the clock stopped since the scan). The
 * emails, a staff timeline entry and the audit row are written in one transaction with the effect
 * key `clock-alert:<caseId>:<clock>:<last day>`: once per case per clock, however often delivered.
 */
import "server-only";
import { z } from "zod";
import { transaction, type Tx } from "@/lib/platform/db";
import { writeAudit } from "@/lib/platform/audit";
import { claimEffect } from "@/lib/platform/jobs/effects";
import { queueEmail } from "@/lib/platform/outbox/queue-email";
import { publicOrigin } from "@/lib/platform/public-origin";
import { formatLongDate, isoFromDbDate, todayInLondon, workingDaysUntil } from "@/lib/deadlines";
import { MEDIATION_CLOCKS, OPEN_STATUSES } from "../lifecycle";
import { DEADLINES } from "../deadlines/definitions";
import { recordEvent } from "../timeline";
import { clockAlertRecipients, type AlertRecipient } from "./clock-alert-recipients";
import { clockAlertDue, clockAlertKey } from "./clock-alert-schedule";

export const clockAlertJobSchema = z.object({ caseId: z.string().min(1).max(100), deadlineId: z.string().min(1).max(100) });

export type ClockAlertOutcome = { status: "SENT"; recipients: number } | { status: "ALREADY_SENT" | "NOT_NEEDED" };

/** A joint meeting is booked: a scheduled joint (or DRS) meeting, or a meeting date recorded on the case. */
export async function hasJointMeetingBooked(tx: Pick<Tx, "meeting">, c: { id: string; meetingOn: Date | null }): Promise<boolean> {
  if (c.meetingOn) return true;
  return (await tx.meeting.count({ where: { caseId: c.id, status: "SCHEDULED", kind: { in: ["JOINT_MEETING", "DRS_MEETING"] } } })) > 0;
}

export async function sendClockAlert(data: unknown, now: Date = new Date()): Promise<ClockAlertOutcome> {
  const job = clockAlertJobSchema.parse(data);
  const today = todayInLondon(now);
  return transaction(async (tx): Promise<ClockAlertOutcome> => {
    const d = await tx.caseDeadline.findFirst({
      where: { id: job.deadlineId, caseId: job.caseId, closedOn: null, name: { in: [...MEDIATION_CLOCKS] }, case: { status: { in: [...OPEN_STATUSES] } } },
      select: { name: true, rule: true, dueOn: true, case: { select: { id: true, reference: true, meetingOn: true } } },
    });
    if (!d) return { status: "NOT_NEEDED" };
    const lastDay = isoFromDbDate(d.dueOn);
    if (!clockAlertDue(today, lastDay) || (await hasJointMeetingBooked(tx, d.case))) return { status: "NOT_NEEDED" };
    if (!(await claimEffect(tx, clockAlertKey(d.case.id, d.name, lastDay), "case-clock-alert"))) return { status: "ALREADY_SENT" };

    const left = workingDaysUntil(today, lastDay);
    const recipients = await clockAlertRecipients(tx, d.case.id);
    for (const r of recipients) await queueEmail(tx, clockAlertEmail({ caseId: d.case.id, reference: d.case.reference, lastDay, left, rule: d.rule }, r));
    await recordEvent(tx, {
      caseId: d.case.id,
      actorId: null,
      type: "CLOCK_ALERT_SENT",
      summary: `No joint meeting booked with ${workingDaysText(left)} left to ${formatLongDate(lastDay)}: the mediator and caseworkers were told`,
      rule: d.rule,
      data: { clock: d.name, lastDay, workingDaysLeft: left, recipients: recipients.length },
    });
    await writeAudit(tx, {
      actor: null,
      action: "case.clock_alert_sent",
      entityType: "Case",
      entityId: d.case.id,
      caseId: d.case.id,
      after: { clock: d.name, lastDay, workingDaysLeft: left, recipients: recipients.length },
    });
    return { status: "SENT", recipients: recipients.length };
  });
}

function workingDaysText(n: number): string {
  return n === 0 ? "no working days" : n === 1 ? "1 working day" : `${n} working days`;
}

export function clockAlertEmail(c: { caseId: string; reference: string; lastDay: string; left: number; rule: string }, r: AlertRecipient) {
  const clock = c.rule === DEADLINES.ICB_MEDIATION_30_DAY.rule ? "the integrated care board's 30 days" : "the 30 days";
  return {
    to: r.email,
    caseId: c.caseId,
    subject: `No meeting booked: case ${c.reference} must be mediated by ${formatLongDate(c.lastDay)}`,
    body: [
      `Hello ${r.name},`,
      "",
      `The mediation for case ${c.reference} must take place by ${formatLongDate(c.lastDay)}, the end of ${clock} (${c.rule}). That is ${workingDaysText(c.left)} from today, and no joint meeting is booked.`,
      "",
      "Book the joint meeting now. The family must have 5 working days' notice unless they agree to less (R-22). If it cannot take place in time, record that on the case so the certificate can be issued (R-23).",
      "",
      `Open the case: ${publicOrigin()}/cases/${c.caseId}`,
    ].join("\n"),
  };
}
