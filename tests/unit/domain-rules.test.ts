/**
 * The domain rules live in the repository (docs/domain/*.md), one `### R-xx — Title` heading per
 * rule. This test keeps the code and those pages in step:
 *  - every rule id cited in the source resolves to a heading;
 *  - no rule id has two headings;
 *  - no source file still points at the old out-of-repo digest.
 *
 * Pure file reads: no lib imports, no database.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DOCS_DIR = path.join(ROOT, "docs/domain");
const SOURCE_DIRS = ["lib", "app", "pages", "components", "tests", "prisma", "scripts", "bench"];
const SOURCE_EXTENSIONS = [".ts", ".tsx", ".sql", ".prisma"];
/** Generated or installed code: not ours, and not in git. */
const SKIPPED_DIRS = new Set(["node_modules", "generated", ".next", ".data"]);

const RULE_ID = /\bR-\d\d\b/g;
const RULE_HEADING = /^### (R-\d\d) — \S/;

/** Every source file under `dir` (relative to the repository root), recursively. */
function sourceFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(path.join(ROOT, dir), { withFileTypes: true });
  } catch {
    return []; // a listed folder that does not exist (yet)
  }
  return entries.flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return SKIPPED_DIRS.has(e.name) ? [] : sourceFiles(rel);
    return e.isFile() && SOURCE_EXTENSIONS.some((ext) => e.name.endsWith(ext)) ? [rel] : [];
  });
}

const files = SOURCE_DIRS.flatMap(sourceFiles).map((rel) => ({
  rel,
  lines: readFileSync(path.join(ROOT, rel), "utf8").split("\n"),
}));

/** Rule id → the places ("file:line") that cite it. */
function citedRuleIds(): Map<string, string[]> {
  const cited = new Map<string, string[]>();
  for (const { rel, lines } of files) {
    lines.forEach((line, i) => {
      for (const [id] of line.matchAll(RULE_ID)) {
        const where = cited.get(id) ?? [];
        where.push(`${rel}:${i + 1}`);
        cited.set(id, where);
      }
    });
  }
  return cited;
}

type Heading = { id: string; where: string };

/** The `### R-xx` headings of docs/domain/*.md (outside fenced code blocks), and malformed ones. */
function ruleHeadings(): { headings: Heading[]; malformed: string[] } {
  const headings: Heading[] = [];
  const malformed: string[] = [];
  const docs = readdirSync(DOCS_DIR).filter((f) => f.endsWith(".md")).sort();
  for (const doc of docs) {
    let inFence = false;
    readFileSync(path.join(DOCS_DIR, doc), "utf8")
      .split("\n")
      .forEach((line, i) => {
        if (line.startsWith("```")) inFence = !inFence;
        if (inFence || !line.startsWith("### R-")) return;
        const where = `docs/domain/${doc}:${i + 1}`;
        const m = RULE_HEADING.exec(line);
        if (m?.[1]) headings.push({ id: m[1], where });
        else malformed.push(`${where}: ${line}`);
      });
  }
  return { headings, malformed };
}

describe("domain rules (docs/domain)", () => {
  const { headings, malformed } = ruleHeadings();

  it("finds the source files and the rule headings", () => {
    expect(files.length).toBeGreaterThan(0);
    expect(headings.length).toBeGreaterThan(0);
  });

  it("writes every rule heading as `### R-xx — Title`", () => {
    expect(malformed).toEqual([]);
  });

  it("has a heading for every rule id cited in the code", () => {
    const defined = new Set(headings.map((h) => h.id));
    const missing = [...citedRuleIds()]
      .filter(([id]) => !defined.has(id))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, where]) => `${id} (cited in ${where.join(", ")})`);
    expect(missing, `rule ids cited in the code with no "### R-xx" heading in docs/domain:\n${missing.join("\n")}`).toEqual([]);
  });

  it("does not define any rule twice", () => {
    const byId = new Map<string, Heading[]>();
    for (const h of headings) byId.set(h.id, [...(byId.get(h.id) ?? []), h]);
    const duplicated = [...byId]
      .filter(([, hs]) => hs.length > 1)
      .map(([id, hs]) => `${id}: ${hs.map((h) => h.where).join(", ")}`);
    expect(duplicated, `rule ids with more than one heading in docs/domain:\n${duplicated.join("\n")}`).toEqual([]);
  });

  it("no longer points at the out-of-repo rules digest", () => {
    // Built from parts so that this file does not match itself.
    const oldPath = ["shared", "domain"].join("/");
    const stale = files.flatMap(({ rel, lines }) =>
      lines.flatMap((line, i) => (line.includes(oldPath) ? [`${rel}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(stale, `point these at docs/domain instead:\n${stale.join("\n")}`).toEqual([]);
  });
});
