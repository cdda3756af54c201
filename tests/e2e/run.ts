/**
 * This browser-test run's ports and folder. `playwright.config.ts` chooses them once, free, in the
 * runner's process; the web server and the workers inherit them through the environment, so two
 * runs on one machine (or a dev server on a usual port) never collide.
 */
import path from "node:path";

export type E2eRun = { port: number; smtpPort: number; dir: string; infoFile: string; dataDir: string };

export function e2eRun(env: NodeJS.ProcessEnv = process.env): E2eRun {
  const port = Number(env.E2E_PORT);
  const smtpPort = Number(env.E2E_SMTP_PORT);
  const dir = env.E2E_RUN_DIR;
  if (!port || !smtpPort || !dir) throw new Error("E2E_PORT, E2E_SMTP_PORT and E2E_RUN_DIR are unset: run the browser tests with `npx playwright test`.");
  return { port, smtpPort, dir, infoFile: path.join(dir, "run.json"), dataDir: path.join(dir, "postgres") };
}

/** Run folders are named after the Playwright runner's pid: `.data/e2e-run-<pid>`. */
export const RUN_DIR_PATTERN = /^e2e-run-(\d+)$/;

/**
 * The session secret of the app under test (not a secret: it exists only for the browser tests).
 * The authorization matrix mints its actors' session cookies with it (decision 0024).
 */
export const E2E_NEXTAUTH_SECRET = "e2e-secret-not-for-production-use-0123456789";
