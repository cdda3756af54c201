/**
 * Issue 10: a caseworker adds a venue with step-free access from the staff navigation, and "find a
 * time" offers it for a case of that local authority, saying it has step-free access. axe on the
 * venue pages and on the pre-meetings page. Then the joint meeting booked after the last day:
 * warned before saving, and the case says mediation could not take place within 30 days.
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
  // The LA was told 25 days ago: the last day is in 5 days, too soon for 5 working days' notice.
  await sql(`UPDATE "Case" SET "laNotifiedOn" = CURRENT_DATE - 25, "nextDeadlineOn" = CURRENT_DATE + 5, "nextDeadlineName" = 'MEDIATION_30_DAY' WHERE id = $1`, [caseId]);
  await sql(`INSERT INTO "CaseDeadline" (id, "caseId", name, rule, "triggerOn", "dueOn") VALUES ($1, $2, 'MEDIATION_30_DAY', 'R-20', CURRENT_DATE - 25, CURRENT_DATE + 5)`, [`e2e-dl-${randomUUID()}`, caseId]);
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

  // times after the last day, warned before saving; a confirmation is needed.
  await page.goto(`/cases/${caseId}/meeting?where=VIDEO`);
  await page.getByRole("link", { name: "Look for times after the last day" }).click();
  await expect(page.getByTestId("after-last-day")).toContainText("could not take place within 30 days");
  await page.getByRole("radio").first().check();
  await page.getByLabel("Video link").fill("https://video.example/late-room");
  await page.getByRole("button", { name: "Book this time after the last day" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Confirm that you want to book it");
  await expectAccessible(page);
  await page.getByRole("radio").first().check();
  await page.getByLabel("Why the meeting cannot be held by the last day").fill("The LA representative with authority is away");
  await page.getByRole("checkbox", { name: /I understand that mediation will not have taken place within 30 days/ }).check();
  await page.getByRole("button", { name: "Book this time after the last day" }).click();
  await expect(page.getByTestId("done-banner")).toContainText("mediation could not take place within 30 days");
  await expect(page.getByTestId("not-within-30-days")).toContainText("Mediation could not take place within 30 days.");
  await expect(page.getByTestId("deadline-CERTIFICATE_NOT_ARRANGED")).toBeVisible();
});
