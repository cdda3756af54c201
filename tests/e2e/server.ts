/**
 * The server the browser tests run against: a fresh database (embedded PostgreSQL, or a new
 * database on DATABASE_URL's server), migrated and seeded, then the production build (`next
 * start`). Email goes through real SMTP to the port the tests' own SMTP server listens on.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import pg from "pg";
import { startEmbeddedPostgres } from "../../scripts/embedded-postgres";

const port = process.env.E2E_PORT ?? "3100";
const smtpPort = process.env.E2E_SMTP_PORT ?? "2526";

async function main() {
  let url: string;
  let stop: () => Promise<void> = async () => {};
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL);
    const admin = new pg.Client(u.toString());
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS "send_mediation_e2e" WITH (FORCE)');
    await admin.query('CREATE DATABASE "send_mediation_e2e"');
    await admin.end();
    u.pathname = "/send_mediation_e2e";
    url = u.toString();
  } else {
    const s = await startEmbeddedPostgres({ dataDir: ".data/e2e-postgres", database: "send_mediation_e2e", fresh: true, quiet: true });
    url = s.url;
    stop = s.stop;
  }
  const env = { ...process.env, DATABASE_URL: url, NODE_ENV: "test" as const };
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env, stdio: "ignore" });
  execFileSync("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts"], { env, stdio: "inherit" });
  mkdirSync(".data", { recursive: true });
  writeFileSync(".data/e2e.json", JSON.stringify({ databaseUrl: url, smtpPort: Number(smtpPort) }));

  const child = spawn("npx", ["next", "start", "-p", port], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: url,
      NEXTAUTH_SECRET: "e2e-secret-not-for-production-use-0123456789",
      NEXTAUTH_URL: `http://localhost:${port}`,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    },
    stdio: "inherit",
  });
  const shutdown = async () => {
    child.kill("SIGTERM");
    await stop().catch(() => {});
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
  child.on("exit", () => void shutdown());
}

void main();
