/**
 * The server the browser tests run against: a fresh database (embedded PostgreSQL in this run's own
 * folder, or a new database on DATABASE_URL's server), migrated and seeded, then the production
 * build (`next start`) on this run's port, with the job worker beside it (scripts/worker.ts), as
 * `npm start` runs them. Email goes through real SMTP to the port the tests' own SMTP server listens
 * on. On SIGTERM it stops the worker, then the database, and deletes the run's folder.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { PostgresStartError, startEmbeddedPostgres } from "../../scripts/embedded-postgres";
import { E2E_NEXTAUTH_SECRET, e2eRun, RUN_DIR_PATTERN } from "./run";
import { prepareJobs } from "../../lib/platform/jobs/prepare";
import { spawnWorker, stopWorker } from "../../scripts/worker-process";

const run = e2eRun();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Folders of runs whose runner is gone (killed before it could clean up), and the old fixed ones. */
function sweepStaleRuns() {
  const data = path.dirname(path.resolve(run.dir));
  let names: string[] = [];
  try {
    names = readdirSync(data);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = RUN_DIR_PATTERN.exec(name)?.[1];
    const stale = (pid && !isAlive(Number(pid))) || name === "e2e-postgres" || name === "e2e.json";
    if (stale && path.join(data, name) !== path.resolve(run.dir)) rmSync(path.join(data, name), { recursive: true, force: true });
  }
}

async function main() {
  sweepStaleRuns();
  mkdirSync(run.dir, { recursive: true });
  let url: string;
  let stop: () => Promise<void> = async () => {};
  if (process.env.DATABASE_URL) {
    const name = `send_mediation_e2e_${run.port}`;
    const u = new URL(process.env.DATABASE_URL);
    const admin = new pg.Client(u.toString());
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    u.pathname = `/${name}`;
    url = u.toString();
    stop = async () => {
      const a = new pg.Client(process.env.DATABASE_URL);
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    };
  } else {
    try {
      const s = await startEmbeddedPostgres({ dataDir: run.dataDir, database: "send_mediation_e2e", fresh: true, quiet: true });
      url = s.url;
      stop = s.stop;
    } catch (e) {
      console.error(e instanceof PostgresStartError ? e.message : e);
      rmSync(run.dir, { recursive: true, force: true });
      process.exit(1);
    }
  }
  const env = { ...process.env, DATABASE_URL: url, NODE_ENV: "test" as const };
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env, stdio: "ignore" });
  await prepareJobs(url);
  execFileSync("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts"], { env, stdio: "inherit" });
  writeFileSync(run.infoFile, JSON.stringify({ databaseUrl: url }));

  const appEnv = {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: url,
    NEXTAUTH_SECRET: E2E_NEXTAUTH_SECRET,
    NEXTAUTH_URL: `http://localhost:${run.port}`,
    SMTP_URL: `smtp://127.0.0.1:${run.smtpPort}`,
    // Issue 12: the family's uploads go to this run's folder, not the checkout's .data/files.
    FILE_STORE_DIR: `${run.dir}/files`,
  };
  const child = spawn("npx", ["next", "start", "-p", String(run.port)], { env: appEnv, stdio: "inherit" });
  const worker = spawnWorker(appEnv);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    child.kill("SIGTERM");
    await stopWorker(worker);
    await stop().catch(() => {});
    rmSync(run.dir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
  child.on("exit", () => void shutdown());
  worker.on("exit", () => void shutdown());
}

void main();
