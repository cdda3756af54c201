/**
 * Bench: first-load JavaScript of every page under app/ (issue 14), gzip, against its budget: the
 * family's pages (/my-case/…) 100 kB, staff pages 150 kB, public pages the family budget.
 *
 * Next 16 no longer prints sizes after `next build`. What a browser loads on a page's first visit
 * is read from the build's manifests, as Next itself did before it dropped the column:
 *  - `.next/build-manifest.json` → `rootMainFiles`: the runtime every page loads (the polyfills are
 *    `nomodule`, not loaded by today's browsers, and are left out);
 *  - the route's `server/app/<route>/page_client-reference-manifest.js` → `entryJSFiles` (the client
 *    chunks of each segment the route renders: root layout, error and not-found boundaries, nested
 *    layouts, the page) and `clientModules[].chunks` (the chunks of the client components it uses).
 * Each file is gzipped (level 9, as Next's own report did) and summed. For a page over budget the
 * largest chunks are listed with the client modules that live in them.
 *
 * Pages under pages/ (the family's pages, decision 0038) are counted from `build-manifest.json`
 * → `pages`: the `/_app` chunks and the page's own, with Next's runtime (`rootMainFiles`, which
 * the Pages Router loads too) — unless the page sets `unstable_runtimeJS: false`, when Next writes
 * no script into its HTML at all: 0 kB. tests/e2e/family-no-javascript.spec.ts checks that HTML.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import type { BenchSuite, Comparison } from "./harness";
import { formatKb, JS_BUDGETS, jsBudget, routeGroup, type RouteGroup } from "./stats";
import { writeResultsSection } from "./results";

export type BuildManifest = { rootMainFiles?: string[]; polyfillFiles?: string[]; pages?: Record<string, string[]> };
export type ClientReferenceManifest = {
  clientModules?: Record<string, { chunks?: string[]; async?: boolean }>;
  entryJSFiles?: Record<string, string[]>;
};

/** "/_next/static/chunks/a.js" and "static/chunks/a.js" name the same file: the build-folder path. */
export function normaliseChunk(chunk: string): string {
  const i = chunk.indexOf("/_next/");
  let out = i >= 0 ? chunk.slice(i + "/_next/".length) : chunk;
  try {
    out = decodeURIComponent(out);
  } catch {
    // keep it as written
  }
  return out.replace(/^\/+/, "");
}

/** The JavaScript files a route loads on its first visit, sorted, each once. */
export function firstLoadFiles(build: BuildManifest, route: ClientReferenceManifest): string[] {
  const files = new Set<string>();
  for (const f of build.rootMainFiles ?? []) files.add(normaliseChunk(f));
  for (const list of Object.values(route.entryJSFiles ?? {})) for (const f of list) files.add(normaliseChunk(f));
  for (const m of Object.values(route.clientModules ?? {})) if (!m.async) for (const f of m.chunks ?? []) files.add(normaliseChunk(f));
  return [...files].filter((f) => f.endsWith(".js")).sort();
}

/**
 * The route a page's folder stands for: "(group)" segments dropped, "/" for app/ itself.
 * `segments` are the folder names under app/.
 */
export function routeOfSegments(segments: readonly string[]): string {
  const kept = segments.filter((s) => !(s.startsWith("(") && s.endsWith(")")) && !s.startsWith("@"));
  return kept.length === 0 ? "/" : `/${kept.join("/")}`;
}

/** Every page.tsx/page.ts/page.jsx/page.js under `appDir`, as routes, sorted, with their folders. */
export function listPageRoutes(appDir: string): { route: string; folder: string[] }[] {
  const out: { route: string; folder: string[] }[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (!name.startsWith("_")) walk(full, [...segments, name]);
      } else if (/^page\.(tsx|ts|jsx|js)$/.test(name)) out.push({ route: routeOfSegments(segments), folder: segments });
    }
  };
  walk(appDir, []);
  return out.sort((a, b) => a.route.localeCompare(b.route));
}

/** A Pages Router file (relative to pages/) as its route: `index` is its folder; null for Next's own (`_app`, `_document`, `_error`, api). */
export function pagesRouteOfFile(relative: string): string | null {
  const segments = relative.replace(/\.(tsx|ts|jsx|js)$/, "").split(/[\\/]/);
  if (segments[0] === "api" || segments.some((x) => x.startsWith("_"))) return null;
  if (segments.at(-1) === "index") segments.pop();
  return segments.length === 0 ? "/" : `/${segments.join("/")}`;
}

/** Every page under `pagesDir` (none when there is no such folder), as routes, sorted, with their files. */
export function listPagesRouterPages(pagesDir: string): { route: string; file: string }[] {
  const out: { route: string; file: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(tsx|ts|jsx|js)$/.test(name)) {
        const route = pagesRouteOfFile(path.relative(pagesDir, full));
        if (route !== null && !["/404", "/500"].includes(route)) out.push({ route, file: full });
      }
    }
  };
  if (existsSync(pagesDir)) walk(pagesDir);
  return out.sort((a, b) => a.route.localeCompare(b.route));
}

/** True when a Pages Router page's source turns Next's runtime off (`config = { …, unstable_runtimeJS: false }`). */
export function disablesRuntimeJs(source: string): boolean {
  return /export\s+const\s+config\s*=\s*\{[^}]*\bunstable_runtimeJS\s*:\s*false\b/.test(source);
}

/** The JavaScript a Pages Router page loads on its first visit: Next's runtime, `/_app`'s chunks and its own. */
export function pagesRouterFiles(build: BuildManifest, route: string): string[] {
  const files = new Set<string>();
  for (const f of [...(build.rootMainFiles ?? []), ...(build.pages?.["/_app"] ?? []), ...(build.pages?.[route] ?? [])]) files.add(normaliseChunk(f));
  return [...files].filter((f) => f.endsWith(".js")).sort();
}

/** Reads a `*_client-reference-manifest.js` (a script assigning globalThis.__RSC_MANIFEST[entry]). */
export function readClientReferenceManifest(file: string): ClientReferenceManifest {
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(readFileSync(file, "utf8"), sandbox, { timeout: 5_000 });
  const entries = Object.values(sandbox.__RSC_MANIFEST ?? {});
  if (entries.length !== 1) throw new Error(`${file}: expected one manifest entry, found ${entries.length}`);
  return entries[0]!;
}

export type RouteJs = { route: string; group: RouteGroup; files: string[]; bytes: number; budget: number; pass: boolean; note?: string };

export function measureFirstLoadJs(projectDir = process.cwd()): { routes: RouteJs[]; sizes: Map<string, number>; manifests: Map<string, ClientReferenceManifest> } {
  const dist = path.join(projectDir, ".next");
  const build = JSON.parse(readFileSync(path.join(dist, "build-manifest.json"), "utf8")) as BuildManifest;
  const sizes = new Map<string, number>();
  const gz = (file: string) => {
    let n = sizes.get(file);
    if (n === undefined) {
      n = gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
      sizes.set(file, n);
    }
    return n;
  };
  const manifests = new Map<string, ClientReferenceManifest>();
  const routes = listPageRoutes(path.join(projectDir, "app")).map(({ route, folder }): RouteJs => {
    const group = routeGroup(route);
    const budget = jsBudget(group);
    const file = path.join(dist, "server", "app", ...folder, "page_client-reference-manifest.js");
    if (!existsSync(file)) return { route, group, files: [], bytes: 0, budget, pass: false, note: "no client reference manifest in the build (stale build?)" };
    const manifest = readClientReferenceManifest(file);
    manifests.set(route, manifest);
    const files = firstLoadFiles(build, manifest);
    const bytes = files.reduce((sum, f) => sum + gz(f), 0);
    return { route, group, files, bytes, budget, pass: bytes <= budget };
  });
  for (const { route, file } of listPagesRouterPages(path.join(projectDir, "pages"))) {
    const group = routeGroup(route);
    const budget = jsBudget(group);
    if (!build.pages?.[route]) {
      routes.push({ route, group, files: [], bytes: 0, budget, pass: false, note: "not in the build manifest (stale build?)" });
      continue;
    }
    const noRuntime = disablesRuntimeJs(readFileSync(file, "utf8"));
    const files = noRuntime ? [] : pagesRouterFiles(build, route);
    const bytes = files.reduce((sum, f) => sum + gz(f), 0);
    routes.push({ route, group, files, bytes, budget, pass: bytes <= budget, ...(noRuntime ? { note: "Pages Router, no JavaScript: decision 0038" } : {}) });
  }
  routes.sort((a, b) => a.route.localeCompare(b.route));
  return { routes, sizes, manifests };
}

/** Libraries recognisable in a minified chunk, for the "why" of a page over budget. */
const LIBRARY_SIGNATURES: [string, RegExp][] = [
  ["zod", /ZodError|invalid_type/],
  ["date-holidays (every country's holidays)", /getCountries\(|easter/],
];

export function librariesIn(source: string): string[] {
  return LIBRARY_SIGNATURES.filter(([, re]) => re.test(source)).map(([name]) => name);
}

/** A chunk of at least `MIN_EXPLAINED_BYTES` beyond the runtime, loaded by a page over budget. */
const MIN_EXPLAINED_BYTES = 5_000;

/**
 * Why pages are over budget: the runtime every page loads, then each large chunk beyond it (once),
 * with the pages over budget that load it, the client modules that live in it and the libraries
 * recognisable in it.
 */
export function explainOverBudget(over: RouteJs[], build: BuildManifest, manifests: Map<string, ClientReferenceManifest>, sizes: Map<string, number>, dist: string): string[] {
  const shared = new Set((build.rootMainFiles ?? []).map(normaliseChunk));
  const chunks = new Map<string, { routes: string[]; modules: Set<string> }>();
  for (const r of over) {
    for (const f of r.files) {
      if (shared.has(f) || (sizes.get(f) ?? 0) < MIN_EXPLAINED_BYTES) continue;
      const entry = chunks.get(f) ?? { routes: [], modules: new Set<string>() };
      entry.routes.push(r.route);
      for (const [name, m] of Object.entries(manifests.get(r.route)?.clientModules ?? {}))
        if ((m.chunks ?? []).some((c) => normaliseChunk(c) === f)) entry.modules.add(name.replace(/^\[project\]\//, "").replace(/ \[.*$/, ""));
      chunks.set(f, entry);
    }
  }
  return [...chunks]
    .sort((a, b) => (sizes.get(b[0]) ?? 0) - (sizes.get(a[0]) ?? 0))
    .map(([f, e]) => {
      const libs = librariesIn(readFileSync(path.join(dist, f), "utf8"));
      const app = [...e.modules].filter((m) => !m.startsWith("node_modules/"));
      const routes = e.routes.length > 4 ? `${e.routes.slice(0, 4).map((r) => `\`${r}\``).join(", ")} and ${e.routes.length - 4} more` : e.routes.map((r) => `\`${r}\``).join(", ");
      return `\`${f}\` ${formatKb(sizes.get(f) ?? 0)}${libs.length ? ` (contains ${libs.join(", ")})` : ""}: loaded by ${routes}; client modules in it: ${app.join(", ") || "only Next's own"}`;
    });
}

function table(routes: RouteJs[]): string[] {
  const lines = ["| page | first-load JS (gzip) | budget | files | verdict |", "|---|---:|---:|---:|---|"];
  for (const r of routes) lines.push(`| \`${r.route}\` | ${r.note && !r.pass ? "—" : formatKb(r.bytes)} | ${formatKb(r.budget)} | ${r.files.length} | ${r.pass ? "PASS" : "BELOW"}${r.note ? ` (${r.note})` : ""} |`);
  return lines;
}

export function firstLoadJsSection(projectDir = process.cwd()): { markdown: string; comparisons: Comparison[] } {
  const dist = path.join(projectDir, ".next");
  const build = JSON.parse(readFileSync(path.join(dist, "build-manifest.json"), "utf8")) as BuildManifest;
  const { routes, sizes, manifests } = measureFirstLoadJs(projectDir);
  const rootFiles = (build.rootMainFiles ?? []).map(normaliseChunk);
  for (const f of rootFiles) if (!sizes.has(f)) sizes.set(f, gzipSync(readFileSync(path.join(dist, f)), { level: 9 }).length);
  const runtime = rootFiles.reduce((sum, f) => sum + sizes.get(f)!, 0);
  const groups: [RouteGroup, string][] = [
    ["family", "Family pages (/my-case/…): budget 100 kB"],
    ["staff", "Staff pages: budget 150 kB"],
    ["public", "Pages opened signed out with no JavaScript (family sign-in, signing by link, self-referral, deadline calculator, privacy, document check): budget 100 kB"],
    ["public-app-router", "Pages opened signed out on the App Router (staff sign-in; decision 0038): budget 150 kB"],
  ];
  const over = routes.filter((r) => !r.pass);
  const md = [
    `Build \`${readFileSync(path.join(dist, "BUILD_ID"), "utf8").trim()}\`. Every page under app/ and pages/ (${routes.length}), from the build's manifests (bench/first-load-js.ts):`,
    `the runtime every page loads (\`rootMainFiles\`, ${formatKb(runtime)} gzip) plus the route's client chunks (\`entryJSFiles\` and \`clientModules\` of its client reference manifest), each gzipped at level 9. Polyfills (\`nomodule\`) are not counted. A Pages Router page with \`unstable_runtimeJS: false\` loads none (decision 0038; its HTML is checked by tests/e2e/family-no-javascript.spec.ts and public-no-javascript.spec.ts).`,
    "",
    ...groups.flatMap(([g, title]) => {
      const rs = routes.filter((r) => r.group === g);
      const largest = rs.reduce((m, r) => Math.max(m, r.bytes), 0);
      return [`#### ${title}`, "", `${rs.length} pages, the largest ${formatKb(largest)}, ${rs.filter((r) => r.pass).length} within budget.`, "", ...table(rs), ""];
    }),
    over.length === 0
      ? "Every page is within its budget."
      : [
          "Why pages are over budget:",
          "",
          `- The runtime every page loads (\`rootMainFiles\`: ${rootFiles.map((f) => formatKb(sizes.get(f) ?? 0)).join(" + ")}: React DOM, Next's App Router client and the Turbopack runtime) is ${formatKb(runtime)} gzip${runtime > JS_BUDGETS.family ? `, over the ${formatKb(JS_BUDGETS.family)} family budget by itself: no family or public page can meet that budget while it loads Next's App Router runtime` : ""}.`,
          ...explainOverBudget(over, build, manifests, sizes, dist).map((l) => `- ${l}`),
        ].join("\n"),
  ].join("\n");
  const comparisons: Comparison[] = groups.map(([g]) => {
    const rs = routes.filter((r) => r.group === g);
    const worst = rs.reduce((m, r) => (r.bytes > m.bytes ? r : m), rs[0] ?? { route: "-", bytes: 0, budget: 0, group: g, files: [], pass: true });
    return {
      title: `First-load JS, ${g} pages (${rs.length})`,
      summary: [`largest: ${worst.route} ${formatKb(worst.bytes)} gzip`],
      ours: { label: worst.route, calls: 1, ms: 0, callsPerSecond: 0, checksum: worst.bytes },
      baseline: { label: "budget", calls: 1, ms: 0, callsPerSecond: 0, checksum: jsBudget(g) },
      ratio: 1,
      target: 0,
      targetText: `every page ≤ ${formatKb(jsBudget(g))} gzip (${rs.filter((r) => !r.pass).length} over)`,
      pass: rs.every((r) => r.pass),
      extra: [],
    };
  });
  return { markdown: md, comparisons };
}

async function run(): Promise<Comparison[]> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("There is no production build: run `npm run build` (or `npm run bench -- pages`, which builds) first.");
  const { markdown, comparisons } = firstLoadJsSection();
  writeResultsSection("js", "First-load JavaScript", markdown);
  return comparisons;
}

export const firstLoadJsBench: BenchSuite = { name: "js", run };
