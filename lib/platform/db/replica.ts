/**
 * The read replica for reports (issue 14, decision 0037). When DATABASE_REPLICA_URL is set, the
 * heavy read-only queries of reports and their exports (lib/reports: grouped counts, a figure's
 * case list) run on that server — a streaming replica of the primary — so a commissioner's
 * report never competes with caseworkers' writes. When it is not set they run on the primary
 * (`db()`), which is what a single-machine install does. Its pool has the primary's timeouts
 * (./settings.ts, decision 0034); an application_name in the URL wins over ours.
 *
 * Only reads that may lag the primary by a few seconds belong here: never an authorization check
 * (who may see which LA is read from the primary), never a read followed by a write, never a
 * page that must show what its user has just saved. A replica refuses writes, so a mistake is
 * loud rather than silent.
 */
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { db } from "./index";
import { poolSettings } from "./settings";

/** Connections each process opens to the replica at most; DATABASE_REPLICA_POOL_MAX overrides it. */
export const REPLICA_POOL_MAX = 5;

const globalForReplica = globalThis as unknown as { __replica?: PrismaClient; __replicaUrl?: string };

/** DATABASE_REPLICA_URL, or null when no replica is configured (blank counts as not set). */
export function replicaUrl(env: Record<string, string | undefined> = process.env): string | null {
  const url = env.DATABASE_REPLICA_URL?.trim();
  return url ? url : null;
}

/** The replica pool's size: DATABASE_REPLICA_POOL_MAX when a whole number from 1 to 100, else REPLICA_POOL_MAX. */
export function replicaPoolMax(env: Record<string, string | undefined> = process.env): number {
  const raw = env.DATABASE_REPLICA_POOL_MAX?.trim();
  const n = raw && /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
  return n >= 1 && n <= 100 ? n : REPLICA_POOL_MAX;
}

/**
 * The client for report reads: the replica's when DATABASE_REPLICA_URL is set, else the primary's.
 * Created lazily, one per process, and again if the URL changes (tests point it elsewhere).
 */
export function reportsDb(): PrismaClient {
  const url = replicaUrl();
  if (!url) return db();
  if (!globalForReplica.__replica || globalForReplica.__replicaUrl !== url) {
    const previous = globalForReplica.__replica;
    globalForReplica.__replica = new PrismaClient({ adapter: new PrismaPg(poolSettings(url, replicaPoolMax(), "send-mediation-replica")) });
    globalForReplica.__replicaUrl = url;
    void previous?.$disconnect().catch(() => {});
  }
  return globalForReplica.__replica;
}
