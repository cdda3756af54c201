/**
 * The job worker process (pg-boss, lib/platform/jobs): started next to Next.js by `npm run dev` and
 * `npm start` (and the browser tests' server), never inside it. Needs DATABASE_URL, and for email
 * SMTP_URL (without it, outside production, emails go to the development mailbox as the app's do).
 * On SIGINT or SIGTERM it stops taking jobs, lets the running ones finish (up to 20 seconds; any
 * still running are failed and retried later), and exits. Run with
 * `tsx --conditions=react-server scripts/worker.ts` (lib/ modules are server-only).
 */
import { startWorker } from "../lib/platform/jobs/worker";
import { JOB_HANDLERS } from "../lib/platform/jobs/handlers";
import { QUEUE_NAMES } from "../lib/platform/jobs/queues";
import { db } from "../lib/platform/db";

if (!process.env.DATABASE_URL) {
  console.error("Cannot start the job worker: DATABASE_URL is not set.");
  process.exit(1);
}

const worker = await startWorker({ handlers: JOB_HANDLERS }).catch((e: unknown) => {
  console.error(`Cannot start the job worker: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
console.log(`Job worker started (queues: ${QUEUE_NAMES.join(", ")}).`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`Job worker stopping (${signal}): finishing the jobs in hand…`);
  try {
    await worker.stop();
    await db().$disconnect();
    console.log("Job worker stopped.");
    process.exit(0);
  } catch (e) {
    console.error(`Job worker did not stop cleanly: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
