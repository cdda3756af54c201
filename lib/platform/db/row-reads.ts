/**
 * Issue 14 (decision 0042): a read that is one hand-written statement giving at most one row, with
 * what that row becomes — so that a lib query sends it alone (`readOne`) and a page that needs
 * several of them about the same record sends them all in one statement and one round trip
 * (`readTogether`: the case page's sections). Each read keeps its own SQL, scope and shaping in its
 * own module; this only carries them.
 *
 * `readTogether` nests each statement as a json column (row_to_json): a column comes back as
 * `readRows` gives it for text, int4, bool, json/jsonb and text[] — the only types a read meant for
 * it may select at its top level (instants inside its json, as lib/platform/db/sql-values.ts
 * writes them). tests/integration/cases/case-sections.test.ts checks that each section reads the
 * same alone and together.
 */
import "server-only";
import { Prisma, readRows } from "./index";

export type RowRead<T> = { readonly sql: Prisma.Sql; readonly shape: (row: unknown) => T };

/** A one-row statement and what its row (undefined: none) becomes. */
export function rowRead<Row, T>(sql: Prisma.Sql, shape: (row: Row | undefined) => T): RowRead<T> {
  return { sql, shape: (row) => shape((row ?? undefined) as Row | undefined) };
}

/** One read, alone: one statement. */
export async function readOne<T>(read: RowRead<T>): Promise<T> {
  const [row] = await readRows<unknown>(read.sql);
  return read.shape(row);
}

type Results<R extends Record<string, RowRead<unknown> | null>> = {
  [K in keyof R]: NonNullable<R[K]> extends RowRead<infer T> ? (null extends R[K] ? T | null : T) : null;
};

/** Several reads in one statement (null entries are not read and give null); each shaped as alone. */
export async function readTogether<R extends Record<string, RowRead<unknown> | null>>(reads: R): Promise<Results<R>> {
  const entries = Object.entries(reads).filter((e): e is [string, RowRead<unknown>] => e[1] !== null);
  const out: Record<string, unknown> = Object.fromEntries(Object.keys(reads).map((k) => [k, null]));
  if (entries.length === 0) return out as Results<R>;
  const columns = entries.map(([key, r]) => {
    if (!/^[a-zA-Z]\w*$/.test(key)) throw new Error(`readTogether: "${key}" is not a column name`);
    return Prisma.sql`(SELECT row_to_json(r) FROM (${r.sql}) r) AS ${Prisma.raw(`"${key}"`)}`;
  });
  const [row] = await readRows<Record<string, unknown>>(Prisma.sql`SELECT ${Prisma.join(columns)}`);
  for (const [key, r] of entries) out[key] = r.shape(row?.[key] ?? undefined);
  return out as Results<R>;
}
