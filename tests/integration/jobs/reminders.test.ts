/**
 * Meeting reminders two working days before the joint meeting: who gets them and what they say,
 * once per meeting version however often the job is delivered, a new one for a moved meeting and
 * none for the old time, and the daily scan that queues them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { enqueue } from "@/lib/platform/jobs/boss";
import { JOB_HANDLERS } from "@/lib/platform/jobs/handlers";
import { addWorkingDays, formatLongDate, todayInLondon } from "@/lib/deadlines";
import { londonInstant } from "@/lib/meetings/london-time";
import { meetingReminderRecipients } from "@/lib/meetings/reminders/meeting-reminder-recipients";
import { reminderKey } from "@/lib/meetings/reminders/reminder-schedule";
import { scanMeetingReminders } from "@/lib/meetings/reminders/scan-meeting-reminders";
import { sendMeetingReminder } from "@/lib/meetings/reminders/send-meeting-reminder";
import { transaction } from "@/lib/platform/db";
import { startCaptureSmtp } from "../smtp";
import { mediator, setUpCaseFixtures } from "../cases/fixtures";
import { meetingWithReminderDue } from "./fixtures";
import { jobsWith, stopWorkersAfterEach, testWorker, waitFor } from "./helpers";

setUpCaseFixtures();
stopWorkersAfterEach();

let smtp: Awaited<ReturnType<typeof startCaptureSmtp>>;
const savedSmtp = process.env.SMTP_URL;
beforeAll(async () => {
  smtp = await startCaptureSmtp();
  process.env.SMTP_URL = smtp.url;
});
afterAll(async () => {
  process.env.SMTP_URL = savedSmtp;
  await smtp.close();
});

const outboxOf = (caseId: string) => db().outboxEmail.findMany({ where: { caseId }, orderBy: { to: "asc" } });

describe("the meeting reminder", () => {
  it("goes to every party with an email address and the mediator, saying when, where and how to ask for adjustments — and nothing private", async () => {
    const f = await meetingWithReminderDue();
    await db().case.update({ where: { id: f.caseId }, data: { staffNotes: "PRIVATE-NOTE-7731 family in crisis" } });
    expect(await sendMeetingReminder({ meetingId: f.meeting.id, sequence: 0 })).toEqual({ status: "SENT", recipients: 3 });

    const rows = await outboxOf(f.caseId);
    expect(rows.map((r) => r.to).sort()).toEqual([...f.recipients].sort());
    for (const r of rows) {
      expect(r.status).toBe("PENDING");
      expect(r.subject).toBe(`Reminder: mediation meeting on ${formatLongDate(f.date)} (reference ${f.reference})`);
      expect(r.body).toContain(`When: ${formatLongDate(f.date)}, 10:00 to 12:30 (UK time)`);
      expect(r.body).toContain(`Where: ${f.venue.name}, 1 River Road, Townley`);
      expect(r.body).toContain("Step-free access: yes. Hearing loop: yes. Parking: no.");
      expect(r.body).toContain("interpreter or any other adjustment");
      expect(r.body).not.toContain("PRIVATE-NOTE-7731");
      expect(await jobsWith("email-delivery", "outboxId", r.id)).toHaveLength(1);
    }
    expect(rows.find((r) => r.to === f.recipients[0])!.body).toMatch(/^Hello Łucja Parent,/);
    // Staff see it on the timeline; it is audited as the job's doing (no person).
    const event = await db().caseEvent.findFirstOrThrow({ where: { caseId: f.caseId, type: "MEETING_REMINDER_SENT" } });
    expect(event).toMatchObject({ visibility: "STAFF", actorId: null, summary: `Reminder of the meeting on ${formatLongDate(f.date)} sent to 3 people` });
    expect(await db().auditEvent.count({ where: { caseId: f.caseId, action: "meeting.reminder_sent", actorId: null } })).toBe(1);
  });

  it("delivered twice, sends once: the second delivery finds the reminder done", async () => {
    const f = await meetingWithReminderDue();
    expect((await sendMeetingReminder({ meetingId: f.meeting.id, sequence: 0 })).status).toBe("SENT");
    expect(await sendMeetingReminder({ meetingId: f.meeting.id, sequence: 0 })).toEqual({ status: "ALREADY_SENT" });
    expect(await outboxOf(f.caseId)).toHaveLength(3);
    expect(await db().caseEvent.count({ where: { caseId: f.caseId, type: "MEETING_REMINDER_SENT" } })).toBe(1);
  });

  it("the same reminder job queued twice and run by the worker: each person receives one email", async () => {
    const f = await meetingWithReminderDue({ mode: "VIDEO" });
    const data = { meetingId: f.meeting.id, sequence: 0 };
    await enqueue(db(), "meeting-reminder", data);
    await enqueue(db(), "meeting-reminder", data);
    await testWorker({ "meeting-reminder": JOB_HANDLERS["meeting-reminder"], "email-delivery": JOB_HANDLERS["email-delivery"] });
    await waitFor("both jobs to finish", async () => (await jobsWith("meeting-reminder", "meetingId", f.meeting.id)).every((j) => j.state === "completed"));
    const mine = () => smtp.received.filter((m) => m.raw.includes(f.reference));
    await waitFor("the reminders to arrive", async () => mine().length === 3);
    await new Promise((r) => setTimeout(r, 1500)); // and no more
    expect(mine().map((m) => m.to).sort()).toEqual([...f.recipients].sort());
    expect(mine()[0]!.raw).toContain("https://video.example/room-1");
  });

  it("a moved meeting gets its own reminder; the job for the old time does nothing", async () => {
    const f = await meetingWithReminderDue();
    expect((await sendMeetingReminder({ meetingId: f.meeting.id, sequence: 0 })).status).toBe("SENT");
    // Moved to an hour later the same day: the sequence goes up (as booking does).
    const startsAt = londonInstant(f.date, 11 * 60);
    await db().meeting.update({ where: { id: f.meeting.id }, data: { sequence: 1, startsAt, endsAt: new Date(startsAt.getTime() + 120 * 60_000) } });
    expect(await sendMeetingReminder({ meetingId: f.meeting.id, sequence: 0 })).toEqual({ status: "STALE" });
    expect(await sendMeetingReminder({ meetingId: f.meeting.id, sequence: 1 })).toEqual({ status: "SENT", recipients: 3 });
    expect(await db().jobEffect.count({ where: { key: { in: [reminderKey(f.meeting.id, 0), reminderKey(f.meeting.id, 1)] } } })).toBe(2);
    const rows = await outboxOf(f.caseId);
    expect(rows).toHaveLength(6);
    expect(rows.filter((r) => r.body.includes("11:00 to 13:00"))).toHaveLength(3);
  });

  it("a cancelled meeting, or one not yet two working days away, is not reminded", async () => {
    const cancelled = await meetingWithReminderDue();
    await db().meeting.update({ where: { id: cancelled.meeting.id }, data: { status: "CANCELLED" } });
    expect(await sendMeetingReminder({ meetingId: cancelled.meeting.id, sequence: 0 })).toEqual({ status: "STALE" });

    const later = await meetingWithReminderDue();
    const date = addWorkingDays(todayInLondon(), 3);
    await db().meeting.update({ where: { id: later.meeting.id }, data: { startsAt: londonInstant(date, 600), endsAt: londonInstant(date, 750) } });
    expect(await sendMeetingReminder({ meetingId: later.meeting.id, sequence: 0 })).toEqual({ status: "NOT_DUE" });
    expect(await outboxOf(cancelled.caseId)).toEqual([]);
    expect(await outboxOf(later.caseId)).toEqual([]);
  });
});

describe("the daily reminder scan", () => {
  it("queues the reminders due today, once: not for meetings further away, nor those already reminded", async () => {
    const due = await meetingWithReminderDue();
    const later = await meetingWithReminderDue();
    const date = addWorkingDays(todayInLondon(), 3);
    await db().meeting.update({ where: { id: later.meeting.id }, data: { startsAt: londonInstant(date, 600), endsAt: londonInstant(date, 750) } });

    await scanMeetingReminders();
    expect(await jobsWith("meeting-reminder", "meetingId", due.meeting.id)).toHaveLength(1);
    expect(await jobsWith("meeting-reminder", "meetingId", later.meeting.id)).toEqual([]);

    await sendMeetingReminder({ meetingId: due.meeting.id, sequence: 0 });
    await scanMeetingReminders();
    expect(await jobsWith("meeting-reminder", "meetingId", due.meeting.id)).toHaveLength(1);
  });
});

describe("meetingReminderRecipients", () => {
  it("reminds the meeting's attendees who have not declined, then the mediator; not a party taken off the list", async () => {
    const f = await meetingWithReminderDue();
    const parties = await db().party.findMany({ where: { caseId: f.caseId }, orderBy: { createdAt: "asc" }, select: { id: true, email: true } });
    await db().party.create({ data: { caseId: f.caseId, kind: "SUPPORTER", name: "Not Invited", email: `not-invited-${f.meeting.id}@example.com` } });
    await db().meetingAttendee.createMany({
      data: [
        { caseId: f.caseId, meetingId: f.meeting.id, partyId: parties[0]!.id, response: "ACCEPTED" },
        { caseId: f.caseId, meetingId: f.meeting.id, partyId: parties[1]!.id, response: "DECLINED" },
      ],
    });
    const r = await transaction((tx) => meetingReminderRecipients(tx, f.meeting.id));
    expect(r).toEqual([
      { name: "Łucja Parent", email: f.recipients[0], role: "PARTY" },
      { name: mediator.name, email: mediator.email, role: "MEDIATOR" },
    ]);
  });

  it("with no attendees kept (a meeting booked before them), lists each address once: parties with an email, then the meeting's mediator", async () => {
    const f = await meetingWithReminderDue();
    await db().party.create({ data: { caseId: f.caseId, kind: "SUPPORTER", name: "Same Address", email: f.recipients[0]!.toUpperCase() } });
    const r = await transaction((tx) => meetingReminderRecipients(tx, f.meeting.id));
    expect(r).toEqual([
      { name: "Łucja Parent", email: f.recipients[0], role: "PARTY" },
      { name: "Rita Rep", email: f.recipients[1], role: "PARTY" },
      { name: mediator.name, email: mediator.email, role: "MEDIATOR" },
    ]);
  });
});
