/**
 * Enqueuing a job INSIDE the caller's transaction: `enqueue(tx, queue, data)` writes the pg-boss job
 * row through the caller's Prisma interactive transaction (pg-boss's `db` option), so the job
 * exists only if the transaction commits — a job enqueued in a rolled-back transaction never runs,
 * and one enqueued with the outbox row it delivers can never miss it (the transactional outbox).
 *
 * The app's processes never start pg-boss themselves (no polling, no pool of their own): the
 * instance here only builds pg-boss's SQL; the worker process (./worker.ts, scripts/worker.ts)
 * runs the jobs. The queues exist once ./prepare.ts has run (every start script runs it).
 */
import "server-only";
import PgBoss from "pg-boss";
import { databaseUrl, type Tx } from "@/lib/platform/db";
import { BOSS_SETTINGS, type QueueName } from "./queues";

/** Prisma's client or one of its interactive transactions: both run raw SQL. */
export type SqlClient = Pick<Tx, "$queryRawUnsafe">;

/**
 * pg-boss's database interface on a Prisma client or transaction. pg-boss hands `pg`-style values:
 * undefined becomes null, and a job's data (a plain object) its JSON text, as `pg` itself would do.
 */
export function prismaJobDb(client: SqlClient): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const args = values.map((v) => (v === undefined ? null : v !== null && typeof v === "object" && !(v instanceof Date) && !Array.isArray(v) ? JSON.stringify(v) : v));
      const rows = await client.$queryRawUnsafe<unknown[]>(text, ...args);
      return { rows };
    },
  };
}

const globalForBoss = globalThis as unknown as { __jobBoss?: PgBoss; __jobBossUrl?: string };

/** The app's pg-boss instance, never started: used only with a `db` (a Prisma client or transaction). */
export function jobBoss(): PgBoss {
  const url = databaseUrl();
  if (!globalForBoss.__jobBoss || globalForBoss.__jobBossUrl !== url) {
    globalForBoss.__jobBoss = new PgBoss({ connectionString: url, ...BOSS_SETTINGS });
    globalForBoss.__jobBossUrl = url;
  }
  return globalForBoss.__jobBoss;
}

export type EnqueueOptions = {
  /** Not before this instant, or this many seconds from now. */
  startAfter?: Date | number;
  /** Override the queue's settings for this job (tests make a crashed job come back sooner). */
  expireInSeconds?: number;
  retryLimit?: number;
  retryDelaySeconds?: number;
};

/** Adds a job in the caller's transaction and returns its id. Throws when the queue does not exist. */
export async function enqueue(client: SqlClient, queue: QueueName, data: object, opts: EnqueueOptions = {}): Promise<string> {
  const options: PgBoss.SendOptions = { db: prismaJobDb(client) };
  if (opts.startAfter !== undefined) options.startAfter = opts.startAfter instanceof Date ? opts.startAfter : Math.max(1, Math.round(opts.startAfter));
  if (opts.expireInSeconds !== undefined) options.expireInSeconds = opts.expireInSeconds;
  if (opts.retryLimit !== undefined) options.retryLimit = opts.retryLimit;
  if (opts.retryDelaySeconds !== undefined) options.retryDelay = opts.retryDelaySeconds;
  const id = await jobBoss().send(queue, data, options);
  // pg-boss inserts nothing (and says nothing) for a queue that does not exist.
  if (!id) throw new Error(`The job queue "${queue}" does not exist: the database has not been prepared for jobs (lib/platform/jobs/prepare.ts).`);
  return id;
}
