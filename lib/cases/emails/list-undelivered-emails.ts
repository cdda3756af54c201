/**
 * "Emails that could not be delivered" on the case page: the case's outbox emails that are FAILED
 * for good (every attempt with back-off used up, or a sign-in link that is never retried;
 * lib/platform/outbox), newest first, so the office can reach those people another way. Only for
 * the office (ADMIN, CASEWORKER): never the LA officer or the family, who must not see who else was
 * written to or why it failed. The case itself is read through the scope (404 outside it).
 */
import "server-only";
import { Prisma } from "@/lib/platform/db";
import { readOne, rowRead, type RowRead } from "@/lib/platform/db/row-reads";
import { isoInstantSql } from "@/lib/platform/db/sql-values";
import { authorize } from "@/lib/auth/policy";
import { caseScopeSql } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";

/** The most the case page lists (a case rarely has more than a handful). */
export const UNDELIVERED_EMAILS_LIMIT = 50;

export type UndeliveredEmail = { id: string; to: string; subject: string; createdAt: Date; attempts: number; lastError: string | null };

/**
 * Issue 14 (decision 0033): one hand-written statement through the pool (readRows, decision 0040:
 * json) — the case through caseScopeSql (the SQL twin of caseScope; a case outside the scope is no
 * row, 404) with its emails FAILED for good, newest first, at most UNDELIVERED_EMAILS_LIMIT. The
 * outbox is the office's own (only those allowed "case:read-undelivered-emails" get here), so it
 * has no scope of its own beyond the case's. It was a case read, then the emails, through Prisma.
 */
function undeliveredSql(user: SessionUser, caseId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT COALESCE((SELECT json_agg(json_build_object('id', e."id", 'to', e."to", 'subject', e."subject", 'createdAt', ${isoInstantSql(Prisma.sql`e."createdAt"`)},
          'attempts', e."attempts", 'lastError', e."lastError") ORDER BY e."createdAt" DESC)
        FROM (SELECT o."id", o."to", o."subject", o."createdAt", o."attempts", o."lastError" FROM "OutboxEmail" o WHERE o."caseId" = c."id" AND o."status" = 'FAILED' ORDER BY o."createdAt" DESC LIMIT ${UNDELIVERED_EMAILS_LIMIT}) e), '[]'::json) AS "emails"
    FROM "Case" c
    WHERE c."id" = ${caseId} AND ${caseScopeSql(user)}`;
}

/** The read (decision 0042): alone in listUndeliveredEmails, or with the case page's other sections. */
export function undeliveredEmailsRead(user: SessionUser, caseId: string): RowRead<UndeliveredEmail[]> {
  authorize(user, "case:read-undelivered-emails");
  return rowRead<{ emails: (Omit<UndeliveredEmail, "createdAt"> & { createdAt: string })[] }, UndeliveredEmail[]>(undeliveredSql(user, caseId), (c) => {
    if (!c) throw new NotFoundError("case");
    return c.emails.map((e) => ({ ...e, createdAt: new Date(e.createdAt) }));
  });
}

export async function listUndeliveredEmails(user: SessionUser, caseId: string): Promise<UndeliveredEmail[]> {
  return readOne(undeliveredEmailsRead(user, caseId));
}
