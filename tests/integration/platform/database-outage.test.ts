/**
 * Issue 14, "database down": PostgreSQL stops in the middle of a scripted load and starts again.
 * The load is many caseworkers logging referrals through the real command (lib/cases/intake), and a
 * job worker (pg-boss) running jobs, on a PostgreSQL of this file's own (the shared test database is
 * never stopped). Checked: during the outage every write fails fast and /api/health says why (503);
 * pages answer "Sorry, the service is unavailable" (503) at once; after the restart the same
 * process — the same Prisma client, the same worker — carries on by itself; every acknowledged
 * referral is there, and no case is half written (each has its child, issue, family party,
 * deadlines, timeline entries and audit row, however its transaction ended). Also: the app's pool
 * never holds more than DB_POOL_MAX connections, each with the statement and idle-in-transaction
 * timeouts.
 */
import { execFileSync } from "node:child_process";
import http from "node:http";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type RunningPostgres } from "../../../scripts/embedded-postgres";
import { prepareJobs } from "@/lib/platform/jobs/prepare";
import { db } from "@/lib/platform/db";
import { databaseOutage, noteDatabaseError, noteDatabaseUp } from "@/lib/platform/db/availability";
import { DB_CONNECT_TIMEOUT_MS, DB_IDLE_IN_TRANSACTION_TIMEOUT_MS, DB_POOL_MAX, DB_STATEMENT_TIMEOUT_MS } from "@/lib/platform/db/settings";
import { installUnavailableGate } from "@/lib/platform/db/unavailable-gate";
import { GET as health } from "@/app/api/health/route";
import { enqueue } from "@/lib/platform/jobs/boss";
import { startWorker, type RunningWorker } from "@/lib/platform/jobs/worker";
import { createReferral, type CreatedCase } from "@/lib/cases/intake/create-referral";
import { addCalendarDays, todayInLondon } from "@/lib/deadlines";
import type { SessionUser } from "@/lib/auth/types";
import { makeLa, makeUser, referralValues, uid } from "../helpers";

const dataDir = `.data/test-outage-${process.pid}`;
const savedUrl = process.env.DATABASE_URL;
let server: RunningPostgres;
let url: string;
let caseworker: SessionUser;
let la: { id: string };

beforeAll(async () => {
  server = await startEmbeddedPostgres({ dataDir, database: "send_mediation_outage", fresh: true, quiet: true });
  url = server.url;
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
  await prepareJobs(url);
  process.env.DATABASE_URL = url;
  la = await makeLa();
  caseworker = await makeUser("CASEWORKER");
}, 120_000);

afterAll(async () => {
  process.env.DATABASE_URL = savedUrl;
  noteDatabaseUp();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Stops PostgreSQL; `start` brings the same data back on the same port (the app's URL). */
async function stopDatabase() {
  await server.stop();
  return async () => {
    server = await startEmbeddedPostgres({ dataDir, database: "send_mediation_outage", quiet: true, port: server.port });
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function referral() {
  const today = todayInLondon();
  return referralValues(la.id, { laNotifiedOn: addCalendarDays(today, -3), decisionSentOn: addCalendarDays(today, -10), child: { name: `Child ${uid()}`, dateOfBirth: "", setting: "", hasEhcPlan: "no" } });
}

/**
 * A server like Next.js's: a page that reads the database, and on an error reports it
 * (instrumentation's onRequestError) and answers 500 — with writeHead, or (/streamed) with the
 * status set on the response and the body written in pieces, as Next streams a page.
 */
async function pageServer() {
  const s = http.createServer(async (req, res) => {
    try {
      const n = await db().case.count({ where: { localAuthorityId: la.id } });
      res.writeHead(200, { "Content-Type": "text/html" }).end(`<h1>Cases</h1><p>${n}</p>`);
    } catch (e) {
      noteDatabaseError(e);
      if (req.url === "/streamed") {
        res.statusCode = 500;
        res.setHeader("Content-Type", "text/html");
        res.write("<h1>Sorry, there is a problem");
        res.end(" with the service</h1>");
      } else {
        res.writeHead(500, { "Content-Type": "text/html" }).end("<h1>Sorry, there is a problem with the service</h1>");
      }
    }
  });
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(s.address() as { port: number }).port}`;
  return {
    get: async (path: string) => {
      const t = Date.now();
      const res = await fetch(`${base}${path}`);
      return { status: res.status, body: await res.text(), ms: Date.now() - t, retryAfter: res.headers.get("retry-after"), type: res.headers.get("content-type") };
    },
    close: () => new Promise<void>((r) => s.close(() => r())),
  };
}

describe("the app's connections", () => {
  it(`are at most DB_POOL_MAX (${DB_POOL_MAX}) however many queries wait, and each carries the statement and idle-in-transaction timeouts`, async () => {
    const n = DB_POOL_MAX * 3;
    const counts = await Promise.all(
      Array.from({ length: n }, () =>
        db().$queryRaw<{ n: number }[]>`SELECT (SELECT count(*)::int FROM pg_stat_activity WHERE application_name = 'send-mediation') AS n, pg_sleep(0.2)::text AS slept`.then((r) => r[0]!.n),
      ),
    );
    expect(counts).toHaveLength(n);
    expect(Math.max(...counts)).toBe(DB_POOL_MAX); // used to the full, never beyond
    const settings = await db().$queryRaw<{ name: string; setting: string }[]>`SELECT name, setting FROM pg_settings WHERE name IN ('statement_timeout', 'idle_in_transaction_session_timeout') ORDER BY name`;
    expect(settings).toEqual([
      { name: "idle_in_transaction_session_timeout", setting: String(DB_IDLE_IN_TRANSACTION_TIMEOUT_MS) },
      { name: "statement_timeout", setting: String(DB_STATEMENT_TIMEOUT_MS) },
    ]);
  });
});

describe("PostgreSQL stops in the middle of a load and starts again", () => {
  it("fails fast while it is down, says so, recovers by itself, loses no acknowledged referral and leaves no half-written case", async () => {
    const client = db();
    const uninstall = installUnavailableGate(() => process.env.DATABASE_URL);
    const pages = await pageServer();
    const ran: string[] = [];
    let worker: RunningWorker | undefined;
    try {
      worker = await startWorker({ schedule: false, pollingIntervalSeconds: 0.5, log: () => {}, handlers: { "email-sweep": async (data) => void ran.push((data as { marker: string }).marker) } });
      expect((await pages.get("/cases")).status).toBe(200);

      // The load: six caseworkers logging referrals one after another, each noting what was acknowledged.
      const acknowledged: CreatedCase[] = [];
      const failures: { ms: number; at: number }[] = [];
      let stop = false;
      const loops = Array.from({ length: 6 }, async () => {
        while (!stop) {
          const t = Date.now();
          try {
            acknowledged.push(await createReferral(caseworker, referral(), null));
          } catch {
            failures.push({ ms: Date.now() - t, at: Date.now() });
            await sleep(50);
          }
        }
      });

      // Stopped once a dozen referrals are in, with six more in flight.
      for (const until = Date.now() + 30_000; acknowledged.length < 12 && Date.now() < until; ) await sleep(20);
      expect(acknowledged.length).toBeGreaterThanOrEqual(12);
      const start = await stopDatabase();
      const downAt = Date.now();
      await sleep(2000);

      // While down: the writes fail, each within the connection timeout (no request hangs) …
      const during = failures.filter((f) => f.at > downAt + 200);
      expect(during.length).toBeGreaterThan(0);
      expect(Math.max(...during.map((f) => f.ms))).toBeLessThan(DB_CONNECT_TIMEOUT_MS + 1000);
      // … /api/health answers 503 and says why, without the connection string …
      const h = await health();
      expect(h.status).toBe(503);
      const body = await h.json();
      expect(body).toMatchObject({ app: "ok", database: "down" });
      expect(["unreachable", "starting-or-stopping", "connection-lost"]).toContain(body.problem);
      expect(body.detail).toMatch(/database/i);
      expect(JSON.stringify(body)).not.toContain(String(server.port));
      expect(JSON.stringify(body)).not.toContain("postgres:");
      // … a request that reaches its page before anything noticed (the first ones) gets the 503 page
      // instead of the page's own error, and nothing of that error after it on the connection …
      for (const path of ["/streamed", "/cases"]) {
        noteDatabaseUp();
        const first = await pages.get(path);
        expect(first.status).toBe(503);
        expect(first.body).toContain("<h1>Sorry, the service is unavailable</h1>");
        expect(first.body).not.toContain("problem with the service");
      }
      // … and a page answers "Sorry, the service is unavailable" with 503 at once.
      const page = await pages.get("/cases");
      expect(page.status).toBe(503);
      expect(page.body).toContain("<h1>Sorry, the service is unavailable</h1>");
      expect(page.type).toContain("text/html");
      expect(page.retryAfter).toBe("30");
      expect(page.ms).toBeLessThan(DB_CONNECT_TIMEOUT_MS);
      expect(databaseOutage()).not.toBeNull();

      await start();
      // The same process carries on: referrals are acknowledged again, pages and health are back.
      const afterRestart = acknowledged.length;
      const deadline = Date.now() + 30_000;
      while (acknowledged.length < afterRestart + 6 && Date.now() < deadline) await sleep(100);
      stop = true;
      await Promise.all(loops);
      expect(acknowledged.length).toBeGreaterThanOrEqual(afterRestart + 6);
      expect(db()).toBe(client);
      expect((await health()).status).toBe(200);
      expect(databaseOutage()).toBeNull();
      expect((await pages.get("/cases")).status).toBe(200);

      // The worker started before the outage runs a job sent after it.
      const marker = uid();
      await enqueue(db(), "email-sweep", { marker });
      for (let i = 0; i < 100 && !ran.includes(marker); i++) await sleep(200);
      expect(ran).toContain(marker);

      // Every acknowledged referral is there; every case there is whole.
      const ids = acknowledged.map((c) => c.id);
      expect(await db().case.count({ where: { id: { in: ids } } })).toBe(ids.length);
      const cases = await db().case.findMany({
        where: { localAuthorityId: la.id },
        select: { id: true, reference: true, child: { select: { id: true } }, _count: { select: { parties: true, issues: true, deadlines: true, events: true } } },
      });
      expect(cases.length).toBeGreaterThanOrEqual(ids.length);
      const audits = await db().auditEvent.groupBy({ by: ["caseId"], where: { caseId: { in: cases.map((c) => c.id) }, action: "case.referral_logged" }, _count: true });
      const auditCount = new Map(audits.map((a) => [a.caseId, a._count]));
      const halfWritten = cases.filter((c) => !c.child || c._count.parties !== 1 || c._count.issues !== 1 || c._count.deadlines < 1 || c._count.events < 2 || auditCount.get(c.id) !== 1);
      expect(halfWritten).toEqual([]);
      expect(new Set(cases.map((c) => c.reference)).size).toBe(cases.length);
    } finally {
      await worker?.stop(5_000);
      await pages.close();
      uninstall();
    }
  }, 120_000);
});
