/**
 * Issue 13: the audit trail in the browser — an LA officer's view of a case shows up on
 * /admin/audit, where the admin filters by that case (a GET form) and downloads the rows as CSV;
 * anyone else gets 404 for the page and its export.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectAccessible, signInAsStaff, sql } from "./helpers";

test("an admin filters the audit trail by a case, sees an LA officer's view of it, and downloads it as CSV", async ({ page, browser }) => {
  const [c] = await sql<{ id: string; reference: string }>(
    `SELECT c.id, c.reference FROM "Case" c JOIN "LocalAuthority" l ON l.id = c."localAuthorityId" WHERE l.code = 'DEMO1' AND c.reference LIKE 'SM-DEMO-%' ORDER BY c.reference LIMIT 1`,
  );
  const [officer] = await sql<{ name: string }>(`SELECT name FROM "User" WHERE email = 'la.officer@demo.test'`);

  // The LA officer reads the case.
  const la = await browser.newContext();
  const laPage = await la.newPage();
  await signInAsStaff(laPage, "la.officer@demo.test");
  await expect(laPage).toHaveURL(/\/la$/);
  await laPage.goto(`/cases/${c!.id}`);
  await expect(laPage.getByRole("heading", { level: 1 })).toContainText(c!.reference);
  await la.close();

  await signInAsStaff(page, "admin@demo.test");
  await expect(page).not.toHaveURL(/sign-in/);
  await page.goto("/admin");
  await page.getByRole("link", { name: "Audit trail" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit trail");
  await page.getByLabel("Case reference").fill(c!.reference.toLowerCase());
  await page.getByLabel("What happened").selectOption({ label: "Case: viewed" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]action=case\.viewed/);
  const row = page.getByTestId("audit-event").filter({ hasText: officer!.name }).first();
  await expect(row).toContainText("la.officer@demo.test");
  await expect(row).toContainText("Case: viewed");
  await expect(row.getByRole("link", { name: c!.reference })).toHaveAttribute("href", `/cases/${c!.id}`);
  await row.getByText("Details").click();
  await expect(row).toContainText("case.viewed");
  await expectAccessible(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-trail-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.split("\r\n")[0]).toContain("When (UTC),When (Europe/London),Who,Email,Action");
  expect(csv).toContain(`la.officer@demo.test,case.viewed,Case: viewed,Case,${c!.id},${c!.reference},`);
  // The download is itself in the trail.
  await expect
    .poll(async () => (await sql(`SELECT 1 FROM "AuditEvent" a JOIN "User" u ON u.id = a."actorId" WHERE u.email = 'admin@demo.test' AND a.action = 'export.downloaded' AND a."caseId" = $1`, [c!.id])).length)
    .toBeGreaterThan(0);
});

test("the audit trail and its export do not exist for anyone but an admin", async ({ page }) => {
  await signInAsStaff(page, "caseworker@demo.test");
  await expect(page).toHaveURL(/\/cases$/);
  expect((await page.goto("/admin/audit"))?.status()).toBe(404);
  await expectAccessible(page);
  expect((await page.request.get("/admin/audit/export")).status()).toBe(404);
});
