/**
 * Data protection (issue 13, decision 0028) in the browser: the admin opens the retention dry run,
 * which lists a case closed seven years ago (seeded here) and changes nothing, then finds a demo
 * parent by email and downloads their subject access export. The privacy notice reads signed out.
 * axe on every page.
 */
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectAccessible, signInAsStaff, sql } from "./helpers";

test("an admin runs the dry run and downloads a subject access export", async ({ page }) => {
  const id = `dp-${randomUUID()}`;
  const reference = `SM-DP-${randomUUID().slice(0, 6).toUpperCase()}`;
  await sql(
    `INSERT INTO "Case" (id, reference, "localAuthorityId", status, "updatedAt", "createdAt", summary)
     SELECT $1, $2, id, 'CLOSED', now() - interval '7 years', now() - interval '8 years', 'Old case' FROM "LocalAuthority" ORDER BY code LIMIT 1`,
    [id, reference],
  );
  await sql(`INSERT INTO "CaseEvent" (id, "caseId", at, type, summary, data) VALUES ($1, $2, now() - interval '7 years', 'CLOSED', 'Closed', '{"to": "CLOSED"}')`, [`${id}-e`, id]);

  await signInAsStaff(page, "admin@demo.test");
  await expect(page).not.toHaveURL(/sign-in/);
  await page.goto("/admin");
  await page.getByRole("link", { name: "Data protection" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Data protection" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Cases due to be anonymised" }).click();
  await expect(page.getByTestId("due-cases")).toContainText(reference);
  await expectAccessible(page);
  const [row] = await sql<{ summary: string | null; purgedAt: Date | null }>(`SELECT summary, "purgedAt" FROM "Case" WHERE id = $1`, [id]);
  expect(row).toEqual({ summary: "Old case", purgedAt: null });

  await page.goto("/admin/data-protection/subject-access");
  await page.getByLabel("Email address or name").fill("helen.clarke@example.com");
  await page.getByRole("button", { name: "Find records" }).click();
  await expect(page.getByRole("group", { name: "People recorded on cases" })).toContainText("Helen Clarke");
  await expectAccessible(page);
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the export" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^subject-access-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(readFileSync((await download.path())!, "utf8"));
  expect(data.cases.flatMap((c: { you: { email: string }[] }) => c.you.map((p) => p.email))).toContain("helen.clarke@example.com");
});

test("the privacy notice reads signed out and is linked from the footer", async ({ page }) => {
  await page.goto("/refer");
  await page.getByRole("contentinfo").getByRole("link", { name: "Privacy" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "How we use your information" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Your rights" })).toBeVisible();
  await expectAccessible(page);
});
