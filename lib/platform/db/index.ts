/**
 * The one PrismaClient of the process. Only lib/ modules import this; pages, routes and server
 * actions go through lib/<feature> functions, which apply the authorization scope (lib/auth).
 *
 * Its pg pool is bounded (DB_POOL_MAX) and every wait has an end (./settings.ts: connecting or
 * waiting for a free connection, one statement, a transaction left idle). What the pool sees of
 * the server feeds ./availability.ts: a refused connection or a connection the server closed marks
 * the database down at once (pages then answer "service unavailable", 503), a new connection marks
 * it up. A dead connection is dropped from the pool and a new one is opened on the next query, so
 * the app carries on by itself when PostgreSQL is back (docs/decisions/0034).
 */
import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, Prisma } from "./generated/client";
import { noteDatabaseError, noteDatabaseUp } from "./availability";
import { DB_POOL_MAX, poolSettings } from "./settings";

export * from "./generated/client";

const globalForPrisma = globalThis as unknown as { __prisma?: PrismaClient; __prismaUrl?: string; __pool?: pg.Pool };

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  return url;
}

type QueryFn = (...args: unknown[]) => unknown;

/**
 * One query at a time on a connection, in the order asked. Inside an interactive transaction Prisma
 * (6.19, client engine) reads a record's relations in parallel (e.g. a case with its parties and
 * deadlines), all on the transaction's one connection; pg then queues them itself and warns
 * "Calling client.query() when the client is already executing a query" (deprecated: pg 9 will
 * refuse). Chaining them here is the flow control pg asks for, with the same order and results.
 * The callback form (pg-pool's own pool.query) passes straight through.
 */
function oneQueryAtATime(client: pg.PoolClient): void {
  const query = client.query.bind(client) as QueryFn;
  let tail: Promise<unknown> = Promise.resolve();
  client.query = ((...args: unknown[]) => {
    const submittable = typeof (args[0] as { submit?: unknown } | undefined)?.submit === "function";
    if (submittable || args.some((a) => typeof a === "function")) return query(...args);
    const run = tail.then(() => query(...args));
    tail = run.catch(() => {});
    return run;
  }) as typeof client.query;
}

/** The app's pool, watched: its connection failures and recoveries are the process's availability. */
function watchedPool(url: string): pg.Pool {
  const pool = new pg.Pool(poolSettings(url, DB_POOL_MAX, "send-mediation"));
  // An idle connection the server closed (e.g. PostgreSQL stopping): the pool drops it; note why.
  pool.on("error", (e) => void noteDatabaseError(e));
  pool.on("connect", (client) => {
    noteDatabaseUp();
    oneQueryAtATime(client);
  });
  // A connection that could not be opened (refused, timed out, no free one in time, bad password).
  const connect = pool.connect.bind(pool) as (cb?: (err: Error | undefined, client?: pg.PoolClient, done?: (release?: unknown) => void) => void) => Promise<pg.PoolClient> | void;
  pool.connect = ((cb?: (err: Error | undefined, client?: pg.PoolClient, done?: (release?: unknown) => void) => void) => {
    if (cb) {
      return connect((err, client, done) => {
        if (err) noteDatabaseError(err);
        cb(err, client, done);
      });
    }
    return (connect() as Promise<pg.PoolClient>).catch((e: unknown) => {
      noteDatabaseError(e);
      throw e;
    });
  }) as typeof pool.connect;
  return pool;
}

function create(url: string): PrismaClient {
  const pool = watchedPool(url);
  globalForPrisma.__pool = pool;
  const adapter = new PrismaPg(pool, { onConnectionError: (e) => void noteDatabaseError(e), disposeExternalPool: true });
  return new PrismaClient({ adapter });
}

/** Lazily created so that importing a module never needs a database (e.g. at build time). */
export function db(): PrismaClient {
  const url = databaseUrl();
  if (!globalForPrisma.__prisma || globalForPrisma.__prismaUrl !== url) {
    globalForPrisma.__prisma = create(url);
    globalForPrisma.__prismaUrl = url;
  }
  return globalForPrisma.__prisma;
}

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Longest wait for a connection to start a transaction (under load, e.g. many referrals at once). */
export const TRANSACTION_MAX_WAIT_MS = 15_000;
/** Longest an interactive transaction may run before Prisma rolls it back. */
export const TRANSACTION_TIMEOUT_MS = 30_000;

/** One interactive transaction with the project's limits (TRANSACTION_MAX_WAIT_MS, TRANSACTION_TIMEOUT_MS). */
export function transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(fn, { maxWait: TRANSACTION_MAX_WAIT_MS, timeout: TRANSACTION_TIMEOUT_MS });
}

/**
 * Issue 14 (decision 0040): a hot hand-written read — one the busiest pages send on every request
 * (the session's user, the case list, its filter choices) — sent through the app's own pool (the
 * same connections, limits and outage watch as Prisma's), skipping Prisma's raw-query layer, which
 * costs ~0.7 ms a statement over `pg` (measured: 1.07 against 0.37 ms). Only for statements whose
 * columns `pg` returns exactly as Prisma's `$queryRaw` would: text, int4, bool, json/jsonb and
 * timestamptz — never `date` (select it with to_char), int8 (cast ::int), numeric or arrays of
 * enums. The statement is a Prisma.sql template as for `$queryRaw` (its `$n` text and values).
 */
export async function readRows<T>(query: Prisma.Sql): Promise<T[]> {
  db();
  return (await globalForPrisma.__pool!.query(query.text, query.values)).rows as T[];
}

/**
 * Issue 14 (decision 0040): readRows' twin for the one hot hand-written write outside any
 * transaction — the read audit's conditional INSERT on every case page and family page
 * (lib/platform/audit/read.ts) — through the same pool, skipping Prisma's raw layer. Returns the
 * number of rows written. Anything that must commit with other writes stays in `transaction`.
 */
export async function writeRows(query: Prisma.Sql): Promise<number> {
  db();
  return (await globalForPrisma.__pool!.query(query.text, query.values)).rowCount ?? 0;
}
