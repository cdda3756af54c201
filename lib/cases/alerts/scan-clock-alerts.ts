/**
 * The `case-clock-alert-scan` job (daily, 07:30 Europe/London; lib/platform/jobs/queues.ts): queues
 * a `case-clock-alert` job for each open case whose mediation clock ends within
 * CLOCK_ALERT_WORKING_DAYS working days with no joint meeting booked, unless already alerted.
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { enqueue } from "@/lib/platform/jobs/boss";
import { effectDone } from "@/lib/platform/jobs/effects";
import { addWorkingDays, dbDateFromIso, isoFromDbDate, todayInLondon } from "@/lib/deadlines";
import { MEDIATION_CLOCKS, OPEN_STATUSES } from "../lifecycle";
import { clockAlertDue, clockAlertKey, CLOCK_ALERT_WORKING_DAYS } from "./clock-alert-schedule";
import { hasJointMeetingBooked } from "./send-clock-alert";

export async function scanClockAlerts(now: Date = new Date()): Promise<{ queued: number }> {
  const today = todayInLondon(now);
  const deadlines = await db().caseDeadline.findMany({
    where: {
      closedOn: null,
      name: { in: [...MEDIATION_CLOCKS] },
      dueOn: { gte: dbDateFromIso(today), lte: dbDateFromIso(addWorkingDays(today, CLOCK_ALERT_WORKING_DAYS)) },
      case: { status: { in: [...OPEN_STATUSES] }, meetingOn: null },
    },
    select: { id: true, name: true, dueOn: true, case: { select: { id: true, meetingOn: true } } },
  });
  let queued = 0;
  for (const d of deadlines) {
    const lastDay = isoFromDbDate(d.dueOn);
    if (!clockAlertDue(today, lastDay) || (await hasJointMeetingBooked(db(), d.case))) continue;
    if (await effectDone(db(), clockAlertKey(d.case.id, d.name, lastDay))) continue;
    await enqueue(db(), "case-clock-alert", { caseId: d.case.id, deadlineId: d.id });
    queued++;
  }
  return { queued };
}
