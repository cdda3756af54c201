/**
 * `npm start`: the production path, after `npm run build`. Requires DATABASE_URL,
 * NEXTAUTH_SECRET and the public origin (APP_ORIGIN or NEXTAUTH_URL, for links in emails) and
 * refuses to start without them, or with an invalid TRUSTED_PROXY_HOPS or file store setting
 * (FILE_STORE, S3_*). Applies pending migrations and
 * prepares the job queues, then runs `next start` and the job worker (scripts/worker.ts). SIGINT or
 * SIGTERM stops both (the worker after the jobs in hand); if either stops by itself, the other is
 * stopped too and the exit code says so, for the process supervisor to restart the app. Never
 * starts an embedded database and never loads demo data.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { publicOriginProblem } from "../lib/platform/public-origin";
import { parseTrustedProxyHops } from "../lib/platform/security/client-ip";
import { fileStoreProblem } from "../lib/platform/files/store-config";
import { prepareJobs } from "../lib/platform/jobs/prepare";
import { spawnWorker, stopWorker } from "./worker-process";

const missing = ["DATABASE_URL", "NEXTAUTH_SECRET"].filter((k) => !process.env[k]);
if (missing.length) {
  console.error(
    `Cannot start: ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not set.\n` +
      "  DATABASE_URL     the PostgreSQL connection string, e.g. postgresql://user:pass@host:5432/send_mediation\n" +
      "  NEXTAUTH_SECRET  a long random string, e.g. the output of `openssl rand -base64 32`\n" +
      "For a local try-out with demo data, use `npm run dev` instead.",
  );
  process.exit(1);
}
const originProblem = publicOriginProblem({ ...process.env, NODE_ENV: "production" });
if (originProblem) {
  console.error(originProblem);
  process.exit(1);
}
if (parseTrustedProxyHops(process.env.TRUSTED_PROXY_HOPS) === null) {
  console.error(`Cannot start: TRUSTED_PROXY_HOPS must be a whole number (the proxies in front of the app; 0 when none), not ${JSON.stringify(process.env.TRUSTED_PROXY_HOPS)}.`);
  process.exit(1);
}
const storeProblem = fileStoreProblem(process.env);
if (storeProblem) {
  console.error(`Cannot start: ${storeProblem}`);
  process.exit(1);
}
if (!existsSync(".next/BUILD_ID")) {
  console.error("Cannot start: there is no production build. Run `npm run build` first.");
  process.exit(1);
}
const env = { ...process.env, NODE_ENV: "production" as const, NEXT_TELEMETRY_DISABLED: "1" };
execFileSync("npx", ["prisma", "migrate", "deploy"], { env, stdio: "inherit" });
await prepareJobs(process.env.DATABASE_URL!);
const child = spawn("npx", ["next", "start", "-p", process.env.PORT ?? "3000"], { env, stdio: "inherit" });
const worker = spawnWorker(env);

let stopping = false;
let exitCode = 0;
const running = (c: typeof child) => c.exitCode === null && c.signalCode === null;
async function stopAll(sig: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  if (running(child)) child.kill(sig);
  await stopWorker(worker);
  if (running(child)) await new Promise((r) => child.once("exit", r));
  process.exit(exitCode);
}
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => void stopAll(sig));
for (const [name, c] of [["Next.js", child], ["The job worker", worker]] as const) {
  c.on("exit", (code, signal) => {
    if (stopping) return;
    exitCode = code || 1;
    console.error(`${name} stopped (${signal ?? `exit code ${code}`}): stopping the app.`);
    void stopAll("SIGTERM");
  });
}
