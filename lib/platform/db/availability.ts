/**
 * Is the database there? One process-wide answer, kept up to date by what the app's own connections
 * see (a refused or lost connection marks it down at once; the next successful probe marks it up),
 * and why not, in words an operator can act on without any secret or connection string. Read by
 * /api/health (lib/platform/health.ts) and by the "service unavailable" gate in front of every page
 * (./unavailable-gate.ts, docs/decisions/0034). No server-only and no Prisma: instrumentation.ts
 * loads it before Next.js serves anything.
 */

export const DATABASE_PROBLEMS = {
  unreachable: "The database server cannot be reached (connection refused or host not found).",
  "connection-lost": "The database server closed the connection.",
  "timed-out": "The database server did not answer in time.",
  "authentication-failed": "The database server refused the app's user name or password.",
  "access-denied": "The database server refused the app access to its database.",
  "database-missing": "The app's database does not exist on the server.",
  "starting-or-stopping": "The database server is starting up, shutting down or recovering.",
  "too-many-connections": "The database server has no free connections.",
  "tls-failed": "A secure (TLS) connection to the database server could not be made.",
  "pool-unusable": "The database server answers, but none of the app's own connections to it did in time.",
} as const;
export type DatabaseProblem = keyof typeof DATABASE_PROBLEMS;

type State = { down: { problem: DatabaseProblem; since: number; at: number } | null };
const KEY = Symbol.for("send-mediation.database-availability");
function state(): State {
  const g = globalThis as Record<symbol, State | undefined>;
  return (g[KEY] ??= { down: null });
}

const SOCKET_CODES: Partial<Record<string, DatabaseProblem>> = {
  ECONNREFUSED: "unreachable",
  ENOTFOUND: "unreachable",
  EAI_AGAIN: "unreachable",
  EHOSTUNREACH: "unreachable",
  ENETUNREACH: "unreachable",
  ECONNRESET: "connection-lost",
  EPIPE: "connection-lost",
  ETIMEDOUT: "timed-out",
};

/** PostgreSQL's own error codes (SQLSTATE) that mean "no database for now", not "bad query". */
function fromSqlState(code: string): DatabaseProblem | null {
  if (code === "28P01" || code === "28000") return code === "28P01" ? "authentication-failed" : "access-denied";
  if (code === "3D000") return "database-missing";
  if (code === "57P01" || code === "57P02" || code === "57P03") return "starting-or-stopping";
  if (code === "53300") return "too-many-connections";
  if (code.startsWith("08")) return "connection-lost";
  return null;
}

/** Prisma's codes for the same (P1xxx: the connection; P2024/P2037: no connection to be had). */
const PRISMA_CODES: Partial<Record<string, DatabaseProblem>> = {
  P1000: "authentication-failed",
  P1001: "unreachable",
  P1002: "timed-out",
  P1003: "database-missing",
  P1008: "timed-out",
  P1010: "access-denied",
  P1011: "tls-failed",
  P1017: "connection-lost",
  P2024: "timed-out",
  P2037: "too-many-connections",
};

const MESSAGES: [RegExp, DatabaseProblem][] = [
  [/timeout exceeded when trying to connect|connection timeout|Connection terminated due to connection timeout|Query read timeout/i, "timed-out"],
  [/Connection terminated|Client has encountered a connection error|not queryable|Server has closed the connection/i, "connection-lost"],
  [/Can't reach database server/i, "unreachable"],
  [/the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command/i, "starting-or-stopping"],
];

/**
 * What a thrown error says about the database being there, or null for any other error (a bad
 * query, a constraint, a bug). Looks through the layers: Prisma's error, the driver adapter's, pg's.
 */
export function databaseProblemOf(e: unknown, depth = 0): DatabaseProblem | null {
  if (depth > 5 || typeof e !== "object" || e === null) return null;
  const err = e as { code?: unknown; message?: unknown; kind?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  if (typeof err.code === "string") {
    const known = SOCKET_CODES[err.code] ?? PRISMA_CODES[err.code];
    if (known) return known;
    if (/^[0-9A-Z]{5}$/.test(err.code)) {
      const p = fromSqlState(err.code);
      if (p) return p;
    }
  }
  // The driver adapter's error: { kind, originalCode } (postgres errors keep their SQLSTATE in `code`).
  if (typeof err.kind === "string") {
    const byKind: Partial<Record<string, DatabaseProblem>> = {
      DatabaseNotReachable: "unreachable",
      ConnectionClosed: "connection-lost",
      SocketTimeout: "timed-out",
      AuthenticationFailed: "authentication-failed",
      DatabaseAccessDenied: "access-denied",
      DatabaseDoesNotExist: "database-missing",
      TooManyConnections: "too-many-connections",
      TlsConnectionError: "tls-failed",
    };
    const known = byKind[err.kind];
    if (known) return known;
  }
  if (typeof err.message === "string") {
    for (const [re, p] of MESSAGES) if (re.test(err.message)) return p;
  }
  return databaseProblemOf(err.meta?.driverAdapterError, depth + 1) ?? databaseProblemOf(err.cause, depth + 1);
}

/** Records that the database is not there (from an error any connection saw). Returns the problem, or null if the error is not that. */
export function noteDatabaseError(e: unknown, now = Date.now()): DatabaseProblem | null {
  const problem = databaseProblemOf(e);
  if (problem) markDatabaseDown(problem, now);
  return problem;
}

/** Records that the database is not there, for the given reason. */
export function markDatabaseDown(problem: DatabaseProblem, now = Date.now()): void {
  const s = state();
  s.down = { problem, since: s.down?.since ?? now, at: now };
}

/** Records that the database answered. */
export function noteDatabaseUp(): void {
  state().down = null;
}

/** Null while the database is taken to be there; else why not, since when, and when last seen failing. */
export function databaseOutage(): { problem: DatabaseProblem; since: number; at: number } | null {
  return state().down;
}
