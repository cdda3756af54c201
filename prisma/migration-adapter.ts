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
 *  3. adapter-pg's `executeScript` (which runs each migration file) splits the script at every
 *     semicolon, so a PL/pgSQL function body (`AS $fn$ BEGIN … ; … END $fn$`), or a semicolon in a
 *     string or a comment, was cut in pieces. `splitSqlScript` splits at the semicolons that end a
 *     statement only (outside quotes, dollar quotes and comments): see docs/decisions/0026.
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

/**
 * The statements of a SQL script: split at each semicolon outside '…' and E'…' strings, "…"
 * identifiers, $tag$…$tag$ dollar quotes, -- line comments and (nested) block comments, each
 * trimmed, empty ones dropped. A script without any of those splits exactly as before.
 */
export function splitSqlScript(script: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  const n = script.length;
  const isIdent = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_$\u0080-\uffff]/.test(c);
  while (i < n) {
    const c = script[i]!;
    const next = script[i + 1];
    if (c === "-" && next === "-") {
      const end = script.indexOf("\n", i + 2);
      i = end === -1 ? n : end + 1;
    } else if (c === "/" && next === "*") {
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        const pair = script.slice(i, i + 2);
        if (pair === "/*" || pair === "*/") {
          depth += pair === "/*" ? 1 : -1;
          i += 2;
        } else i++;
      }
    } else if (c === "'") {
      // E'…' strings take backslash escapes; in standard strings a backslash is an ordinary character.
      const escapes = (script[i - 1] === "E" || script[i - 1] === "e") && !isIdent(script[i - 2]);
      i++;
      while (i < n) {
        if (escapes && script[i] === "\\") i += 2;
        else if (script[i] === "'" && script[i + 1] === "'") i += 2;
        else if (script[i] === "'") break;
        else i++;
      }
      i++;
    } else if (c === '"') {
      const end = script.indexOf('"', i + 1);
      i = end === -1 ? n : end + 1;
    } else if (c === "$" && !isIdent(script[i - 1])) {
      const tag = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(script.slice(i));
      if (tag) {
        const end = script.indexOf(tag[0], i + tag[0].length);
        i = end === -1 ? n : end + tag[0].length;
      } else i++;
    } else if (c === ";") {
      out.push(script.slice(start, i));
      start = ++i;
    } else i++;
  }
  out.push(script.slice(start));
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}

type ScriptRunner = { executeScript(script: string): Promise<void>; executeRaw(q: { sql: string; args: unknown[]; argTypes: unknown[] }): Promise<number> };

/** Runs each statement of a script on its own, as executeScript did, but split by `splitSqlScript`. */
function withStatementSplitting<A>(adapter: A): A {
  const a = adapter as unknown as ScriptRunner;
  a.executeScript = async (script: string) => {
    for (const sql of splitSqlScript(script)) await a.executeRaw({ sql, args: [], argTypes: [] });
  };
  return adapter;
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

  override async connect() {
    return withStatementSplitting(await super.connect());
  }

  override async connectToShadowDb() {
    const admin = new pg.Client(discrete(this.url));
    await admin.connect();
    const name = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const shadowPool = new CatalogTextPool(discrete(this.url, name));
    const adapter = withStatementSplitting(await new PrismaPg(shadowPool).connect());
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
