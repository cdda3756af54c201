/**
 * The case list (issue 4) in the browser: /cases for caseworkers and LA officers, and the
 * mediator's and LA officer's homes. Demo data: SM-DEMO-00001 (Northshire County Council, Mo
 * Mediator allocated, family party Pat Parent) and SM-DEMO-00002 (Southborough Council).
 */
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signInAsStaff, sql } from "./helpers";

const LA1_CASE = "SM-DEMO-00001";
const LA2_CASE = "SM-DEMO-00002";

const caseRow = (page: Page, reference: string) => page.getByRole("row", { name: new RegExp(reference) });
const caseLink = (page: Page, reference: string) => page.getByRole("link", { name: reference, exact: true });

async function applyFilters(page: Page) {
  await page.getByRole("button", { name: "Apply filters" }).click();
  await page.waitForLoadState("load");
}

test.describe("the case list", () => {
  test("a caseworker searches and filters the cases", async ({ page }) => {
    await signInAsStaff(page, "caseworker@demo.test");
    await expect(page).toHaveURL(/\/cases$/);
    await expect(page.getByRole("heading", { level: 1, name: "Cases" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "New referral" })).toBeVisible();
    await expect(caseLink(page, LA1_CASE)).toBeVisible();
    await expect(caseLink(page, LA2_CASE)).toBeVisible();
    await expect(caseRow(page, LA1_CASE)).toContainText("Northshire County Council");
    await expect(caseRow(page, LA1_CASE)).toContainText("Mo Mediator");
    await expectAccessible(page);

    // Search by a party's name, in lower case.
    const search = page.getByLabel("Search", { exact: true });
    await expect(page.getByText("Reference, child's name or a party's name")).toBeVisible();
    await search.fill("pat parent");
    await applyFilters(page);
    await expect(page).toHaveURL(/[?&]q=pat\+parent/);
    await expect(page.getByLabel("Search", { exact: true })).toHaveValue("pat parent");
    await expect(caseLink(page, LA1_CASE)).toBeVisible();
    await expect(caseLink(page, LA2_CASE)).toHaveCount(0);
    await expectAccessible(page);

    // Search by reference, then narrow by local authority.
    await page.getByLabel("Search", { exact: true }).fill("sm-demo-0000");
    await page.getByLabel("Local authority").selectOption({ label: "Southborough Council" });
    await applyFilters(page);
    await expect(caseLink(page, LA2_CASE)).toBeVisible();
    await expect(caseLink(page, LA1_CASE)).toHaveCount(0);
    await expectAccessible(page);

    // The reference opens the case.
    await caseLink(page, LA2_CASE).click();
    await expect(page).toHaveURL(/\/cases\/[^/?]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(LA2_CASE);
  });

  test("a filter that matches nothing says so and offers to clear the filters", async ({ page }) => {
    await signInAsStaff(page, "caseworker@demo.test");
    await expect(page).toHaveURL(/\/cases$/);
    await page.getByLabel("Search", { exact: true }).fill("no case has this name");
    await page.getByLabel("Mediator").selectOption({ label: "Not allocated" });
    await applyFilters(page);
    await expect(page.getByText("No cases match these filters.")).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    await expectAccessible(page);

    await page.getByRole("main").getByRole("link", { name: "Clear filters" }).last().click();
    await expect(page).toHaveURL(/\/cases$/);
    await expect(caseLink(page, LA1_CASE)).toBeVisible();
    await expect(page.getByLabel("Search", { exact: true })).toHaveValue("");
    await expect(page.getByLabel("Mediator")).toHaveValue("");
    await expectAccessible(page);
  });

  test("the next deadline shows its date, what it is, and its state in words as well as colour", async ({ page }) => {
    const [before] = await sql<{ on: string | null; name: string | null }>(
      `SELECT to_char("nextDeadlineOn", 'YYYY-MM-DD') AS on, "nextDeadlineName" AS name FROM "Case" WHERE reference = $1`,
      [LA1_CASE],
    );
    // A deadline well in the past is overdue whatever today's date is.
    await sql(`UPDATE "Case" SET "nextDeadlineOn" = DATE '2020-12-02', "nextDeadlineName" = 'MEDIATION_30_DAY' WHERE reference = $1`, [LA1_CASE]);
    try {
      await signInAsStaff(page, "caseworker@demo.test");
      await expect(page).toHaveURL(/\/cases$/);
      const row = caseRow(page, LA1_CASE);
      await expect(row).toContainText("Mediation must take place by");
      await expect(row).toContainText("2 December 2020");
      await expect(row.locator(".tag--red")).toHaveText("Overdue");

      await page.getByLabel("Next deadline").selectOption({ label: "Overdue" });
      await applyFilters(page);
      await expect(caseLink(page, LA1_CASE)).toBeVisible();
      await expect(caseLink(page, LA2_CASE)).toHaveCount(0);
      await expectAccessible(page);
    } finally {
      await sql(`UPDATE "Case" SET "nextDeadlineOn" = $2::date, "nextDeadlineName" = $3 WHERE reference = $1`, [LA1_CASE, before?.on ?? null, before?.name ?? null]);
    }
  });
});

test.describe("role homes and scope", () => {
  test("an LA officer sees only their own local authority's cases, on /la and on /cases", async ({ page }) => {
    await signInAsStaff(page, "la.officer@demo.test");
    await expect(page).toHaveURL(/\/la$/);
    await expect(page.getByRole("heading", { level: 1, name: "Deadlines and actions" })).toBeVisible();
    // Issue 12: the dashboard lists what is outstanding (a case can have several rows).
    await expect(caseLink(page, LA1_CASE).first()).toBeVisible();
    await expect(caseLink(page, LA2_CASE)).toHaveCount(0);
    await expectAccessible(page);

    await page.goto("/cases");
    await expect(page.getByRole("heading", { level: 1, name: "Cases" })).toBeVisible();
    await expect(caseLink(page, LA1_CASE)).toBeVisible();
    await expect(caseLink(page, LA2_CASE)).toHaveCount(0);
    await expect(page.getByRole("main").getByRole("link", { name: "New referral" })).toHaveCount(0);
    // No choice of local authority is offered to an LA officer, nor the list of mediators (issue 9).
    await expect(page.getByLabel("Local authority")).toHaveCount(0);
    await expect(page.getByLabel("Mediator")).toHaveCount(0);
    await expectAccessible(page);

    // Naming the other LA in the URL shows nothing of it.
    const [la2] = await sql<{ id: string }>(`SELECT id FROM "LocalAuthority" WHERE code = 'DEMO2'`);
    await page.goto(`/cases?la=${la2!.id}&q=${LA2_CASE}`);
    await expect(page.getByText("No cases match these filters.")).toBeVisible();
    await expect(caseLink(page, LA2_CASE)).toHaveCount(0);
    await expectAccessible(page);
  });

  test("a mediator sees the case allocated to them on /mediator, and no others", async ({ page }) => {
    await signInAsStaff(page, "mediator@demo.test");
    await expect(page).toHaveURL(/\/mediator$/);
    await expect(page.getByRole("heading", { level: 1, name: "My cases" })).toBeVisible();
    // In the list of all their open cases (it may also be listed above, as a meeting still to book).
    const all = page.getByRole("table").filter({ hasText: "allocated to you" });
    await expect(all.getByRole("link", { name: LA1_CASE, exact: true })).toBeVisible();
    await expect(all.getByRole("row", { name: new RegExp(LA1_CASE) })).toContainText("Northshire County Council");
    await expect(caseLink(page, LA2_CASE)).toHaveCount(0);
    await expectAccessible(page);
  });
});
