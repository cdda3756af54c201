/**
 * Finding the PostgreSQL client programs (pg_dump, pg_restore) that match a server's major version
 * (issue 14, decision 0036). pg_dump refuses a server newer than itself ("server version mismatch")
 * and an older one may not read what a newer one wrote, so a backup of a configured server uses the
 * server's own major version only, and says exactly which one to install when it is missing.
 *
 * Where a program is looked for, in order:
 *  1. PG_DUMP_PATH / PG_RESTORE_PATH: that file, and nothing else;
 *  2. PG_BIN_DIR: the program in that folder, and nothing else;
 *  3. Debian's versioned folder for the server's major (/usr/lib/postgresql/<major>/bin), where
 *     `postgresql-client-<major>` installs it beside other versions;
 *  4. the PATH.
 */
import { execFile } from "node:child_process";
import { accessSync, constants, existsSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export type PgTool = "pg_dump" | "pg_restore";
export type Env = Record<string, string | undefined>;

/** The major version from `pg_dump --version` ("pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)" → 15). */
export function parseToolVersion(output: string): { major: number; full: string } | null {
  const m = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(output);
  if (!m) return null;
  return { major: Number(m[1]), full: m[2] !== undefined ? `${m[1]}.${m[2]}` : m[1]! };
}

/** The major version from `server_version_num` (170004 → 17; 90624 → 9.6 is long gone and reads as 9). */
export function serverMajor(versionNum: string | number): number {
  return Math.floor(Number(versionNum) / 10000);
}

const ENV_FILE: Record<PgTool, string> = { pg_dump: "PG_DUMP_PATH", pg_restore: "PG_RESTORE_PATH" };

/** The candidates for `tool`, in the order above, each with where it came from (for the message). */
export function candidates(tool: PgTool, major: number, env: Env = process.env): { file: string; from: string }[] {
  const explicit = env[ENV_FILE[tool]];
  if (explicit) return [{ file: explicit, from: ENV_FILE[tool] }];
  if (env.PG_BIN_DIR) return [{ file: path.join(env.PG_BIN_DIR, tool), from: "PG_BIN_DIR" }];
  const list = [{ file: `/usr/lib/postgresql/${major}/bin/${tool}`, from: "Debian's folder for this version" }];
  for (const dir of (env.PATH ?? "").split(path.delimiter).filter(Boolean)) list.push({ file: path.join(dir, tool), from: "PATH" });
  return list;
}

function runnable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

export type FoundTool = { ok: true; file: string; version: string } | { ok: false; message: string };

/** How to get the client programs of PostgreSQL `major`, in one paragraph. */
export function howToInstall(major: number): string {
  return [
    `Install PostgreSQL ${major}'s client programs on this machine:`,
    `  on Debian or Ubuntu: apt-get install postgresql-client-${major}`,
    `  (Debian 12 ships version 15 and Debian 13 version 17; for any other, add the PostgreSQL project's apt repository first, apt.postgresql.org),`,
    `  or copy them from the server's own installation.`,
    `Then run this again, or point at them: PG_BIN_DIR=/usr/lib/postgresql/${major}/bin (a folder holding pg_dump and pg_restore),`,
    `or PG_DUMP_PATH / PG_RESTORE_PATH (one program each).`,
  ].join("\n");
}

/**
 * The first candidate that runs and reports the server's major version; otherwise a message saying
 * what was found, what is needed, and how to get it. Never falls back to another major version.
 */
export async function findPgTool(tool: PgTool, major: number, env: Env = process.env): Promise<FoundTool> {
  const seen: string[] = [];
  const tried = new Set<string>();
  for (const c of candidates(tool, major, env)) {
    if (existsSync(c.file)) {
      const real = realpathSync(c.file); // /bin and /usr/bin are often one folder
      if (tried.has(real)) continue;
      tried.add(real);
    } else {
      if (c.from !== "PATH" && c.from !== "Debian's folder for this version") seen.push(`${c.file} (from ${c.from}) does not exist`);
      continue;
    }
    if (!runnable(c.file)) {
      seen.push(`${c.file} (from ${c.from}) cannot be run`);
      continue;
    }
    let out = "";
    try {
      out = (await run(c.file, ["--version"], { timeout: 10_000 })).stdout;
    } catch (e) {
      seen.push(`${c.file} (from ${c.from}) failed to report its version: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
      continue;
    }
    const v = parseToolVersion(out);
    if (!v) {
      seen.push(`${c.file} (from ${c.from}) is not a PostgreSQL ${tool} (it said "${out.trim().slice(0, 80)}")`);
      continue;
    }
    if (v.major === major) return { ok: true, file: c.file, version: v.full };
    seen.push(`${c.file} (from ${c.from}) is version ${v.full}`);
  }
  const found = seen.length > 0 ? `Found:\n${seen.map((s) => `  - ${s}`).join("\n")}` : `No ${tool} was found (looked in PG_BIN_DIR, /usr/lib/postgresql/${major}/bin and the PATH).`;
  return {
    ok: false,
    message: [`${tool} ${major} is needed: the database server runs PostgreSQL ${major}, and ${tool} must be of the same major version.`, found, "", howToInstall(major), "", "Nothing was written."].join("\n"),
  };
}
