/** Issue 10: the mediator's availability page and home. */
import { expect, test } from "@playwright/test";
import { expectAccessible, signInAsStaff } from "./helpers";

test("a mediator records working hours: a bad time is explained, then saved; the home links to it", async ({ page }) => {
  await signInAsStaff(page, "mediator@demo.test");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My cases");
  await expect(page.getByTestId("to-book")).toBeVisible();
  await page.getByRole("link", { name: "Your working hours and days off" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your availability");
  await page.getByLabel("Monday start").fill("9am");
  await page.getByRole("button", { name: "Save working hours" }).click();
  await expect(page.getByTestId("error-summary").first()).toContainText("Enter the time you start on Monday like 09:00");
  await expectAccessible(page);
  await page.getByLabel("Monday start").fill("09:30");
  await page.getByRole("button", { name: "Save working hours" }).click();
  await expect(page.getByTestId("done-banner")).toContainText("Your working hours have been saved.");
  await expect(page.getByLabel("Monday start")).toHaveValue("09:30");
});
