/**
 * Finding Debian's Chromium for the browser tests, as pure functions of the facts they are given
 * (environment, which files exist, who we run as, whether apt-get is there), so every case is
 * unit-tested. `scripts/ensure-chromium.ts` acts on the plan; `playwright.config.ts` uses the finder.
 */

/** Where Chromium is looked for, in order, after CHROMIUM_PATH. */
export const CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"] as const;

export const APT_INSTALL_CHROMIUM = "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium";

export type ChromiumFacts = {
  env: Record<string, string | undefined>;
  exists: (path: string) => boolean;
  /** The effective user id; null where there is none (Windows). */
  uid: number | null;
  hasAptGet: boolean;
};

export type ChromiumPlan =
  | { action: "use"; path: string }
  | { action: "install"; path: string; command: string; notice: string }
  | { action: "refuse"; message: string };

/** The Chromium to drive: CHROMIUM_PATH when set, else the first candidate that exists; null when none. */
export function findChromium(env: ChromiumFacts["env"], exists: (path: string) => boolean): string | null {
  if (env.CHROMIUM_PATH) return exists(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return CHROMIUM_CANDIDATES.find((p) => exists(p)) ?? null;
}

/** What to do before the browser tests: use the Chromium found, install Debian's, or stop with one line. */
export function planChromium(facts: ChromiumFacts): ChromiumPlan {
  const found = findChromium(facts.env, facts.exists);
  if (found) return { action: "use", path: found };
  if (facts.env.CHROMIUM_PATH) {
    return {
      action: "refuse",
      message: `CHROMIUM_PATH is set to ${facts.env.CHROMIUM_PATH}, but there is no Chromium there: correct it, or unset it to use Debian's /usr/bin/chromium.`,
    };
  }
  if (facts.hasAptGet && facts.uid === 0) {
    return {
      action: "install",
      path: CHROMIUM_CANDIDATES[0],
      command: APT_INSTALL_CHROMIUM,
      notice: "The browser tests need Chromium and there is none: installing Debian's (apt-get install -y chromium)…",
    };
  }
  const how = facts.hasAptGet ? "`sudo apt-get install -y chromium`" : "your system's package manager";
  return {
    action: "refuse",
    message: `The browser tests need Chromium and there is none: install it with ${how}, or set CHROMIUM_PATH to a Chromium binary, then run npm test again.`,
  };
}
