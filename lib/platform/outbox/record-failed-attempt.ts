/**
 * After a delivery attempt fails: count it, keep the error, and either queue the next attempt with
 * back-off (./retry-schedule.ts) — the row stays PENDING with `nextAttemptAt` and an
 * `email-delivery` job starting then, both in the caller's transaction — or, after the last
 * attempt or for an email that may not be sent from its stored copy (a sign-in link, ../email.ts),
 * mark it FAILED for good.
 */
import "server-only";
import type { Tx } from "@/lib/platform/db";
import { enqueue } from "@/lib/platform/jobs/boss";
import { nextAttemptAt } from "./retry-schedule";

export type FailedAttempt = { id: string; attemptsBefore: number; error: string; retry: boolean };

export async function recordFailedAttempt(tx: Tx, a: FailedAttempt, now: Date): Promise<"RETRY" | "FAILED"> {
  const attempts = a.attemptsBefore + 1;
  const next = a.retry ? nextAttemptAt(attempts, now) : null;
  const lastError = a.error.slice(0, 500);
  if (!next) {
    await tx.outboxEmail.update({ where: { id: a.id }, data: { status: "FAILED", attempts, lastError, nextAttemptAt: null } });
    return "FAILED";
  }
  await tx.outboxEmail.update({ where: { id: a.id }, data: { status: "PENDING", attempts, lastError, nextAttemptAt: next } });
  await enqueue(tx, "email-delivery", { outboxId: a.id }, { startAfter: next });
  return "RETRY";
}
