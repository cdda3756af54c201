/**
 * How the app talks to PostgreSQL: pool sizes and timeouts, one named constant each, overridable by
 * an operator through the environment (README "Configuration", docs/decisions/0034). No server-only
 * and no Prisma: the worker's pg-boss and the test set-ups read them too.
 *
 * Connections per app instance = DB_POOL_MAX (Next.js: pages, actions, routes) + JOB_POOL_MAX (the
 * worker's pg-boss) + 1 for a moment while the database is being probed during an outage. The
 * defaults (10 + 4 + 1 = 15) leave room for several instances under PostgreSQL's default
 * max_connections of 100.
 */

function envInt(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number of at least ${min} (it is "${raw}").`);
  return n;
}

/** The app's pool (lib/platform/db): at most this many connections per Next.js process. */
export const DB_POOL_MAX = envInt("DB_POOL_MAX", 10, 1);
/** The worker's pg-boss pool (lib/platform/jobs/worker.ts): polling, fetching and completing jobs. */
export const JOB_POOL_MAX = envInt("JOB_POOL_MAX", 4, 2);
/**
 * Longest wait for a connection: to open one (a server that does not answer) or for a free one in
 * a full pool. Past it the request fails with "the service is unavailable" instead of spinning.
 */
export const DB_CONNECT_TIMEOUT_MS = envInt("DB_CONNECT_TIMEOUT_MS", 5_000, 100);
/** PostgreSQL cancels any one statement that runs longer (statement_timeout). */
export const DB_STATEMENT_TIMEOUT_MS = envInt("DB_STATEMENT_TIMEOUT_MS", 15_000, 100);
/**
 * PostgreSQL ends a session left inside a transaction doing nothing this long
 * (idle_in_transaction_session_timeout), releasing its locks: a process that died or hung
 * mid-transaction never blocks the others for longer.
 */
export const DB_IDLE_IN_TRANSACTION_TIMEOUT_MS = envInt("DB_IDLE_IN_TRANSACTION_TIMEOUT_MS", 60_000, 100);
/** An unused pooled connection is closed after this long. */
export const DB_IDLE_CONNECTION_MS = 30_000;
/** TCP keep-alive on every connection, so a server that vanished from the network is noticed. */
export const DB_KEEPALIVE_DELAY_MS = 10_000;

/** pg settings shared by the app's pool and pg-boss's: bounded, with every timeout above. */
export type PoolSettings = {
  connectionString: string;
  max: number;
  connectionTimeoutMillis: number;
  idleTimeoutMillis: number;
  keepAlive: boolean;
  keepAliveInitialDelayMillis: number;
  statement_timeout: number;
  idle_in_transaction_session_timeout: number;
  application_name: string;
};

export function poolSettings(connectionString: string, max: number, applicationName: string): PoolSettings {
  return {
    connectionString,
    max,
    connectionTimeoutMillis: DB_CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: DB_IDLE_CONNECTION_MS,
    keepAlive: true,
    keepAliveInitialDelayMillis: DB_KEEPALIVE_DELAY_MS,
    statement_timeout: DB_STATEMENT_TIMEOUT_MS,
    idle_in_transaction_session_timeout: DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    application_name: applicationName,
  };
}
