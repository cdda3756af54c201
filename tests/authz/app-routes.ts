/**
 * What the authorization matrices cover, read from the code (decision 0024): every page and route
 * handler under app/, and every module whose first statement is "use server".
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export const APP_DIR = path.resolve(import.meta.dirname, "../../app");

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

/** Every page (`page.tsx`) and route handler (`route.ts`) under app/. */
export function appRoutes(appDir = APP_DIR): AppRoute[] {
  const out: AppRoute[] = [];
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
