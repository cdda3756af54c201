/**
 * `npm test` finds Chromium for the browser tests by itself, installs Debian's when it may, and
 * otherwise stops at once with one line saying what to run.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { APT_INSTALL_CHROMIUM, findChromium, planChromium, type ChromiumFacts } from "../../../scripts/chromium";

const root = path.resolve(import.meta.dirname, "../../..");
const existing = (...paths: string[]) => (p: string) => paths.includes(p);
const facts = (over: Partial<ChromiumFacts>): ChromiumFacts => ({ env: {}, exists: existing(), uid: 1000, hasAptGet: true, ...over });

describe("finding Chromium", () => {
  it("uses CHROMIUM_PATH first, even when Debian's is installed too", () => {
    const plan = planChromium(facts({ env: { CHROMIUM_PATH: "/opt/chrome/chrome" }, exists: existing("/opt/chrome/chrome", "/usr/bin/chromium") }));
    expect(plan).toEqual({ action: "use", path: "/opt/chrome/chrome" });
  });

  it("finds Debian's /usr/bin/chromium", () => {
    expect(planChromium(facts({ exists: existing("/usr/bin/chromium", "/usr/bin/chromium-browser") }))).toEqual({ action: "use", path: "/usr/bin/chromium" });
  });

  it("finds Ubuntu's /usr/bin/chromium-browser", () => {
    expect(planChromium(facts({ exists: existing("/usr/bin/chromium-browser") }))).toEqual({ action: "use", path: "/usr/bin/chromium-browser" });
  });

  it("finds nothing when no candidate exists", () => {
    expect(findChromium({}, existing())).toBeNull();
  });
});

describe("when there is no Chromium", () => {
  it("as root with apt-get: installs Debian's, saying so", () => {
    const plan = planChromium(facts({ uid: 0, hasAptGet: true }));
    expect(plan).toMatchObject({ action: "install", path: "/usr/bin/chromium", command: APT_INSTALL_CHROMIUM });
    expect(APT_INSTALL_CHROMIUM).toBe("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium");
    if (plan.action !== "install") throw new Error("expected an install plan");
    expect(plan.notice).toMatch(/installing Debian's/);
    expect(plan.notice.split("\n")).toHaveLength(1);
  });

  it("as another user: refuses in one line naming the sudo command and CHROMIUM_PATH", () => {
    const plan = planChromium(facts({ uid: 1000, hasAptGet: true }));
    expect(plan.action).toBe("refuse");
    if (plan.action !== "refuse") return;
    expect(plan.message).toContain("sudo apt-get install -y chromium");
    expect(plan.message).toContain("CHROMIUM_PATH");
    expect(plan.message.split("\n")).toHaveLength(1);
  });

  it("as root without apt-get (not Debian): refuses rather than guess a package manager", () => {
    const plan = planChromium(facts({ uid: 0, hasAptGet: false }));
    expect(plan.action).toBe("refuse");
    if (plan.action !== "refuse") return;
    expect(plan.message).not.toContain("apt-get");
    expect(plan.message).toContain("CHROMIUM_PATH");
  });

  it("a CHROMIUM_PATH that points nowhere is refused even as root, naming the path", () => {
    const plan = planChromium(facts({ env: { CHROMIUM_PATH: "/nowhere/chrome" }, uid: 0, exists: existing("/usr/bin/chromium") }));
    expect(plan.action).toBe("refuse");
    if (plan.action !== "refuse") return;
    expect(plan.message).toContain("/nowhere/chrome");
  });
});

describe("scripts/ensure-chromium.ts, as npm run test:e2e runs it", () => {
  const run = (env: Record<string, string>) =>
    spawnSync("npx", ["tsx", "scripts/ensure-chromium.ts"], { cwd: root, env: { ...process.env, ...env }, encoding: "utf8", timeout: 60_000 });

  it("is silent and succeeds when Chromium is there", () => {
    const r = run({ CHROMIUM_PATH: process.execPath });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toBe("");
  });

  it("stops at once with one line when CHROMIUM_PATH points nowhere", () => {
    const r = run({ CHROMIUM_PATH: "/nowhere/chromium" });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringContaining("CHROMIUM_PATH is set to /nowhere/chromium")]);
  });
});
