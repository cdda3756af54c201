import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { generateSync } from "otplib";
import { DEMO_ADMIN_EMAIL, DEMO_ADMIN_TOTP_SECRET } from "../../lib/seed/demo-accounts";
import { e2eRun } from "./run";

export const DEMO_PASSWORD = "demo-password";

/** axe on the page as it is now: WCAG 2.x A/AA and 2.2 AA rules; no violations allowed. */
export async function expectAccessible(page: Page) {
  const scan = async () => {
    // A click may have started a client-side navigation: let it finish, and Next stream the
    // page's metadata, before scanning.
    await page.waitForLoadState("networkidle");
    await expect(page).toHaveTitle(/\S/);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  };
  let violations = await scan();
  // A scan that raced a navigation sees the document between two titles; a page that really has
  // no title fails the second scan too.
  if (violations.length === 1 && violations[0]!.startsWith("document-title")) violations = await scan();
  expect(violations).toEqual([]);
}

/**
 * Types a date into the day, month and year boxes of the date input whose legend is `legend`
 * (issue 8 item 3): an ISO date ("2014-03-27" → 27, 3, 2014), "" to empty the boxes, or the boxes
 * as a person might type them ({ day: "31", month: "2", year: "2015" }).
 */
export async function fillDate(scope: Page | Locator, legend: string, date: string | { day: string; month: string; year: string }) {
  const group = scope.getByRole("group", { name: legend, exact: true });
  const [year = "", month = "", day = ""] = typeof date === "string" ? (date === "" ? [] : date.split("-").map((n, i) => (i === 0 ? n : String(Number(n))))) : [date.year, date.month, date.day];
  await group.getByLabel("Day", { exact: true }).fill(day);
  await group.getByLabel("Month", { exact: true }).fill(month);
  await group.getByLabel("Year", { exact: true }).fill(year);
}

/** The day, month and year boxes of the date input whose legend is `legend`, as shown. */
export async function dateShown(scope: Page | Locator, legend: string): Promise<string[]> {
  const group = scope.getByRole("group", { name: legend, exact: true });
  return [await group.getByLabel("Day", { exact: true }).inputValue(), await group.getByLabel("Month", { exact: true }).inputValue(), await group.getByLabel("Year", { exact: true }).inputValue()];
}

/**
 * Signs a staff member in. For a user with two-step sign-in on (issue 13: the demo admin, whose
 * secret the seed publishes, or `totpSecret`), the code step follows with a code computed here.
 */
export async function signInAsStaff(page: Page, email: string, password = DEMO_PASSWORD, totpSecret: string | null = email === DEMO_ADMIN_EMAIL ? DEMO_ADMIN_TOTP_SECRET : null) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (!totpSecret) return;
  await page.waitForURL(/\/sign-in\/code$/);
  await enterSignInCode(page, totpSecret);
}

/**
 * Types the code of `secret` on the sign-in code page. A code is accepted once: when the same user
 * signed in within the same 30-second step (another test), the next step's code is used.
 */
export async function enterSignInCode(page: Page, secret: string) {
  for (let attempt = 0; attempt < 2; attempt++) {
    const code = generateSync({ secret, epoch: Math.floor(Date.now() / 1000) });
    await page.getByLabel("Code").fill(code);
    await page.getByRole("button", { name: "Continue" }).click();
    const outcome = await Promise.race([
      page.waitForURL((u) => !u.pathname.startsWith("/sign-in"), { timeout: 20_000 }).then(() => "in" as const),
      page.getByTestId("error-summary").waitFor({ timeout: 20_000 }).then(() => "refused" as const),
    ]);
    if (outcome === "in") return;
    await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
    await page.goto("/sign-in/code");
  }
  throw new Error("the sign-in code was refused twice");
}

/** This run's database (written by tests/e2e/server.ts once seeded) and the port the app sends email to. */
export function e2eConfig(): { databaseUrl: string; smtpPort: number } {
  const run = e2eRun();
  const { databaseUrl } = JSON.parse(readFileSync(run.infoFile, "utf8")) as { databaseUrl: string };
  return { databaseUrl, smtpPort: run.smtpPort };
}

export async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client(e2eConfig().databaseUrl);
  await c.connect();
  try {
    return (await c.query<T>(text, values)).rows;
  } finally {
    await c.end();
  }
}

export type Received = { to: string; subject: string; text: string };

/** A real SMTP server on the port the app sends to; collects every message. */
export async function startSmtp(port = e2eConfig().smtpPort) {
  const messages: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (d: Buffer) => (raw += d.toString("utf8")));
      stream.on("end", () => {
        const [head = "", ...body] = raw.split(/\r?\n\r?\n/);
        const subject = /^Subject: (.*)$/im.exec(head)?.[1]?.trim() ?? "";
        const text = decodeQuotedPrintable(body.join("\n\n"));
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), subject, text });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    messages,
    // Invitations and reminders reach SMTP through the worker: a job writes them, a delivery job
    // sends each (each picked up within pg-boss's 2-second polling): a budget for a busy machine.
    async waitFor(pred: (m: Received) => boolean, timeoutMs = 30_000): Promise<Received> {
      const end = Date.now() + timeoutMs;
      while (Date.now() < end) {
        const m = messages.find(pred);
        if (m) return m;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no matching email within ${timeoutMs} ms; got: ${messages.map((m) => `${m.to}: ${m.subject}`).join("; ")}`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function decodeQuotedPrintable(s: string): string {
  return s.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * Forgets this machine's family-link requests (the per-address limit, lib/auth/family-link.ts): the
 * whole run's browser asks from one address, and more than FAMILY_LINK_REQUESTS_PER_HOUR links are
 * asked for across the specs. Tests run one at a time (playwright.config.ts: one worker), so a spec
 * that asks for links starts each test with a clean count, as trust-boundaries.spec.ts does.
 */
export async function forgetFamilyLinkRequests() {
  await sql(`DELETE FROM "RateLimit" WHERE key LIKE 'family-link:%'`);
}
