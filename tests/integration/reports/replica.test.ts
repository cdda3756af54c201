/**
 * Reports read through the read replica when one is configured (issue 14, decision 0037):
 *  - without DATABASE_REPLICA_URL, reports read the primary (the one client of the process);
 *  - with it, the report's counts and its case lists are read through a connection to THAT URL —
 *    seen here as connections carrying the URL's own application_name in pg_stat_activity, and
 *    as a failure when the URL names a database that does not exist — while who may see which LA
 *    is still read from the primary.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { databaseUrl, db } from "@/lib/platform/db";
import { replicaPoolMax, reportsDb, REPLICA_POOL_MAX } from "@/lib/platform/db/replica";
import { getReport } from "@/lib/reports/get-report";
import { listReportCases } from "@/lib/reports/list-report-cases";
import type { SessionUser } from "@/lib/auth/types";
import { makeCase, makeLa, makeUser, uid } from "../helpers";

let admin: SessionUser;
let laId: string;
const saved = process.env.DATABASE_REPLICA_URL;
const params = () => ({ la: laId, from: "2026-01-01", to: new Date().toISOString().slice(0, 10) });

/** The primary's URL with a different application_name: the same server, a client told apart. */
function urlNamed(appName: string, database?: string): string {
  const u = new URL(databaseUrl());
  u.searchParams.set("application_name", appName);
  if (database) u.pathname = `/${database}`;
  return u.toString();
}

async function connectionsNamed(appName: string): Promise<number> {
  const [row] = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = ${appName}`;
  return row?.n ?? 0;
}

beforeAll(async () => {
  const la = await makeLa(`Replicashire ${uid()}`);
  laId = la.id;
  admin = await makeUser("ADMIN");
  await makeCase(laId);
  await makeCase(laId);
});

afterEach(() => {
  if (saved === undefined) delete process.env.DATABASE_REPLICA_URL;
  else process.env.DATABASE_REPLICA_URL = saved;
});

describe("reports and the read replica", () => {
  it("read the primary when no replica is configured", async () => {
    delete process.env.DATABASE_REPLICA_URL;
    expect(reportsDb()).toBe(db());
    const r = await getReport(admin, params());
    expect(r.ok && Object.values(r.counts.referrals).reduce((a, b) => a + b, 0)).toBe(2);
  });

  it("read through DATABASE_REPLICA_URL when it is set: the same figures, over the replica's own connections", async () => {
    delete process.env.DATABASE_REPLICA_URL;
    const fromPrimary = await getReport(admin, params());
    const name = `reports-replica-${uid()}`;
    process.env.DATABASE_REPLICA_URL = urlNamed(name);
    expect(await connectionsNamed(name)).toBe(0);
    const fromReplica = await getReport(admin, params());
    expect(fromReplica.ok && fromReplica.counts).toEqual(fromPrimary.ok && fromPrimary.counts);
    const list = await listReportCases(admin, { ...params(), figure: "referrals" });
    expect(list.total).toBe(2);
    const used = await connectionsNamed(name);
    expect(used).toBeGreaterThan(0);
    expect(used).toBeLessThanOrEqual(REPLICA_POOL_MAX);
    await reportsDb().$disconnect();
  });

  it("fail, rather than quietly reading the primary, when the replica cannot be reached", async () => {
    process.env.DATABASE_REPLICA_URL = urlNamed(`reports-replica-${uid()}`, `no_such_database_${uid()}`);
    await expect(getReport(admin, params())).rejects.toThrow(/no_such_database/);
  });

  it("size the replica's pool from DATABASE_REPLICA_POOL_MAX, within bounds", () => {
    expect(replicaPoolMax({})).toBe(REPLICA_POOL_MAX);
    expect(replicaPoolMax({ DATABASE_REPLICA_POOL_MAX: "12" })).toBe(12);
    expect(replicaPoolMax({ DATABASE_REPLICA_POOL_MAX: "0" })).toBe(REPLICA_POOL_MAX);
    expect(replicaPoolMax({ DATABASE_REPLICA_POOL_MAX: "lots" })).toBe(REPLICA_POOL_MAX);
  });
});
