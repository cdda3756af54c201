/**
 * A failed pg-boss job as the failed-jobs page shows it (/admin/jobs): what it was (its queue's
 * label, lib/platform/jobs/queues.ts), when it failed, why in one line, and how many times it was
 * tried. Read from pg-boss's own table (JOB_SCHEMA.job), where failed jobs stay 30 days.
 */
import "server-only";
import { JOB_SCHEMA, QUEUES, QUEUE_NAMES, type QueueName } from "@/lib/platform/jobs/queues";

export type FailedJob = { id: string; queue: string; label: string; createdAt: Date; failedAt: Date | null; error: string; attempts: number };

export type FailedJobRow = { id: string; name: string; created_on: Date; completed_on: Date | null; retry_count: number; error: string | null };

export const FAILED_JOB_COLUMNS = `id::text AS id, name, created_on, completed_on, retry_count,
  COALESCE(output->>'message', output->'value'->>'message', output->>'value') AS error`;
export const JOB_TABLE = `${JOB_SCHEMA}.job`;

/** pg-boss's own words for a job that never finished, in plain English. */
const PG_BOSS_ERRORS: Record<string, string> = {
  "job failed by timeout in active state": "It did not finish in time: the worker may have stopped while running it.",
  "pg-boss shut down while active": "The worker was stopped while running it.",
};

export function isQueueName(name: string): name is QueueName {
  return (QUEUE_NAMES as readonly string[]).includes(name);
}

export function toFailedJob(r: FailedJobRow): FailedJob {
  const error = r.error?.trim() ? (PG_BOSS_ERRORS[r.error.trim()] ?? r.error.trim()) : "No reason was recorded.";
  return {
    id: r.id,
    queue: r.name,
    label: isQueueName(r.name) ? QUEUES[r.name].label : r.name,
    createdAt: r.created_on,
    failedAt: r.completed_on,
    error: error.length > 300 ? `${error.slice(0, 300)}…` : error,
    attempts: Number(r.retry_count) + 1,
  };
}
