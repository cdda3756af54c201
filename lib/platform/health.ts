/**
 * /api/health: whether the app can use its database, and if not why (./db/availability.ts), in
 * words without secrets or connection strings. 200 when healthy, 503 when not (docs/decisions/0034).
 */
import "server-only";
import { databaseUrl, db } from "@/lib/platform/db";
import { DATABASE_PROBLEMS, databaseOutage, noteDatabaseError, noteDatabaseUp, type DatabaseProblem } from "@/lib/platform/db/availability";
import { probeDatabase } from "@/lib/platform/db/probe";

/** The health check's own `SELECT 1` through the app's pool gives up after this long. */
export const HEALTH_TIMEOUT_MS = 3_000;

export type Health = {
  app: "ok";
  database: "ok" | "down";
  /** When down: a stable code (DATABASE_PROBLEMS) and what it means. */
  problem?: DatabaseProblem;
  detail?: string;
  /** When down: since when the app has seen it down. */
  downSince?: string;
  time: string;
};

class HealthTimeout extends Error {
  code = "ETIMEDOUT";
}

export async function checkHealth(): Promise<Health> {
  const time = new Date().toISOString();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db().$queryRaw`SELECT 1`,
      new Promise((_, reject) => (timer = setTimeout(() => reject(new HealthTimeout("The health check timed out")), HEALTH_TIMEOUT_MS))),
    ]);
    noteDatabaseUp();
    return { app: "ok", database: "ok", time };
  } catch (e) {
    // Named from the pool's own error when it says; else asked on a fresh connection of its own.
    const problem = noteDatabaseError(e) ?? (await probeDatabase(databaseUrl())) ?? "pool-unusable";
    const since = databaseOutage()?.since;
    return { app: "ok", database: "down", problem, detail: DATABASE_PROBLEMS[problem], ...(since ? { downSince: new Date(since).toISOString() } : {}), time };
  } finally {
    clearTimeout(timer);
  }
}
