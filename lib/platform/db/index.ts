/**
 * The one PrismaClient of the process. Only lib/ modules import this; pages, routes and server
 * actions go through lib/<feature> functions, which apply the authorization scope (lib/auth).
 */
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export * from "./generated/client";

const globalForPrisma = globalThis as unknown as { __prisma?: PrismaClient; __prismaUrl?: string };

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  return url;
}

function create(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
}

/** Lazily created so that importing a module never needs a database (e.g. at build time). */
export function db(): PrismaClient {
  const url = databaseUrl();
  if (!globalForPrisma.__prisma || globalForPrisma.__prismaUrl !== url) {
    globalForPrisma.__prisma = create(url);
    globalForPrisma.__prismaUrl = url;
  }
  return globalForPrisma.__prisma;
}

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * One interactive transaction with the project's limits: waits up to 15 s for a pooled connection
 * under load (e.g. many referrals at once) and may run for 30 s.
 */
export function transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(fn, { maxWait: 15_000, timeout: 30_000 });
}
