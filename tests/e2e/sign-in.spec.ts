/**
 * Issue 9, items 3 and 4, against the production build: staff sign-in works without JavaScript
 * (the form posts to a server action), a signed-out visitor who opens a case link lands on that
 * case after signing in (never on another site), and signing out ends the session on the server,
 * so a copy of the cookie saved before signing out opens nothing.
 */
import { expect, test, type Browser } from "@playwright/test";
import { DEMO_PASSWORD, expectAccessible, signInAsStaff, sql } from "./helpers";

/** A browser context in which no script file loads: React never starts, forms post natively. */
async function withoutJavaScript(browser: Browser) {
  const context = await browser.newContext();
  let blocked = 0;
  await context.route(/\.js(\?|$)/, (route) => {
    blocked++;
    return route.abort();
  });
  return { context, blocked: () => blocked };
}

test.describe("staff sign-in without JavaScript", () => {
  test("signs in and lands on the user's home; a wrong password is explained, keeping the email", async ({ browser }) => {
    const { context, blocked } = await withoutJavaScript(browser);
    const page = await context.newPage();
    await page.goto("/sign-in");
    expect(blocked()).toBeGreaterThan(0);
    await expectAccessible(page);

    await page.getByLabel("Email address").fill("caseworker@demo.test");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("The email address or password is not right.");
    await expect(page.getByLabel("Email address")).toHaveValue("caseworker@demo.test");
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expectAccessible(page);

    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("#password-error")).toContainText("Enter your password");

    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/cases$/);
    await expect(page.getByRole("heading", { level: 1, name: "Cases" })).toBeVisible();
    await context.close();
  });

  test("signs out without JavaScript too", async ({ browser }) => {
    const { context } = await withoutJavaScript(browser);
    const page = await context.newPage();
    await signInAsStaff(page, "mediator@demo.test");
    await expect(page).toHaveURL(/\/mediator$/);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
    await expect(page.getByText("You have signed out.")).toBeVisible();
    await context.close();
  });
});

test.describe("coming back to a case link", () => {
  test("a signed-out visitor who opens a case link lands on that case after signing in", async ({ page }) => {
    const [c] = await sql<{ id: string; reference: string }>(`SELECT c.id, c.reference FROM "Case" c JOIN "LocalAuthority" l ON l.id = c."localAuthorityId" WHERE l.code = 'DEMO1' ORDER BY c.reference LIMIT 1`);
    await page.goto(`/cases/${c!.id}`);
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    expect(new URL(page.url()).searchParams.get("next")).toBe(`/cases/${c!.id}`);
    await page.getByLabel("Email address").fill("la.officer@demo.test");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(`/cases/${c!.id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(c!.reference);
  });

  test("a link to another site is not followed after signing in", async ({ page }) => {
    for (const next of ["https://evil.example/", "//evil.example/", "/\\evil.example"]) {
      await page.context().clearCookies();
      await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
      await page.getByLabel("Email address").fill("caseworker@demo.test");
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/cases$/);
    }
  });
});

test.describe("signing out ends the session", () => {
  test("a cookie saved before signing out no longer opens anything", async ({ page, context, browser }) => {
    await signInAsStaff(page, "la.officer@demo.test");
    await expect(page).toHaveURL(/\/la$/);
    const saved = await context.cookies();
    expect(saved.some((c) => c.name.includes("session-token"))).toBe(true);

    // The saved cookie works in another browser while the session lasts …
    const copy = await browser.newContext();
    await copy.addCookies(saved);
    const other = await copy.newPage();
    await other.goto("/la");
    await expect(other).toHaveURL(/\/la$/);

    // … and no longer once the user has signed out (anywhere).
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
    await other.goto("/la");
    await expect(other).toHaveURL(/\/sign-in$/);
    await expect(other.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await copy.close();

    // Signing in again works as before.
    await signInAsStaff(page, "la.officer@demo.test");
    await expect(page).toHaveURL(/\/la$/);
  });
});
