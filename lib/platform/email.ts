/**
 * One way to send email: write an outbox row first (so nothing is lost and the dev mailbox can show
 * it), then deliver through SMTP_URL when set. Without SMTP_URL outside production, the row is
 * marked DEV_MAILBOX and shown on /dev/mailbox. A delivery failure is recorded on the row, never
 * thrown at the user: the caller's action has already succeeded.
 *
 * Secrets (issue 9, item 5): a message may name `secrets` (a sign-in link). The outbox row keeps
 * the body with each secret replaced by SECRET_REMOVED, and the full body goes only to SMTP, from
 * memory: the database never holds a working link, even while the message waits or after it
 * fails (nothing retries a sign-in link: it lasts minutes, and the family simply asks again). The
 * one exception is the development mailbox (no SMTP_URL, never in production), whose row keeps the
 * body as sent because that page is the only way to read the email there.
 */
import "server-only";
import nodemailer from "nodemailer";
import { db } from "@/lib/platform/db";

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
};

export const SECRET_REMOVED = "[link removed from the stored copy]";

function withoutSecrets(msg: EmailMessage): string {
  return (msg.secrets ?? []).reduce((body, secret) => (secret ? body.replaceAll(secret, SECRET_REMOVED) : body), msg.body);
}
export type SendResult = { id: string; status: "SENT" | "FAILED" | "DEV_MAILBOX" | "PENDING"; error?: string };

export const MAIL_FROM = process.env.MAIL_FROM ?? "SEND Mediation <no-reply@send-mediation.local>";

let transport: { url: string; t: nodemailer.Transporter } | undefined;
function transporter(url: string): nodemailer.Transporter {
  if (!transport || transport.url !== url) transport = { url, t: nodemailer.createTransport(url) };
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
  };
}

type Deliverable = { to: string; subject: string; body: string; calendarMethod: string | null; calendar: string | null };

/** Hands one message to SMTP. Throws on failure (the caller records it). */
export async function deliverBySmtp(smtpUrl: string, m: Deliverable): Promise<void> {
  await transporter(smtpUrl).sendMail({
    from: MAIL_FROM,
    to: m.to,
    subject: m.subject,
    text: m.body,
    ...(m.calendar ? { icalEvent: { method: m.calendarMethod ?? "REQUEST", filename: "invitation.ics", content: m.calendar } } : {}),
  });
}

export async function sendEmail(msg: EmailMessage): Promise<SendResult> {
  const smtpUrl = process.env.SMTP_URL;
  const devMailbox = !smtpUrl && process.env.NODE_ENV !== "production";
  if (devMailbox) {
    const row = await db().outboxEmail.create({ data: { ...outboxRow(msg, { keepSecrets: true }), status: "DEV_MAILBOX" } });
    return { id: row.id, status: "DEV_MAILBOX" };
  }
  const row = await db().outboxEmail.create({ data: outboxRow(msg) });
  if (!smtpUrl) {
    await db().outboxEmail.update({ where: { id: row.id }, data: { lastError: "SMTP_URL is not set" } });
    return { id: row.id, status: "PENDING", error: "SMTP_URL is not set" };
  }
  try {
    // The full body (with any secret) goes to SMTP from memory, never from the stored row.
    await deliverBySmtp(smtpUrl, { ...row, body: msg.body });
    await db().outboxEmail.update({ where: { id: row.id }, data: { status: "SENT", attempts: { increment: 1 }, sentAt: new Date() } });
    return { id: row.id, status: "SENT" };
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    await db().outboxEmail.update({ where: { id: row.id }, data: { status: "FAILED", attempts: { increment: 1 }, lastError: error.slice(0, 500) } });
    console.error(`[email] delivery of ${row.id} failed: ${error}`);
    return { id: row.id, status: "FAILED", error };
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
      select: { id: true, to: true, subject: true, body: true, status: true, createdAt: true },
    }),
    db().outboxEmail.count(),
  ]);
  return { items, total, page, perPage };
}
