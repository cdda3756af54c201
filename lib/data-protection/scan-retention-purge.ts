/**
 * The `retention-purge-scan` job (daily, Europe/London; lib/platform/jobs/queues.ts): queues a
 * `retention-purge` job for each case due (./retention.ts), the same list the admins' dry run shows.
 * The purge job claims its effect, so a scan run twice still purges each case once.
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { enqueue } from "@/lib/platform/jobs/boss";
import { effectDone } from "@/lib/platform/jobs/effects";
import { purgeEffectKey } from "./purge-case";
import { casesPastRetention } from "./retention";

export async function scanRetentionPurge(now: Date = new Date()): Promise<{ queued: number; caseIds: string[] }> {
  const due = await casesPastRetention(db(), { now });
  const caseIds: string[] = [];
  for (const c of due) {
    if (await effectDone(db(), purgeEffectKey(c.id))) continue;
    await enqueue(db(), "retention-purge", { caseId: c.id });
    caseIds.push(c.id);
  }
  return { queued: caseIds.length, caseIds };
}
