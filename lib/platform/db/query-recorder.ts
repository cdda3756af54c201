/**
 * Issue 14: records every SQL statement this process sends to PostgreSQL while a function runs —
 * for the no-N+1 test (tests/integration/platform/query-counts.test.ts) and the query plans
 * (bench/plans). It wraps `pg`'s Query.prototype.submit, which runs when a statement is actually
 * written to a connection, whatever sent it: the Prisma driver adapter (@prisma/adapter-pg, with
 * the app's pool and its one-query-at-a-time connections, ./index.ts), raw queries, other pools.
 * So the count is what reaches the server: Prisma's relation loads, raw queries, writes,
 * BEGIN/COMMIT. Never used by the app itself. Not for concurrent use: everything the process
 * sends meanwhile is recorded.
 */
import pg from "pg";

export type RecordedQuery = { text: string; values: readonly unknown[] };

type Submit = (this: { text?: string; values?: unknown[] }, ...args: unknown[]) => unknown;

/** Runs `fn` and returns its result with the statements sent while it ran, in order. */
export async function recordQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: RecordedQuery[] }> {
  const proto = (pg as unknown as { Query: { prototype: { submit: Submit } } }).Query.prototype;
  const original = proto.submit;
  const queries: RecordedQuery[] = [];
  proto.submit = function (this: { text?: string; values?: unknown[] }, ...args: unknown[]) {
    if (typeof this.text === "string") queries.push({ text: this.text, values: this.values ?? [] });
    return original.apply(this, args);
  };
  try {
    const result = await fn();
    return { result, queries };
  } finally {
    proto.submit = original;
  }
}
