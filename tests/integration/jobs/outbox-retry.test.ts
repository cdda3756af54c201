/**
 * Outbox delivery on the job queue: a failed email is tried again with back-off until it is sent
 * or its attempts run out (then FAILED for good); a delivery job that arrives twice sends once; an
 * email queued in a transaction that rolls back never exists; a sign-in link is never re-sent from
 * its stored copy; a row left waiting with no job is found by the sweep.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/platform/db";
import { sendEmail, SECRET_REMOVED } from "@/lib/platform/email";
import { queueEmail } from "@/lib/platform/outbox/queue-email";
import { deliverOutboxEmail, EARLY_TOLERANCE_MS } from "@/lib/platform/outbox/deliver-outbox-email";
import { sweepOutbox, SWEEP_AFTER_MINUTES } from "@/lib/platform/outbox/sweep-outbox";
import { EMAIL_MAX_ATTEMPTS, EMAIL_RETRY_DELAYS_MINUTES } from "@/lib/platform/outbox/retry-schedule";
import { JOB_HANDLERS } from "@/lib/platform/jobs/handlers";
import { JOB_SCHEMA } from "@/lib/platform/jobs/queues";
import { freePort } from "../../../scripts/embedded-postgres";
import { startCaptureSmtp } from "../smtp";
import { uid } from "../helpers";
import { jobsWith, stopWorkersAfterEach, testWorker, waitFor } from "./helpers";

stopWorkersAfterEach();

let smtp: Awaited<ReturnType<typeof startCaptureSmtp>>;
let deadSmtp: string;
const saved = { smtp: process.env.SMTP_URL, env: process.env.NODE_ENV };
const MINUTE = 60_000;

beforeAll(async () => {
  smtp = await startCaptureSmtp();
  deadSmtp = `smtp://127.0.0.1:${await freePort()}`; // nothing listens there
});
afterEach(() => {
  process.env.SMTP_URL = saved.smtp;
});
afterAll(async () => {
  await smtp.close();
});

const address = () => `family-${uid()}@test.example`;
const received = (to: string) => smtp.received.filter((m) => m.to === to).length;
const row = (id: string) => db().outboxEmail.findUniqueOrThrow({ where: { id } });

describe("a failed email is retried with back-off", () => {
  it("each failed attempt queues the next one later, up to the last; then the email is FAILED for good", async () => {
    process.env.SMTP_URL = deadSmtp;
    const t0 = new Date();
    const sent = await sendEmail({ to: address(), subject: "Your meeting", body: "Hello" }, t0);
    expect(sent.status).toBe("PENDING");
    let r = await row(sent.id);
    expect(r).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(r.lastError).toBeTruthy();
    expect(r.nextAttemptAt?.getTime()).toBe(t0.getTime() + EMAIL_RETRY_DELAYS_MINUTES[0] * MINUTE);
    const first = await jobsWith("email-delivery", "outboxId", sent.id);
    expect(first).toHaveLength(1);
    expect(first[0]!.start_after.getTime()).toBe(r.nextAttemptAt!.getTime());

    // Attempts 2 … EMAIL_MAX_ATTEMPTS, each when it is due.
    for (let attempt = 2; attempt <= EMAIL_MAX_ATTEMPTS; attempt++) {
      const due = r.nextAttemptAt!;
      expect(await deliverOutboxEmail({ outboxId: sent.id }, due)).toBe(attempt < EMAIL_MAX_ATTEMPTS ? "RETRY" : "FAILED");
      r = await row(sent.id);
      expect(r.attempts).toBe(attempt);
      if (attempt < EMAIL_MAX_ATTEMPTS) {
        expect(r.status).toBe("PENDING");
        expect(r.nextAttemptAt!.getTime() - due.getTime()).toBe(EMAIL_RETRY_DELAYS_MINUTES[attempt - 1]! * MINUTE);
      }
    }
    expect(r).toMatchObject({ status: "FAILED", attempts: EMAIL_MAX_ATTEMPTS, nextAttemptAt: null, sentAt: null });
    expect(r.lastError).toBeTruthy();
    // One job per retry, none after the last attempt.
    expect(await jobsWith("email-delivery", "outboxId", sent.id)).toHaveLength(EMAIL_MAX_ATTEMPTS - 1);
    // A late duplicate job does nothing to a FAILED email.
    expect(await deliverOutboxEmail({ outboxId: sent.id }, new Date(t0.getTime() + 24 * 60 * MINUTE))).toBe("NOT_PENDING");
  });

  it("is sent by a retry once the mail server is back: SENT, with its attempts and the last error kept", async () => {
    process.env.SMTP_URL = deadSmtp;
    const to = address();
    const sent = await sendEmail({ to, subject: "Try again", body: "Second time lucky" });
    expect(sent.status).toBe("PENDING");
    const due = (await row(sent.id)).nextAttemptAt!;
    process.env.SMTP_URL = smtp.url;
    expect(await deliverOutboxEmail({ outboxId: sent.id }, due)).toBe("SENT");
    const r = await row(sent.id);
    expect(r).toMatchObject({ status: "SENT", attempts: 2, nextAttemptAt: null });
    expect(r.sentAt).toBeInstanceOf(Date);
    expect(r.lastError).toBeTruthy();
    expect(received(to)).toBe(1);
  });

  it("the worker runs the retry when it is due", async () => {
    process.env.SMTP_URL = deadSmtp;
    const to = address();
    const sent = await sendEmail({ to, subject: "Through the worker", body: "Hello" });
    process.env.SMTP_URL = smtp.url;
    // A minute passes: the retry is due now.
    await db().outboxEmail.update({ where: { id: sent.id }, data: { nextAttemptAt: new Date() } });
    await db().$executeRawUnsafe(`UPDATE ${JOB_SCHEMA}.job SET start_after = now() WHERE name = 'email-delivery' AND data->>'outboxId' = $1`, sent.id);
    await testWorker({ "email-delivery": JOB_HANDLERS["email-delivery"] });
    await waitFor("the email to be sent", async () => (await row(sent.id)).status === "SENT");
    expect(received(to)).toBe(1);
  });
});

describe("delivered at most once per attempt", () => {
  it("two deliveries of the same email at once send it once", async () => {
    process.env.SMTP_URL = smtp.url;
    const to = address();
    const { id } = await transaction((tx) => queueEmail(tx, { to, subject: "Once", body: "Only once" }));
    const outcomes = await Promise.all([deliverOutboxEmail({ outboxId: id }), deliverOutboxEmail({ outboxId: id })]);
    expect(outcomes.sort()).toEqual(["NOT_PENDING", "SENT"]);
    expect(await deliverOutboxEmail({ outboxId: id })).toBe("NOT_PENDING");
    expect(received(to)).toBe(1);
    expect(await row(id)).toMatchObject({ status: "SENT", attempts: 1 });
  });

  it("a job that arrives before the email's next attempt is due leaves it to the job queued for then", async () => {
    process.env.SMTP_URL = deadSmtp;
    const sent = await sendEmail({ to: address(), subject: "Not yet", body: "Wait" });
    const due = (await row(sent.id)).nextAttemptAt!;
    const early = new Date(due.getTime() - EARLY_TOLERANCE_MS - MINUTE);
    expect(await deliverOutboxEmail({ outboxId: sent.id }, early)).toBe("NOT_DUE");
    expect(await row(sent.id)).toMatchObject({ status: "PENDING", attempts: 1 });
  });
});

describe("emails queued in the caller's transaction", () => {
  it("an email queued in a transaction that rolls back has no row and no job, and is never sent", async () => {
    process.env.SMTP_URL = smtp.url;
    const to = address();
    await expect(
      transaction(async (tx) => {
        await queueEmail(tx, { to, subject: "Invitation", body: "Come" });
        throw new Error("the booking failed");
      }),
    ).rejects.toThrow("the booking failed");
    expect(await db().outboxEmail.count({ where: { to } })).toBe(0);

    const kept = address();
    const { id } = await transaction((tx) => queueEmail(tx, { to: kept, subject: "Invitation", body: "Come" }));
    expect(await jobsWith("email-delivery", "outboxId", id)).toHaveLength(1);
    await testWorker({ "email-delivery": JOB_HANDLERS["email-delivery"] });
    await waitFor("the committed email to be sent", async () => received(kept) === 1);
    expect(received(to)).toBe(0);
  });

  it("without SMTP_URL outside production the email goes to the development mailbox, with no job", async () => {
    delete process.env.SMTP_URL;
    const to = address();
    const { id, status } = await transaction((tx) => queueEmail(tx, { to, subject: "Dev", body: "Mailbox" }));
    expect(status).toBe("DEV_MAILBOX");
    expect((await row(id)).status).toBe("DEV_MAILBOX");
    expect(await jobsWith("email-delivery", "outboxId", id)).toEqual([]);
  });

  it("refuses to queue an email with a secret (a sign-in link is sent at once or not at all)", async () => {
    process.env.SMTP_URL = smtp.url;
    await expect(transaction((tx) => queueEmail(tx, { to: address(), subject: "Link", body: "https://x/verify?token=abc", secrets: ["https://x/verify?token=abc"] }))).rejects.toThrow(
      "sent at once with sendEmail",
    );
  });
});

describe("sign-in links are never retried", () => {
  it("a failed email with a secret is FAILED at once, with no retry queued", async () => {
    process.env.SMTP_URL = deadSmtp;
    const link = `https://app.test/sign-in/family/verify?token=${uid()}`;
    const sent = await sendEmail({ to: address(), subject: "Your sign-in link", body: `Use ${link}`, secrets: [link] });
    expect(sent.status).toBe("FAILED");
    const r = await row(sent.id);
    expect(r).toMatchObject({ status: "FAILED", attempts: 1, nextAttemptAt: null });
    expect(r.body).not.toContain(link);
    expect(await jobsWith("email-delivery", "outboxId", sent.id)).toEqual([]);
  });

  it("a stored copy whose link was removed (left PENDING by a crash) is not sent from the outbox", async () => {
    process.env.SMTP_URL = smtp.url;
    const to = address();
    const r = await db().outboxEmail.create({ data: { to, subject: "Your sign-in link", body: `Use ${SECRET_REMOVED}` } });
    expect(await deliverOutboxEmail({ outboxId: r.id })).toBe("FAILED");
    expect(received(to)).toBe(0);
    expect((await row(r.id)).status).toBe("FAILED");
  });
});

describe("the outbox sweep", () => {
  it("queues a delivery for an email left waiting with no job, once; a fresh one is left alone", async () => {
    process.env.SMTP_URL = smtp.url;
    const now = new Date();
    const stranded = await db().outboxEmail.create({ data: { to: address(), subject: "Stranded", body: "Hello", createdAt: new Date(now.getTime() - (SWEEP_AFTER_MINUTES + 1) * MINUTE) } });
    const fresh = await db().outboxEmail.create({ data: { to: address(), subject: "Fresh", body: "Hello", createdAt: new Date(now.getTime() - 2 * MINUTE) } });
    await sweepOutbox(now);
    expect(await jobsWith("email-delivery", "outboxId", stranded.id)).toHaveLength(1);
    expect((await row(stranded.id)).nextAttemptAt?.getTime()).toBe(now.getTime());
    expect(await jobsWith("email-delivery", "outboxId", fresh.id)).toEqual([]);
    // The next sweep, while that job waits: no second job.
    await sweepOutbox(new Date(now.getTime() + MINUTE));
    expect(await jobsWith("email-delivery", "outboxId", stranded.id)).toHaveLength(1);
    expect(await deliverOutboxEmail({ outboxId: stranded.id }, now)).toBe("SENT");
  });
});
