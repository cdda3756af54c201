/**
 * Helpers of the job tests: pg-boss's own table read back, waiting for the worker, and a worker
 * started and stopped by a test (no worker runs in Vitest otherwise).
 */
import { afterEach, beforeAll } from "vitest";
import { db } from "@/lib/platform/db";
import { JOB_SCHEMA, type QueueName } from "@/lib/platform/jobs/queues";
import { startWorker, type JobHandlers, type RunningWorker } from "@/lib/platform/jobs/worker";

export type JobRow = { id: string; name: string; state: string; data: Record<string, unknown>; start_after: Date; retry_count: number; output: unknown };

/** The jobs of `queue` whose data has `key` = `value`, oldest first. */
export async function jobsWith(queue: QueueName, key: string, value: string | number): Promise<JobRow[]> {
  return db().$queryRawUnsafe<JobRow[]>(
    `SELECT id::text AS id, name, state::text AS state, data, start_after, retry_count, output FROM ${JOB_SCHEMA}.job WHERE name = $1 AND data->>$2 = $3 ORDER BY created_on, id`,
    queue,
    key,
    String(value),
  );
}

export async function jobById(id: string): Promise<JobRow | undefined> {
  const rows = await db().$queryRawUnsafe<JobRow[]>(
    `SELECT id::text AS id, name, state::text AS state, data, start_after, retry_count, output FROM ${JOB_SCHEMA}.job WHERE id = $1::uuid`,
    id,
  );
  return rows[0];
}

/** Polls `check` until it returns a truthy value (returned), or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T>, timeoutMs = 30_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const running: RunningWorker[] = [];

/** A worker for this test (stopped after it): fast polling and maintenance, no cron. */
export async function testWorker(handlers: Partial<JobHandlers>, o: { maintenanceIntervalSeconds?: number } = {}): Promise<RunningWorker> {
  const w = await startWorker({ handlers, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: o.maintenanceIntervalSeconds ?? 1, schedule: false, log: () => {} });
  running.push(w);
  return w;
}

/**
 * Call at the top of a file that starts workers. The other test files share the database and queue
 * jobs no worker of theirs runs (hundreds of emails by now): a worker started here would deliver
 * that backlog before this file's own jobs, so it is cleared first (test files run one at a time).
 */
export function stopWorkersAfterEach() {
  beforeAll(async () => {
    await db().$executeRawUnsafe(`DELETE FROM ${JOB_SCHEMA}.job WHERE state IN ('created', 'retry')`);
  });
  afterEach(async () => {
    while (running.length) await running.pop()!.stop(5_000);
  });
}
