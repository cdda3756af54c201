/**
 * One way to send email: write an outbox row first (so nothing is lost and the dev mailbox can show
 * it), then deliver through SMTP_URL when set. Without SMTP_URL outside production, the row is
 * marked DEV_MAILBOX and shown on /dev/mailbox. A delivery failure is recorded on the row, never
 * thrown at the user: the caller's action has already succeeded.
 */
import "server-only";
import nodemailer from "nodemailer";
import { db } from "@/lib/platform/db";

export type EmailMessage = { to: string; subject: string; body: string };
export type SendResult = { id: string; status: "SENT" | "FAILED" | "DEV_MAILBOX" | "PENDING"; error?: string };

export const MAIL_FROM = process.env.MAIL_FROM ?? "SEND Mediation <no-reply@send-mediation.local>";

let transport: { url: string; t: nodemailer.Transporter } | undefined;
function transporter(url: string): nodemailer.Transporter {
  if (!transport || transport.url !== url) transport = { url, t: nodemailer.createTransport(url) };
  return transport.t;
}

export async function sendEmail(msg: EmailMessage): Promise<SendResult> {
  const row = await db().outboxEmail.create({ data: { to: msg.to, subject: msg.subject, body: msg.body } });
  const smtpUrl = process.env.SMTP_URL;
  if (!smtpUrl) {
    if (process.env.NODE_ENV === "production") {
      await db().outboxEmail.update({ where: { id: row.id }, data: { lastError: "SMTP_URL is not set" } });
      return { id: row.id, status: "PENDING", error: "SMTP_URL is not set" };
    }
    await db().outboxEmail.update({ where: { id: row.id }, data: { status: "DEV_MAILBOX" } });
    return { id: row.id, status: "DEV_MAILBOX" };
  }
  try {
    await transporter(smtpUrl).sendMail({ from: MAIL_FROM, to: msg.to, subject: msg.subject, text: msg.body });
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
