/**
 * Bench: the case list's name search (issue 9 item 17) on 100,000 cases, each with a child and a
 * parent, in a throw-away embedded PostgreSQL made for the run with the project's migrations.
 * Times the real `listCases` search (one page and the count) for a name typed without its
 * accents, with the trigram indexes on the name search keys and after dropping them.
 * Target: with the indexes ≥ 3× as fast as without. A benchmark, not a test: nothing fails on a
 * slow machine unless `--strict` is given.
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../scripts/embedded-postgres";
import type { SessionUser } from "../lib/auth/types";
import { measureAsync, type BenchSuite, type Comparison } from "./harness";

const CASES = 100_000;
const TARGET_RATIO = 3;
const SEARCH = "siobhan ni bhriain";
const ROUNDS = 5;

const FIRST = ["Łukasz", "Zoë", "Siobhán", "Amara", "Oliver", "Chloé", "Mateusz", "Aoife", "Noah", "Fatima", "Björn", "Élodie", "Kacper", "Isla", "Renée", "Dawid", "Aisha", "Callum", "Niamh", "Tomasz", "Inès", "Jakub", "Saoirse", "Yusuf", "Maël", "Oskar", "Zuzanna", "Ravi", "Eilidh", "Dylan", "Anaïs", "Kwame"];
/** Surnames of three syllables, some accented: 24³ = 13,824 of them, as varied as real ones. */
const SYLLABLES = ["wiś", "nie", "bron", "të", "mur", "phy", "oka", "for", "mül", "ler", "no", "wak", "kel", "ly", "khan", "sø", "ren", "du", "bois", "ko", "wal", "czyk", "gar", "cía"];
/** Planted in every 10,000th case: what the bench searches for (10 children). */
const PLANTED = "Siobhán Ní Bhriain";
const sqlArray = (xs: readonly string[]) => `ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(",")}]`;

async function seed(url: string) {
  const c = new pg.Client(url);
  await c.connect();
  try {
    await c.query(`INSERT INTO "LocalAuthority" (id, code, name) VALUES ('bench-la', 'BENCH', 'Benchshire')`);
    await c.query(
      `INSERT INTO "Case" (id, reference, "localAuthorityId", "updatedAt")
       SELECT 'bench-' || g, 'SM-BENCH-' || lpad(g::text, 6, '0'), 'bench-la', now() FROM generate_series(1, $1::int) g`,
      [CASES],
    );
    // A first name and a surname per person, picked by multiplying the row number by primes.
    const name = (g: string) =>
      `(${sqlArray(FIRST)})[1 + (${g} * 7 % ${FIRST.length})] || ' ' || initcap((${sqlArray(SYLLABLES)})[1 + (${g} * 31 % 24)]` +
      ` || (${sqlArray(SYLLABLES)})[1 + (${g} * 101 / 24 % 24)] || (${sqlArray(SYLLABLES)})[1 + (${g} * 211 / 576 % 24)])`;
    await c.query(
      `INSERT INTO "Child" (id, "caseId", name)
       SELECT 'bench-c-' || g, 'bench-' || g, CASE WHEN g % 10000 = 0 THEN '${PLANTED}' ELSE ${name("g")} END FROM generate_series(1, $1::int) g`,
      [CASES],
    );
    await c.query(
      `INSERT INTO "Party" (id, "caseId", kind, name)
       SELECT 'bench-p-' || g, 'bench-' || g, 'PARENT', ${name("(g + 5)")} FROM generate_series(1, $1::int) g`,
      [CASES],
    );
    // As a database in use would be: statistics gathered and the indexes' pending entries merged.
    await c.query(`VACUUM ANALYZE`);
  } finally {
    await c.end();
  }
}

async function run(): Promise<Comparison[]> {
  const dataDir = path.resolve(`.data/bench-postgres-${process.pid}`);
  const server = await startEmbeddedPostgres({ dataDir, database: "bench", fresh: true, quiet: true });
  try {
    execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: server.url }, stdio: "pipe" });
    const seeded = performance.now();
    await seed(server.url);
    console.log(`  seeded ${CASES.toLocaleString("en-GB")} cases, children and parents in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
    process.env.DATABASE_URL = server.url;
    const { listCases } = await import("../lib/cases/list/list-cases");
    const { db } = await import("../lib/platform/db");
    const user: SessionUser = { id: "bench-user", email: "bench@example.test", name: "Bench", role: "CASEWORKER", localAuthorityId: null };
    const search = async (opts: { maxSearchMatchesById?: number } = {}) => {
      const r = await listCases(user, { q: SEARCH, status: "ALL" }, opts);
      if (r.total !== CASES / 10_000) throw new Error(`expected ${CASES / 10_000} cases named ${PLANTED}, found ${r.total}`);
      return r.total;
    };
    const withIndex = await measureAsync(`listCases q="${SEARCH}", trigram indexes`, ROUNDS, () => search());
    // The same condition written into the list query (what a search matching very many cases
    // does, and how every search was done before): an OR over a join, which no index serves.
    const inListQuery = await measureAsync(`  the same, condition in the list query (as before issue 9)`, ROUNDS, () => search({ maxSearchMatchesById: 0 }));
    await db().$executeRawUnsafe(`DROP INDEX "Child_nameKey_trgm_idx"`);
    await db().$executeRawUnsafe(`DROP INDEX "Party_nameKey_trgm_idx"`);
    await db().$executeRawUnsafe(`DROP INDEX "Case_reference_trgm_idx"`);
    const withoutIndex = await measureAsync(`listCases q="${SEARCH}", indexes dropped`, ROUNDS, () => search());
    await db().$disconnect();
    const ratio = withIndex.callsPerSecond / withoutIndex.callsPerSecond;
    return [
      {
        title: `Name search over ${CASES.toLocaleString("en-GB")} cases (child and parent names), one page and the count`,
        ours: withIndex,
        baseline: withoutIndex,
        ratio,
        target: TARGET_RATIO,
        pass: ratio >= TARGET_RATIO,
        extra: [inListQuery],
      },
    ];
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const nameSearchBench: BenchSuite = { name: "name-search", run };
