/**
 * Agreed actions tracked to done (issue 11) in the browser: the LA officer's list (overdue first; the
 * dashboard's agreed actions since issue 12),
 * the case page's "Agreed actions", an action's page, the progress form's error summary and the
 * done form; another LA's officer gets a 404. axe on every page.
 */
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectAccessible, fillDate, signInAsStaff, sql } from "./helpers";

test("the LA officer records progress and marks an overdue agreed action done", async ({ page, browser }) => {
  const [c] = await sql<{ id: string; reference: string; localAuthorityId: string }>(
    `SELECT c."id", c."reference", c."localAuthorityId" FROM "Case" c JOIN "LocalAuthority" l ON l."id" = c."localAuthorityId" WHERE l."code" = 'DEMO1' AND c."status" NOT IN ('CLOSED', 'NOT_PROCEEDING') ORDER BY c."createdAt" LIMIT 1`,
  );
  const overdueId = `e2e-${randomUUID()}`;
  const laterId = `e2e-${randomUUID()}`;
  const insert = `INSERT INTO "Obligation" ("id", "caseId", "localAuthorityId", "position", "what", "responsible", "dueOn", "howChecked", "updatedAt") VALUES ($1, $2, $3, $4, $5, 'LA', $6, 'The family gets a copy', now())`;
  await sql(insert, [laterId, c!.id, c!.localAuthorityId, 1, "Ŷ’s school to get the amended plan", "2099-01-31"]);
  await sql(insert, [overdueId, c!.id, c!.localAuthorityId, 0, "Issue the amended plan for Łukasz", "2020-01-31"]);

  await signInAsStaff(page, "la.officer@demo.test");
  await expect(page).toHaveURL(/\/la$/);
  // Issue 12: the dashboard's agreed actions, soonest (so overdue) first.
  await page.goto("/la?kind=action");
  const rows = page.getByTestId("la-outstanding").getByTestId("la-row");
  await expect(rows.filter({ hasText: "Issue the amended plan for Łukasz" })).toContainText("Overdue");
  const texts = await rows.allTextContents();
  expect(texts.findIndex((t) => t.includes("Issue the amended plan"))).toBeLessThan(texts.findIndex((t) => t.includes("school to get the amended plan")));
  await expectAccessible(page);

  await page.goto(`/cases/${c!.id}`);
  const section = page.getByTestId("agreed-actions");
  await expect(section).toContainText("2 of 2 not done yet, 1 overdue");
  await expectAccessible(page);

  await section.getByRole("link", { name: "Issue the amended plan for Łukasz" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Agreed action" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Record progress" }).click();
  await page.getByRole("button", { name: "Save progress" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Enter what has happened so far");
  await expect(page).toHaveTitle(/^Error: Record progress/);
  await expectAccessible(page);
  await page.getByLabel("What has happened so far?").fill("Draft sent to the family for comments");
  await page.getByRole("button", { name: "Save progress" }).click();
  await expect(page.getByTestId("done-banner")).toContainText("The progress has been recorded.");
  await expect(page.getByTestId("obligation-history")).toContainText("Draft sent to the family for comments");

  await page.getByRole("link", { name: "Mark as done" }).click();
  await expectAccessible(page);
  await fillDate(page, "When was it done?", "2024-06-03");
  await page.getByLabel("How was it done, and how was that checked?").fill("Final plan issued; the family confirmed they received it");
  await page.getByRole("button", { name: "Mark as done" }).click();
  await expect(page.getByTestId("done-banner")).toContainText("recorded as done");
  await expect(page.getByRole("link", { name: "Record progress" })).toHaveCount(0);

  // Another LA's officer cannot see it at all.
  const other = await browser.newPage();
  await signInAsStaff(other, "la2.officer@demo.test");
  await expect(other).toHaveURL(/\/la$/);
  const r = await other.goto(`/cases/${c!.id}/actions/${overdueId}`);
  expect(r?.status()).toBe(404);
  await other.close();
});
