/**
 * The `email-sweep` job (every 10 minutes): an outbox row left PENDING with no delivery job on its
 * way — the app stopped between writing the row and sending it, the job tables were missing, or a
 * queued attempt is long overdue — gets a delivery job now. `nextAttemptAt` is set to now with the
 * job, in one transaction, so the next sweep leaves it alone while that job waits.
 */
import "server-only";
import { db, transaction } from "@/lib/platform/db";
import { enqueue } from "@/lib/platform/jobs/boss";

/** A PENDING row untouched for this long is taken as having no job. */
export const SWEEP_AFTER_MINUTES = 10;
export const SWEEP_BATCH = 200;

export async function sweepOutbox(now: Date = new Date()): Promise<{ queued: number }> {
  const before = new Date(now.getTime() - SWEEP_AFTER_MINUTES * 60_000);
  const rows = await db().outboxEmail.findMany({
    where: { status: "PENDING", OR: [{ nextAttemptAt: null, createdAt: { lt: before } }, { nextAttemptAt: { lt: before } }] },
    orderBy: { createdAt: "asc" },
    take: SWEEP_BATCH,
    select: { id: true },
  });
  for (const r of rows) {
    await transaction(async (tx) => {
      const claimed = await tx.outboxEmail.updateMany({
        where: { id: r.id, status: "PENDING", OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lt: before } }] },
        data: { nextAttemptAt: now },
      });
      if (claimed.count === 1) await enqueue(tx, "email-delivery", { outboxId: r.id });
    });
  }
  return { queued: rows.length };
}
