/**
 * Issue 14: records every SQL statement this process sends to PostgreSQL while a function runs —
 * for the no-N+1 test (tests/integration/platform/query-counts.test.ts) and the query plans
 * (bench/plans). It wraps `pg`'s Client.prototype.query, through which the Prisma driver adapter
 * (@prisma/adapter-pg) and every pool send their statements, so the count is what reaches the
 * server: Prisma's relation loads, raw queries, BEGIN/COMMIT. Never used by the app itself.
 * Not for concurrent use: everything the process sends meanwhile is recorded.
 */
import pg from "pg";

export type RecordedQuery = { text: string; values: readonly unknown[] };

type QueryFn = (...args: unknown[]) => unknown;

/** Runs `fn` and returns its result with the statements sent while it ran, in order. */
export async function recordQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: RecordedQuery[] }> {
  const proto = pg.Client.prototype as unknown as { query: QueryFn };
  const original = proto.query;
  const queries: RecordedQuery[] = [];
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    if (typeof first === "string") queries.push({ text: first, values: Array.isArray(second) ? second : [] });
    else if (first && typeof first === "object" && "text" in first) {
      const q = first as { text: string; values?: unknown[] };
      queries.push({ text: q.text, values: q.values ?? (Array.isArray(second) ? second : []) });
    }
    return original.apply(this, args);
  };
  try {
    const result = await fn();
    return { result, queries };
  } finally {
    proto.query = original;
  }
}
