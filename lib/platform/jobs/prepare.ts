/**
 * Makes the database ready for jobs: pg-boss's schema (created or upgraded by pg-boss itself, in
 * JOB_SCHEMA, beside the app's tables but never in Prisma's migrations), every queue of ./queues.ts
 * with its settings, and the scans' cron schedules. Idempotent, and safe to run from several
 * processes at once (pg-boss takes an advisory lock).
 *
 * Run after `prisma migrate deploy` by every start (scripts/dev.ts, scripts/start.ts, the test
 * set-ups) before the app can enqueue: a job sent to a queue that does not exist would be silently
 * dropped by pg-boss, so ./boss.ts refuses it instead. No server-only: the start scripts import it.
 */
import PgBoss from "pg-boss";
import { BOSS_SETTINGS, JOB_TIME_ZONE, QUEUES, QUEUE_NAMES } from "./queues";

export async function prepareJobs(connectionString: string): Promise<void> {
  const boss = new PgBoss({ connectionString, ...BOSS_SETTINGS, supervise: false, schedule: false, migrate: true, max: 2 });
  boss.on("error", (e: Error) => console.error(`[jobs] ${e.message}`));
  await boss.start();
  try {
    for (const name of QUEUE_NAMES) {
      const q = QUEUES[name];
      const options = { name, policy: "standard" as const, retryLimit: q.retryLimit, retryDelay: q.retryDelaySeconds, retryBackoff: true, expireInSeconds: q.expireInSeconds };
      // createQueue leaves an existing queue as it is; updateQueue brings its settings up to date.
      await boss.createQueue(name, options);
      await boss.updateQueue(name, options);
      if (q.cron) await boss.schedule(name, q.cron, {}, { tz: JOB_TIME_ZONE });
      else await boss.unschedule(name);
    }
  } finally {
    await boss.stop({ graceful: false });
  }
}
