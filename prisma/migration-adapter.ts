/**
 * Migration tooling only (prisma.config.ts). Prisma 6.19 runs migrations on its WebAssembly schema
 * engine through a driver adapter; two gaps in @prisma/adapter-pg need working around for
 * `migrate dev`:
 *  1. The schema engine's introspection reads catalog columns of type "char" (oid 18) and name
 *     (oid 19), which adapter-pg rejects as unsupported. Both are plain text to us: report them as
 *     text (oid 25). Done in a pg.Pool subclass that rewrites `fields` on every result.
 *  2. The stock shadow database is built with `{ ...config, database }`, which a `connectionString`
 *     silently overrides, and it is dropped while its pool is still connected. Here the shadow DB
 *     gets discrete host/port/user/database and is dropped after its pool has ended.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const TEXT_OID = 25;
const CATALOG_TEXT_OIDS = new Set([18, 19]); // "char", name

function asText<T>(result: T): T {
  for (const r of Array.isArray(result) ? result : [result]) {
    const fields = (r as { fields?: { dataTypeID: number }[] } | undefined)?.fields;
    for (const f of fields ?? []) if (CATALOG_TEXT_OIDS.has(f.dataTypeID)) f.dataTypeID = TEXT_OID;
  }
  return result;
}

function patchQuery<Q extends { query: (...a: never[]) => unknown }>(target: Q): Q {
  const original = target.query.bind(target) as (...a: unknown[]) => unknown;
  (target as { query: unknown }).query = (...args: unknown[]) => {
    const out = original(...args);
    return out instanceof Promise ? out.then(asText) : out;
  };
  return target;
}

class CatalogTextPool extends pg.Pool {
  constructor(config: pg.PoolConfig) {
    super(config);
    patchQuery(this as unknown as { query: (...a: never[]) => unknown });
    this.on("connect", (client) => patchQuery(client as unknown as { query: (...a: never[]) => unknown }));
  }
}

function discrete(url: string, database?: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: database ?? decodeURIComponent(u.pathname.slice(1)),
  };
}

export class MigrationAdapterFactory extends PrismaPg {
  constructor(private readonly url: string) {
    super(new CatalogTextPool(discrete(url)));
  }

  override async connectToShadowDb() {
    const admin = new pg.Client(discrete(this.url));
    await admin.connect();
    const name = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const shadowPool = new CatalogTextPool(discrete(this.url, name));
    const adapter = await new PrismaPg(shadowPool).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await shadowPool.end().catch(() => {});
      const drop = new pg.Client(discrete(this.url));
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await drop.end();
    };
    return adapter;
  }
}
