/**
 * "Emails that could not be delivered" on the case page: the case's outbox emails that are FAILED
 * for good (every attempt with back-off used up, or a sign-in link that is never retried;
 * lib/platform/outbox), newest first, so the office can reach those people another way. Only for
 * the office (ADMIN, CASEWORKER): never the LA officer or the family, who must not see who else was
 * written to or why it failed. The case itself is read through the scope (404 outside it).
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { findCaseOrThrow } from "../store";

/** The most the case page lists (a case rarely has more than a handful). */
export const UNDELIVERED_EMAILS_LIMIT = 50;

export type UndeliveredEmail = { id: string; to: string; subject: string; createdAt: Date; attempts: number; lastError: string | null };

export async function listUndeliveredEmails(user: SessionUser, caseId: string): Promise<UndeliveredEmail[]> {
  authorize(user, "case:read-undelivered-emails");
  await findCaseOrThrow(user, caseId, { id: true });
  return db().outboxEmail.findMany({
    where: { caseId, status: "FAILED" },
    orderBy: { createdAt: "desc" },
    take: UNDELIVERED_EMAILS_LIMIT,
    select: { id: true, to: true, subject: true, createdAt: true, attempts: true, lastError: true },
  });
}
