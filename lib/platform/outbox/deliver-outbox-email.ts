/**
 * The `email-delivery` job: one attempt at one outbox row. Safe to deliver twice: the row is locked
 * while it is sent (a second delivery at the same time skips it) and only a PENDING row is sent (a
 * later one finds it SENT or FAILED). A job that arrives before the row's `nextAttemptAt` (a
 * duplicate from the sweep) leaves it to the job queued for then. SMTP itself is at least once: a
 * worker that dies after the server accepted the message but before the row is marked SENT sends
 * it again on retry — never lost, rarely twice.
 *
 * Never sends a stored copy whose sign-in link was removed (../email.ts): FAILED at once. Nor one
 * whose attached document is refused (STAFF, R-80, or another case's: ../email.ts attachmentFor).
 */
import "server-only";
import { z } from "zod";
import { db } from "@/lib/platform/db";
import { AttachmentRefused, attachmentFor, deliverBySmtp, SECRET_REMOVED, type Attachment } from "@/lib/platform/email";
import { recordFailedAttempt } from "./record-failed-attempt";

export const deliverOutboxEmailSchema = z.object({ outboxId: z.string().min(1).max(100) });

/** How early a job may run before the row's nextAttemptAt (clocks of the app and the database differ a little). */
export const EARLY_TOLERANCE_MS = 60_000;

export type DeliveryOutcome = "SENT" | "RETRY" | "FAILED" | "NOT_PENDING" | "NOT_DUE";

export async function deliverOutboxEmail(data: unknown, now: Date = new Date()): Promise<DeliveryOutcome> {
  const { outboxId } = deliverOutboxEmailSchema.parse(data);
  return db().$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "OutboxEmail" WHERE "id" = ${outboxId} AND "status" = 'PENDING' FOR UPDATE SKIP LOCKED`;
      if (locked.length === 0) return "NOT_PENDING";
      const row = await tx.outboxEmail.findUniqueOrThrow({ where: { id: outboxId } });
      if (row.nextAttemptAt && row.nextAttemptAt.getTime() > now.getTime() + EARLY_TOLERANCE_MS) return "NOT_DUE";
      if (row.body.includes(SECRET_REMOVED)) {
        return recordFailedAttempt(tx, { id: row.id, attemptsBefore: row.attempts, error: "Not sent again: it held a sign-in link, which is never stored.", retry: false }, now);
      }
      let attachment: Attachment | null = null;
      if (row.documentId) {
        try {
          attachment = await attachmentFor(tx, row.documentId, row.caseId);
        } catch (e) {
          if (!(e instanceof AttachmentRefused)) throw e;
          return recordFailedAttempt(tx, { id: row.id, attemptsBefore: row.attempts, error: `Not sent: ${e.message}`, retry: false }, now);
        }
      }
      const smtpUrl = process.env.SMTP_URL;
      if (!smtpUrl) return recordFailedAttempt(tx, { id: row.id, attemptsBefore: row.attempts, error: "SMTP_URL is not set", retry: true }, now);
      try {
        await deliverBySmtp(smtpUrl, { ...row, attachment });
      } catch (e) {
        return recordFailedAttempt(tx, { id: row.id, attemptsBefore: row.attempts, error: e instanceof Error ? e.message : String(e), retry: true }, now);
      }
      await tx.outboxEmail.update({ where: { id: row.id }, data: { status: "SENT", attempts: row.attempts + 1, sentAt: new Date(), nextAttemptAt: null } });
      return "SENT";
    },
    // The SMTP timeouts (../email.ts SMTP_TIMEOUTS_MS) end an attempt well within this.
    { maxWait: 15_000, timeout: 90_000 },
  );
}
