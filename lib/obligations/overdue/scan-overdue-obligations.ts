/**
 * The `obligation-overdue-scan` job (daily, Europe/London; lib/platform/jobs/queues.ts): queues an
 * `obligation-overdue-alert` job for each open agreed action past its due date (rules.ts isOverdue)
 * that has not been alerted yet. The alert job claims the effect, so a scan run twice, or a job
 * delivered twice, still alerts once.
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { enqueue } from "@/lib/platform/jobs/boss";
import { effectDone } from "@/lib/platform/jobs/effects";
import { dbDateFromIso, todayInLondon } from "@/lib/deadlines";
import { overdueAlertKey } from "../rules";

export async function scanOverdueObligations(now: Date = new Date()): Promise<{ queued: number }> {
  const today = todayInLondon(now);
  const rows = await db().obligation.findMany({ where: { status: "OPEN", dueOn: { lt: dbDateFromIso(today) } }, orderBy: { dueOn: "asc" }, select: { id: true } });
  let queued = 0;
  for (const o of rows) {
    if (await effectDone(db(), overdueAlertKey(o.id))) continue;
    await enqueue(db(), "obligation-overdue-alert", { obligationId: o.id });
    queued++;
  }
  return { queued };
}
