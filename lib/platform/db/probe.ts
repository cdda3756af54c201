/**
 * Asks the database server "are you there?" on a connection of its own (never the app's pool, which
 * may be full or hold dead connections), within PROBE_TIMEOUT_MS. No server-only and no Prisma: the
 * "service unavailable" gate (./unavailable-gate.ts) runs before Next.js.
 */
import pg from "pg";
import { databaseProblemOf, markDatabaseDown, noteDatabaseUp, type DatabaseProblem } from "./availability";

/** A probe that gets no answer in this time counts as "timed out". */
export const PROBE_TIMEOUT_MS = 2_000;

/** Null when the server answered `SELECT 1`; else what is wrong. Updates the process's availability. */
export async function probeDatabase(connectionString: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<DatabaseProblem | null> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs, application_name: "send-mediation-probe" });
  client.on("error", () => {}); // a connection lost after the answer is not this probe's business
  try {
    await client.connect();
    await client.query("SELECT 1");
    noteDatabaseUp();
    return null;
  } catch (e) {
    // Whatever stopped the probe's own SELECT 1 means no database for the app.
    const problem = databaseProblemOf(e) ?? "unreachable";
    markDatabaseDown(problem);
    return problem;
  } finally {
    await client.end().catch(() => {});
  }
}
