/**
 * Issue 13 (decision 0029): an admin keeps the reference data. Adds a local authority (the form
 * says what is missing first), changes it, and deactivates it after the confirmation step; then
 * records a mediator's accreditation expiry date, which is flagged as expiring soon. axe on each page.
 */
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectAccessible, fillDate, signInAsStaff, sql } from "./helpers";

test("an admin adds, changes and deactivates a local authority, and sets a mediator's accreditation expiry", async ({ page }) => {
  const tag = randomUUID().slice(0, 6).toUpperCase();
  const mediatorId = `e2e-med-${randomUUID()}`;
  await sql(`INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES ($1, $2, $3, 'MEDIATOR', now())`, [mediatorId, `panel-${tag.toLowerCase()}@e2e.example`, `Pat Panel ${tag}`]);

  await signInAsStaff(page, "admin@demo.test");
  await expect(page).not.toHaveURL(/sign-in/);
  await page.goto("/admin");
  await expectAccessible(page);
  await page.getByTestId("reference-data").getByRole("link", { name: "Local authorities" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Local authorities");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Add a local authority" }).click();
  await page.getByRole("button", { name: "Add local authority" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Enter a code");
  await expect(page).toHaveTitle(/^Error: Add a local authority/);
  await expectAccessible(page);
  await page.getByLabel("Code").fill(`E2E-${tag}`);
  await page.getByLabel("Name").fill(`Testshire ${tag}`);
  await page.getByLabel("Email for notices (optional)").fill(`send-${tag.toLowerCase()}@testshire.gov.uk`);
  await page.getByRole("button", { name: "Add local authority" }).click();
  await expect(page.getByTestId("done-banner")).toContainText("It has been added.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Testshire ${tag}`);
  await expectAccessible(page);

  await page.getByLabel("Name").fill(`Testshire County Council ${tag}`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("done-banner")).toContainText("The details have been saved.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Testshire County Council ${tag}`);

  // Deactivating asks first; nothing changes until confirmed.
  await page.getByRole("button", { name: "Deactivate local authority" }).click();
  await expect(page.getByTestId("body-confirm")).toContainText("It will no longer be offered for a new referral");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Yes, deactivate the local authority" }).click();
  await expect(page.getByTestId("done-banner")).toContainText("no longer offered for new cases");
  await expect(page.getByRole("definition").filter({ hasText: "Deactivated" })).toBeVisible();
  await expectAccessible(page);

  // The mediator panel: an accreditation expiring in 30 days is flagged.
  await page.goto(`/admin/mediators?q=${encodeURIComponent(`Pat Panel ${tag}`)}`);
  await expectAccessible(page);
  await page.getByRole("link", { name: `Pat Panel ${tag}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Pat Panel ${tag}`);
  await expectAccessible(page);
  const expires = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Accrediting body (optional)").fill("College of Mediators");
  await fillDate(page, "Accreditation expiry date (optional)", expires);
  await page.getByRole("button", { name: "Save panel details" }).click();
  await expect(page.getByTestId("done-banner")).toContainText("The panel details have been saved.");
  await expect(page.getByTestId("accreditation-warning")).toContainText(`Pat Panel ${tag}'s accreditation expires on`);
  await expectAccessible(page);
});
