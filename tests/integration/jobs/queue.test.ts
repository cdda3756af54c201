/**
 * The job queue itself (pg-boss 10 on the test database): a job enqueued in the caller's
 * transaction exists only if it commits; an effect is done once however often its job is
 * delivered; the worker stops cleanly; and a worker killed in the middle of a job leaves the job to
 * be retried after it expires, with the effect done exactly once — for a meeting reminder and for
 * a day-30 alert (issue 14: "completes once after restart, never twice").
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/platform/db";
import { enqueue } from "@/lib/platform/jobs/boss";
import { claimEffect } from "@/lib/platform/jobs/effects";
import { JOB_HANDLERS } from "@/lib/platform/jobs/handlers";
import { JOB_SCHEMA, type QueueName } from "@/lib/platform/jobs/queues";
import { reminderKey } from "@/lib/meetings/reminders/reminder-schedule";
import { clockAlertKey } from "@/lib/cases/alerts/clock-alert-schedule";
import { startCaptureSmtp } from "../smtp";
import { uid } from "../helpers";
import { setUpCaseFixtures } from "../cases/fixtures";
import { caseWithClockAlertDue, meetingWithReminderDue } from "./fixtures";
import { jobById, jobsWith, stopWorkersAfterEach, testWorker, waitFor } from "./helpers";

setUpCaseFixtures();
stopWorkersAfterEach();

const root = path.resolve(import.meta.dirname, "../../..");
let smtp: Awaited<ReturnType<typeof startCaptureSmtp>>;
const savedSmtp = process.env.SMTP_URL;

beforeAll(async () => {
  smtp = await startCaptureSmtp();
  process.env.SMTP_URL = smtp.url;
});
afterAll(async () => {
  process.env.SMTP_URL = savedSmtp;
  await smtp.close();
});

describe("enqueue inside the caller's transaction", () => {
  it("a job enqueued in a transaction that rolls back does not exist and never runs; its committed twin runs", async () => {
    const marker = uid();
    await expect(
      transaction(async (tx) => {
        await enqueue(tx, "email-sweep", { marker });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await jobsWith("email-sweep", "marker", marker)).toEqual([]);

    const ran: string[] = [];
    await testWorker({ "email-sweep": async (data) => void ran.push((data as { marker: string }).marker) });
    await transaction((tx) => enqueue(tx, "email-sweep", { marker: `${marker}-kept` }));
    await waitFor("the committed job to run", async () => ran.includes(`${marker}-kept`));
    expect(ran).not.toContain(marker);
    expect(await jobsWith("email-sweep", "marker", marker)).toEqual([]);
  });

  it("refuses a queue that does not exist instead of dropping the job silently", async () => {
    // @ts-expect-error: not a declared queue
    await expect(enqueue(db(), "no-such-queue", {})).rejects.toThrow('The job queue "no-such-queue" does not exist');
  });
});

describe("exactly-once effects", () => {
  it("the first claim of an effect key wins; a second delivery, even at the same time, does nothing", async () => {
    const key = `test:${uid()}`;
    const [a, b] = await Promise.all([
      transaction(async (tx) => claimEffect(tx, key, "email-sweep")),
      transaction(async (tx) => claimEffect(tx, key, "email-sweep")),
    ]);
    expect([a, b].sort()).toEqual([false, true]);
    expect(await transaction((tx) => claimEffect(tx, key, "email-sweep"))).toBe(false);
    expect(await db().jobEffect.count({ where: { key } })).toBe(1);
  });

  it("a claim in a transaction that rolls back is released with the half-done effect", async () => {
    const key = `test:${uid()}`;
    await expect(
      transaction(async (tx) => {
        expect(await claimEffect(tx, key, "email-sweep")).toBe(true);
        throw new Error("crashed half way");
      }),
    ).rejects.toThrow();
    expect(await transaction((tx) => claimEffect(tx, key, "email-sweep"))).toBe(true);
  });
});

describe("the worker", () => {
  it("stops cleanly: the job in hand finishes and is marked done, no job is left active", async () => {
    let started = false;
    let finished = false;
    const marker = uid();
    const w = await testWorker({
      "email-sweep": async (data) => {
        if ((data as { marker?: string }).marker !== marker) return;
        started = true;
        await new Promise((r) => setTimeout(r, 1500));
        finished = true;
      },
    });
    const id = await enqueue(db(), "email-sweep", { marker });
    await waitFor("the job to start", async () => started);
    await w.stop(10_000);
    expect(finished).toBe(true);
    await waitFor("the job to be marked completed", async () => (await jobById(id))?.state === "completed", 5_000);
  });

  it("a job whose handler throws is failed and retried by pg-boss, then succeeds", async () => {
    const marker = uid();
    let calls = 0;
    await testWorker({
      "email-sweep": async (data) => {
        if ((data as { marker?: string }).marker !== marker) return;
        calls++;
        if (calls === 1) throw new Error("SMTP server on fire");
      },
    });
    const id = await enqueue(db(), "email-sweep", { marker }, { retryDelaySeconds: 1 });
    await waitFor("the retried job to complete", async () => (await jobById(id))?.state === "completed");
    expect(calls).toBe(2);
    expect((await jobById(id))?.retry_count).toBe(1);
  });
});

describe("a worker killed in the middle of a job", () => {
  /** Only this test's job is due in its queue, so the dying worker takes it. */
  async function onlyJobDue(id: string, queue: QueueName = "meeting-reminder") {
    await db().$executeRawUnsafe(`UPDATE ${JOB_SCHEMA}.job SET state = 'cancelled', completed_on = now() WHERE name = $2 AND state < 'active' AND id <> $1::uuid`, id, queue);
  }

  function dyingWorker(mode: "midway" | "after-effect", queue: QueueName = "meeting-reminder") {
    const child = spawn("npx", ["tsx", "--conditions=react-server", "tests/integration/jobs/dying-worker.ts", mode, queue], {
      cwd: root,
      env: { ...process.env, NODE_ENV: "test" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const exited = new Promise<void>((r) => child.on("exit", () => r()));
    return {
      until: (text: string) => waitFor(`the dying worker to print ${text}`, async () => out.includes(text), 60_000).catch((e: Error) => Promise.reject(new Error(`${e.message}\n${out}`))),
      kill: async () => {
        process.kill(-child.pid!, "SIGKILL");
        await exited;
      },
    };
  }

  /** How many emails about the case each address received. */
  async function emailsTo(addresses: string[], reference: string) {
    return Object.fromEntries(addresses.map((a) => [a, smtp.received.filter((m) => m.to === a && m.raw.includes(reference)).length]));
  }

  it("half-way through its effect: nothing of it survives, and after a restart the reminder is sent exactly once", async () => {
    const f = await meetingWithReminderDue();
    const id = await enqueue(db(), "meeting-reminder", { meetingId: f.meeting.id, sequence: 0 }, { expireInSeconds: 2, retryDelaySeconds: 1 });
    await onlyJobDue(id);
    const child = dyingWorker("midway");
    try {
      await child.until("MIDWAY");
      expect((await jobById(id))?.state).toBe("active");
    } finally {
      await child.kill();
    }
    // The transaction died with the process: no key, no email.
    expect(await db().jobEffect.count({ where: { key: reminderKey(f.meeting.id, 0) } })).toBe(0);
    expect(await db().outboxEmail.count({ where: { to: "half-done@test.example" } })).toBe(0);

    // Restarted: the job expires, pg-boss retries it, and the real handler does the whole effect.
    await testWorker(JOB_HANDLERS);
    await waitFor("the job to be retried and completed", async () => (await jobById(id))?.state === "completed", 45_000);
    expect((await jobById(id))?.retry_count).toBeGreaterThanOrEqual(1);
    expect(await db().jobEffect.count({ where: { key: reminderKey(f.meeting.id, 0) } })).toBe(1);
    expect(await db().outboxEmail.count({ where: { caseId: f.caseId } })).toBe(3);
    await waitFor("the reminders to be delivered", async () => Object.values(await emailsTo(f.recipients, f.reference)).every((n) => n === 1));
    await new Promise((r) => setTimeout(r, 1500)); // nothing more arrives
    expect(await emailsTo(f.recipients, f.reference)).toEqual(Object.fromEntries(f.recipients.map((a) => [a, 1])));
  }, 120_000);

  it("after its effect was committed but before the job was marked done: the retry finds the effect done and sends nothing more", async () => {
    const f = await meetingWithReminderDue();
    const id = await enqueue(db(), "meeting-reminder", { meetingId: f.meeting.id, sequence: 0 }, { expireInSeconds: 2, retryDelaySeconds: 1 });
    await onlyJobDue(id);
    const child = dyingWorker("after-effect");
    try {
      await child.until("EFFECT-DONE");
    } finally {
      await child.kill();
    }
    // Never marked done (still active, or already expired for a retry on a slow machine).
    expect(["active", "retry"]).toContain((await jobById(id))?.state);
    expect(await db().outboxEmail.count({ where: { caseId: f.caseId } })).toBe(3);

    await testWorker(JOB_HANDLERS);
    await waitFor("the job to be retried and completed", async () => (await jobById(id))?.state === "completed", 45_000);
    expect((await jobById(id))?.retry_count).toBeGreaterThanOrEqual(1);
    expect(await db().jobEffect.count({ where: { key: reminderKey(f.meeting.id, 0) } })).toBe(1);
    expect(await db().outboxEmail.count({ where: { caseId: f.caseId } })).toBe(3);
    await waitFor("the reminders to be delivered", async () => Object.values(await emailsTo(f.recipients, f.reference)).every((n) => n === 1));
    await new Promise((r) => setTimeout(r, 1500));
    expect(await emailsTo(f.recipients, f.reference)).toEqual(Object.fromEntries(f.recipients.map((a) => [a, 1])));
  }, 120_000);
  /** The day-30 alert's whole effect, once: the key, the two emails, the staff timeline entry and the audit row. */
  async function expectOneAlert(f: Awaited<ReturnType<typeof caseWithClockAlertDue>>) {
    expect(await db().jobEffect.count({ where: { key: clockAlertKey(f.caseId, "MEDIATION_30_DAY", f.lastDay) } })).toBe(1);
    expect(await db().outboxEmail.count({ where: { caseId: f.caseId } })).toBe(2);
    expect(await db().caseEvent.count({ where: { caseId: f.caseId, type: "CLOCK_ALERT_SENT" } })).toBe(1);
    expect(await db().auditEvent.count({ where: { caseId: f.caseId, action: "case.clock_alert_sent" } })).toBe(1);
    await waitFor("the alerts to be delivered", async () => Object.values(await emailsTo(f.recipients, f.reference)).every((n) => n === 1));
    await new Promise((r) => setTimeout(r, 1500)); // nothing more arrives
    expect(await emailsTo(f.recipients, f.reference)).toEqual(Object.fromEntries(f.recipients.map((a) => [a, 1])));
  }

  it("the day-30 alert, half-way through its effect: nothing of it survives, and after a restart it is sent exactly once", async () => {
    const f = await caseWithClockAlertDue();
    const id = await enqueue(db(), "case-clock-alert", { caseId: f.caseId, deadlineId: f.deadlineId }, { expireInSeconds: 2, retryDelaySeconds: 1 });
    await onlyJobDue(id, "case-clock-alert");
    const child = dyingWorker("midway", "case-clock-alert");
    try {
      await child.until("MIDWAY");
      expect((await jobById(id))?.state).toBe("active");
    } finally {
      await child.kill();
    }
    expect(await db().jobEffect.count({ where: { key: clockAlertKey(f.caseId, "MEDIATION_30_DAY", f.lastDay) } })).toBe(0);
    expect(await db().outboxEmail.count({ where: { caseId: f.caseId } })).toBe(0);

    await testWorker(JOB_HANDLERS);
    await waitFor("the job to be retried and completed", async () => (await jobById(id))?.state === "completed", 45_000);
    expect((await jobById(id))?.retry_count).toBeGreaterThanOrEqual(1);
    await expectOneAlert(f);
  }, 120_000);

  it("the day-30 alert, after its effect was committed but before the job was marked done: the retry sends nothing more", async () => {
    const f = await caseWithClockAlertDue();
    const id = await enqueue(db(), "case-clock-alert", { caseId: f.caseId, deadlineId: f.deadlineId }, { expireInSeconds: 2, retryDelaySeconds: 1 });
    await onlyJobDue(id, "case-clock-alert");
    const child = dyingWorker("after-effect", "case-clock-alert");
    try {
      await child.until("EFFECT-DONE");
    } finally {
      await child.kill();
    }
    // Never marked done (still active, or already expired for a retry on a slow machine).
    expect(["active", "retry"]).toContain((await jobById(id))?.state);
    expect(await db().outboxEmail.count({ where: { caseId: f.caseId } })).toBe(2);

    await testWorker(JOB_HANDLERS);
    await waitFor("the job to be retried and completed", async () => (await jobById(id))?.state === "completed", 45_000);
    expect((await jobById(id))?.retry_count).toBeGreaterThanOrEqual(1);
    await expectOneAlert(f);
  }, 120_000);
});
