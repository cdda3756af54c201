/**
 * Forgets submission keys older than SUBMISSION_KEY_TTL_HOURS (decision 0035): by then no retry of
 * the form is still on its way. Run by the nightly retention scan (lib/platform/jobs/handlers.ts).
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { SUBMISSION_KEY_TTL_HOURS } from "./submission";

export async function purgeSubmissionKeys(now: Date = new Date()): Promise<{ removed: number }> {
  const before = new Date(now.getTime() - SUBMISSION_KEY_TTL_HOURS * 3600_000);
  const r = await db().submissionKey.deleteMany({ where: { createdAt: { lt: before } } });
  return { removed: r.count };
}
