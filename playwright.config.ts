import { defineConfig } from "@playwright/test";
import { existsSync } from "node:fs";
import path from "node:path";
import { findChromium } from "./scripts/chromium";
import { pickPort } from "./scripts/ports";

// Ports and folder chosen once, free, when the runner first reads this file; the web server and the
// workers (which read this file again) inherit them through the environment. E2E_PORT and
// E2E_SMTP_PORT set by hand are kept.
process.env.E2E_PORT ||= String(await pickPort());
process.env.E2E_SMTP_PORT ||= String(await pickPort({ avoid: [Number(process.env.E2E_PORT)] }));
process.env.E2E_RUN_DIR ||= path.resolve(`.data/e2e-run-${process.pid}`);
export const E2E_PORT = Number(process.env.E2E_PORT);
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT);

// Browser tests run against a production build (`npm run build`) in Debian's Chromium, found (or
// installed) by scripts/ensure-chromium.ts before the build. Never `npx playwright install`: it
// downloads a browser and cannot work offline.
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    trace: "off",
    launchOptions: {
      executablePath: findChromium(process.env, existsSync) ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost",
      ],
    },
  },
  webServer: {
    command: "tsx tests/e2e/server.ts",
    url: `http://localhost:${E2E_PORT}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    // SIGTERM, not SIGKILL: the server stops its database and deletes this run's folder.
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(E2E_PORT), E2E_SMTP_PORT: String(E2E_SMTP_PORT), E2E_RUN_DIR: process.env.E2E_RUN_DIR },
  },
});
