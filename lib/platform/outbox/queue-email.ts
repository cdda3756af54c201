/**
 * The transactional outbox: the email's row and its delivery job are written in the caller's
 * transaction, so an email belongs to the change that caused it — a rolled-back booking sends no
 * invitation, and a reminder job's effect (lib/meetings/reminders) is its emails. The worker
 * delivers it (./deliver-outbox-email.ts), retrying with back-off. Without SMTP_URL outside
 * production the row goes to the development mailbox instead, as sendEmail's do.
 *
 * A message with `secrets` (a sign-in link) cannot wait in the outbox — its stored copy has no
 * link — so it is refused here: send it with sendEmail.
 *
 * An attached document (`attachDocumentId`, ../email.ts) is checked here, in the transaction that
 * sealed it: a STAFF document or another case's is refused and the change rolls back.
 */
import "server-only";
import type { Tx } from "@/lib/platform/db";
import { enqueue } from "@/lib/platform/jobs/boss";
import { attachmentFor, outboxRow, type EmailMessage } from "@/lib/platform/email";

export async function queueEmail(tx: Tx, msg: EmailMessage): Promise<{ id: string; status: "PENDING" | "DEV_MAILBOX" }> {
  if ((msg.secrets ?? []).some(Boolean)) throw new Error("An email with a secret (a sign-in link) is sent at once with sendEmail, never queued.");
  if (msg.attachDocumentId) await attachmentFor(tx, msg.attachDocumentId, msg.caseId ?? null);
  if (!process.env.SMTP_URL && process.env.NODE_ENV !== "production") {
    const row = await tx.outboxEmail.create({ data: { ...outboxRow(msg), status: "DEV_MAILBOX" }, select: { id: true } });
    return { id: row.id, status: "DEV_MAILBOX" };
  }
  const row = await tx.outboxEmail.create({ data: outboxRow(msg), select: { id: true } });
  await enqueue(tx, "email-delivery", { outboxId: row.id });
  return { id: row.id, status: "PENDING" };
}
