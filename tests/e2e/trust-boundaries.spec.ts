/**
 * Issue 9, items 6, 8 and 9, against the production build: a client cannot pick its address by
 * sending headers; oversized public input is refused before anything is written; the
 * Content-Security-Policy admits only scripts carrying the request's nonce, and the pages still
 * work with JavaScript.
 */
import { request as httpRequest } from "node:http";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { expectAccessible, signInAsStaff, sql } from "./helpers";

const RATE_LIMITED = "You have asked for too many links. Wait an hour, then try again.";
const TOO_LARGE = "What you entered is too long to send. Shorten your answers and try again.";

async function familyLinkRateLimits() {
  return (await sql<{ key: string; count: number }>(`SELECT key, count FROM "RateLimit" WHERE key LIKE 'family-link:%' ORDER BY key`)).map((r) => `${r.key}=${r.count}`);
}

async function askForLink(page: Page, email: string) {
  await page.goto("/sign-in/family");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
}

/** Pages served with no JavaScript (decision 0038): tests/e2e/public-no-javascript.spec.ts. */
const NO_JAVASCRIPT = ["/sign-in/family", "/refer", "/deadline-calculator"];

/** True once React has hydrated the page's first form (its DOM node carries React's fiber). */
async function hydrated(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const form = document.querySelector("main form");
    return !!form && Object.keys(form).some((k) => k.startsWith("__reactFiber"));
  });
}

test.describe("client addresses (item 6)", () => {
  // This file's requests share one address (the browser's): start and end with a clean count.
  test.beforeEach(async () => void (await sql(`DELETE FROM "RateLimit" WHERE key LIKE 'family-link:%'`)));
  test.afterEach(async () => void (await sql(`DELETE FROM "RateLimit" WHERE key LIKE 'family-link:%'`)));

  test("11 family-link requests, each with a new X-Forwarded-For and X-Real-IP, are limited as one address", async ({ page }) => {
    for (let i = 1; i <= 11; i++) {
      await page.setExtraHTTPHeaders({ "X-Forwarded-For": `203.0.113.${i}, 198.51.100.${i}`, "X-Real-IP": `192.0.2.${i}` });
      await askForLink(page, `nobody-${i}@example.com`);
      if (i <= 10) await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
      else await expect(page.getByTestId("error-summary")).toContainText(RATE_LIMITED);
    }
    await expectAccessible(page);
    // Counted under the socket's address, never under one the client sent.
    expect(await familyLinkRateLimits()).toEqual([expect.stringMatching(/^family-link:(127\.0\.0\.1|::1)=11$/)]);
  });
});

test.describe("bounded public input (item 8)", () => {
  test.beforeEach(async () => void (await sql(`DELETE FROM "RateLimit" WHERE key LIKE 'family-link:%'`)));

  test("the family link form refuses a 6,014-character email and a 20,000-character one with a clear message, counting nothing", async ({ page }) => {
    await askForLink(page, `${"a".repeat(6001)}@example.com`);
    await expect(page.getByTestId("error-summary")).toContainText("Your email address must be 254 characters or fewer");
    await askForLink(page, `${"a".repeat(20_000)}@example.com`);
    await expect(page.getByTestId("error-summary")).toContainText(TOO_LARGE);
    // The oversized value is not sent back into the form.
    await expect(page.getByLabel("Email address")).toHaveValue("");
    await expectAccessible(page);
    expect(await familyLinkRateLimits()).toEqual([]);
  });

  test("the self-referral refuses an oversized answer before anything is read or written", async ({ page }) => {
    const email = `oversized-${Date.now()}@example.com`;
    const before = await sql<{ key: string; count: number }>(`SELECT key, count FROM "RateLimit" WHERE key LIKE 'self-referral:%'`);
    const cases = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "Case"`);
    await page.goto("/refer");
    await page.getByLabel("Your full name").fill("Morgan Oversized");
    await page.getByLabel("Your email address").fill(email);
    await page.getByLabel("Is there anything else we should know? (optional)").fill("x".repeat(20_000));
    await page.getByRole("button", { name: "Send request" }).click();
    await expect(page.getByTestId("error-summary")).toContainText(TOO_LARGE);
    // What fits is kept; the oversized answer is not sent back.
    await expect(page.getByLabel("Your full name")).toHaveValue("Morgan Oversized");
    await expect(page.getByLabel("Is there anything else we should know? (optional)")).toHaveValue("");
    await expectAccessible(page);
    expect(await sql(`SELECT id FROM "Party" WHERE email = $1`, [email])).toEqual([]);
    expect(await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "Case"`)).toEqual(cases);
    expect(await sql(`SELECT key, count FROM "RateLimit" WHERE key LIKE 'self-referral:%'`)).toEqual(before);
  });

  test("the deadline calculator refuses an oversized date box as not a real date and never shows it back", async ({ page }) => {
    const long = "1".repeat(6014);
    const res = await page.goto(`/deadline-calculator?decision-day=${long}&decision-month=2&decision-year=2025`);
    expect(res?.status()).toBe(200);
    await expect(page.getByTestId("error-summary")).toContainText("The date the decision letter was sent must be a real date");
    // The boxes do not show it back (Next's own page data still holds the address as requested).
    await expect(page.locator('input[name="decision-day"]')).toHaveValue("?");
    await expect(page.locator("main")).not.toContainText("1".repeat(100));
    await expectAccessible(page);
  });

  test("staff sign-in: a 6,014-character email becomes no throttle key and no audit row; an oversized body is refused", async ({ request }) => {
    const email = `${"a".repeat(6001)}@example.com`;
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await request.post("/api/auth/callback/staff", { form: { csrfToken, email, password: "demo-password", json: "true" } });
    expect(res.status()).toBeLessThan(500);
    expect(await sql(`SELECT key FROM "LoginThrottle" WHERE length(key) > 300`)).toEqual([]);
    expect(await sql(`SELECT id FROM "AuditEvent" WHERE length("entityId") > 300`)).toEqual([]);
    // Route handlers take no body over 16 KB: refused before anything reads it.
    const big = await request.post("/api/auth/callback/staff", { form: { csrfToken, email: "a@example.com", password: "p".repeat(100_000), json: "true" } });
    expect(big.status()).toBe(413);
  });
});

test.describe("Content-Security-Policy (item 9)", () => {
  test("each page's policy has a fresh nonce and no 'unsafe-inline' for scripts, and every script carries the nonce", async ({ request }) => {
    const nonces = new Set<string>();
    for (const path of ["/sign-in", "/sign-in/family", "/refer", "/deadline-calculator", "/no-such-page"]) {
      const res = await request.get(path);
      const csp = res.headers()["content-security-policy"] ?? "";
      const scriptSrc = csp
        .split(";")
        .map((d) => d.trim())
        .find((d) => d.startsWith("script-src "));
      expect(scriptSrc, `${path}: ${csp}`).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'$/);
      expect(csp).not.toContain("'unsafe-eval'");
      const nonce = /'nonce-([^']+)'/.exec(scriptSrc!)![1]!;
      nonces.add(nonce);
      const tags = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
      // The pages opened signed out load no JavaScript at all (decision 0038): the policy is the same, with nothing to admit.
      if (NO_JAVASCRIPT.includes(path)) expect(tags, path).toEqual([]);
      else expect(tags.length, path).toBeGreaterThan(0);
      for (const tag of tags) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(5);
  });

  test("the browser runs the app's scripts under it: the staff sign-in form hydrates, the family link form works, with no violation", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`)));
    await page.goto("/sign-in");
    await expect.poll(() => hydrated(page)).toBe(true);
    // The family's link form has no script to run (decision 0038): a plain form post, still under the policy.
    await page.goto("/sign-in/family");
    await page.getByLabel("Email address").fill("nobody-csp@example.com");
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    await page.goto("/refer");
    await expect(page.getByRole("heading", { level: 1, name: "Ask for mediation" })).toBeVisible();
    expect(violations).toEqual([]);
  });
});

/**
 * Issue 14, security sweep: the security headers on every kind of response of the production build
 * — pages, route handlers, a download, a redirect, the 404 page, a refused method, and the
 * requests the proxy itself refuses (too large, no length). No X-Powered-By anywhere.
 */
test.describe("security headers (issue 14)", () => {
  type Got = { label: string; status: number; headers: Record<string, string> };
  const from = async (label: string, res: APIResponse): Promise<Got> => ({ label, status: res.status(), headers: res.headers() });

  /** A POST sent in chunks, with no Content-Length (Playwright always sends one). */
  function chunkedPost(baseURL: string, path: string): Promise<Got> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(new URL(path, baseURL), { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" } }, (res) => {
        res.resume();
        const headers = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : String(v)]));
        res.on("end", () => resolve({ label: "chunked POST (411)", status: res.statusCode ?? 0, headers }));
      });
      req.on("error", reject);
      req.write("email=a");
      req.end("&b=c");
    });
  }

  test("every response carries them: CSP with frame-ancestors, HSTS, nosniff, referrer and permissions policies, DENY framing", async ({ page, request, baseURL }) => {
    const got: Got[] = [
      await from("page", await request.get("/sign-in")),
      await from("route handler", await request.get("/api/health")),
      await from("refused method (405)", await request.post("/api/health", { data: "" })),
      await from("404 page", await request.get("/no-such-page")),
      await from("redirect to sign in (303)", await request.get("/la/export.csv", { maxRedirects: 0 })),
      await from("too large (413)", await request.post("/refer", { data: "x".repeat(1024 * 1024 + 1), headers: { "Content-Type": "text/plain" } })),
      await chunkedPost(baseURL!, "/refer"),
    ];
    await signInAsStaff(page, "la.officer@demo.test");
    await expect(page).toHaveURL(/\/la/);
    const download = await page.request.get("/la/export.csv");
    expect(download.headers()["content-disposition"]).toMatch(/^attachment; /);
    got.push(await from("download", download));

    expect(got.map((g) => `${g.label}: ${g.status}`)).toEqual([
      "page: 200",
      "route handler: 200",
      "refused method (405): 405",
      "404 page: 404",
      "redirect to sign in (303): 303",
      "too large (413): 413",
      "chunked POST (411): 411",
      "download: 200",
    ]);
    for (const { label, headers: h } of got) {
      expect(h["x-content-type-options"], label).toBe("nosniff");
      expect(h["x-frame-options"], label).toBe("DENY");
      expect(h["referrer-policy"], label).toBe("strict-origin-when-cross-origin");
      expect(h["permissions-policy"], label).toContain("camera=()");
      expect(h["strict-transport-security"], label).toBe("max-age=31536000; includeSubDomains");
      expect(h["content-security-policy"], label).toContain("frame-ancestors 'none'");
      expect(h["content-security-policy"], label).toContain("object-src 'none'");
      expect(h["x-powered-by"], label).toBeUndefined();
    }
  });
});
