/**
 * Issue 10: a caseworker adds a venue with step-free access from the staff navigation, and "find a
 * time" offers it for a case of that local authority, saying it has step-free access. axe on the
 * venue pages and on the pre-meetings page.
 */
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectAccessible, signInAsStaff, sql } from "./helpers";

test("a caseworker adds a venue with step-free access; find a time offers it for a case of that LA", async ({ page }) => {
  const [la] = await sql<{ id: string; name: string }>(`SELECT id, name FROM "LocalAuthority" WHERE code = 'DEMO2'`);
  const caseId = `e2e-${randomUUID()}`;
  await sql(
    `INSERT INTO "Case" (id, reference, "localAuthorityId", status, "allocatedMediatorId", "updatedAt")
     SELECT $1, $2, $3, 'ALLOCATED', (SELECT id FROM "User" WHERE email = 'mediator@demo.test'), now()`,
    [caseId, `SM-E2E-${randomUUID().slice(0, 8).toUpperCase()}`, la!.id],
  );
  await sql(`INSERT INTO "Party" (id, "caseId", kind, name, email, consent) VALUES ($1, $2, 'PARENT', 'Vera Venue-Family', 'vera@family.example', 'GIVEN')`, [`e2e-p-${randomUUID()}`, caseId]);
  const name = `Step-free Centre ${randomUUID().slice(0, 6)}`;

  await signInAsStaff(page, "caseworker@demo.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Venues" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Venues");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Add a venue" }).click();
  await page.getByRole("button", { name: "Add venue" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Enter the venue's name");
  await expect(page).toHaveTitle(/^Error: Add a venue/);
  await expectAccessible(page);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Address").fill("4 Level Street, Southborough SB1 2CD");
  await page.getByLabel("Local authority").selectOption({ label: la!.name });
  await page.getByRole("checkbox", { name: "Step-free access" }).check();
  await page.getByRole("button", { name: "Add venue" }).click();
  await expect(page.getByTestId("done-banner")).toContainText("The venue has been added.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByRole("definition").filter({ hasText: "Step-free access" })).toBeVisible();
  await expectAccessible(page);

  // Deactivating asks first (nothing changes until confirmed); going back keeps it in use.
  await page.getByRole("button", { name: "Deactivate venue" }).click();
  await expect(page.getByTestId("venue-confirm")).toContainText("No meetings are booked there from today.");
  await expectAccessible(page);
  await page.getByRole("link", { name: "No, go back" }).click();
  await expect(page.getByRole("definition").filter({ hasText: "In use" })).toBeVisible();

  await page.goto(`/venues?q=${encodeURIComponent(name)}`);
  await expect(page.getByTestId("venues")).toContainText("Step-free access");

  // Find a time for the case of that LA offers it, with its access details.
  await page.goto(`/cases/${caseId}/meeting`);
  await page.getByLabel("Where", { exact: true }).selectOption({ label: `${name}, 4 Level Street, Southborough SB1 2CD` });
  await page.getByRole("button", { name: "Show times" }).click();
  await expect(page.getByTestId("venue-access")).toContainText(`${name}: step-free access`);

  // The pre-meetings page of the case: each party, and booking one.
  await page.goto(`/cases/${caseId}/pre-meetings`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pre-meetings");
  await expect(page.getByTestId("pre-meeting-parties")).toContainText("Vera Venue-Family");
  await page.getByRole("button", { name: "Book pre-meeting" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Enter the date of the pre-meeting");
  await expectAccessible(page);
});
