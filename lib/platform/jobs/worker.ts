/**
 * The worker: the one place that starts and stops a running pg-boss. It prepares the database
 * (./prepare.ts), then works every queue it has a handler for, runs pg-boss's maintenance (a job
 * whose worker died expires after its queue's expireInSeconds and is retried) and, unless told
 * not to, the cron schedules of ./queues.ts. Run as its own process next to Next.js
 * (scripts/worker.ts, started by `npm run dev` and `npm start`; docs/decisions/0011-jobs.md).
 *
 * Jobs are taken a few at a time and run one after another; a job whose handler throws is failed
 * on its own (pg-boss retries it with back-off up to its queue's retryLimit, then keeps it as
 * failed for /admin/jobs), the others in the batch still complete.
 */
import "server-only";
import PgBoss from "pg-boss";
import { databaseUrl } from "@/lib/platform/db";
import { JOB_POOL_MAX, poolSettings } from "@/lib/platform/db/settings";
import { prepareJobs } from "./prepare";
import { BOSS_SETTINGS, QUEUE_NAMES, type QueueName } from "./queues";

export type JobContext = { id: string; queue: QueueName };
/** Handles one job. Throwing fails it (and pg-boss retries it); the effect must be claimed once (./effects.ts). */
export type JobHandler = (data: unknown, job: JobContext) => Promise<void>;
export type JobHandlers = Record<QueueName, JobHandler>;

export type WorkerOptions = {
  handlers: Partial<JobHandlers>;
  connectionString?: string;
  /** How often an idle queue is asked for work (pg-boss's minimum is 0.5 s). */
  pollingIntervalSeconds?: number;
  /** How often expired jobs are failed for retry, and old ones archived (pg-boss's default 120 s). */
  maintenanceIntervalSeconds?: number;
  /** Start the cron schedules (the daily scans). Tests leave them off. */
  schedule?: boolean;
  log?: (line: string) => void;
};

export type RunningWorker = {
  boss: PgBoss;
  /** Stops taking jobs, waits up to `timeoutMs` for the running ones, then fails what is left (to be retried). */
  stop: (timeoutMs?: number) => Promise<void>;
};

export const WORKER_BATCH_SIZE = 5;
export const WORKER_STOP_TIMEOUT_MS = 20_000;

export async function startWorker(o: WorkerOptions): Promise<RunningWorker> {
  const url = o.connectionString ?? databaseUrl();
  const log = o.log ?? ((line: string) => console.log(line));
  await prepareJobs(url);
  const boss = new PgBoss({
    // Bounded, with the app's timeouts (JOB_POOL_MAX connections; lib/platform/db/settings.ts). A
    // connection lost while PostgreSQL is down is dropped and pg-boss's polling reconnects when it is back.
    ...poolSettings(url, JOB_POOL_MAX, "send-mediation-worker"),
    ...BOSS_SETTINGS,
    supervise: true,
    schedule: o.schedule ?? true,
    migrate: false,
    ...(o.maintenanceIntervalSeconds ? { maintenanceIntervalSeconds: o.maintenanceIntervalSeconds } : {}),
  });
  boss.on("error", (e: Error) => log(`[jobs] ${e.message}`));
  await boss.start();
  for (const queue of QUEUE_NAMES) {
    const handler = o.handlers[queue];
    if (!handler) continue;
    await boss.work<object>(queue, { batchSize: WORKER_BATCH_SIZE, pollingIntervalSeconds: o.pollingIntervalSeconds ?? 2 }, async (jobs) => {
      for (const job of jobs) {
        try {
          await handler(job.data, { id: job.id, queue });
        } catch (e) {
          const error = e instanceof Error ? e : new Error(String(e));
          log(`[jobs] ${queue} job ${job.id} failed: ${error.message}`);
          await boss.fail(queue, job.id, { message: error.message.slice(0, 1000) });
        }
      }
    });
  }
  let stopping: Promise<void> | undefined;
  return {
    boss,
    stop: (timeoutMs = WORKER_STOP_TIMEOUT_MS) => (stopping ??= boss.stop({ graceful: true, timeout: timeoutMs, wait: true })),
  };
}
