/**
 * Runs a command with DATABASE_URL pointing at a real PostgreSQL server: the one in DATABASE_URL
 * when set, otherwise the project's embedded development server (started for the command and
 * stopped after it). Example: `tsx scripts/with-db.ts prisma migrate dev --name add_x`.
 */
import { spawn } from "node:child_process";
import { DEV_DATA_DIR, PostgresStartError, startEmbeddedPostgres } from "./embedded-postgres";

async function main() {
  const [cmd, ...args] = process.argv.slice(2);
  if (!cmd) {
    console.error("usage: tsx scripts/with-db.ts <command> [args...]");
    process.exit(2);
  }
  const embedded = process.env.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({ dataDir: DEV_DATA_DIR, database: "send_mediation", quiet: true }).catch((e: unknown) => {
        console.error(e instanceof PostgresStartError ? e.message : e);
        process.exit(1);
      });
  const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? embedded!.url };
  const code = await new Promise<number>((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", env, shell: false });
    child.on("exit", (c, sig) => resolve(c ?? (sig ? 1 : 0)));
    child.on("error", (e) => {
      console.error(e.message);
      resolve(1);
    });
  });
  await embedded?.stop();
  process.exit(code);
}

void main();
