/**
 * "Run it again" on the failed-jobs page: pg-boss puts the failed job back in its queue (one more
 * attempt) and the worker picks it up within seconds. Safe however often it is pressed: the job's
 * handler does its effect once (lib/platform/jobs/effects.ts), and a job no longer failed (already
 * run again) is left alone. Audited, in one transaction with the change.
 */
import "server-only";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { jobBoss, prismaJobDb } from "@/lib/platform/jobs/boss";
import { failedJobRefSchema } from "./get-failed-job";

export async function retryFailedJob(user: SessionUser, ref: unknown, ip: string | null = null): Promise<{ retried: boolean }> {
  authorize(user, "admin:access");
  const r = failedJobRefSchema.safeParse(ref);
  if (!r.success) throw new NotFoundError();
  return transaction(async (tx) => {
    const res = (await jobBoss().retry(r.data.queue, r.data.id, { db: prismaJobDb(tx) })) as unknown as { affected: number };
    if (res.affected !== 1) return { retried: false };
    await writeAudit(tx, { actor: user, action: "job.retried", entityType: "Job", entityId: r.data.id, after: { queue: r.data.queue }, ip });
    return { retried: true };
  });
}
