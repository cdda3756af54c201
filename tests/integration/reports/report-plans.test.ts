/**
 * The report's counts are read from their indexes (issue 14, decision 0039): each table's statement
 * (lib/reports/report-sql.ts countsSql, as the page sends it for the office's every-LA report) can
 * be answered by an index-only scan of the index made for it (migration
 * 20261205100000_report_indexes), and the 30-day table's clock look-up by the partial index of the
 * mediation clocks. Several of these indexes are partial, and PostgreSQL uses one only when it can
 * prove from the query's own conditions that every row asked for is in it: a report query edited
 * so that it no longer matches (another clock name, a kind written differently, a bucket reading a
 * column the index does not hold) would still count right but read whole tables again at 100,000
 * cases. With sequential and bitmap scans priced out, the plan shows which index can serve it.
 */
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { db, Prisma } from "@/lib/platform/db";
import { REPORT_TABLES, type ReportTableId } from "@/lib/reports/definitions";
import { countsSql, type SqlFilters } from "@/lib/reports/report-sql";
import { makeLa } from "../helpers";

/** The index-only scans each table's count must be able to use. */
const SERVED_BY: Record<ReportTableId, string[]> = {
  referrals: ["Case_createdAt_localAuthorityId_requestedBy_idx"],
  mediations: ["Case_mediation_heldOn_report_idx", "CaseDeadline_mediation_clock_outcome_idx"],
  certificates: ["Certificate_issuedOn_report_idx"],
  agreements: ["Case_mediation_heldOn_report_idx"],
  sen2: ["Case_mediation_heldOn_report_idx"],
  appeals: ["Case_appealLodgedOn_report_idx"],
  drs: ["Case_drs_createdAt_report_idx"],
  actions: ["Obligation_dueOn_localAuthorityId_status_completedOn_idx"],
};

let f: SqlFilters;

beforeAll(async () => {
  const la = await makeLa();
  f = { laIds: [la.id], everyLocalAuthority: true, from: "2026-01-01", to: "2026-12-31", today: "2026-06-15" };
  // Index-only scans are priced by how much of the table is known all-visible: vacuumed here, as
  // autovacuum keeps a live database.
  const client = new pg.Client(process.env.DATABASE_URL);
  await client.connect();
  try {
    await client.query(`VACUUM ANALYZE "Case", "CaseDeadline", "Certificate", "Obligation"`);
  } finally {
    await client.end();
  }
});

async function plan(sql: Prisma.Sql): Promise<string> {
  return db().$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
    await tx.$executeRawUnsafe("SET LOCAL enable_bitmapscan = off");
    const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${sql}`);
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  });
}

describe("each report table's count can be read from its own index alone", () => {
  it.each(REPORT_TABLES)("%s", async (table) => {
    const p = await plan(countsSql(table, f));
    for (const index of SERVED_BY[table]) expect(p, p).toContain(`Index Only Scan using "${index}"`);
  });
});
