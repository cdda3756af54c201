/**
 * The `meeting-reminder` job: reminds everyone of a joint meeting two working days before it
 * (./reminder-schedule.ts). Its effect — the emails (outbox rows with their delivery jobs), a
 * staff timeline entry and the audit row — is written in one transaction with the effect key
 * `reminder:<meetingId>:TWO_WORKING_DAYS:<sequence>` (lib/platform/jobs/effects.ts): a second
 * delivery of the job sends nothing, and a job for a meeting since moved (its sequence raised),
 * cancelled or held does nothing.
 *
 * The emails say only what the invitation said: when, where, how to reach it, how to ask for
 * adjustments — never anything from notes.
 */
import "server-only";
import { z } from "zod";
import { transaction, type Tx } from "@/lib/platform/db";
import { writeAudit } from "@/lib/platform/audit";
import { claimEffect } from "@/lib/platform/jobs/effects";
import { queueEmail } from "@/lib/platform/outbox/queue-email";
import { formatLongDate, todayInLondon } from "@/lib/deadlines";
import { recordEvent } from "@/lib/cases/timeline";
import { hhmm, londonWallClock } from "../london-time";
import { meetingReminderRecipients, type ReminderRecipient } from "./meeting-reminder-recipients";
import { reminderDue, reminderKey } from "./reminder-schedule";

export const meetingReminderJobSchema = z.object({ meetingId: z.string().min(1).max(100), sequence: z.number().int().min(0) });
export type MeetingReminderJob = z.infer<typeof meetingReminderJobSchema>;

/** The kinds of meeting that are "the joint meeting" of a case (a DRS case's meeting included). */
export const JOINT_KINDS = ["JOINT_MEETING", "DRS_MEETING"] as const;

export type ReminderOutcome = { status: "SENT"; recipients: number } | { status: "ALREADY_SENT" | "STALE" | "NOT_DUE" };

export async function sendMeetingReminder(data: unknown, now: Date = new Date()): Promise<ReminderOutcome> {
  const job = meetingReminderJobSchema.parse(data);
  return transaction(async (tx): Promise<ReminderOutcome> => {
    const m = await findMeeting(tx, job.meetingId);
    // Moved since the job was queued (a new sequence has its own), cancelled, held, or gone.
    if (!m || m.status !== "SCHEDULED" || m.sequence !== job.sequence || !(JOINT_KINDS as readonly string[]).includes(m.kind)) return { status: "STALE" };
    const at = londonWallClock(m.startsAt);
    if (m.startsAt <= now || !reminderDue(todayInLondon(now), at.date)) return { status: "NOT_DUE" };
    if (!(await claimEffect(tx, reminderKey(m.id, m.sequence), "meeting-reminder"))) return { status: "ALREADY_SENT" };

    const recipients = await meetingReminderRecipients(tx, m.id);
    for (const r of recipients) await queueEmail(tx, meetingReminderEmail(m, r));
    await recordEvent(tx, {
      caseId: m.caseId,
      actorId: null,
      type: "MEETING_REMINDER_SENT",
      summary: `Reminder of the meeting on ${formatLongDate(at.date)} sent to ${recipients.length} ${recipients.length === 1 ? "person" : "people"}`,
      data: { meetingId: m.id, sequence: m.sequence, recipients: recipients.length },
    });
    await writeAudit(tx, {
      actor: null,
      action: "meeting.reminder_sent",
      entityType: "Meeting",
      entityId: m.id,
      caseId: m.caseId,
      after: { sequence: m.sequence, startsAt: m.startsAt.toISOString(), recipients: recipients.length },
    });
    return { status: "SENT", recipients: recipients.length };
  });
}

const MEETING_SELECT = {
  id: true,
  caseId: true,
  kind: true,
  status: true,
  sequence: true,
  mode: true,
  startsAt: true,
  endsAt: true,
  videoLink: true,
  venue: { select: { name: true, address: true, stepFreeAccess: true, hearingLoop: true, parking: true } },
  case: { select: { reference: true } },
} as const;

type ReminderMeeting = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;
function findMeeting(tx: Tx, id: string) {
  return tx.meeting.findUnique({ where: { id }, select: MEETING_SELECT });
}

/** The reminder for one person: plain English, the place's access details, how to ask for adjustments. */
export function meetingReminderEmail(m: ReminderMeeting, r: ReminderRecipient) {
  const start = londonWallClock(m.startsAt);
  const end = londonWallClock(m.endsAt);
  const where =
    m.mode === "VENUE" && m.venue
      ? [
          `Where: ${m.venue.name}, ${m.venue.address}`,
          `Step-free access: ${m.venue.stepFreeAccess ? "yes" : "no"}. Hearing loop: ${m.venue.hearingLoop ? "yes" : "no"}. Parking: ${m.venue.parking ? "yes" : "no"}.`,
        ]
      : m.mode === "VIDEO"
        ? [`Where: by video call. Join with this link: ${m.videoLink ?? "the mediator will send it"}`]
        : m.mode === "PHONE"
          ? ["Where: by phone. The mediator will phone you at the start time."]
          : ["Where: the mediator will come to you."];
  return {
    to: r.email,
    caseId: m.caseId,
    subject: `Reminder: mediation meeting on ${formatLongDate(start.date)} (reference ${m.case.reference})`,
    body: [
      `Hello ${r.name},`,
      "",
      r.role === "MEDIATOR" ? "This is a reminder of the joint meeting you are mediating." : "This is a reminder of the mediation meeting you are invited to.",
      "",
      `When: ${formatLongDate(start.date)}, ${hhmm(start.minutes)} to ${hhmm(end.minutes)} (UK time)`,
      ...where,
      `Case reference: ${m.case.reference}`,
      "",
      "If you need an interpreter or any other adjustment, or you cannot come, contact the mediation service as soon as possible and quote the case reference.",
    ].join("\n"),
  };
}
