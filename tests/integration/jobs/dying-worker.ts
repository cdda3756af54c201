/**
 * A worker process that dies in the middle of a job, for the "killed mid-job" tests: run with
 * `tsx --conditions=react-server tests/integration/jobs/dying-worker.ts <mode> [queue]`; the test
 * kills it (SIGKILL) once it prints where it stopped. The queue is `meeting-reminder` (the default)
 * or `case-clock-alert` (the day-30 alert).
 *  - midway: the job's effect half done (its key claimed and one email queued) in a transaction
 *    that never commits;
 *  - after-effect: the whole effect done and committed by the real handler, but the job never
 *    marked complete.
 */
import { z } from "zod";
import { transaction, type Tx } from "../../../lib/platform/db";
import { startWorker, type JobHandler } from "../../../lib/platform/jobs/worker";
import { claimEffect } from "../../../lib/platform/jobs/effects";
import { queueEmail } from "../../../lib/platform/outbox/queue-email";
import { reminderKey } from "../../../lib/meetings/reminders/reminder-schedule";
import { sendMeetingReminder } from "../../../lib/meetings/reminders/send-meeting-reminder";
import { clockAlertKey } from "../../../lib/cases/alerts/clock-alert-schedule";
import { clockAlertJobSchema, sendClockAlert } from "../../../lib/cases/alerts/send-clock-alert";
import { isoFromDbDate } from "../../../lib/deadlines";

const mode = process.argv[2];
const queue = process.argv[3] === "case-clock-alert" ? "case-clock-alert" : "meeting-reminder";
const forever = () => new Promise<never>(() => {});

/** The effect's key, claimed in a transaction that never commits, with one email beside it. */
async function halfDone(claim: (tx: Tx) => Promise<unknown>) {
  await transaction(async (tx) => {
    await claim(tx);
    await queueEmail(tx, { to: "half-done@test.example", subject: "Half done", body: "Never committed" });
    console.log("MIDWAY");
    await forever();
  });
}

const reminder: JobHandler = async (data) => {
  if (mode === "midway") {
    const job = z.object({ meetingId: z.string(), sequence: z.number() }).parse(data);
    await halfDone((tx) => claimEffect(tx, reminderKey(job.meetingId, job.sequence), "meeting-reminder"));
  } else {
    await sendMeetingReminder(data);
    console.log("EFFECT-DONE");
    await forever();
  }
};

const alert: JobHandler = async (data) => {
  if (mode === "midway") {
    const job = clockAlertJobSchema.parse(data);
    await halfDone(async (tx) => {
      const d = await tx.caseDeadline.findUniqueOrThrow({ where: { id: job.deadlineId } });
      await claimEffect(tx, clockAlertKey(job.caseId, d.name, isoFromDbDate(d.dueOn)), "case-clock-alert");
    });
  } else {
    await sendClockAlert(data);
    console.log("EFFECT-DONE");
    await forever();
  }
};

await startWorker({
  schedule: false,
  pollingIntervalSeconds: 0.5,
  log: (l) => console.error(l),
  handlers: queue === "case-clock-alert" ? { "case-clock-alert": alert } : { "meeting-reminder": reminder },
});
console.log("READY");
