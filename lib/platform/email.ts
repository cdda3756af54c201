/**
 * Two ways to send email, both through an outbox row (so nothing is lost and the dev mailbox can
 * show it). Without SMTP_URL outside production, the row is marked DEV_MAILBOX and shown on
 * /dev/mailbox.
 *  - `sendEmail(msg)`: write the row, then deliver through SMTP_URL at once (a sign-in link must
 *    go now). A delivery failure is recorded on the row, never thrown at the user (the caller's
 *    action has already succeeded), and the email is tried again by the job queue with back-off
 *    (lib/platform/outbox: after the last attempt it is FAILED and listed on its case's page).
 *  - `queueEmail(tx, msg)` (lib/platform/outbox/queue-email.ts): write the row and its delivery
 *    job in the caller's transaction; the worker sends it. For emails that belong to a change
 *    (an invitation with the booking, a reminder with its job's effect).
 *
 * Secrets (issue 9, item 5): a message may name `secrets` (a sign-in link). The outbox row keeps
 * the body with each secret replaced by SECRET_REMOVED, and the full body goes only to SMTP, from
 * memory: the database never holds a working link, even while the message waits or after it
 * fails (nothing retries a sign-in link: it lasts minutes, and the family simply asks again; a
 * failed one is FAILED at once, and the delivery job refuses a stored copy without its link). The
 * one exception is the development mailbox (no SMTP_URL, never in production), whose row keeps the
 * body as sent because that page is the only way to read the email there.
 *
 * Attachments (issue 11, R-40, R-30): a message may name one sealed document (`attachDocumentId`,
 * lib/platform/documents). The row keeps only its id; at delivery its PDF is read from the Document
 * table and attached under its own file name, so the person without an account (a school, a family
 * member who never signed in) still receives their copy. Only that one document, only of the case
 * the email is about, and never a STAFF one: refused when the email is written
 * (`attachmentFor`) and again when it is sent (a refused delivery is FAILED, not retried).
 */
import "server-only";
import nodemailer from "nodemailer";
import { db, transaction, type Tx } from "@/lib/platform/db";
import { recordFailedAttempt } from "@/lib/platform/outbox/record-failed-attempt";

export type EmailMessage = {
  to: string;
  subject: string;
  body: string;
  /** Parts of the body never stored outside the development mailbox (e.g. a sign-in link). */
  secrets?: readonly string[];
  /** The case the email is about: the case page lists its emails that could not be delivered. */
  caseId?: string;
  /** An iCalendar invitation (issue 10), sent as a text/calendar part with this METHOD. */
  calendar?: { method: "REQUEST" | "CANCEL"; content: string };
  /** A sealed document of `caseId` sent as its PDF; never a STAFF one. */
  attachDocumentId?: string;
};

/** Why a document may not go with an email: thrown when it is written, or recorded when it is sent. */
export class AttachmentRefused extends Error {}

export type Attachment = { filename: string; content: Buffer; contentType: "application/pdf" };

/**
 * The PDF of the one document named, for an email about `caseId`. Refuses (AttachmentRefused) a
 * document that does not exist, is of another case or of none, or is STAFF-only: an email
 * goes to a family, an LA or a school, never only to the provider's staff.
 */
export async function attachmentFor(client: Tx, documentId: string, caseId: string | null): Promise<Attachment> {
  const d = await client.document.findUnique({ where: { id: documentId }, select: { caseId: true, visibility: true, fileName: true, pdf: true } });
  if (!d) throw new AttachmentRefused(`No document ${documentId} to attach.`);
  if (!caseId || d.caseId !== caseId) throw new AttachmentRefused("Only a document of the case the email is about may be attached.");
  if (d.visibility !== "SHARED") throw new AttachmentRefused("A staff-only document is never emailed (R-80).");
  return { filename: d.fileName, content: Buffer.from(d.pdf), contentType: "application/pdf" };
}

export const SECRET_REMOVED = "[link removed from the stored copy]";

function withoutSecrets(msg: EmailMessage): string {
  return (msg.secrets ?? []).reduce((body, secret) => (secret ? body.replaceAll(secret, SECRET_REMOVED) : body), msg.body);
}
/** PENDING: not delivered yet, another attempt is queued. FAILED: never sent, and not tried again. */
export type SendResult = { id: string; status: "SENT" | "FAILED" | "DEV_MAILBOX" | "PENDING"; error?: string };

export const MAIL_FROM = process.env.MAIL_FROM ?? "SEND Mediation <no-reply@send-mediation.local>";

/**
 * A mail server that does not answer fails the attempt in seconds, not nodemailer's minutes: the
 * delivery job holds the outbox row locked while it sends. SMTP_URL's own query settings win.
 */
export const SMTP_TIMEOUTS_MS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as const;

let transport: { url: string; t: nodemailer.Transporter } | undefined;
function transporter(url: string): nodemailer.Transporter {
  if (!transport || transport.url !== url) {
    const u = new URL(url);
    for (const [k, v] of Object.entries(SMTP_TIMEOUTS_MS)) if (!u.searchParams.has(k)) u.searchParams.set(k, String(v));
    transport = { url, t: nodemailer.createTransport(u.toString()) };
  }
  return transport.t;
}

/** The outbox row's fields for a message (the body without its secrets unless `keepSecrets`). */
export function outboxRow(msg: EmailMessage, opts: { keepSecrets?: boolean } = {}) {
  return {
    to: msg.to,
    subject: msg.subject,
    body: opts.keepSecrets ? msg.body : withoutSecrets(msg),
    caseId: msg.caseId ?? null,
    calendarMethod: msg.calendar?.method ?? null,
    calendar: msg.calendar?.content ?? null,
    documentId: msg.attachDocumentId ?? null,
  };
}

type Deliverable = { to: string; subject: string; body: string; calendarMethod: string | null; calendar: string | null; attachment?: Attachment | null };

/** Hands one message to SMTP (with its attachment, read by the caller through attachmentFor). Throws on failure (the caller records it). */
export async function deliverBySmtp(smtpUrl: string, m: Deliverable): Promise<void> {
  await transporter(smtpUrl).sendMail({
    from: MAIL_FROM,
    to: m.to,
    subject: m.subject,
    text: m.body,
    ...(m.calendar ? { icalEvent: { method: m.calendarMethod ?? "REQUEST", filename: "invitation.ics", content: m.calendar } } : {}),
    ...(m.attachment ? { attachments: [m.attachment] } : {}),
  });
}

/** Sends now (see the header); a failed attempt is retried by the job queue unless it held a secret. */
export async function sendEmail(msg: EmailMessage, now: Date = new Date()): Promise<SendResult> {
  const smtpUrl = process.env.SMTP_URL;
  const devMailbox = !smtpUrl && process.env.NODE_ENV !== "production";
  // Refused before anything is written: a STAFF document or another case's.
  const attachment = msg.attachDocumentId ? await attachmentFor(db(), msg.attachDocumentId, msg.caseId ?? null) : null;
  if (devMailbox) {
    const row = await db().outboxEmail.create({ data: { ...outboxRow(msg, { keepSecrets: true }), status: "DEV_MAILBOX" } });
    return { id: row.id, status: "DEV_MAILBOX" };
  }
  const row = await db().outboxEmail.create({ data: outboxRow(msg) });
  let error = "SMTP_URL is not set";
  if (smtpUrl) {
    try {
      // The full body (with any secret) goes to SMTP from memory, never from the stored row.
      await deliverBySmtp(smtpUrl, { ...row, body: msg.body, attachment });
      await db().outboxEmail.update({ where: { id: row.id }, data: { status: "SENT", attempts: { increment: 1 }, sentAt: new Date() } });
      return { id: row.id, status: "SENT" };
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
  }
  // A message with a secret is sent from memory now or never: its stored copy has no link.
  const retry = !(msg.secrets ?? []).some(Boolean);
  console.error(`[email] delivery of ${row.id} failed: ${error}${retry ? "" : " (not retried: it held a sign-in link)"}`);
  try {
    const outcome = await transaction((tx) => recordFailedAttempt(tx, { id: row.id, attemptsBefore: 0, error, retry }, now));
    return { id: row.id, status: outcome === "RETRY" ? "PENDING" : "FAILED", error };
  } catch (e) {
    // No retry could be queued (e.g. the job tables are missing): the row stays PENDING for the
    // outbox sweep (lib/platform/outbox/sweep-outbox.ts), with the error recorded.
    console.error(`[email] could not queue a retry of ${row.id}: ${e instanceof Error ? e.message : String(e)}`);
    await db().outboxEmail.update({ where: { id: row.id }, data: { attempts: 1, lastError: error.slice(0, 500) } });
    return { id: row.id, status: "PENDING", error };
  }
}

/** The dev mailbox (/dev/mailbox): newest first, paginated. Never available in production. */
export async function listOutbox(page = 1, perPage = 25) {
  if (process.env.NODE_ENV === "production") return null;
  const [items, total] = await Promise.all([
    db().outboxEmail.findMany({
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * perPage,
      take: perPage,
      select: { id: true, to: true, subject: true, body: true, status: true, createdAt: true, documentId: true },
    }),
    db().outboxEmail.count(),
  ]);
  return { items, total, page, perPage };
}
