/**
 * Search on real names (issue 9 item 17): case- and accent-insensitive, on a real PostgreSQL with
 * the project's migrations (unaccent, the name search keys and their trigram indexes). Every
 * search is limited to this file's own local authority, so other files' cases never interfere.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import type { SessionUser } from "@/lib/auth/types";
import { listCases } from "@/lib/cases/list/list-cases";
import { startEmbeddedPostgres } from "../../../scripts/embedded-postgres";
import { makeCase, makeLa, makeUser, uid } from "../helpers";

const tok = uid();
let la: { id: string };
let caseworker: SessionUser;
const refs: Record<string, string> = {};

/** A case of this file's LA whose child (or, with `party`, whose parent) has this name. */
async function caseNamed(key: string, name: string, { party = false } = {}) {
  const c = await makeCase(la.id, { reference: `SM-NAME-${tok}-${key}` });
  if (party) await db().party.create({ data: { caseId: c.id, kind: "PARENT", name } });
  else await db().child.create({ data: { caseId: c.id, name } });
  refs[key] = c.reference;
}

/**
 * The references found for `q`, checked to be the same whichever way the search runs: the matching
 * cases found first through the trigram indexes (the usual way), or the condition written into the
 * list query (what a search matching more than 5,000 cases does).
 */
async function found(q: string): Promise<string[]> {
  const refsOf = (r: { rows: { reference: string }[] }) => r.rows.map((x) => x.reference).sort();
  const byId = refsOf(await listCases(caseworker, { q, la: la.id, status: "ALL" }));
  const inQuery = refsOf(await listCases(caseworker, { q, la: la.id, status: "ALL" }, { maxSearchMatchesById: 0 }));
  expect(inQuery).toEqual(byId);
  return byId;
}

beforeAll(async () => {
  la = await makeLa(`Namesby ${tok}`);
  caseworker = await makeUser("CASEWORKER");
  await caseNamed("lukasz", "Łukasz Wiśniewski");
  await caseNamed("zoe", "Zoë Brontë");
  await caseNamed("siobhan", "Siobhán Ní Bhriain", { party: true });
  await caseNamed("plain", "Siobhan Murphy");
  await caseNamed("other", "Luke Asz");
});

describe("search on real names", () => {
  it("'lukasz' and 'ŁUKASZ' both find Łukasz", async () => {
    expect(await found("lukasz")).toEqual([refs.lukasz]);
    expect(await found("ŁUKASZ")).toEqual([refs.lukasz]);
    expect(await found("wisniewski")).toEqual([refs.lukasz]);
  });

  it("'zoe' finds Zoë, and 'Zoë' finds her too", async () => {
    expect(await found("zoe")).toEqual([refs.zoe]);
    expect(await found("ZOË BRONTË")).toEqual([refs.zoe]);
  });

  it("'siobhan' finds a party named Siobhán and a child named Siobhan; 'Siobhán' finds both", async () => {
    expect(await found("siobhan")).toEqual([refs.siobhan, refs.plain].sort());
    expect(await found("Siobhán")).toEqual([refs.siobhan, refs.plain].sort());
    expect(await found("ní bhriain")).toEqual([refs.siobhan]);
  });

  it("still finds a case by its reference, ignoring case", async () => {
    expect(await found(refs.zoe!.toLowerCase())).toEqual([refs.zoe]);
  });

  it("a name that is only similar is not found", async () => {
    expect(await found("lukas z")).toEqual([]);
    expect(await found("zoey")).toEqual([]);
  });
});

describe("the database behind it", () => {
  it("unaccent's default rules turn Ł into L, ë into e and á into a (checked, not assumed)", async () => {
    const [row] = await db().$queryRaw<{ l: string; z: string; s: string; upper: string }[]>`
      SELECT name_search_key('Łukasz') AS l, name_search_key('Zoë') AS z, name_search_key('Siobhán') AS s, name_search_key('ŁUKASZ') AS upper`;
    expect(row).toEqual({ l: "lukasz", z: "zoe", s: "siobhan", upper: "lukasz" });
  });

  it("keeps each name's search key up to date when the name changes", async () => {
    const c = await makeCase(la.id);
    const child = await db().child.create({ data: { caseId: c.id, name: "Zoë" }, select: { id: true, nameKey: true } });
    expect(child.nameKey).toBe("zoe");
    const renamed = await db().child.update({ where: { id: child.id }, data: { name: "Łucja" }, select: { nameKey: true } });
    expect(renamed.nameKey).toBe("lucja");
  });

  it("a name search can use the trigram indexes on child and party names", async () => {
    // With sequential scans priced out, the planner shows whether an index can serve LIKE '%…%'.
    const plans = await db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      const child = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN SELECT "caseId" FROM "Child" WHERE "nameKey" LIKE '%lukasz%'`);
      const party = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN SELECT "caseId" FROM "Party" WHERE "nameKey" LIKE '%siobhan%'`);
      return [child, party].map((p) => p.map((r) => r["QUERY PLAN"]).join("\n"));
    });
    expect(plans[0]).toContain("Child_nameKey_trgm_idx");
    expect(plans[1]).toContain("Party_nameKey_trgm_idx");
  });

  it("the embedded PostgreSQL is created with the builtin C.UTF-8 locale, where lower() folds every letter", async () => {
    const dataDir = path.resolve(`.data/locale-probe-${process.pid}`);
    const server = await startEmbeddedPostgres({ dataDir, database: "locale_probe", fresh: true, quiet: true });
    const { default: pg } = await import("pg");
    const client = new pg.Client(server.url);
    try {
      await client.connect();
      const r = await client.query<{ provider: string; locale: string; lowered: string; matches: boolean }>(
        `SELECT datlocprovider AS provider, datlocale AS locale, lower('ŁUKASZ ZOË') AS lowered, 'łukasz' ILIKE 'ŁUKASZ' AS matches
           FROM pg_database WHERE datname = current_database()`,
      );
      expect(r.rows[0]).toEqual({ provider: "b", locale: "C.UTF-8", lowered: "łukasz zoë", matches: true });
    } finally {
      await client.end().catch(() => {});
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
