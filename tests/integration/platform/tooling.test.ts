/**
 * The project's own tooling, run as a developer would: migrations created and checked offline on
 * the WebAssembly engine, the zero-setup `npm run dev`, and `npm start` refusing to run unconfigured.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { request } from "node:http";
import { chromium } from "@playwright/test";
import { freePort } from "../../../scripts/ports";
import { APT_INSTALL_CHROMIUM, findChromium } from "../../../scripts/chromium";
import { DEMO_PASSWORD } from "../../../lib/seed/demo-accounts";
import { prepareJobs } from "../../../lib/platform/jobs/prepare";
import { JOB_SCHEMA } from "../../../lib/platform/jobs/queues";

const root = path.resolve(import.meta.dirname, "../../..");
type Env = Record<string, string | undefined>;
const npx = (args: string[], env: Env = {}) =>
  spawnSync("npx", args, { cwd: root, env: { ...process.env, ...env } as NodeJS.ProcessEnv, encoding: "utf8", timeout: 120_000 });

describe("migrations", () => {
  it("match the schema exactly (a schema change without a migration fails here)", () => {
    const r = npx(["prisma", "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--exit-code"]);
    expect(r.stdout + r.stderr).toContain("No difference detected");
    expect(r.status).toBe(0);
  }, 120_000);

  it("`prisma migrate dev` creates and applies a new migration offline", async () => {
    // A database of its own, so the probe table never reaches the shared test database.
    const probeDb = `migrate_probe_${process.pid}`;
    const admin = new pg.Client(process.env.DATABASE_URL);
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${probeDb}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${probeDb}"`);
    const probeUrl = new URL(process.env.DATABASE_URL!);
    probeUrl.pathname = `/${probeDb}`;
    const dir = path.join(root, `.data/migrate-probe-${process.pid}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    cpSync(path.join(root, "prisma/migrations"), path.join(dir, "migrations"), { recursive: true });
    const schema = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8") + "\nmodel MigrationProbe {\n  id String @id\n}\n";
    writeFileSync(path.join(dir, "schema.prisma"), schema.replace('output          = "../lib/platform/db/generated"', `output = "${dir}/generated"`));
    writeFileSync(
      path.join(dir, "prisma.config.ts"),
      `import { defineConfig } from "prisma/config";
import { MigrationAdapterFactory } from "${root}/prisma/migration-adapter";
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "${dir}/schema.prisma",
  migrations: { path: "${dir}/migrations" },
  async adapter() { return new MigrationAdapterFactory(process.env.DATABASE_URL!); },
});
`,
    );
    try {
      // A developer's database is normally up to date before they change the schema, and holds
      // pg-boss's own schema (issue 10), which Prisma must leave alone.
      const deploy = npx(["prisma", "migrate", "deploy", "--config", `${dir}/prisma.config.ts`], { DATABASE_URL: probeUrl.toString() });
      expect(deploy.status, deploy.stderr).toBe(0);
      await prepareJobs(probeUrl.toString());
      const r = npx(["prisma", "migrate", "dev", "--config", `${dir}/prisma.config.ts`, "--name", "probe", "--skip-generate", "--skip-seed"], {
        DATABASE_URL: probeUrl.toString(),
      });
      expect(r.status, r.stderr).toBe(0);
      const created = readdirSync(path.join(dir, "migrations")).find((d) => d.endsWith("_probe"));
      expect(created).toBeTruthy();
      expect(readFileSync(path.join(dir, "migrations", created!, "migration.sql"), "utf8")).toContain('CREATE TABLE "MigrationProbe"');
      const probe = new pg.Client(probeUrl.toString());
      await probe.connect();
      const { rows } = await probe.query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE migration_name LIKE '%_probe'`);
      const boss = await probe.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${JOB_SCHEMA}.queue`);
      await probe.end();
      expect(rows[0]?.n).toBe(1);
      // The new migration is only the probe table: nothing of pg-boss's schema leaked into it, nor was it dropped.
      expect(readFileSync(path.join(dir, "migrations", created!, "migration.sql"), "utf8")).not.toContain(JOB_SCHEMA);
      expect(boss.rows[0]?.n).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await admin.query(`DROP DATABASE IF EXISTS "${probeDb}" WITH (FORCE)`);
      await admin.end();
    }
  }, 180_000);
});

describe("npm start", () => {
  it("refuses to start without DATABASE_URL and NEXTAUTH_SECRET, saying what is missing", () => {
    const env: Env = { ...process.env };
    delete env.DATABASE_URL;
    delete env.NEXTAUTH_SECRET;
    const r = spawnSync("npx", ["tsx", "scripts/start.ts"], { cwd: root, env: env as NodeJS.ProcessEnv, encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("DATABASE_URL and NEXTAUTH_SECRET are not set");
  });

  it("refuses to start without a public origin for links in emails (APP_ORIGIN or NEXTAUTH_URL), in one line", () => {
    const env: Env = { ...process.env, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none", NEXTAUTH_SECRET: "x".repeat(32) };
    delete env.APP_ORIGIN;
    delete env.NEXTAUTH_URL;
    const r = spawnSync("npx", ["tsx", "scripts/start.ts"], { cwd: root, env: env as NodeJS.ProcessEnv, encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Cannot start: APP_ORIGIN \(or NEXTAUTH_URL\) is not set: .*https:\/\/mediation\.example\.org.*$/m);
  });
});

describe("npm run dev", () => {
  it("clears a stale build cache, starts PostgreSQL, migrates, seeds, serves the sign-in page (at localhost and 127.0.0.1; the mailbox to this machine only), runs the job worker, and stops cleanly on Ctrl-C", async () => {
    const port = await freePort();
    const dataDir = path.join(root, `.data/dev-probe-${process.pid}`);
    rmSync(dataDir, { recursive: true, force: true });
    // A cache left by another Next.js version (the endless-reload case): the start deletes it.
    const leftover = path.join(root, ".next/dev/left-by-next-16.0.0");
    mkdirSync(path.dirname(leftover), { recursive: true });
    mkdirSync(path.join(root, ".data"), { recursive: true });
    writeFileSync(leftover, "");
    writeFileSync(path.join(root, ".data/next-build-stamp.json"), JSON.stringify({ next: "16.0.0", root }));
    const env: Env = { ...process.env, PORT: String(port), DEV_DATA_DIR: dataDir, NODE_ENV: "development" };
    delete env.DATABASE_URL;
    const child = spawn("npx", ["tsx", "scripts/dev.ts"], { cwd: root, env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      let status = 0;
      const deadline = Date.now() + 150_000;
      while (Date.now() < deadline && status !== 200) {
        await new Promise((r) => setTimeout(r, 1000));
        status = await fetch(`http://localhost:${port}/sign-in`).then((r) => r.status, () => 0);
      }
      expect(status, out).toBe(200);
      expect(out).toMatch(/Cleared the stale build cache \(\.next\): it was built by Next\.js 16\.0\.0 and this is 16\.\d+\.\d+/);
      expect(existsSync(leftover)).toBe(false);
      expect(out).toContain(`running at http://localhost:${port}`);
      expect(out).toContain("caseworker@demo.test");
      // Issue 10: the job worker runs with the app.
      expect(out).toContain("Job worker started");
      const html = await (await fetch(`http://localhost:${port}/sign-in`)).text();
      expect(html).toContain("Sign in");

      // Issue 9 item 10: the mailbox answers only on this machine, by its own names.
      expect(await statusOf(port, "/dev/mailbox", "127.0.0.1")).toBe(200);
      expect(await statusOf(port, "/dev/mailbox", "localhost")).toBe(200);
      expect(await statusOf(port, "/dev/mailbox", "mailbox.evil.example")).toBe(404);
      // …and the app works opened at 127.0.0.1 too: the page becomes interactive and signing in
      // lands on the caseworker's home (before, Next refused its dev scripts to that origin and
      // next-auth answered for localhost only).
      await signInInChromium(`http://127.0.0.1:${port}`);
    } finally {
      // Ctrl-C in a terminal signals the whole foreground process group.
      process.kill(-child.pid!, "SIGINT");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* already gone */
      }
    }
    // The worker stopped gracefully, before PostgreSQL.
    expect(out).toContain("Job worker stopped.");
    expect(out.indexOf("Job worker stopped.")).toBeLessThan(out.indexOf("Stopping PostgreSQL"));
    expect(out).toContain("Stopping PostgreSQL");
    // PostgreSQL stopped: no server is left holding the data folder.
    const pid = spawnSync("sh", ["-c", `test -f ${dataDir}/postmaster.pid && echo running || echo stopped`], { encoding: "utf8" }).stdout.trim();
    expect(pid).toBe("stopped");
    rmSync(dataDir, { recursive: true, force: true });
  }, 400_000);
});

/** The status of GET `path` from the dev server on this machine, sent with the given Host name. */
function statusOf(port: number, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers: { Host: `${host}:${port}` } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

/** Opens the sign-in page at `origin` in Chromium, waits until React has taken over the form, and signs in. */
async function signInInChromium(origin: string) {
  const executablePath = findChromium(process.env, existsSync);
  if (!executablePath) throw new Error(`No Chromium for this test: ${APT_INSTALL_CHROMIUM} (or set CHROMIUM_PATH).`);
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/sign-in`, { timeout: 120_000 });
    // Hydrated: React has attached itself to the form (a page whose scripts were refused never is).
    await expect
      .poll(() => page.evaluate(() => Object.keys(document.querySelector("main form") ?? {}).some((k) => k.startsWith("__reactFiber"))), { timeout: 120_000 })
      .toBe(true);
    await page.getByLabel("Email address").fill("caseworker@demo.test");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${origin}/cases`, { timeout: 120_000 });
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Cases");
  } finally {
    await browser.close();
  }
}
