/**
 * The data the page benchmarks run on: the scale seed (lib/seed/scale.ts, `seedScale`) with N
 * cases, and who signs in. The ids each page needs (users, the family's case, the largest LA, a
 * child's name to search for) are looked up in the seeded database by SQL.
 */
import pg from "pg";
import { seedScale, type ScaleSubjects } from "../lib/seed/scale";

export type BenchSubjects = ScaleSubjects & {
  caseworkerId: string;
  mediatorId: string;
  laOfficerId: string;
  familyUserId: string;
  familyCaseId: string;
  /** the LA with the most cases (the filtered list) */
  largestLaId: string;
  /** a child's full name (the searched list), and how many cases it finds */
  searchName: string;
  /** every family account's own case, for the mixed load */
  familyCases: { email: string; caseId: string }[];
  counts: Record<string, number>;
};

/** A case the family user may open (their own party, or a young person's case they are on), as lib/auth/scope says. */
const FAMILY_CASE_SQL = `SELECT c.id FROM "Case" c JOIN "Party" p ON p."caseId" = c.id JOIN "User" u ON u.id = p."userId"
  WHERE lower(u.email) = lower($1) AND ((p.kind = 'PARENT' AND c."familyParty" = 'PARENT') OR (p.kind = 'YOUNG_PERSON' AND c."familyParty" = 'YOUNG_PERSON'))
  ORDER BY c."createdAt" DESC, c.id LIMIT 1`;

export async function seedBenchData(databaseUrl: string, cases: number): Promise<BenchSubjects> {
  let last = 0;
  const result = await seedScale(databaseUrl, {
    cases,
    onProgress: (done, total, stage) => {
      const pct = Math.floor((100 * done) / Math.max(1, total));
      if (pct >= last + 10 || done === total) {
        last = pct;
        console.log(`  seeding: ${stage} ${done.toLocaleString("en-GB")}/${total.toLocaleString("en-GB")}`);
      }
    },
  });
  console.log(`  seeded ${cases.toLocaleString("en-GB")} cases in ${result.seconds.toFixed(0)} s`);
  const c = new pg.Client(databaseUrl);
  await c.connect();
  try {
    await c.query("VACUUM ANALYZE");
    const s = result.subjects;
    const id = async (email: string) => {
      const r = await c.query<{ id: string }>(`SELECT id FROM "User" WHERE lower(email) = lower($1)`, [email]);
      if (!r.rows[0]) throw new Error(`the seed's subject ${email} has no account`);
      return r.rows[0].id;
    };
    const familyCase = async (email: string) => {
      const r = await c.query<{ id: string }>(FAMILY_CASE_SQL, [email]);
      if (!r.rows[0]) throw new Error(`the family account ${email} has no case it may open`);
      return r.rows[0].id;
    };
    const largest = await c.query<{ id: string }>(`SELECT "localAuthorityId" AS id FROM "Case" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
    const child = await c.query<{ name: string }>(`SELECT name FROM "Child" WHERE "caseId" = $1`, [s.caseWith200EventsId]);
    const counts: Record<string, number> = {};
    for (const t of ["Case", "CaseEvent", "Party", "CaseDeadline", "Meeting", "Obligation", "User"]) {
      counts[t] = Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM "${t}"`)).rows[0]!.n);
    }
    const familyEmails = [...new Set([s.familyEmail, ...s.familyEmails])];
    return {
      ...s,
      caseworkerId: await id(s.caseworkerEmail),
      mediatorId: await id(s.mediatorEmail),
      laOfficerId: await id(s.laOfficerEmail),
      familyUserId: await id(s.familyEmail),
      familyCaseId: await familyCase(s.familyEmail),
      largestLaId: largest.rows[0]!.id,
      searchName: child.rows[0]?.name ?? "a",
      familyCases: await Promise.all(familyEmails.map(async (email) => ({ email, caseId: await familyCase(email) }))),
      counts,
    };
  } finally {
    await c.end();
  }
}
