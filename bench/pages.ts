/**
 * Bench `pages` (issue 14, decision 0032): server time of the pages people open most, on the scale
 * data, against a production build, with two floors measured in the same run; then a mixed load of
 * 50 signed-in users with autocannon. Writes its sections of bench/RESULTS.md.
 *
 *   npm run bench -- pages [--cases N] [--rounds N] [--duration S] [--skip-build]
 *
 * Server time = one sequential GET on loopback, from sending it to the last byte of the HTML (no
 * browser, no JavaScript run). Per round, for each page: the page, its SQL floor (the same data by
 * hand-written SQL through `pg`, bench/page-floors.ts) and the empty page of its router (/empty, or
 * /empty-no-script for the family's page; signed out, no data: decision 0040), with the empty route
 * handler (/api/empty) for reference. Ratio = page median ÷ (SQL median + empty-page median).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";
import type { BenchSuite, Comparison } from "./harness";
import { ensureBuild, startAppStack, type AppStack } from "./app-stack";
import { seedBenchData, type BenchSubjects } from "./bench-data";
import { SQL_FLOORS, type FloorContext, type SqlFloor } from "./page-floors";
import { completeFamilySignIn, familyLinkToken, HttpUser, requestFamilyLink, signInStaff } from "./http-client";
import { formatKb, formatMs, LOAD_TARGETS, loadVerdict, PAGE_TARGETS, pageVerdict, percentile, summarise, type LoadFigures, type Timing } from "./stats";
import { machineLine, RESULTS_FILE, writeResultsSection } from "./results";
import { benchOptions } from "./options";
import { measureFirstLoadJs, normaliseChunk } from "./first-load-js";
import { DB_POOL_MAX } from "../lib/platform/db/settings";

/** Scale of the data, rounds and load: the issue's figures; each overridable on the command line. */
export const PAGES_DEFAULTS = { cases: 100_000, rounds: 50, warmupRounds: 5, loadSeconds: 60, loadConnections: 50, thinkSeconds: 5 } as const;
/** Pool of the SQL floor: as many connections as the app's own pool (DB_POOL_MAX, lib/platform/db/settings.ts). */
const FLOOR_POOL_SIZE = DB_POOL_MAX;
/** Floor 2 of a page (decision 0040): the empty page of its router — app/empty/page.tsx, or for the family's Pages Router pages (decision 0038) pages/empty-no-script.tsx. */
const EMPTY_PAGE = "/empty";
const EMPTY_PAGE_NO_SCRIPT = "/empty-no-script";

type Role = "caseworker" | "laOfficer" | "mediator" | "family";
type PageSpec = { id: string; title: string; role: Role; path: (s: BenchSubjects) => string; floor: SqlFloor; ctx: (s: BenchSubjects) => Omit<FloorContext, "today">; emptyPage?: string };

const PAGES: PageSpec[] = [
  { id: "cases", title: "Case list, default (/cases)", role: "caseworker", path: () => "/cases", floor: SQL_FLOORS.casesDefault, ctx: (s) => ({ userId: s.caseworkerId }) },
  {
    id: "cases-filtered",
    title: "Case list, filtered: the largest LA, due soon",
    role: "caseworker",
    path: (s) => `/cases?la=${encodeURIComponent(s.largestLaId)}&deadline=DUE_SOON`,
    floor: SQL_FLOORS.casesFiltered,
    ctx: (s) => ({ userId: s.caseworkerId, laId: s.largestLaId }),
  },
  {
    id: "cases-searched",
    title: "Case list, searched by a child's name",
    role: "caseworker",
    path: (s) => `/cases?q=${encodeURIComponent(s.searchName)}`,
    floor: SQL_FLOORS.casesSearched,
    ctx: (s) => ({ userId: s.caseworkerId, q: s.searchName }),
  },
  { id: "la", title: "LA officer's dashboard (/la), largest LA", role: "laOfficer", path: () => "/la", floor: SQL_FLOORS.la, ctx: (s) => ({ userId: s.laOfficerId }) },
  { id: "mediator", title: "Mediator's home (/mediator)", role: "mediator", path: () => "/mediator", floor: SQL_FLOORS.mediator, ctx: (s) => ({ userId: s.mediatorId }) },
  {
    id: "case",
    title: "Case page with 200 events (/cases/[id])",
    role: "caseworker",
    path: (s) => `/cases/${encodeURIComponent(s.caseWith200EventsId)}`,
    floor: SQL_FLOORS.casePage,
    ctx: (s) => ({ userId: s.caseworkerId, caseId: s.caseWith200EventsId }),
  },
  {
    id: "family",
    title: "Family's page (/my-case/[caseId])",
    role: "family",
    path: (s) => `/my-case/${encodeURIComponent(s.familyCaseId)}`,
    floor: SQL_FLOORS.familyPage,
    ctx: (s) => ({ userId: s.familyUserId, caseId: s.familyCaseId }),
    emptyPage: EMPTY_PAGE_NO_SCRIPT,
  },
  { id: "reports", title: "Reports (/reports), default period", role: "caseworker", path: () => "/reports", floor: SQL_FLOORS.reports, ctx: (s) => ({ userId: s.caseworkerId }) },
];

/**
 * The JavaScript a page's HTML makes the browser fetch at once (its `<script src>` and script
 * preloads), gzipped: a check, on the served page, of the figure bench/first-load-js.ts computes
 * from the manifests.
 */
export function htmlScripts(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"[^>]*>/g)) if (!/\bnoModule\b|\bnomodule\b/.test(m[0])) out.add(normaliseChunk(m[1]!));
  for (const m of html.matchAll(/<link\b[^>]*\brel="preload"[^>]*>/g)) {
    const href = /\bhref="([^"]+\.js)"/.exec(m[0])?.[1];
    if (href && /\bas="script"/.test(m[0])) out.add(normaliseChunk(href));
  }
  return [...out].sort();
}

function gzipBytes(files: string[]): number {
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(".next", f)), { level: 9 }).length, 0);
}

/** 10.x.y.z: a distinct client address per simulated user. */
const address = (i: number) => `10.${20 + Math.floor(i / 65_025)}.${Math.floor(i / 255) % 255}.${(i % 255) + 1}`;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

type PageResult = { spec: PageSpec; path: string; page: Timing; sql: Timing; empty: Timing; emptyRoute: Timing; verdict: ReturnType<typeof pageVerdict>; htmlJsBytes: number; htmlJsFiles: number };

async function measurePages(stack: AppStack, s: BenchSubjects, users: Record<Role, HttpUser>, rounds: number, warmup: number): Promise<PageResult[]> {
  const pool = new pg.Pool({ connectionString: stack.databaseUrl, max: FLOOR_POOL_SIZE });
  const { todayInLondon } = await import("../lib/deadlines");
  const anonymous = new HttpUser(stack.base, address(9_999), "anonymous");
  try {
    const samples = PAGES.map(() => ({ page: [] as number[], sql: [] as number[], empty: [] as number[], emptyRoute: [] as number[] }));
    const scripts = await Promise.all(PAGES.map(async (spec) => htmlScripts((await users[spec.role].get200(spec.path(s))).body)));
    for (let round = -warmup; round < rounds; round++) {
      const today = todayInLondon();
      for (const [i, spec] of PAGES.entries()) {
        const u = users[spec.role];
        const path = spec.path(s);
        const page = await time(() => u.get200(path));
        const sql = await time(() => spec.floor(pool, { today, ...spec.ctx(s) }));
        // Floor 2 (decision 0040): the empty page of the page's router, signed out — what Next costs to serve any page.
        const emptyPage = spec.emptyPage ?? EMPTY_PAGE;
        const empty = await time(async () => {
          const r = await anonymous.request(emptyPage);
          if (r.status !== 200) throw new Error(`${emptyPage} answered ${r.status}`);
        });
        // For reference (decision 0032's floor 2): the empty route handler — HTTP, the proxy, routing.
        const emptyRoute = await time(async () => {
          const r = await anonymous.request("/api/empty");
          if (r.status !== 204) throw new Error(`/api/empty answered ${r.status}`);
        });
        if (round >= 0) {
          samples[i]!.page.push(page);
          samples[i]!.sql.push(sql);
          samples[i]!.empty.push(empty);
          samples[i]!.emptyRoute.push(emptyRoute);
        }
      }
      if (round >= 0 && (round + 1) % 10 === 0) console.log(`  round ${round + 1}/${rounds}`);
    }
    return PAGES.map((spec, i) => {
      const page = summarise(samples[i]!.page);
      const sql = summarise(samples[i]!.sql);
      const empty = summarise(samples[i]!.empty);
      const emptyRoute = summarise(samples[i]!.emptyRoute);
      return { spec, path: spec.path(s), page, sql, empty, emptyRoute, verdict: pageVerdict(page, sql, empty), htmlJsBytes: gzipBytes(scripts[i]!), htmlJsFiles: scripts[i]!.length };
    });
  } finally {
    await pool.end();
  }
}

type LoadSlot = { user: HttpUser; role: Role; paths: string[] };

async function signInLoadUsers(stack: AppStack, s: BenchSubjects, connections: number): Promise<LoadSlot[]> {
  const cw = [s.caseworkerEmail, ...s.staffEmails.caseworkers].filter((e, i, a) => a.indexOf(e) === i);
  const med = [s.mediatorEmail, ...s.staffEmails.mediators].filter((e, i, a) => a.indexOf(e) === i);
  const la = [s.laOfficerEmail, ...s.staffEmails.laOfficers].filter((e, i, a) => a.indexOf(e) === i);
  // The mix: a fifth caseworkers, a fifth mediators, a fifth LA officers, two fifths families.
  const want = { caseworker: Math.round(connections / 5), mediator: Math.round(connections / 5), laOfficer: Math.round(connections / 5) };
  const slots: LoadSlot[] = [];
  let n = 100;
  const staff = async (emails: string[], count: number, role: Role, paths: string[]) => {
    for (let i = 0; i < count; i++) {
      const email = emails[i % emails.length]!;
      const existing = slots.find((x) => x.user.label === email);
      slots.push({ user: existing?.user ?? (await signInStaff(stack.base, address(n++), email, s.password)), role, paths });
    }
  };
  const caseworkerPaths = PAGES.filter((p) => p.role === "caseworker").map((p) => p.path(s));
  await staff(cw, want.caseworker, "caseworker", caseworkerPaths);
  await staff(med, want.mediator, "mediator", ["/mediator"]);
  await staff(la, want.laOfficer, "laOfficer", ["/la"]);
  const families = s.familyCases.slice(0, Math.max(1, connections - slots.length));
  const mailFrom = stack.mail.length;
  const pending = [];
  for (const f of families) pending.push({ f, user: await requestFamilyLink(stack.base, address(n++), f.email) });
  for (const { f, user } of pending) {
    const mail = await stack.waitForMail(f.email, mailFrom);
    const token = familyLinkToken(mail.text);
    if (!token) throw new Error(`no sign-in link in the e-mail to ${f.email}`);
    await completeFamilySignIn(user, token);
  }
  for (let i = 0; slots.length < connections; i++) {
    const { f, user } = pending[i % pending.length]!;
    slots.push({ user, role: "family", paths: [`/my-case/${encodeURIComponent(f.caseId)}`] });
  }
  // Every request of the mix answers 200 before the load starts (autocannon counts a redirect as non-2xx).
  for (const slot of slots) for (const p of slot.paths) await slot.user.get200(p);
  return slots;
}

async function mixedLoad(stack: AppStack, slots: LoadSlot[], seconds: number): Promise<LoadFigures & { byRole: Record<string, number> }> {
  let next = 0;
  const times: number[] = [];
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: stack.base,
        connections: slots.length,
        duration: seconds,
        timeout: 10,
        requests: [{ method: "GET", path: "/api/empty" }],
        setupClient(client) {
          const slot = slots[next++ % slots.length]!;
          client.setRequests(slot.paths.map((path) => ({ method: "GET" as const, path, headers: slot.user.headers() })));
        },
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  const byRole: Record<string, number> = {};
  for (const slot of slots) byRole[slot.role] = (byRole[slot.role] ?? 0) + 1;
  return {
    p50: times.length ? percentile(times, 50) : NaN,
    p95: times.length ? percentile(times, 95) : NaN,
    p99: times.length ? percentile(times, 99) : NaN,
    requestsPerSecond: r.requests.average,
    requests: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    byRole,
  };
}

/** The app/ route each benchmarked page is. */
const ROUTE_OF: Record<string, string> = { cases: "/cases", "cases-filtered": "/cases", "cases-searched": "/cases", la: "/la", mediator: "/mediator", case: "/cases/[id]", family: "/my-case/[caseId]", reports: "/reports" };

function pagesMarkdown(s: BenchSubjects, cases: number, rounds: number, results: PageResult[]): string {
  const manifestJs = new Map(measureFirstLoadJs().routes.map((r) => [r.route, r.bytes]));
  const sizes = Object.entries(s.counts).map(([t, n]) => `${n.toLocaleString("en-GB")} ${t}`).join(", ");
  return [
    `Data: the scale seed with ${cases.toLocaleString("en-GB")} cases (${sizes}). Production build (\`next start\`), job worker running, embedded PostgreSQL 17, all on this machine.`,
    `${rounds} rounds after ${PAGES_DEFAULTS.warmupRounds} warm-up rounds; each round requests every page once, sequentially, then its SQL floor, then the empty page of its router, signed out (\`${EMPTY_PAGE}\`; for the family's Pages Router page \`${EMPTY_PAGE_NO_SCRIPT}\`), then the empty route handler (\`/api/empty\`, for reference). Times in ms, server time on loopback (request sent → last byte).`,
    `Ratio = page median ÷ (SQL floor median + empty-page median) ([decision 0040](../docs/decisions/0040-page-floor-and-load-with-think-time.md)); targets: ratio ≤ ${PAGE_TARGETS.maxRatio} and page p95 < ${PAGE_TARGETS.maxP95Ms} ms. The last column is the ratio against the empty route handler instead (decision 0032's floor).`,
    "",
    "| page | median | p95 | SQL floor median (p95) | empty page median (p95) | ratio | verdict | empty route median | ratio to SQL + empty route |",
    "|---|---:|---:|---:|---:|---:|---|---:|---:|",
    ...results.map(
      (r) =>
        `| ${r.spec.title} | ${formatMs(r.page.median)} | ${formatMs(r.page.p95)} | ${formatMs(r.sql.median)} (${formatMs(r.sql.p95)}) | ${formatMs(r.empty.median)} (${formatMs(r.empty.p95)}) | ${r.verdict.ratio.toFixed(2)} | ${r.verdict.pass ? "PASS" : `BELOW (${[!r.verdict.ratioPass && "ratio", !r.verdict.p95Pass && "p95"].filter(Boolean).join(", ")})`} | ${formatMs(r.emptyRoute.median)} | ${pageVerdict(r.page, r.sql, r.emptyRoute).ratio.toFixed(2)} |`,
    ),
    "",
    "The JavaScript each of these pages' HTML makes the browser fetch (`<script src>` and script preloads, gzip), beside the figure the `js` section computes from the build's manifests for its route:",
    "",
    "| page | scripts in the HTML | gzip | from the manifests |",
    "|---|---:|---:|---:|",
    ...results.map((r) => {
      const manifest = manifestJs.get(ROUTE_OF[r.spec.id] ?? r.spec.id);
      return `| ${r.spec.title} | ${r.htmlJsFiles} | ${formatKb(r.htmlJsBytes)} | ${manifest === undefined ? "—" : formatKb(manifest)} |`;
    }),
    "",
    "Requests: " + results.map((r) => `${r.spec.id} \`${r.path.replace(/=[^&]+/g, "=…")}\``).join("; ") + ".",
  ].join("\n");
}

/**
 * The same 50 users as people use a case-management service: each opens a page, reads it, opens
 * the next — a think time drawn evenly between half and one and a half times `thinkSeconds`
 * (autocannon cannot pace a connection below one request a second, so this loop does it with
 * fetch). Closed-loop autocannon (above) measures capacity: with no
 * think time its latency is users ÷ throughput; this run measures what each user waits.
 */
async function pacedLoad(slots: LoadSlot[], seconds: number, thinkSeconds: number): Promise<LoadFigures> {
  const times: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const end = performance.now() + seconds * 1000;
  const random = (() => {
    let a = 14; // deterministic think times, run after run
    return () => ((a = (Math.imul(a ^ (a >>> 15), 2246822519) + 0x6d2b79f5) >>> 0) / 4294967296);
  })();
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  await Promise.all(
    slots.map(async (slot, i) => {
      // Users arrive spread over one think time, not all in the same millisecond.
      await sleep(random() * thinkSeconds * 1000);
      for (let n = i; performance.now() < end; n++) {
        try {
          const res = await slot.user.request(slot.paths[n % slot.paths.length]!);
          times.push(res.ms);
          if (res.status < 200 || res.status >= 300) non2xx++;
        } catch {
          errors++;
        }
        await sleep((0.5 + random()) * thinkSeconds * 1000);
      }
    }),
  );
  return {
    p50: times.length ? percentile(times, 50) : NaN,
    p95: times.length ? percentile(times, 95) : NaN,
    p99: times.length ? percentile(times, 99) : NaN,
    requestsPerSecond: times.length / seconds,
    requests: times.length,
    errors,
    timeouts: 0,
    non2xx,
  };
}

function pacedMarkdown(l: LoadFigures, seconds: number, connections: number, thinkSeconds: number): string {
  return [
    `The same ${connections} signed-in users and pages for ${seconds} s, each waiting a think time of ${thinkSeconds / 2}–${(thinkSeconds * 3) / 2} s (mean ${thinkSeconds} s) between pages, as people reading a page do.`,
    `Latency over every response (ms). Targets: p95 < ${LOAD_TARGETS.maxP95Ms} ms, no errors, no non-2xx.`,
    "",
    "| p50 | p95 | p99 | requests/s | requests | errors | non-2xx | verdict |",
    "|---:|---:|---:|---:|---:|---:|---:|---|",
    `| ${formatMs(l.p50)} | ${formatMs(l.p95)} | ${formatMs(l.p99)} | ${l.requestsPerSecond.toFixed(1)} | ${l.requests.toLocaleString("en-GB")} | ${l.errors} | ${l.non2xx} | ${loadVerdict(l) ? "PASS" : "BELOW"} |`,
  ].join("\n");
}

function loadMarkdown(l: Awaited<ReturnType<typeof mixedLoad>>, seconds: number, connections: number): string {
  const mix = Object.entries(l.byRole).map(([r, n]) => `${n} ${r}`).join(", ");
  return [
    `${connections} connections, each a signed-in user with their own session cookie (${mix}), for ${seconds} s with autocannon 9, as fast as the app answers (no think time: this measures capacity, the requests a second one app process serves, and its latency is the queue of 50 users waiting on it).`,
    "Caseworkers cycle through the case list (default, filtered, searched), the 200-event case page and the reports; mediators their home; LA officers their dashboard; families their case page. Every one of these answers 200 (checked before the load).",
    `Latency over every response (ms). This run is the capacity of one app process, not a latency target ([decision 0040](../docs/decisions/0040-page-floor-and-load-with-think-time.md): the target, p95 < ${LOAD_TARGETS.maxP95Ms} ms, is the paced run's below); it must have no errors and no non-2xx.`,
    "",
    "| p50 | p95 | p99 | requests/s | requests | errors | timeouts | non-2xx | p95 < " + LOAD_TARGETS.maxP95Ms + " ms |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    `| ${formatMs(l.p50)} | ${formatMs(l.p95)} | ${formatMs(l.p99)} | ${l.requestsPerSecond.toFixed(1)} | ${l.requests.toLocaleString("en-GB")} | ${l.errors} | ${l.timeouts} | ${l.non2xx} | ${loadVerdict(l) ? "yes" : "no (capacity)"} |`,
  ].join("\n");
}

async function run(): Promise<Comparison[]> {
  const opts = benchOptions();
  const cases = opts.cases ?? PAGES_DEFAULTS.cases;
  const rounds = opts.rounds ?? PAGES_DEFAULTS.rounds;
  const seconds = opts.duration ?? PAGES_DEFAULTS.loadSeconds;
  ensureBuild(opts.skipBuild);
  const { stack, seeded: s } = await startAppStack((url) => seedBenchData(url, cases));
  const onSignal = () => void stack.stop().then(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    console.log(`  app on ${stack.base}; signing in`);
    const users: Record<Role, HttpUser> = {
      caseworker: await signInStaff(stack.base, address(1), s.caseworkerEmail, s.password),
      laOfficer: await signInStaff(stack.base, address(2), s.laOfficerEmail, s.password),
      mediator: await signInStaff(stack.base, address(3), s.mediatorEmail, s.password),
      family: await (async () => {
        const before = stack.mail.length;
        const u = await requestFamilyLink(stack.base, address(4), s.familyEmail);
        const token = familyLinkToken((await stack.waitForMail(s.familyEmail, before)).text);
        if (!token) throw new Error(`no sign-in link in the e-mail to ${s.familyEmail}`);
        await completeFamilySignIn(u, token);
        return u;
      })(),
    };
    console.log(`  timing ${PAGES.length} pages × ${rounds} rounds (+${PAGES_DEFAULTS.warmupRounds} warm-up)`);
    const pagesMachine = machineLine();
    const results = await measurePages(stack, s, users, rounds, PAGES_DEFAULTS.warmupRounds);
    writeResultsSection("pages", "Server time of the busiest pages, against their floors", pagesMarkdown(s, cases, rounds, results), RESULTS_FILE, pagesMachine);

    console.log(`  signing in ${PAGES_DEFAULTS.loadConnections} users for the mixed load`);
    const slots = await signInLoadUsers(stack, s, PAGES_DEFAULTS.loadConnections);
    console.log(`  mixed load: ${slots.length} connections for ${seconds} s`);
    const loadMachine = machineLine();
    const load = await mixedLoad(stack, slots, seconds);
    writeResultsSection("load", "Mixed load: 50 signed-in users, no think time (capacity)", loadMarkdown(load, seconds, slots.length), RESULTS_FILE, loadMachine);
    console.log(`  paced load: ${slots.length} users, think time ${PAGES_DEFAULTS.thinkSeconds} s, for ${seconds} s`);
    const pacedMachine = machineLine();
    const paced = await pacedLoad(slots, seconds, PAGES_DEFAULTS.thinkSeconds);
    writeResultsSection("paced", "Mixed load: 50 signed-in users reading pages (think time)", pacedMarkdown(paced, seconds, slots.length, PAGES_DEFAULTS.thinkSeconds), RESULTS_FILE, pacedMachine);

    const comparisons: Comparison[] = results.map((r) => ({
      title: r.spec.title,
      summary: [
        `page   median ${formatMs(r.page.median)} ms  p95 ${formatMs(r.page.p95)} ms`,
        `floors SQL ${formatMs(r.sql.median)} ms + empty page ${formatMs(r.empty.median)} ms (medians; empty route ${formatMs(r.emptyRoute.median)} ms)`,
        `ratio ${r.verdict.ratio.toFixed(2)}`,
      ],
      ours: { label: r.spec.id, calls: 1, ms: r.page.median, callsPerSecond: 1000 / r.page.median, checksum: r.page.n },
      baseline: { label: "floors", calls: 1, ms: r.sql.median + r.empty.median, callsPerSecond: 0, checksum: 0 },
      ratio: r.verdict.ratio,
      target: PAGE_TARGETS.maxRatio,
      targetText: `ratio ≤ ${PAGE_TARGETS.maxRatio} and p95 < ${PAGE_TARGETS.maxP95Ms} ms`,
      pass: r.verdict.pass,
      extra: [],
    }));
    comparisons.push({
      title: `Mixed load, ${slots.length} signed-in users, ${seconds} s`,
      summary: [`p50 ${formatMs(load.p50)} ms  p95 ${formatMs(load.p95)} ms  p99 ${formatMs(load.p99)} ms  ${load.requestsPerSecond.toFixed(1)} req/s  errors ${load.errors}  timeouts ${load.timeouts}  non-2xx ${load.non2xx}`],
      ours: { label: "load", calls: load.requests, ms: load.p95, callsPerSecond: load.requestsPerSecond, checksum: load.requests },
      baseline: { label: "target", calls: 1, ms: LOAD_TARGETS.maxP95Ms, callsPerSecond: 0, checksum: 0 },
      ratio: 1,
      target: 0,
      // Capacity, not a target (decision 0040): judged only on errors and non-2xx.
      targetText: "capacity of one process (decision 0040): no errors, no non-2xx",
      pass: load.errors === 0 && load.timeouts === 0 && load.non2xx === 0,
      extra: [],
    });
    comparisons.push({
      title: `Mixed load, ${slots.length} signed-in users with a ${PAGES_DEFAULTS.thinkSeconds} s think time, ${seconds} s`,
      summary: [`p50 ${formatMs(paced.p50)} ms  p95 ${formatMs(paced.p95)} ms  p99 ${formatMs(paced.p99)} ms  ${paced.requestsPerSecond.toFixed(1)} req/s  errors ${paced.errors}  non-2xx ${paced.non2xx}`],
      ours: { label: "paced", calls: paced.requests, ms: paced.p95, callsPerSecond: paced.requestsPerSecond, checksum: paced.requests },
      baseline: { label: "target", calls: 1, ms: LOAD_TARGETS.maxP95Ms, callsPerSecond: 0, checksum: 0 },
      ratio: 1,
      target: 0,
      targetText: `p95 < ${LOAD_TARGETS.maxP95Ms} ms, no errors, no non-2xx`,
      pass: loadVerdict(paced),
      extra: [],
    });
    return comparisons;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await stack.stop();
  }
}

export const pagesBench: BenchSuite = { name: "pages", run };
