/**
 * `npm run dev`: zero-setup development. Without DATABASE_URL, starts the embedded PostgreSQL (data
 * kept under .data/, reused by the next start), applies migrations, prepares the job queues, loads
 * the demo data when the database is empty, then runs `next dev` and the job worker
 * (scripts/worker.ts) and prints the URL and the demo sign-ins. Ctrl-C stops Next.js, the worker
 * (after the jobs in hand) and PostgreSQL cleanly. A build cache left by another Next.js version or
 * another project folder is deleted first (scripts/build-cache.ts).
 */
import { spawn, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { clearStaleBuildCache } from "./build-cache";
import { DEV_DATA_DIR, PostgresStartError, startEmbeddedPostgres, type RunningPostgres } from "./embedded-postgres";
import { DEMO_ADMIN_TOTP_SECRET, DEMO_PASSWORD, DEMO_USERS } from "../lib/seed/demo-accounts";
import { prepareJobs } from "../lib/platform/jobs/prepare";
import { spawnWorker, stopWorker } from "./worker-process";

function devSecret(): string {
  const file = ".data/dev-nextauth-secret";
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(".data", { recursive: true });
  const s = randomBytes(32).toString("base64url");
  writeFileSync(file, s, { mode: 0o600 });
  return s;
}

async function main() {
  const root = path.resolve(import.meta.dirname, "..");
  const nextVersion = (createRequire(import.meta.url)("next/package.json") as { version: string }).version;
  clearStaleBuildCache({ cacheDir: path.join(root, ".next"), stampFile: path.join(root, ".data/next-build-stamp.json"), current: { next: nextVersion, root } });

  let embedded: RunningPostgres | null = null;
  if (!process.env.DATABASE_URL) {
    console.log(`Starting the embedded PostgreSQL (data in ${DEV_DATA_DIR})…`);
    try {
      embedded = await startEmbeddedPostgres({ dataDir: DEV_DATA_DIR, database: "send_mediation", quiet: true });
    } catch (e) {
      console.error(e instanceof PostgresStartError ? e.message : e);
      process.exit(1);
    }
  }
  const url = process.env.DATABASE_URL ?? embedded!.url;
  const env = { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1" };

  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    proc.child?.kill("SIGTERM");
    // The worker finishes the jobs in hand while the database is still there.
    if (proc.worker) await stopWorker(proc.worker);
    if (embedded) {
      console.log("\nStopping PostgreSQL…");
      await embedded.stop().catch(() => {});
    }
    process.exit(code);
  };
  const proc: { child?: ReturnType<typeof spawn>; worker?: ReturnType<typeof spawn> } = {};
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    console.log("Applying migrations…");
    execFileSync("npx", ["prisma", "migrate", "deploy"], { env, stdio: ["ignore", "ignore", "inherit"] });
    await prepareJobs(url);
    const client = new pg.Client(url);
    await client.connect();
    const { rows } = await client.query<{ n: string }>('SELECT count(*)::text AS n FROM "User"');
    await client.end();
    if (rows[0]?.n === "0") {
      console.log("Empty database: loading the demo data…");
      execFileSync("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts"], { env, stdio: "inherit" });
    }
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    await stop(1);
  }

  const port = Number(process.env.PORT) || 3000;
  const origin = `http://localhost:${port}`;
  // Only this machine can reach the dev server (its mailbox shows sign-in links) unless HOST says
  // otherwise. The loopback address itself, not the name: "localhost" may resolve to ::1 alone,
  // and browsers try 127.0.0.1 for localhost anyway, so both addresses work.
  const host = process.env.HOST || "127.0.0.1";
  // Without NEXTAUTH_URL, next-auth takes its origin from the request (dev only), so signing in
  // works at localhost and at 127.0.0.1 alike; links in emails still go to http://localhost:PORT
  // (lib/platform/public-origin.ts), never to the request's Host.
  const auth = process.env.NEXTAUTH_URL ? {} : { AUTH_TRUST_HOST: "true" };
  const child = spawn("npx", ["next", "dev", "-p", String(port), "-H", host], {
    env: { ...env, ...auth, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? devSecret() },
    stdio: "inherit",
  });
  proc.child = child;
  child.on("exit", (code) => void stop(code ?? 0));
  const worker = spawnWorker({ ...env, PORT: String(port) });
  proc.worker = worker;
  worker.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`\nThe job worker stopped (${signal ?? `exit code ${code}`}): stopping the app, since emails, reminders and alerts would not be sent.`);
    void stop(code || 1);
  });
  setTimeout(() => {
    const also = host === "127.0.0.1" ? `also http://127.0.0.1:${port}; only this machine can open it` : `listening on ${host}`;
    console.log(`\n  SEND Mediation is running at ${origin} (${also})\n`);
    console.log(`  Demo sign-ins (staff password: ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS) console.log(`    ${u.role.padEnd(11)} ${u.email}${u.role === "PARENT" ? "  (no password: ask for a link, then open /dev/mailbox)" : ""}`);
    console.log(`  The admin's two-step sign-in key (add it to an authenticator app): ${DEMO_ADMIN_TOTP_SECRET}`);
    console.log("\n  Press Ctrl-C to stop.\n");
  }, 1500);
}

void main();
