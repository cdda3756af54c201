/**
 * `npm run dev` recovers by itself from a stale build cache. A `.next` folder made by another
 * Next.js version, or for the project at another path (a copied or moved folder), can make every
 * page reload itself endlessly. Each dev start records which Next.js and which project folder the
 * cache is for; when the record is missing or differs, the cache is deleted before Next starts.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export type BuildStamp = { next: string; root: string };

/** Why the cache must go, in a few words, or null when it is current (or there is none). */
export function staleCacheReason(current: BuildStamp, recorded: BuildStamp | null, cacheExists: boolean): string | null {
  if (!cacheExists) return null;
  if (!recorded) return "nothing records which Next.js or project folder it was built for";
  if (recorded.next !== current.next) return `it was built by Next.js ${recorded.next} and this is ${current.next}`;
  if (recorded.root !== current.root) return `it was built for the project at ${recorded.root}, not ${current.root}`;
  return null;
}

export function readStamp(file: string): BuildStamp | null {
  try {
    const s = JSON.parse(readFileSync(file, "utf8")) as Partial<BuildStamp>;
    return typeof s.next === "string" && typeof s.root === "string" ? { next: s.next, root: s.root } : null;
  } catch {
    return null;
  }
}

/**
 * Deletes `cacheDir` when stale (saying so in one line) and records the current stamp. Returns the
 * reason it was deleted, or null.
 */
export function clearStaleBuildCache(opts: { cacheDir: string; stampFile: string; current: BuildStamp; log?: (line: string) => void }): string | null {
  const reason = staleCacheReason(opts.current, readStamp(opts.stampFile), existsSync(opts.cacheDir));
  if (reason) {
    rmSync(opts.cacheDir, { recursive: true, force: true });
    (opts.log ?? console.log)(`Cleared the stale build cache (${path.basename(opts.cacheDir)}): ${reason}.`);
  }
  mkdirSync(path.dirname(opts.stampFile), { recursive: true });
  writeFileSync(opts.stampFile, JSON.stringify(opts.current) + "\n");
  return reason;
}
