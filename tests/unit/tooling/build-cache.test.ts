/** `npm run dev` deletes a build cache made by another Next.js version or for another project folder. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { clearStaleBuildCache, staleCacheReason } from "../../../scripts/build-cache";

const current = { next: "16.4.6", root: "/srv/send-mediation" };

describe("staleCacheReason", () => {
  it("keeps a cache recorded for this Next.js and this folder", () => {
    expect(staleCacheReason(current, { ...current }, true)).toBeNull();
  });
  it("has nothing to do when there is no cache", () => {
    expect(staleCacheReason(current, { next: "15.0.0", root: "/elsewhere" }, false)).toBeNull();
  });
  it("clears a cache from another Next.js version, naming both", () => {
    expect(staleCacheReason(current, { ...current, next: "16.3.0" }, true)).toBe("it was built by Next.js 16.3.0 and this is 16.4.6");
  });
  it("clears a cache built for the project at another path (a copied or moved folder)", () => {
    expect(staleCacheReason(current, { ...current, root: "/home/ann/send-mediation" }, true)).toContain("/home/ann/send-mediation");
  });
  it("clears a cache nothing vouches for", () => {
    expect(staleCacheReason(current, null, true)).toMatch(/nothing records/);
  });
});

describe("clearStaleBuildCache", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("deletes a stale cache once, saying so in one line, and keeps it afterwards", () => {
    dir = mkdtempSync(path.join(tmpdir(), "build-cache-"));
    const cacheDir = path.join(dir, ".next");
    const stampFile = path.join(dir, ".data/next-build-stamp.json");
    mkdirSync(path.join(cacheDir, "dev"), { recursive: true });
    writeFileSync(path.join(cacheDir, "dev/old-chunk.js"), "");
    mkdirSync(path.dirname(stampFile), { recursive: true });
    writeFileSync(stampFile, JSON.stringify({ next: "15.5.0", root: dir }));
    const lines: string[] = [];
    const me = { next: "16.4.6", root: dir };

    expect(clearStaleBuildCache({ cacheDir, stampFile, current: me, log: (l) => lines.push(l) })).toContain("15.5.0");
    expect(existsSync(cacheDir)).toBe(false);
    expect(lines).toEqual(["Cleared the stale build cache (.next): it was built by Next.js 15.5.0 and this is 16.4.6."]);
    expect(JSON.parse(readFileSync(stampFile, "utf8"))).toEqual(me);

    // Next builds a fresh cache; the next start keeps it.
    mkdirSync(path.join(cacheDir, "dev"), { recursive: true });
    expect(clearStaleBuildCache({ cacheDir, stampFile, current: me, log: (l) => lines.push(l) })).toBeNull();
    expect(existsSync(path.join(cacheDir, "dev"))).toBe(true);
    expect(lines).toHaveLength(1);
  });
});
