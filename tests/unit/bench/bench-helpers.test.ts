/**
 * The page benchmarks' pure helpers (issue 14, decision 0032): the figures bench/RESULTS.md shows
 * are only as right as these. No timing is asserted here: speed lives in `npm run bench`.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { JS_BUDGETS, jsBudget, loadVerdict, pageVerdict, parseBenchArgs, percentile, routeGroup, summarise, type LoadFigures } from "@/bench/stats";
import { disablesRuntimeJs, firstLoadFiles, listPageRoutes, listPagesRouterPages, normaliseChunk, pagesRouterFiles, readClientReferenceManifest, routeOfSegments } from "@/bench/first-load-js";
import { familyLinkToken, formContaining, hiddenInputs } from "@/bench/http-client";
import { writeResultsSection } from "@/bench/results";

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), "bench-test-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("percentiles (nearest rank)", () => {
  it("gives the median and p95 of 1…100 as 50 and 95, whatever the order", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 100)).toBe(100);
  });

  it("takes the upper of two middle values, and the only value of one", () => {
    expect(percentile([4, 1, 3, 2], 50)).toBe(2);
    expect(percentile([7], 95)).toBe(7);
  });

  it("refuses no values and a percentile outside (0, 100]", () => {
    expect(() => percentile([], 50)).toThrow(/no values/);
    expect(() => percentile([1], 0)).toThrow();
    expect(() => percentile([1], 101)).toThrow();
  });

  it("summarises a sample: count, median, p95, max", () => {
    expect(summarise([10, 30, 20, 40])).toEqual({ n: 4, median: 20, p95: 40, max: 40 });
  });
});

describe("a page against its floors", () => {
  const t = (median: number, p95 = median) => ({ n: 50, median, p95, max: p95 });

  it("divides the page's median by the sum of the two floors' medians", () => {
    const v = pageVerdict(t(30, 60), t(12), t(8));
    expect(v.ratio).toBeCloseTo(1.5);
    expect(v).toMatchObject({ ratioPass: true, p95Pass: true, pass: true });
  });

  it("is BELOW when the ratio is over 1.5 or the page's p95 reaches 150 ms, each said apart", () => {
    expect(pageVerdict(t(31, 60), t(12), t(8))).toMatchObject({ ratioPass: false, p95Pass: true, pass: false });
    expect(pageVerdict(t(20, 150), t(12), t(8))).toMatchObject({ ratioPass: true, p95Pass: false, pass: false });
  });

  it("judges the mixed load on its p95, its errors and timeouts, and its non-2xx answers", () => {
    const ok: LoadFigures = { p50: 40, p95: 299, p99: 500, requestsPerSecond: 100, requests: 6000, errors: 0, timeouts: 0, non2xx: 0 };
    expect(loadVerdict(ok)).toBe(true);
    expect(loadVerdict({ ...ok, p95: 300 })).toBe(false);
    expect(loadVerdict({ ...ok, timeouts: 1 })).toBe(false);
    expect(loadVerdict({ ...ok, non2xx: 1 })).toBe(false);
  });
});

describe("which JavaScript budget a page has", () => {
  it("holds the family's pages and the pages opened signed out with no JavaScript to 100 kB; staff pages, staff sign-in and the App Router's not-found page to 150 kB", () => {
    expect(routeGroup("/my-case")).toBe("family");
    expect(routeGroup("/my-case/[caseId]/agreement/sign")).toBe("family");
    expect(routeGroup("/cases/[id]")).toBe("staff");
    expect(routeGroup("/la")).toBe("staff");
    for (const r of ["/", "/sign-in/family", "/sign-in/family/check-email", "/sign-in/family/verify", "/sign/[token]", "/sign/done", "/refer", "/refer/done", "/deadline-calculator", "/privacy", "/verify", "/verify/[code]"])
      expect(routeGroup(r), r).toBe("public");
    for (const r of ["/sign-in", "/sign-in/code", "/set-password/[token]", "/_not-found"]) expect(routeGroup(r), r).toBe("public-app-router");
    expect(routeGroup("/safeguarding")).toBe("staff"); // the safeguarding leads' page, signed in
    expect(routeGroup("/signature")).toBe("staff"); // not /sign: a prefix is a whole segment
    expect(routeGroup("/sign-in-help")).toBe("staff");
    expect(jsBudget("family")).toBe(JS_BUDGETS.family);
    expect(jsBudget("public")).toBe(JS_BUDGETS.family);
    expect(jsBudget("public-app-router")).toBe(JS_BUDGETS.staff);
    expect(jsBudget("staff")).toBe(JS_BUDGETS.staff);
  });
});

describe("the files a page loads first, from the build's manifests", () => {
  it("counts the runtime, every segment's entry chunks and the client components' chunks once each, without polyfills or CSS", () => {
    const files = firstLoadFiles(
      { rootMainFiles: ["static/chunks/runtime.js", "static/chunks/react.js"], polyfillFiles: ["static/chunks/polyfills.js"] },
      {
        entryJSFiles: { "[project]/app/layout": ["static/chunks/layout.js"], "[project]/app/cases/page": ["static/chunks/layout.js", "static/chunks/page.js"] },
        clientModules: {
          "[project]/components/Form.tsx": { chunks: ["/_next/static/chunks/page.js", "/_next/static/chunks/form%20part.js"] },
          "[project]/components/Later.tsx": { chunks: ["/_next/static/chunks/lazy.js"], async: true },
          "[project]/app/globals.css": { chunks: ["/_next/static/chunks/styles.css"] },
        },
      },
    );
    expect(files).toEqual(["static/chunks/form part.js", "static/chunks/layout.js", "static/chunks/page.js", "static/chunks/react.js", "static/chunks/runtime.js"]);
  });

  it("names a chunk by its path in the build folder, however the manifest wrote it", () => {
    expect(normaliseChunk("/_next/static/chunks/a.js")).toBe("static/chunks/a.js");
    expect(normaliseChunk("https://cdn.example/_next/static/chunks/a.js")).toBe("static/chunks/a.js");
    expect(normaliseChunk("static/chunks/a.js")).toBe("static/chunks/a.js");
  });

  it("reads the manifest script Next writes beside each page", () => {
    const file = path.join(tempDir(), "page_client-reference-manifest.js");
    writeFileSync(file, `globalThis.__RSC_MANIFEST = (globalThis.__RSC_MANIFEST || {});globalThis.__RSC_MANIFEST["/la/page"] = {"clientModules":{},"entryJSFiles":{"[project]/app/layout":["static/chunks/x.js"]}};`);
    expect(readClientReferenceManifest(file).entryJSFiles).toEqual({ "[project]/app/layout": ["static/chunks/x.js"] });
  });

  it("lists every page under app/ as its route: route groups dropped, private folders skipped", () => {
    const app = tempDir();
    for (const dir of ["", "la", "(office)/cases/[id]", "_components", "api/health"]) mkdirSync(path.join(app, dir), { recursive: true });
    for (const f of ["page.tsx", "la/page.tsx", "(office)/cases/[id]/page.tsx", "_components/page.tsx", "api/health/route.ts"]) writeFileSync(path.join(app, f), "");
    expect(listPageRoutes(app).map((r) => r.route)).toEqual(["/", "/cases/[id]", "/la"]);
    expect(routeOfSegments(["(office)", "cases", "[id]"])).toBe("/cases/[id]");
  });

  it("lists every page under pages/ (decision 0038): index is its folder, Next's own files and the error pages are not pages", () => {
    const pages = tempDir();
    mkdirSync(path.join(pages, "my-case/[caseId]/views/remove"), { recursive: true });
    mkdirSync(path.join(pages, "api"), { recursive: true });
    for (const f of ["_app.tsx", "_document.tsx", "404.tsx", "api/x.ts", "my-case/index.tsx", "my-case/[caseId]/index.tsx", "my-case/[caseId]/views/remove/[uploadId].tsx"]) writeFileSync(path.join(pages, f), "");
    expect(listPagesRouterPages(pages).map((r) => r.route)).toEqual(["/my-case", "/my-case/[caseId]", "/my-case/[caseId]/views/remove/[uploadId]"]);
    expect(listPagesRouterPages(path.join(pages, "none"))).toEqual([]);
  });

  it("a Pages Router page loads Next's runtime, /_app's chunks and its own — none when it turns the runtime off", () => {
    const build = { rootMainFiles: ["static/chunks/runtime.js"], pages: { "/_app": ["static/chunks/app.js", "static/css/app.css"], "/my-case": ["static/chunks/app.js", "static/chunks/my-case.js"] } };
    expect(pagesRouterFiles(build, "/my-case")).toEqual(["static/chunks/app.js", "static/chunks/my-case.js", "static/chunks/runtime.js"]);
    expect(disablesRuntimeJs(`export const config = { runtime: "nodejs", unstable_runtimeJS: false };`)).toBe(true);
    expect(disablesRuntimeJs(`export const config = { unstable_runtimeJS: true };`)).toBe(false);
    expect(disablesRuntimeJs(`// unstable_runtimeJS: false\nexport const config = {};`)).toBe(false);
  });
});

describe("signing in without JavaScript", () => {
  const page = `<form action="/search"><input name="q"></form>
    <form action="" encType="multipart/form-data" method="POST"><input type="hidden" name="$ACTION_REF_1"/><input type="hidden" name="$ACTION_1:0" value="{&quot;id&quot;:&quot;abc&quot;,&quot;bound&quot;:&quot;$@1&quot;}"/>
    <input type="email" name="email"/><input type="password" name="password"/></form>`;

  it("posts the form holding the field, with its hidden server-action fields decoded", () => {
    const form = formContaining(page, "password")!;
    expect(form).toContain('name="email"');
    expect(hiddenInputs(form)).toEqual([
      ["$ACTION_REF_1", ""],
      ["$ACTION_1:0", '{"id":"abc","bound":"$@1"}'],
    ]);
    expect(formContaining(page, "nothing")).toBeNull();
  });

  it("finds the newest sign-in link's token in an e-mail, even quoted-printable", () => {
    const text = "Old: https://x.test/sign-in/family/verify?token=3Dold1\nNew: https://x.test/sign-in/family/verify?token=3Dabc-=\n_123\n";
    expect(familyLinkToken(text)).toBe("abc-_123");
    expect(familyLinkToken("no link here")).toBeNull();
  });
});

describe("bench/RESULTS.md sections", () => {
  it("replaces a suite's own section and keeps the others", () => {
    const file = path.join(tempDir(), "RESULTS.md");
    writeResultsSection("pages", "Pages", "figures of run 1", file, "machine A");
    writeResultsSection("js", "JS", "sizes", file, "machine A");
    writeResultsSection("pages", "Pages", "figures of run 2", file, "machine B");
    const text = readFileSync(file, "utf8");
    expect(text).toContain("figures of run 2");
    expect(text).not.toContain("figures of run 1");
    expect(text).toContain("sizes");
    expect(text.match(/<!-- bench:pages -->/g)).toHaveLength(1);
    expect(text.indexOf("bench:pages")).toBeLessThan(text.indexOf("bench:js"));
  });
});

describe("npm run bench options", () => {
  it("takes suite names, flags and numbers, written either way", () => {
    expect(parseBenchArgs(["pages", "js", "--cases", "2000", "--duration=10", "--skip-build", "--strict"])).toEqual({
      suites: ["pages", "js"],
      strict: true,
      cases: 2000,
      duration: 10,
      rounds: null,
      skipBuild: true,
    });
  });

  it("refuses a number that is not a whole number of at least 1, and unknown options", () => {
    expect(() => parseBenchArgs(["--cases", "many"])).toThrow(/--cases needs a whole number/);
    expect(() => parseBenchArgs(["--rounds=0"])).toThrow(/--rounds/);
    expect(() => parseBenchArgs(["--duration"])).toThrow(/--duration/);
    expect(() => parseBenchArgs(["--fast"])).toThrow(/unknown option --fast/);
  });
});
