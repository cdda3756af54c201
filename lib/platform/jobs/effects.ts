/**
 * Exactly-once effects on an at-least-once queue. pg-boss may deliver a job twice (a worker died
 * after doing the work but before marking the job done, or a scan queued the same thing twice), so
 * a handler claims its effect's key in the SAME transaction as the effect: the first claim writes
 * the JobEffect row and goes on; any later one finds the key taken and does nothing. Two deliveries
 * at once: the second waits on the first's row and then sees it taken. If the transaction rolls
 * back (or the worker dies in it), the key is released with the half-done effect.
 */
import "server-only";
import type { Tx } from "@/lib/platform/db";
import type { QueueName } from "./queues";

/** True when this transaction now owns the effect (do it); false when it was already done. */
export async function claimEffect(tx: Tx, key: string, queue: QueueName): Promise<boolean> {
  const r = await tx.jobEffect.createMany({ data: [{ key, queue }], skipDuplicates: true });
  return r.count === 1;
}

/** Whether an effect was already done (for scans deciding what to queue; handlers use claimEffect). */
export async function effectDone(tx: Pick<Tx, "jobEffect">, key: string): Promise<boolean> {
  return (await tx.jobEffect.count({ where: { key } })) > 0;
}
