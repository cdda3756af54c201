/**
 * Issue 14 (decision 0033): how a hand-written statement writes a value inside the json it
 * aggregates, so that the row reads exactly as Prisma's would once shaped. Inside json,
 * PostgreSQL writes a `date` as "2026-01-05" and a `timestamptz` in the session's time zone
 * ("2026-01-05T09:00:00.123+00:00"), whatever the driver's type parsers; these spell them out.
 */
import { Prisma } from "./generated/client";

/** A `date` column as its ISO day, "2026-01-05" (what isoFromDbDate gives of Prisma's Date). */
export function isoDaySql(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`to_char(${column}, 'YYYY-MM-DD')`;
}

/**
 * A `timestamptz(3)` column as Date#toISOString writes it, "2026-01-05T09:00:00.123Z" (UTC, to the
 * millisecond the column keeps), whatever the connection's time zone.
 */
export function isoInstantSql(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
