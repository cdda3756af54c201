/**
 * Issue 13 (decision 0030): an admin edits the acknowledgement template (an unknown placeholder is
 * refused, naming it) and previews it with a case's details; a caseworker sends it to the case's
 * parent from the case page, checks the preview, and sees it on the timeline. axe on each page.
 */
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectAccessible, signInAsStaff, sql } from "./helpers";

test("an admin edits and previews the acknowledgement; a caseworker emails it from a case and sees it on the timeline", async ({ page }) => {
  const [la] = await sql<{ id: string }>(`SELECT id FROM "LocalAuthority" WHERE code = 'DEMO1'`);
  const caseId = `e2e-${randomUUID()}`;
  const reference = `SM-E2E-${randomUUID().slice(0, 8).toUpperCase()}`;
  await sql(`INSERT INTO "Case" (id, reference, "localAuthorityId", status, "staffNotes", "updatedAt") VALUES ($1, $2, $3, 'REFERRED', 'PLANTED-STAFF-ONLY-TEXT', now())`, [caseId, reference, la!.id]);
  await sql(`INSERT INTO "Child" (id, "caseId", name) VALUES ($1, $2, 'Zoë Łukasiewicz')`, [`e2e-c-${randomUUID()}`, caseId]);
  await sql(`INSERT INTO "Party" (id, "caseId", kind, name, email, consent) VALUES ($1, $2, 'PARENT', 'Siân Brontë', 'sian.bronte@family.example', 'PENDING')`, [`e2e-p-${randomUUID()}`, caseId]);

  await signInAsStaff(page, "admin@demo.test");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Administration");
  await page.getByRole("link", { name: "Letter and email templates" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Letter and email templates");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Acknowledgement of a request for mediation" }).click();
  await expect(page.getByTestId("placeholders")).toContainText("{{child.firstName}}");
  await expectAccessible(page);

  // A placeholder not on the list (R-80: none for staff-only text) is refused, named.
  await page.getByLabel("Subject").fill("We have your request {{case.staffNotes}}");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("{{case.staffNotes}}");
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);

  await page.getByLabel("Subject").fill("Thank you: we have your request about {{child.firstName}} ({{case.reference}})");
  await page.getByLabel("Preview with the details of case (optional)").fill(reference);
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByTestId("template-preview");
  await expect(preview).toContainText(`Thank you: we have your request about Zoë (${reference})`);
  await expect(preview).toContainText("Dear Siân Brontë");
  await expect(preview).not.toContainText("PLANTED");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("done-banner")).toContainText("saved as version 2");
  await expect(page.getByTestId("versions")).toContainText("Version 1");

  await page.context().clearCookies();
  await signInAsStaff(page, "caseworker@demo.test");
  await page.waitForURL(/\/cases(\?|$)/);
  await page.goto(`/cases/${caseId}`);
  await page.getByRole("link", { name: "Send a letter or email" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Send a letter or email");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Continue to the preview" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Choose what to send");
  await expectAccessible(page);
  await page.getByRole("radio", { name: "Acknowledgement of a request for mediation" }).check();
  await page.getByRole("radio", { name: /Siân Brontë .*by email to sian\.bronte@family\.example/ }).check();
  await page.getByRole("button", { name: "Continue to the preview" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check the email before it is sent");
  await expect(page.getByTestId("filled-text")).toContainText(`Thank you: we have your request about Zoë (${reference})`);
  await expect(page.getByTestId("filled-body")).toContainText("Thank you for contacting us about Zoë Łukasiewicz.");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send the email" }).click();
  await expect(page.getByTestId("done-banner")).toContainText("The email is being sent");
  await expectAccessible(page);

  const emails = await sql<{ to: string; subject: string; body: string }>(`SELECT "to", subject, body FROM "OutboxEmail" WHERE "caseId" = $1`, [caseId]);
  expect(emails).toEqual([expect.objectContaining({ to: "sian.bronte@family.example", subject: `Thank you: we have your request about Zoë (${reference})` })]);
  expect(emails[0]!.body).not.toContain("PLANTED");

  await page.getByTestId("done-banner").getByRole("link", { name: "Back to the case" }).click();
  await expect(page.getByTestId("timeline")).toContainText("Email sent: “Acknowledgement of a request for mediation” to Siân Brontë (parent or carer)");
  await expectAccessible(page);
});
