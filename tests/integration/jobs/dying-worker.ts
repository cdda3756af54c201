/**
 * A worker process that dies in the middle of a job, for the "killed mid-job" tests: run with
 * `tsx --conditions=react-server tests/integration/jobs/dying-worker.ts <mode>`; the test kills it
 * (SIGKILL) once it prints where it stopped.
 *  - midway: the reminder's effect half done (its key claimed and one email queued) in a
 *    transaction that never commits;
 *  - after-effect: the whole reminder done and committed, but the job never marked complete.
 */
import { z } from "zod";
import { transaction } from "../../../lib/platform/db";
import { startWorker } from "../../../lib/platform/jobs/worker";
import { claimEffect } from "../../../lib/platform/jobs/effects";
import { queueEmail } from "../../../lib/platform/outbox/queue-email";
import { reminderKey } from "../../../lib/meetings/reminders/reminder-schedule";
import { sendMeetingReminder } from "../../../lib/meetings/reminders/send-meeting-reminder";

const mode = process.argv[2];
const forever = () => new Promise<never>(() => {});

await startWorker({
  schedule: false,
  pollingIntervalSeconds: 0.5,
  log: (l) => console.error(l),
  handlers: {
    "meeting-reminder": async (data) => {
      if (mode === "midway") {
        const job = z.object({ meetingId: z.string(), sequence: z.number() }).parse(data);
        await transaction(async (tx) => {
          await claimEffect(tx, reminderKey(job.meetingId, job.sequence), "meeting-reminder");
          await queueEmail(tx, { to: "half-done@test.example", subject: "Half done", body: "Never committed" });
          console.log("MIDWAY");
          await forever();
        });
      } else {
        await sendMeetingReminder(data);
        console.log("EFFECT-DONE");
        await forever();
      }
    },
  },
});
console.log("READY");
