/**
 * Run by `npm run test:e2e` before the build: makes sure the browser tests have a Chromium, so that
 * `npm test` needs nothing done beforehand. Finds one, or installs Debian's when running as root on
 * Debian/Ubuntu, or stops at once with one line saying what to run.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { planChromium } from "./chromium";

const hasAptGet = ["/usr/bin/apt-get", "/bin/apt-get"].some((p) => existsSync(p));
const plan = planChromium({ env: process.env, exists: existsSync, uid: process.getuid?.() ?? null, hasAptGet });

if (plan.action === "refuse") {
  console.error(plan.message);
  process.exit(1);
}
if (plan.action === "install") {
  console.log(plan.notice);
  const r = spawnSync("sh", ["-c", plan.command], { stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0 || !existsSync(plan.path)) {
    console.error(`Installing Chromium failed (${plan.command}): install it yourself, or set CHROMIUM_PATH to a Chromium binary.`);
    process.exit(1);
  }
}
