import { expect, test } from "@playwright/test";
import { forgetFamilyLinkRequests, expectAccessible, signInAsStaff, sql, startSmtp } from "./helpers";

// More family links are asked for across the run than one address may ask an hour (see the helper).
test.beforeEach(forgetFamilyLinkRequests);

const HOMES = [
  { email: "admin@demo.test", path: "/admin", heading: "Administration" },
  { email: "caseworker@demo.test", path: "/cases", heading: "Cases" },
  { email: "mediator@demo.test", path: "/mediator", heading: "My cases" },
  { email: "la.officer@demo.test", path: "/la", heading: "Deadlines and actions" },
];

test.describe("staff sign-in", () => {
  for (const h of HOMES) {
    test(`${h.email} signs in and lands on ${h.path}`, async ({ page }) => {
      await signInAsStaff(page, h.email);
      await expect(page).toHaveURL(new RegExp(`${h.path}$`));
      await expect(page.getByRole("heading", { level: 1, name: h.heading })).toBeVisible();
      await expectAccessible(page);
      // Sign out ends the session.
      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/sign-in/);
      await page.goto(h.path);
      await expect(page).toHaveURL(/\/sign-in$/);
    });
  }

  test("a wrong password shows the error and creates no session", async ({ page, context }) => {
    await page.goto("/sign-in");
    await expectAccessible(page);
    await signInAsStaff(page, "caseworker@demo.test", "not-the-password");
    const summary = page.getByTestId("error-summary");
    await expect(summary).toContainText("The email address or password is not right.");
    await expect(summary).toBeFocused();
    await expectAccessible(page);
    const cookies = await context.cookies();
    expect(cookies.some((c) => c.name.includes("session-token"))).toBe(false);
    await page.goto("/cases");
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test("empty fields are explained next to each field", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("Enter your email address");
    await expect(page.locator("#email-error")).toContainText("Enter your email address");
    await expect(page.locator("#password-error")).toContainText("Enter your password");
    await expectAccessible(page);
  });

  test("the session cookie is httpOnly and Secure in production", async ({ page, context }) => {
    await signInAsStaff(page, "admin@demo.test");
    await expect(page).toHaveURL(/\/admin$/);
    const session = (await context.cookies()).find((c) => c.name.includes("session-token"));
    expect(session?.httpOnly).toBe(true);
    expect(session?.secure).toBe(true);
  });
});

test.describe("family sign-in by emailed link", () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  test.beforeAll(async () => {
    smtp = await startSmtp();
  });
  test.afterAll(async () => {
    await smtp.close();
  });

  async function requestLink(page: import("@playwright/test").Page) {
    const before = smtp.messages.length;
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Get a sign-in link by email" }).click();
    await expectAccessible(page);
    await page.getByLabel("Email address").fill("parent@demo.test");
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    await expectAccessible(page);
    const mail = await smtp.waitFor((m) => m.to === "parent@demo.test" && smtp.messages.indexOf(m) >= before);
    const link = /(http:\/\/\S+\/sign-in\/family\/verify\?token=\S+)/.exec(mail.text)?.[1];
    expect(link).toBeTruthy();
    return link!;
  }

  test("a parent signs in through the link and lands on their case; the link then no longer works", async ({ page, browser }) => {
    const link = await requestLink(page);
    await page.goto(link);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Continue to your case" }).click();
    // Issue 12: one case, so straight to its overview.
    await expect(page).toHaveURL(/\/my-case\/[^/]+$/);
    await expect(page.getByRole("heading", { name: "Your case", level: 1 })).toBeVisible();
    await expect(page.getByText("SM-DEMO-00001").first()).toBeVisible();
    await expectAccessible(page);

    const other = await browser.newContext();
    const p2 = await other.newPage();
    await p2.goto(link);
    await p2.getByRole("button", { name: "Continue to your case" }).click();
    await expect(p2.getByText("This sign-in link has already been used.")).toBeVisible();
    await expectAccessible(p2);
    await other.close();
  });

  test("an expired link is refused", async ({ page }) => {
    const link = await requestLink(page);
    await sql(`UPDATE "LoginToken" SET "expiresAt" = now() - interval '1 minute' WHERE "usedAt" IS NULL`);
    await page.goto(link);
    await page.getByRole("button", { name: "Continue to your case" }).click();
    await expect(page.getByText("This sign-in link has expired")).toBeVisible();
    await page.goto("/my-case");
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test("an unknown email gets the same answer and no email", async ({ page }) => {
    const before = smtp.messages.length;
    await page.goto("/sign-in/family");
    await page.getByLabel("Email address").fill("nobody@example.com");
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    await page.waitForTimeout(500);
    expect(smtp.messages.slice(before).filter((m) => m.to === "nobody@example.com")).toEqual([]);
  });
});

test.describe("tenancy and hiding", () => {
  test("an LA officer gets 404 for /admin and for a case of another LA, but sees their own", async ({ page }) => {
    const [la2] = await sql<{ id: string }>(`SELECT c.id FROM "Case" c JOIN "LocalAuthority" l ON l.id = c."localAuthorityId" WHERE l.code = 'DEMO2' LIMIT 1`);
    const [la1] = await sql<{ id: string; reference: string }>(`SELECT c.id, c.reference FROM "Case" c JOIN "LocalAuthority" l ON l.id = c."localAuthorityId" WHERE l.code = 'DEMO1' LIMIT 1`);
    await signInAsStaff(page, "la.officer@demo.test");
    await expect(page).toHaveURL(/\/la$/);

    const admin = await page.goto("/admin");
    expect(admin?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expectAccessible(page);

    const other = await page.goto(`/cases/${la2!.id}`);
    expect(other?.status()).toBe(404);

    const own = await page.goto(`/cases/${la1!.id}`);
    expect(own?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(la1!.reference);
    await expectAccessible(page);
  });
});

test.describe("platform", () => {
  test("health reports app and database status", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ app: "ok", database: "ok" });
  });

  test("security headers are sent and the dev mailbox does not exist in production", async ({ request }) => {
    const res = await request.get("/sign-in");
    const h = res.headers();
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["x-powered-by"]).toBeUndefined();
    const mailbox = await request.get("/dev/mailbox");
    expect(mailbox.status()).toBe(404);
  });

  test("the favicon is served and the header shows the service's crest", async ({ page, request }) => {
    const ico = await request.get("/favicon.ico");
    expect(ico.status()).toBe(200);
    expect((await ico.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0])); // an ICO file
    await page.goto("/sign-in");
    const icon = await request.get((await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href"))!);
    expect(icon.status()).toBe(200);
    const home = page.getByRole("banner").getByRole("link", { name: "SEND Mediation", exact: true });
    const crest = home.locator("img");
    await expect(crest).toHaveAttribute("alt", "");
    await expect.poll(() => crest.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await expectAccessible(page);
  });

  test("robots.txt keeps case pages and signed-in areas out of search engines", async ({ request }) => {
    const res = await request.get("/robots.txt");
    expect(res.status()).toBe(200);
    const rules = parseRobots(await res.text());
    for (const p of ["/cases", "/cases/abc123", "/my-case", "/la", "/mediator", "/admin/users", "/api/health", "/dev/mailbox", "/sign-in", "/"]) {
      expect(allowed(rules, p), p).toBe(false);
    }
    for (const p of ["/deadline-calculator", "/refer"]) expect(allowed(rules, p), p).toBe(true);
  });
});

type RobotsRule = { allow: boolean; prefix: string };

/** The rules for every crawler (`User-agent: *`). */
function parseRobots(text: string): RobotsRule[] {
  const rules: RobotsRule[] = [];
  let forAll = false;
  for (const raw of text.split("\n")) {
    const [key = "", ...rest] = raw.replace(/#.*/, "").split(":");
    const value = rest.join(":").trim();
    const k = key.trim().toLowerCase();
    if (k === "user-agent") forAll = value === "*";
    else if (forAll && (k === "allow" || k === "disallow") && value) rules.push({ allow: k === "allow", prefix: value });
  }
  return rules;
}

/** As crawlers read it (RFC 9309): the longest matching rule wins, Allow on a tie; no rule allows. */
function allowed(rules: RobotsRule[], urlPath: string): boolean {
  const matching = rules.filter((r) => urlPath.startsWith(r.prefix)).sort((a, b) => b.prefix.length - a.prefix.length || Number(b.allow) - Number(a.allow));
  return matching[0]?.allow ?? true;
}
