/**
 * The `meeting-reminder-scan` job (daily, 07:00 Europe/London; lib/platform/jobs/queues.ts): queues
 * a `meeting-reminder` job for each joint meeting whose reminder is due today
 * (./reminder-schedule.ts) and not yet sent. Queuing twice is harmless — the reminder's effect key
 * lets only one send — but the scan skips meetings already reminded so the queue stays quiet.
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { enqueue } from "@/lib/platform/jobs/boss";
import { effectDone } from "@/lib/platform/jobs/effects";
import { addCalendarDays, todayInLondon } from "@/lib/deadlines";
import { OPEN_STATUSES } from "@/lib/cases/lifecycle";
import { londonInstant, londonWallClock } from "../london-time";
import { reminderDue, reminderKey } from "./reminder-schedule";
import { JOINT_KINDS } from "./send-meeting-reminder";

/** Two working days are at most this many calendar days (Christmas with a weekend and bank holidays). */
const LOOK_AHEAD_DAYS = 10;

export async function scanMeetingReminders(now: Date = new Date()): Promise<{ queued: number }> {
  const today = todayInLondon(now);
  const meetings = await db().meeting.findMany({
    where: {
      status: "SCHEDULED",
      kind: { in: [...JOINT_KINDS] },
      startsAt: { gt: now, lt: londonInstant(addCalendarDays(today, LOOK_AHEAD_DAYS), 0) },
      case: { status: { in: [...OPEN_STATUSES] } },
    },
    select: { id: true, sequence: true, startsAt: true },
  });
  let queued = 0;
  for (const m of meetings) {
    if (!reminderDue(today, londonWallClock(m.startsAt).date)) continue;
    if (await effectDone(db(), reminderKey(m.id, m.sequence))) continue;
    await enqueue(db(), "meeting-reminder", { meetingId: m.id, sequence: m.sequence });
    queued++;
  }
  return { queued };
}
