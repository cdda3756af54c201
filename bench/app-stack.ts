/**
 * The application under benchmark (issue 14): the production build served by `next start` with
 * the job worker beside it, as `npm start` runs them (scripts/start.ts) and as the browser tests do
 * (tests/e2e/server.ts), on a throw-away embedded PostgreSQL in this run's own folder, seeded with
 * the scale data (lib/seed/scale.ts). E-mail goes by real SMTP to a catcher in this process (the
 * family's sign-in links). Everything is stopped and the folder deleted by `stop()`.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { freePort, startEmbeddedPostgres } from "../scripts/embedded-postgres";
import { spawnWorker, stopWorker } from "../scripts/worker-process";
import { prepareJobs } from "../lib/platform/jobs/prepare";

/** Sources whose change makes the build stale (newer than .next/BUILD_ID). */
const BUILD_INPUTS = ["app", "pages", "components", "lib", "scripts/turbopack", "proxy.ts", "instrumentation.ts", "next.config.js", "package-lock.json", "tsconfig.json", "postcss.config.mjs"];
/** How long `next start` may take to answer /api/health. */
const APP_START_TIMEOUT_MS = 120_000;

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(p)) if (name !== "node_modules" && !name.startsWith(".")) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

/** Why the production build must be (re)made, or null when it is current. */
export function buildStaleness(projectDir = process.cwd()): string | null {
  const id = path.join(projectDir, ".next", "BUILD_ID");
  if (!existsSync(id)) return "there is no production build";
  const built = statSync(id).mtimeMs;
  const changed = BUILD_INPUTS.find((p) => newestMtime(path.join(projectDir, p)) > built);
  return changed ? `${changed} changed since the last build` : null;
}

/** Builds (`npm run build`) when the build is missing or stale, unless told to skip. */
export function ensureBuild(skip: boolean): void {
  const why = buildStaleness();
  if (!why) return console.log("  production build is current");
  if (skip) {
    if (!existsSync(".next/BUILD_ID")) throw new Error("--skip-build: there is no production build; run `npm run build` first.");
    return console.log(`  --skip-build: using the existing build although ${why}`);
  }
  console.log(`  building (${why}): npm run build`);
  execFileSync("npm", ["run", "build"], { stdio: "inherit" });
}

export type Mail = { to: string; text: string };

export type AppStack = {
  base: string;
  databaseUrl: string;
  mail: Mail[];
  waitForMail(to: string, after: number, timeoutMs?: number): Promise<Mail>;
  stop(): Promise<void>;
};

async function startSmtp(): Promise<{ port: number; mail: Mail[]; close: () => Promise<void> }> {
  const mail: Mail[] = [];
  const port = await freePort();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, cb) {
      let raw = "";
      stream.on("data", (d: Buffer) => (raw += d.toString("utf8")));
      stream.on("end", () => {
        mail.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), text: raw });
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return { port, mail, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/**
 * Starts the database (migrated, job queues prepared) and calls `seed(url)`; then the app and the
 * worker. `seed` runs before the app starts so the app's first queries see the data's statistics.
 */
export async function startAppStack<T>(seed: (databaseUrl: string) => Promise<T>): Promise<{ stack: AppStack; seeded: T }> {
  const runDir = path.resolve(`.data/bench-pages-${process.pid}`);
  mkdirSync(runDir, { recursive: true });
  const stops: (() => Promise<void>)[] = [async () => rmSync(runDir, { recursive: true, force: true })];
  const stop = async () => {
    for (const s of stops.splice(0).reverse()) await s().catch((e: unknown) => console.error("  cleanup:", e instanceof Error ? e.message : e));
  };
  try {
    const pg = await startEmbeddedPostgres({ dataDir: path.join(runDir, "postgres"), database: "bench", fresh: true, quiet: true });
    stops.push(pg.stop);
    const env = { ...process.env, DATABASE_URL: pg.url };
    execFileSync("npx", ["prisma", "migrate", "deploy"], { env, stdio: "pipe" });
    await prepareJobs(pg.url);
    const seeded = await seed(pg.url);

    const smtp = await startSmtp();
    stops.push(smtp.close);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const appEnv = {
      ...process.env,
      NODE_ENV: "production" as const,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: pg.url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
      NEXTAUTH_URL: base,
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      // The bench is the reverse proxy: each simulated user comes from its own address.
      TRUSTED_PROXY_HOPS: "1",
      FILE_STORE_DIR: path.join(runDir, "files"),
    };
    // BENCH_CPU_PROFILE=<folder>: `next start` writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
    const profile = process.env.BENCH_CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROFILE)}`] : [];
    const next: ChildProcess = spawn(process.execPath, [...profile, path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], { env: appEnv, stdio: ["ignore", "ignore", "inherit"] });
    stops.push(async () => {
      if (next.exitCode === null && next.signalCode === null) {
        next.kill("SIGTERM");
        await new Promise((r) => next.once("exit", r));
      }
    });
    const worker = spawnWorker(appEnv);
    stops.push(() => stopWorker(worker));

    const deadline = Date.now() + APP_START_TIMEOUT_MS;
    for (;;) {
      if (next.exitCode !== null) throw new Error(`next start exited (${next.exitCode})`);
      const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`the app did not answer /api/health within ${APP_START_TIMEOUT_MS / 1000} s`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const waitForMail = async (to: string, after: number, timeoutMs = 60_000) => {
      const end = Date.now() + timeoutMs;
      while (Date.now() < end) {
        const m = smtp.mail.slice(after).find((x) => x.to.toLowerCase() === to.toLowerCase());
        if (m) return m;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`no e-mail to ${to} within ${timeoutMs / 1000} s`);
    };
    return { stack: { base, databaseUrl: pg.url, mail: smtp.mail, waitForMail, stop }, seeded };
  } catch (e) {
    await stop();
    throw e;
  }
}
