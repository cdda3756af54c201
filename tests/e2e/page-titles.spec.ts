/**
 * Page titles (issue 9 item 12): "Error: " first while a page shows an error summary — with
 * JavaScript (set in the browser) and without (sent by the server) — and a page refused for access
 * titled as any missing page, revealing nothing about what is behind it. (The new-referral steps
 * and /refer are checked in intake.spec.ts.)
 */
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { expectAccessible, signInAsStaff, sql } from "./helpers";

async function demoCase(reference: string): Promise<{ id: string; la: string }> {
  const [row] = await sql<{ id: string; la: string }>(`SELECT id, "localAuthorityId" AS la FROM "Case" WHERE reference = $1`, [reference]);
  return row!;
}

async function blockScripts(context: BrowserContext) {
  await context.route(/\.js(\?|$)/, (route) => route.abort());
}

/** Posts the case-details form with a summary that is too long (nothing is saved). */
async function postTooLongSummary(page: Page, id: string) {
  await page.goto(`/cases/${id}/edit`);
  await expect(page).toHaveTitle("Change case details – SEND Mediation");
  await page.getByLabel("Summary of the disagreement (the local authority and the family can see this)").fill("x".repeat(5001));
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("The summary must be 5000 characters or fewer");
}

test("sign-in: “Error: ” while the problems show", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page).toHaveTitle("Sign in – SEND Mediation");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Enter your email address");
  await expect(page).toHaveTitle("Error: Sign in – SEND Mediation");
});

test("a case form: “Error: ” in the title with JavaScript and without", async ({ page, context }) => {
  const { id } = await demoCase("SM-DEMO-00001");
  await signInAsStaff(page, "caseworker@demo.test");
  await expect(page).toHaveURL(/\/cases$/);
  await postTooLongSummary(page, id);
  await expect(page).toHaveTitle("Error: Change case details – SEND Mediation");
  await expectAccessible(page);

  await blockScripts(context);
  await postTooLongSummary(page, id);
  await expect(page).toHaveTitle("Error: Change case details – SEND Mediation");
  await expectAccessible(page);
});

test("a case outside the user's scope is a 404 titled “Page not found”, naming nothing about the case", async ({ page }) => {
  const [officer] = await sql<{ la: string }>(`SELECT "localAuthorityId" AS la FROM "User" WHERE email = 'la.officer@demo.test'`);
  const [other] = await sql<{ id: string; reference: string }>(
    `SELECT id, reference FROM "Case" WHERE reference LIKE 'SM-DEMO-%' AND "localAuthorityId" <> $1 ORDER BY reference LIMIT 1`,
    [officer!.la],
  );
  await signInAsStaff(page, "la.officer@demo.test");
  await expect(page).toHaveURL(/\/la$/);
  for (const path of [`/cases/${other!.id}`, `/cases/${other!.id}/edit`, `/cases/${other!.id}/transition/withdraw`, `/cases/${other!.id}/parties/new`]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page, path).toHaveTitle("Page not found – SEND Mediation");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expect(page.locator("body")).not.toContainText(other!.reference);
  }
  await expectAccessible(page);
});
