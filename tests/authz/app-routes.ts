/**
 * What the authorization matrices cover, read from the code (decision 0024): every page and route
 * handler under app/, every page under pages/ (the family's pages, decision 0038), every module
 * whose first statement is "use server", and every form handler of a Pages Router page (the
 * modules in a `_forms` folder under app/: their posts are the family's "actions").
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { pagesRouteOfFile } from "../../bench/first-load-js";

export const APP_DIR = path.resolve(import.meta.dirname, "../../app");
export const PAGES_DIR = path.resolve(import.meta.dirname, "../../pages");

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** A folder path as its route: route groups `(x)` left out; null inside a private folder `_x` (not routable). */
function routeOf(relativeDir: string): string | null {
  const segments = relativeDir.split(path.sep).filter((s) => s !== "" && s !== ".");
  if (segments.some((s) => s.startsWith("_") || s.startsWith("@"))) return null;
  return "/" + segments.filter((s) => !/^\(.*\)$/.test(s)).join("/");
}

export type AppRoute = { route: string; kind: "page" | "route handler"; file: string };

/** A Pages Router file as its route (bench/first-load-js.ts counts the same pages); the error pages are not routes. */
export function pagesRouteOf(relativeFile: string): string | null {
  const route = pagesRouteOfFile(relativeFile);
  return route === "/404" || route === "/500" ? null : route;
}

/** Every page (`page.tsx`) and route handler (`route.ts`) under app/, and every page under pages/. */
export function appRoutes(appDir = APP_DIR, pagesDir = PAGES_DIR): AppRoute[] {
  const out: AppRoute[] = [];
  for (const file of existsSync(pagesDir) ? walk(pagesDir) : []) {
    const route = /\.(tsx|ts|jsx|js)$/.test(file) ? pagesRouteOf(path.relative(pagesDir, file)) : null;
    if (route !== null) out.push({ route, kind: "page", file: path.relative(path.dirname(pagesDir), file) });
  }
  for (const file of walk(appDir)) {
    const base = path.basename(file);
    const kind = /^page\.(tsx|ts|jsx|js)$/.test(base) ? "page" : /^route\.(ts|js)$/.test(base) ? "route handler" : null;
    if (!kind) continue;
    const route = routeOf(path.relative(appDir, path.dirname(file)));
    if (route !== null) out.push({ route, kind, file: path.relative(path.dirname(appDir), file) });
  }
  return out;
}

/** Fills `[param]`, `[...param]` and `[[...param]]` from `params`; throws naming the one missing. */
export function fillRoute(route: string, params: Record<string, string>): string {
  return route.replace(/\[\[?(?:\.\.\.)?([^\]]+)\]\]?/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`${route}: no value for [${name}] — give it in the row's params`);
    return encodeURIComponent(v);
  });
}

/** Modules whose first statement is the "use server" directive (server actions), relative to the project. */
export function serverActionModules(appDir = APP_DIR): string[] {
  return walk(appDir)
    .filter((f) => /\.(ts|tsx|js)$/.test(f))
    .filter((f) => {
      const code = readFileSync(f, "utf8").replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "");
      return /^["']use server["']/.test(code);
    })
    .map((f) => path.relative(path.dirname(appDir), f).split(path.sep).join("/"));
}

/**
 * The form handlers of the family's Pages Router pages (decision 0038): every module in a `_forms`
 * folder under app/, relative to the project. Each export is called as (caller, formData).
 */
export function pageFormModules(appDir = APP_DIR): string[] {
  return walk(appDir)
    .filter((f) => /\.(ts|tsx)$/.test(f) && path.basename(path.dirname(f)) === "_forms")
    .map((f) => path.relative(path.dirname(appDir), f).split(path.sep).join("/"));
}
