/**
 * Backup and restore of a configured PostgreSQL server (DATABASE_URL), with the server's own
 * pg_dump / pg_restore of the same major version (./pg-tools.ts). Custom format (-Fc: compressed,
 * restorable table by table); the whole database, the job queue's `pgboss` schema included.
 * The password goes to the programs in their environment (PGPASSWORD), never on a command line
 * that `ps` shows. A backup is written under a temporary name and renamed when pg_dump succeeded,
 * so a failed one leaves no file. A restore goes only into an empty database unless forced.
 */
import { execFile } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { findPgTool, serverMajor, type Env } from "./pg-tools";
import { BackupError, formatBytes, timestamp } from "./common";

const run = promisify(execFile);

/** The folder backups go to when no `--file` is given (BACKUP_DIR overrides it). */
export const DEFAULT_BACKUP_DIR = "backups";

/** DATABASE_URL as a URL; `user@/db?host=/socket/folder` (a Unix socket, no host) is accepted too. */
function parseDbUrl(url: string): URL {
  return new URL(url.replace(/^(postgres(?:ql)?:\/\/[^/@]*)@\//, "$1@localhost/"));
}

type ServerFacts = { major: number; version: string; database: string; where: string };

async function serverFacts(url: string): Promise<ServerFacts> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (e) {
    throw new BackupError(`Could not connect to the database in DATABASE_URL: ${e instanceof Error ? e.message : String(e)}\nNothing was written.`);
  }
  try {
    const r = await client.query<{ num: string; version: string; db: string }>(`SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version, current_database() AS db`);
    const row = r.rows[0]!;
    const u = parseDbUrl(url);
    return { major: serverMajor(row.num), version: row.version.split(" ")[0]!, database: row.db, where: `${u.hostname}:${u.port || "5432"}` };
  } finally {
    await client.end().catch(() => {});
  }
}

/** libpq's environment for `url`, so no password appears in a process's arguments. */
export function libpqEnv(url: string, base: Env = process.env): Env {
  const u = parseDbUrl(url);
  const env: Env = { ...base, PGHOST: decodeURIComponent(u.hostname.replace(/^\[|\]$/g, "")), PGPORT: u.port || "5432", PGDATABASE: decodeURIComponent(u.pathname.replace(/^\//, "")) };
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const host = u.searchParams.get("host");
  if (host) env.PGHOST = host; // a Unix socket folder: postgresql://user@/db?host=/var/run/postgresql
  const sslmode = u.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

export type ServerBackupResult = { file: string; bytes: number; database: string; serverVersion: string; toolVersion: string; seconds: number };

export async function backupServer(opts: { url: string; file?: string; env?: Env; now?: Date }): Promise<ServerBackupResult> {
  const env = opts.env ?? process.env;
  const started = Date.now();
  const facts = await serverFacts(opts.url);
  const tool = await findPgTool("pg_dump", facts.major, env);
  if (!tool.ok) throw new BackupError(tool.message);
  const file = path.resolve(opts.file ?? path.join(env.BACKUP_DIR || DEFAULT_BACKUP_DIR, `send-mediation-${facts.database}-${timestamp(opts.now)}.dump`));
  if (existsSync(file)) throw new BackupError(`${file} already exists: choose another --file. Nothing was written.`);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.partial`;
  try {
    await run(tool.file, ["--format=custom", "--no-password", `--file=${partial}`], { env: libpqEnv(opts.url, env) as NodeJS.ProcessEnv, maxBuffer: 16 * 1024 * 1024 });
    chmodSync(partial, 0o600); // personal data: readable by its owner only
    renameSync(partial, file);
  } catch (e) {
    rmSync(partial, { force: true });
    const stderr = (e as { stderr?: string }).stderr?.trim();
    throw new BackupError(`pg_dump failed${stderr ? `:\n${stderr}` : `: ${e instanceof Error ? e.message : String(e)}`}\nNothing was written.`);
  }
  return { file, bytes: statSync(file).size, database: `${facts.database} on ${facts.where}`, serverVersion: facts.version, toolVersion: tool.version, seconds: (Date.now() - started) / 1000 };
}

/** The tables already in the database (outside PostgreSQL's own schemas): a restore wants none. */
async function existingTables(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const r = await client.query<{ name: string }>(
      `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
       ORDER BY 1`,
    );
    return r.rows.map((x) => x.name);
  } finally {
    await client.end().catch(() => {});
  }
}

async function countCases(url: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const r = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Case"`);
    return r.rows[0]!.n;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

export type ServerRestoreResult = { file: string; database: string; replaced: number; tables: number; cases: number | null; toolVersion: string; seconds: number };

export async function restoreServer(opts: { url: string; file: string; force?: boolean; env?: Env }): Promise<ServerRestoreResult> {
  const env = opts.env ?? process.env;
  const started = Date.now();
  const file = path.resolve(opts.file);
  if (!existsSync(file)) throw new BackupError(`${file} does not exist. Nothing was changed.`);
  const facts = await serverFacts(opts.url);
  const tool = await findPgTool("pg_restore", facts.major, env);
  if (!tool.ok) throw new BackupError(tool.message.replace("Nothing was written.", "Nothing was changed."));
  const before = await existingTables(opts.url);
  if (before.length > 0 && !opts.force) {
    throw new BackupError(
      [
        `The database ${facts.database} on ${facts.where} is not empty: it holds ${before.length} table${before.length === 1 ? "" : "s"} (${before.slice(0, 3).join(", ")}${before.length > 3 ? ", …" : ""}).`,
        `A backup is restored into an empty database only: create one (e.g. createdb send_mediation_restored) and point DATABASE_URL at it,`,
        `or add --force to drop what is there and replace it with the backup.`,
        `Nothing was changed.`,
      ].join("\n"),
    );
  }
  // One transaction: a restore that fails part-way leaves the database as it was.
  const args = ["--no-owner", "--no-password", "--exit-on-error", "--single-transaction", ...(opts.force ? ["--clean", "--if-exists"] : []), `--dbname=${facts.database}`, file];
  try {
    await run(tool.file, args, { env: libpqEnv(opts.url, env) as NodeJS.ProcessEnv, maxBuffer: 16 * 1024 * 1024 });
  } catch (e) {
    const stderr = (e as { stderr?: string }).stderr?.trim();
    throw new BackupError(`pg_restore failed${stderr ? `:\n${stderr}` : `: ${e instanceof Error ? e.message : String(e)}`}\nThe restore ran in one transaction: nothing was changed.`);
  }
  const after = await existingTables(opts.url);
  return { file, database: `${facts.database} on ${facts.where}`, replaced: before.length, tables: after.length, cases: await countCases(opts.url), toolVersion: tool.version, seconds: (Date.now() - started) / 1000 };
}

export function describeServerBackup(r: ServerBackupResult): string {
  return `Backed up ${r.database} (PostgreSQL ${r.serverVersion}) with pg_dump ${r.toolVersion}, custom format, in ${r.seconds.toFixed(1)} s:\n  ${r.file} (${formatBytes(r.bytes)})\nRestore it with: npm run db:restore -- ${path.relative(process.cwd(), r.file) || r.file}`;
}

export function describeServerRestore(r: ServerRestoreResult): string {
  return [
    `Restored ${r.file} into ${r.database} with pg_restore ${r.toolVersion} in ${r.seconds.toFixed(1)} s.`,
    r.replaced > 0 ? `  --force: the ${r.replaced} tables that were there were dropped and replaced.` : `  The database was empty.`,
    `  It now holds ${r.tables} tables${r.cases === null ? "" : `, ${r.cases} case${r.cases === 1 ? "" : "s"}`}.`,
  ].join("\n");
}
