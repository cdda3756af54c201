/**
 * Two app instances, one database (issue 14, "Beyond one machine"; docs/deploying.md, decision
 * 0037). Not a speed benchmark: a check, run by hand after `npm run build`, that two `next start`
 * servers — each with its own job worker, as `npm start` runs them — behave as ONE system when they
 * share one PostgreSQL:
 *   (a) rate limits count across both: family sign-in link requests from one address, 10 an hour
 *       (FAMILY_LINK_REQUESTS_PER_HOUR), asked alternately on A and B;
 *   (b) a staff account held back on A (5 wrong passwords, SIGN_IN_LIMITS.pair) is held back on B,
 *       even with the right password;
 *   (c) a session made on A works on B, and signing out on B ends it on A;
 *   (d) N emails queued in the outbox (transactional, one pg-boss job each) are delivered once
 *       each, by two workers (one per instance), each sending to its own SMTP catcher.
 *
 *   npm run build && npx tsx --conditions=react-server bench/two-instances.ts [--emails N]
 *
 * Starts a fresh embedded PostgreSQL in .data/two-instances-<pid> (migrated, jobs prepared, demo
 * data seeded), two SMTP catchers, the two servers and workers on free ports, and Debian's
 * Chromium (scripts/chromium.ts); prints each check's outcome and exits 1 if any failed. Stops
 * everything it started and deletes its folder at the end.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { SMTPServer } from "smtp-server";
import { freePort, startEmbeddedPostgres } from "../scripts/embedded-postgres";
import { findChromium } from "../scripts/chromium";
import { spawnWorker, stopWorker } from "../scripts/worker-process";
import { DEMO_PASSWORD } from "../lib/seed/demo-accounts";
import { FAMILY_LINK_REQUESTS_PER_HOUR, FAMILY_LINK_RATE_LIMITED_MESSAGE } from "../lib/auth/family-link";
import { SIGN_IN_LIMITS } from "../lib/auth/sign-in-limits";
import { SIGN_IN_FAILED } from "../lib/auth/staff-sign-in";

const root = path.resolve(import.meta.dirname, "..");
const emailsArg = process.argv.indexOf("--emails");
const EMAILS = emailsArg > 0 ? Number(process.argv[emailsArg + 1]) : 60;
const SECRET = "two-instances-secret-not-for-production-0123456789";
const dir = path.join(root, ".data", `two-instances-${process.pid}`);

type Mail = { to: string; subject: string };
type Instance = { name: "A" | "B"; port: number; origin: string; smtp: Awaited<ReturnType<typeof startSmtp>>; app: ChildProcess; worker: ChildProcess };

const results: { check: string; ok: boolean; detail: string }[] = [];
function record(check: string, ok: boolean, detail: string) {
  results.push({ check, ok, detail });
  console.log(`${ok ? "PASS" : "FAIL"}  ${check}\n      ${detail}`);
}

async function startSmtp() {
  const received: Mail[] = [];
  const port = await freePort();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    onData(stream, session, cb) {
      let raw = "";
      stream.on("data", (d: Buffer) => (raw += d.toString("utf8")));
      stream.on("end", () => {
        const head = raw.split(/\r?\n\r?\n/)[0] ?? "";
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), subject: /^Subject: (.*)$/im.exec(head)?.[1]?.trim() ?? "" });
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return { port, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function waitForHealth(origin: string, timeoutMs = 120_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const res = await fetch(`${origin}/api/health`);
      if (res.ok && ((await res.json()) as { database?: string }).database === "ok") return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${origin} did not become healthy within ${timeoutMs / 1000} s`);
}

/** The family's "email me a sign-in link" form on one instance: "sent" or "refused" (rate limited). */
async function askForFamilyLink(page: Page, origin: string): Promise<"sent" | "refused"> {
  await page.goto(`${origin}/sign-in/family`);
  await page.getByLabel("Email address").fill("parent@demo.test");
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  return Promise.race([
    page.waitForURL(/\/sign-in\/family\/check-email$/, { timeout: 30_000 }).then(() => "sent" as const),
    page.getByText(FAMILY_LINK_RATE_LIMITED_MESSAGE).first().waitFor({ timeout: 30_000 }).then(() => "refused" as const),
  ]);
}

/** The staff sign-in form on one instance: the path signed in to, or the error shown. */
async function staffSignIn(page: Page, origin: string, email: string, password: string): Promise<{ in: string } | { error: string }> {
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  return Promise.race([
    page.waitForURL((u) => !u.pathname.startsWith("/sign-in"), { timeout: 30_000 }).then(() => ({ in: new URL(page.url()).pathname })),
    page.getByTestId("error-summary").waitFor({ timeout: 30_000 }).then(async () => ({ error: (await page.getByTestId("error-summary").innerText()).replace(/\s+/g, " ").trim() })),
  ]);
}

async function main(): Promise<number> {
  if (!existsSync(path.join(root, ".next/BUILD_ID"))) throw new Error("There is no production build: run `npm run build` first.");
  const executablePath = findChromium(process.env, existsSync);
  if (!executablePath) throw new Error("Chromium is not installed (see scripts/ensure-chromium.ts).");
  mkdirSync(dir, { recursive: true });
  const cleanups: (() => Promise<void>)[] = [];
  const instances: Instance[] = [];
  let browser: Browser | undefined;
  try {
    // One database for both instances.
    const pgServer = await startEmbeddedPostgres({ dataDir: path.join(dir, "postgres"), database: "send_mediation_two", fresh: true, quiet: true });
    cleanups.push(() => pgServer.stop());
    const url = pgServer.url;
    const env0 = { ...process.env, DATABASE_URL: url, NODE_ENV: "test" as const };
    execFileSync("npx", ["prisma", "migrate", "deploy"], { cwd: root, env: env0, stdio: "ignore" });
    const { prepareJobs } = await import("../lib/platform/jobs/prepare");
    await prepareJobs(url);
    execFileSync("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts"], { cwd: root, env: env0, stdio: "ignore" });

    const portA = await freePort();
    const portB = await freePort();
    // The public origin both instances share (a load balancer's, in production): links in emails and next-auth's URL.
    const publicOrigin = `http://localhost:${portA}`;
    for (const [name, port] of [["A", portA], ["B", portB]] as const) {
      const smtp = await startSmtp();
      cleanups.push(smtp.close);
      const env = {
        ...process.env,
        NODE_ENV: "production" as const,
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: url,
        NEXTAUTH_SECRET: SECRET,
        NEXTAUTH_URL: publicOrigin,
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        FILE_STORE_DIR: path.join(dir, "files"),
        TRUSTED_PROXY_HOPS: "0",
      };
      const app = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port)], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
      const worker = spawnWorker(env);
      instances.push({ name, port, origin: `http://localhost:${port}`, smtp, app, worker });
    }
    await Promise.all(instances.map((i) => waitForHealth(i.origin)));
    const [A, B] = instances as [Instance, Instance];
    console.log(`Two instances up: A ${A.origin} (worker → SMTP ${A.smtp.port}), B ${B.origin} (worker → SMTP ${B.smtp.port}); one database ${url.replace(/:[^:@/]*@/, ":***@")}\n`);

    browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"] });
    const fresh = async (): Promise<BrowserContext> => browser!.newContext();

    // (a) Family sign-in link requests: one address, asked alternately on A and B.
    {
      const page = await (await fresh()).newPage();
      const outcomes: string[] = [];
      for (let i = 0; i < FAMILY_LINK_REQUESTS_PER_HOUR + 2; i++) {
        const at = i % 2 === 0 ? A : B;
        outcomes.push(`${at.name}:${await askForFamilyLink(page, at.origin)}`);
      }
      const sent = outcomes.filter((o) => o.endsWith("sent")).length;
      const firstRefused = outcomes.findIndex((o) => o.endsWith("refused"));
      record(
        `(a) family sign-in links: ${FAMILY_LINK_REQUESTS_PER_HOUR} an hour per address, counted across both instances`,
        sent === FAMILY_LINK_REQUESTS_PER_HOUR && firstRefused === FAMILY_LINK_REQUESTS_PER_HOUR && outcomes.slice(firstRefused).every((o) => o.endsWith("refused")),
        `${outcomes.length} requests alternating A/B: ${outcomes.join(" ")} → ${sent} sent (${outcomes.slice(0, FAMILY_LINK_REQUESTS_PER_HOUR).filter((o) => o.startsWith("A")).length} on A, ${outcomes.slice(0, FAMILY_LINK_REQUESTS_PER_HOUR).filter((o) => o.startsWith("B")).length} on B), then refused on both`,
      );
    }

    // (b) Staff back-off: wrong passwords on A hold the account back on B (same address).
    {
      const page = await (await fresh()).newPage();
      const free = SIGN_IN_LIMITS.pair.free;
      const wrong: string[] = [];
      for (let i = 0; i < free; i++) {
        const r = await staffSignIn(page, A.origin, "caseworker@demo.test", `wrong-password-${i}`);
        wrong.push("error" in r ? (r.error.includes(SIGN_IN_FAILED) ? "wrong" : r.error) : `signed in?! ${r.in}`);
      }
      const onB = await staffSignIn(page, B.origin, "caseworker@demo.test", DEMO_PASSWORD);
      const onA = await staffSignIn(page, A.origin, "caseworker@demo.test", DEMO_PASSWORD);
      const held = (r: typeof onB) => "error" in r && /Too many attempts to sign in\. Wait \d+ seconds?/.test(r.error);
      record(
        `(b) a staff account held back after ${free} wrong passwords on A is held back on B`,
        wrong.every((w) => w === "wrong") && held(onB) && held(onA),
        `${free} wrong passwords on A: ${wrong.join(", ")}; then the RIGHT password on B: "${"error" in onB ? onB.error : `signed in to ${onB.in}`}"; and on A: "${"error" in onA ? onA.error : `signed in to ${onA.in}`}"`,
      );
    }

    // (c) A session made on A works on B; signing out on B ends it on A.
    {
      const context = await fresh();
      const page = await context.newPage();
      const signedIn = await staffSignIn(page, A.origin, "mediator@demo.test", DEMO_PASSWORD);
      // The same browser asks B: cookies belong to a host, not a port, so A's session cookie goes
      // to B as it would to any instance behind one public origin. Nothing of it is kept on A.
      const cookies = await context.cookies(A.origin);
      const onB = await context.newPage();
      await onB.goto(`${B.origin}/mediator`);
      const bPath = new URL(onB.url()).pathname;
      const anonymous = await (await fresh()).newPage();
      await anonymous.goto(`${B.origin}/mediator`);
      const anonymousPath = new URL(anonymous.url()).pathname;
      await onB.getByRole("button", { name: "Sign out" }).click();
      await onB.waitForURL((u) => u.pathname.startsWith("/sign-in") || u.pathname === "/", { timeout: 30_000 });
      await page.goto(`${A.origin}/mediator`);
      const aAfter = new URL(page.url()).pathname;
      record(
        "(c) a session made on A works on B, and signing out on B ends it on A",
        "in" in signedIn && signedIn.in === "/mediator" && bPath === "/mediator" && anonymousPath.startsWith("/sign-in") && aAfter.startsWith("/sign-in"),
        `signed in on A → ${"in" in signedIn ? signedIn.in : signedIn.error}; A's cookie (${cookies.map((c) => c.name).join(", ")}) on B → ${bPath} (without it → ${anonymousPath}); signed out on B, then A → ${aAfter}`,
      );
    }

    // (d) Jobs: N emails queued, two workers, each delivered once.
    {
      process.env.DATABASE_URL = url;
      process.env.SMTP_URL = "smtp://queued.invalid"; // queueEmail writes a delivery job (not the dev mailbox) when set
      const { transaction, db } = await import("../lib/platform/db");
      const { queueEmail } = await import("../lib/platform/outbox/queue-email");
      const tag = `two-instances-${process.pid}`;
      const started = performance.now();
      for (let i = 0; i < EMAILS; i++) {
        await transaction((tx) => queueEmail(tx, { to: `person${i}@example.test`, subject: `${tag} #${i}`, body: `Message ${i}` }));
      }
      const queuedIn = (performance.now() - started) / 1000;
      const ours = (m: Mail) => m.subject.startsWith(tag);
      const delivered = () => [...A.smtp.received, ...B.smtp.received].filter(ours);
      const end = Date.now() + 120_000;
      while (delivered().length < EMAILS && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
      const allIn = (performance.now() - started) / 1000;
      await new Promise((r) => setTimeout(r, 5_000)); // room for a duplicate to show up
      const all = delivered();
      const bySubject = new Map<string, number>();
      for (const m of all) bySubject.set(m.subject, (bySubject.get(m.subject) ?? 0) + 1);
      const twice = [...bySubject.values()].filter((n) => n > 1).length;
      const rows = await db().outboxEmail.groupBy({ by: ["status"], where: { subject: { startsWith: tag } }, _count: { _all: true } });
      const status = Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
      const viaA = A.smtp.received.filter(ours).length;
      const viaB = B.smtp.received.filter(ours).length;
      record(
        `(d) ${EMAILS} queued emails, two workers: each delivered exactly once`,
        all.length === EMAILS && bySubject.size === EMAILS && twice === 0 && status.SENT === EMAILS,
        `${all.length} messages received for ${bySubject.size} distinct emails (${twice} more than once): ${viaA} sent by A's worker, ${viaB} by B's; outbox rows ${JSON.stringify(status)}; queued (one transaction each) in ${queuedIn.toFixed(1)} s; all delivered ${allIn.toFixed(1)} s after the first was queued`,
      );
      await db().$disconnect();
    }
  } finally {
    await browser?.close().catch(() => {});
    for (const i of instances) {
      i.app.kill("SIGTERM");
      await stopWorker(i.worker);
      if (i.app.exitCode === null && i.app.signalCode === null) await new Promise((r) => i.app.once("exit", r));
    }
    for (const c of cleanups.reverse()) await c().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`\n${results.length - failed} passed, ${failed} failed`);
  return failed > 0 || results.length < 4 ? 1 : 0;
}

// embedded-postgres's exit hook would end the process with 0 whatever happened: exit explicitly.
main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  },
);
