/**
 * Reports for commissioners (issue 13, decision 0025) in the browser, on the demo data: an LA
 * officer sees their own LA only (no choice of LA, their figures, another LA's report is a 404);
 * a caseworker chooses an LA, opens the cases behind a figure and downloads a table and a list as
 * CSV, which hold what the pages show. axe on every page.
 */
import { readFileSync } from "node:fs";
import { expect, test, type Download, type Page } from "@playwright/test";
import { expectAccessible, signInAsStaff, sql } from "./helpers";
import { parseCsv } from "../csv";

/** Referrals logged in the last 12 months up to today (London days), by hand. */
async function referralsInLastYear(laCode: string | null): Promise<number> {
  const [row] = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Case" c JOIN "LocalAuthority" l ON l.id = c."localAuthorityId"
     WHERE ($1::text IS NULL OR l.code = $1)
       AND timezone('Europe/London', c."createdAt")::date BETWEEN (timezone('Europe/London', now())::date - interval '12 months')::date + 1 AND timezone('Europe/London', now())::date`,
    [laCode],
  );
  return row!.n;
}

async function csvOf(download: Download): Promise<string[][]> {
  return parseCsv(readFileSync((await download.path())!, "utf8"));
}

/** A table's cells as a sighted user reads them (the links' hidden context left out). */
async function tableText(page: Page, testId: string): Promise<string[][]> {
  return page.getByTestId(testId).evaluate((table) => {
    const copy = table.cloneNode(true) as HTMLTableElement;
    copy.querySelectorAll(".visually-hidden").forEach((e) => e.remove());
    return [...copy.querySelectorAll("tr")].map((tr) => [...tr.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").trim()));
  });
}

test("an LA officer sees only their own LA's figures", async ({ page }) => {
  await signInAsStaff(page, "la.officer@demo.test");
  await expect(page).toHaveURL(/\/la$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
  // No choice of LA: their own is named.
  await expect(page.getByRole("combobox", { name: "Local authority" })).toHaveCount(0);
  await expect(page.getByTestId("report-la")).toHaveText("Local authority: Northshire County Council");
  await expect(page.getByRole("heading", { level: 2, name: /^Northshire County Council, / })).toBeVisible();

  const own = await referralsInLastYear("DEMO1");
  expect(own).toBeLessThan(await referralsInLastYear(null));
  const headlines = page.getByTestId("report-headlines");
  await expect(headlines.locator("div").filter({ hasText: /^Referrals received/ }).locator("dd")).toHaveText(new RegExp(`^${own}\\b`));
  const rows = await tableText(page, "table-referrals");
  expect(rows.at(-1)).toEqual(["All referrals", String(own)]);
  await expect(page.getByTestId("chart-referrals").locator("svg[role=img]")).toHaveAccessibleName(new RegExp(`^Referrals received, by who referred A parent or carer, \\d+; .*; The local authority, \\d+;`));
  await expectAccessible(page);

  // The cases behind a figure: theirs only.
  await page.getByTestId("table-referrals").getByRole("link", { name: /All referrals/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Referrals received, by who referred");
  await expect(page.getByTestId("figure-total")).toHaveText(String(own));
  const las = await page.getByTestId("figure-cases").locator("tbody tr td:nth-child(2)").allTextContents();
  expect(las.length).toBe(Math.min(own, 50));
  expect(new Set(las)).toEqual(new Set(["Northshire County Council"]));
  await expectAccessible(page);

  // Another LA's report is not found.
  const [other] = await sql<{ id: string }>(`SELECT id FROM "LocalAuthority" WHERE code = 'DEMO2'`);
  const res = await page.goto(`/reports?la=${other!.id}`);
  expect(res?.status()).toBe(404);
  await expectAccessible(page);
});

test("a caseworker opens the cases behind a figure and downloads a table and a list as CSV", async ({ page }) => {
  await signInAsStaff(page, "caseworker@demo.test");
  await expect(page).toHaveURL(/\/cases$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /^All local authorities, / })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("combobox", { name: "Local authority" }).selectOption({ label: "Northshire County Council" });
  await page.getByRole("button", { name: "Show the report" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /^Northshire County Council, / })).toBeVisible();
  await expect(page).toHaveURL(/la=/);
  const own = await referralsInLastYear("DEMO1");
  const shown = await tableText(page, "table-referrals");
  expect(shown.at(-1)).toEqual(["All referrals", String(own)]);

  // The table's CSV is the table shown.
  const [tableCsv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download this table as CSV (Referrals received, by who referred)" }).click()]);
  expect(tableCsv.suggestedFilename()).toMatch(/^referrals-northshire-county-council-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(await csvOf(tableCsv)).toEqual(shown);

  // The cases behind "All referrals", and their CSV.
  await page.getByTestId("table-referrals").getByRole("link", { name: /All referrals/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Referrals received, by who referred");
  await expect(page.getByTestId("figure-total")).toHaveText(String(own));
  await expectAccessible(page);
  const listed = await tableText(page, "figure-cases");
  const [listCsv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download this list as CSV" }).click()]);
  const csv = await csvOf(listCsv);
  expect(csv[0]).toEqual(["Case reference", "Local authority", "Referral logged on", "Group"]);
  expect(csv.length - 1).toBe(own);
  expect(csv.slice(0, listed.length)).toEqual(listed.map((r, i) => (i === 0 ? ["Case reference", "Local authority", "Referral logged on", "Group"] : r)));

  // A case in the list opens the case page.
  const reference = listed[1]![0]!;
  await page.getByRole("link", { name: reference, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);
});
