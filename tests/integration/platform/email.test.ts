import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCaptureSmtp } from "../smtp";
import { freePort } from "../../../scripts/embedded-postgres";
import { db } from "@/lib/platform/db";
import { listOutbox, sendEmail } from "@/lib/platform/email";
import { uid } from "../helpers";

describe("sendEmail", () => {
  let smtp: Awaited<ReturnType<typeof startCaptureSmtp>>;
  const saved = { smtp: process.env.SMTP_URL, env: process.env.NODE_ENV };

  beforeAll(async () => {
    smtp = await startCaptureSmtp();
  });
  afterAll(async () => {
    process.env.SMTP_URL = saved.smtp;
    (process.env as Record<string, string | undefined>).NODE_ENV = saved.env;
    await smtp.close();
  });

  it("writes the outbox row, then delivers through SMTP_URL", async () => {
    process.env.SMTP_URL = smtp.url;
    const to = `family-${uid()}@test.example`;
    const r = await sendEmail({ to, subject: "Your reference", body: "Reference SM-2026-00001" });
    expect(r.status).toBe("SENT");
    const row = await db().outboxEmail.findUniqueOrThrow({ where: { id: r.id } });
    expect(row).toMatchObject({ to, status: "SENT", attempts: 1 });
    const mail = smtp.received.find((m) => m.to === to);
    expect(mail?.raw).toContain("Subject: Your reference");
    expect(mail?.raw).toContain("Reference SM-2026-00001");
  });

  it("records a delivery failure on the row instead of throwing, and queues another attempt (tests/integration/jobs/outbox-retry.test.ts)", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${await freePort()}`; // nothing listens there
    const to = `family-${uid()}@test.example`;
    const r = await sendEmail({ to, subject: "Hello", body: "Body" });
    expect(r.status).toBe("PENDING");
    const row = await db().outboxEmail.findUniqueOrThrow({ where: { id: r.id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(row.lastError).toBeTruthy();
    expect(row.nextAttemptAt).toBeInstanceOf(Date);
  });

  it("without SMTP_URL in development, puts the email in the dev mailbox", async () => {
    delete process.env.SMTP_URL;
    const to = `family-${uid()}@test.example`;
    const r = await sendEmail({ to, subject: "Sign in", body: "http://app.test/link" });
    expect(r.status).toBe("DEV_MAILBOX");
    const box = await listOutbox(1, 100);
    expect(box?.items.some((m) => m.id === r.id && m.body.includes("http://app.test/link"))).toBe(true);
  });

  it("has no dev mailbox in production", async () => {
    (process.env as Record<string, string | undefined>).NODE_ENV = "production";
    expect(await listOutbox()).toBeNull();
    (process.env as Record<string, string | undefined>).NODE_ENV = saved.env;
  });
});
