import { expect, test, type Browser, type Page } from "@playwright/test";
import { addCalendarDays, todayInLondon } from "@/lib/deadlines";
import { dateShown, expectAccessible, fillDate } from "./helpers";

const DECISION = "Date the decision letter was sent";
const CERTIFICATE = "Date on your mediation certificate (optional)";
const SUBMIT = "Work out my dates";

async function openCalculatorFromSignIn(page: Page, checkAccessible: (page: Page) => Promise<void> = expectAccessible) {
  await page.goto("/sign-in");
  await checkAccessible(page);
  await page.getByRole("link", { name: "Work out your mediation and appeal deadlines" }).click();
  await expect(page).toHaveURL(/\/deadline-calculator$/);
  await expect(page.getByRole("heading", { level: 1, name: "Work out your mediation and appeal deadlines" })).toBeVisible();
  await checkAccessible(page);
}

async function enterDates(page: Page, decision: string | { day: string; month: string; year: string }, certificate?: string) {
  await fillDate(page, DECISION, decision);
  if (certificate !== undefined) await fillDate(page, CERTIFICATE, certificate);
  await page.getByRole("button", { name: SUBMIT }).click();
}

/** The day box of a date input (it carries the field's id). */
const dayBox = (page: Page, legend: string) => page.getByRole("group", { name: legend, exact: true }).getByLabel("Day", { exact: true });

/** The query string the form sends for the two dates, typed as ISO dates. */
const query = (decision: string, certificate: string) => {
  const boxes = (name: string, iso: string) => {
    const [y, m, d] = iso.split("-").map(Number);
    return `${name}-day=${d}&${name}-month=${m}&${name}-year=${y}`;
  };
  return `${boxes("decision", decision)}&${boxes("certificate", certificate)}`;
};

/** The summary-list row whose key is `label` (a <dt>), with its value. */
function resultRow(page: Page, label: string) {
  return page.locator(".summary-list > div").filter({ has: page.locator("dt", { hasText: label }) });
}

test.describe("deadline calculator for families", () => {
  test("reached from the sign-in page, it shows the R-54 dates with their explanations", async ({ page }) => {
    await openCalculatorFromSignIn(page);
    await enterDates(page, "2025-02-03", "2025-04-29");

    await expect(page).toHaveURL(`/deadline-calculator?${query("2025-02-03", "2025-04-29")}`);
    await expect(page).toHaveTitle("Work out your mediation and appeal deadlines – SEND Mediation");
    await expect(page.getByRole("heading", { level: 2, name: "Your dates" })).toBeVisible();

    const appeal = resultRow(page, "Your appeal must reach the Tribunal by");
    await expect(appeal).toContainText("Thursday 29 May 2025");
    await expect(appeal).toContainText(
      "2 months after the decision letter was sent on Monday 3 February 2025 is 3 April 2025 and 1 month after your certificate was issued on Tuesday 29 April 2025 is 29 May 2025; the later one, 29 May 2025, applies.",
    );
    const adviser = resultRow(page, "Contact a mediation adviser by");
    await expect(adviser).toContainText("Thursday 3 April 2025");
    await expect(adviser).toContainText("within 2 months of the decision letter being sent on Monday 3 February 2025");

    // Both are in the past by now, and the family is told so.
    await expect(appeal).toContainText("this date has passed");
    // A certificate was given, so there is no "may move later" note; the check-with-your-adviser note is there.
    await expect(page.getByTestId("no-certificate-note")).toHaveCount(0);
    await expect(page.getByText("Check them with your mediation adviser or your local SEND Information, Advice and Support Service (IASS).")).toBeVisible();
    await expect(page.getByText("These rules apply to the appeal deadline only.")).toBeVisible();

    // The entered dates stay in the form.
    expect(await dateShown(page, DECISION)).toEqual(["3", "2", "2025"]);
    expect(await dateShown(page, CERTIFICATE)).toEqual(["29", "4", "2025"]);
    await expectAccessible(page);
  });

  test("a dispute only about the school named (section I) needs no adviser date, and says so (R-04)", async ({ page }) => {
    await page.goto("/deadline-calculator");
    await fillDate(page, DECISION, "2025-02-03");
    await page.getByLabel("My disagreement is only about the school or college named in the plan").check();
    await page.getByRole("button", { name: SUBMIT }).click();
    await expect(page).toHaveURL(/sectionIOnly=yes/);
    await expect(page.getByTestId("section-i-note")).toContainText("You can appeal to the SEND Tribunal without contacting a mediation adviser");
    await expect(resultRow(page, "Your appeal must reach the Tribunal by")).toContainText("Thursday 3 April 2025");
    await expect(page.getByText("Contact a mediation adviser by")).toHaveCount(0);
    await expect(page.getByLabel("My disagreement is only about the school or college named in the plan")).toBeChecked();
    await expectAccessible(page);
  });

  test("a certificate dated 3 July 2025 gives 1 September 2025 because of the August rule", async ({ page }) => {
    await page.goto("/deadline-calculator");
    await enterDates(page, "2025-02-03", "2025-07-03");
    const appeal = resultRow(page, "Your appeal must reach the Tribunal by");
    await expect(appeal).toContainText("Monday 1 September 2025");
    await expect(appeal).toContainText("3 August 2025 is in August, so the deadline moves to the first working day after 31 August");
    // R-53 never moves the adviser date.
    await expect(resultRow(page, "Contact a mediation adviser by")).toContainText("Thursday 3 April 2025");
    await expectAccessible(page);
  });

  test("without a certificate date, the family is told the appeal deadline may move later", async ({ page }) => {
    await page.goto("/deadline-calculator");
    await enterDates(page, "2025-02-03");
    await expect(resultRow(page, "Your appeal must reach the Tribunal by")).toContainText("Thursday 3 April 2025");
    const note = page.getByTestId("no-certificate-note");
    await expect(note).toContainText("You have not entered a mediation certificate date.");
    await expect(note).toContainText("It will be 1 month after the date on the certificate");
    expect(await dateShown(page, CERTIFICATE)).toEqual(["", "", ""]);
    await expectAccessible(page);
  });

  test("submitting nothing asks for the decision date, in the summary and beside the field", async ({ page }) => {
    await page.goto("/deadline-calculator");
    await expectAccessible(page);
    await page.getByRole("button", { name: SUBMIT }).click();

    const summary = page.getByTestId("error-summary");
    await expect(summary).toContainText("There is a problem");
    await expect(summary).toBeFocused();
    await expect(page).toHaveTitle(/^Error: Work out your mediation and appeal deadlines/);
    await expect(page.locator("#decision-error")).toContainText("Enter the date the decision letter was sent");
    await expect(dayBox(page, DECISION)).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("heading", { name: "Your dates", exact: true })).toHaveCount(0);
    await expectAccessible(page);

    // The summary links to the field.
    await summary.getByRole("link", { name: "Enter the date the decision letter was sent" }).click();
    await expect(dayBox(page, DECISION)).toBeFocused();
  });

  test("a decision date in the future is refused and kept in the field", async ({ page }) => {
    const tomorrow = addCalendarDays(todayInLondon(), 1);
    await page.goto("/deadline-calculator");
    await enterDates(page, tomorrow);
    await expect(page.getByTestId("error-summary")).toContainText("The date the decision letter was sent must be today or in the past");
    await expect(page.locator("#decision-error")).toContainText("The date the decision letter was sent must be today or in the past");
    expect(await dateShown(page, DECISION)).toEqual(tomorrow.split("-").reverse().map((n) => String(Number(n))));
    await expectAccessible(page);
  });

  test("boxes that make no real date say why, and keep what was typed (issue 8 item 3)", async ({ page }) => {
    await page.goto("/deadline-calculator");
    await enterDates(page, { day: "31", month: "2", year: "2025" });
    const summary = page.getByTestId("error-summary");
    await expect(summary.getByRole("link", { name: "The date the decision letter was sent must be a real date – February 2025 has 28 days" })).toHaveAttribute("href", "#decision");
    await expect(page.locator("#decision-error")).toContainText("February 2025 has 28 days");
    expect(await dateShown(page, DECISION)).toEqual(["31", "2", "2025"]);
    await enterDates(page, { day: "3", month: "", year: "2025" });
    await expect(page.locator("#decision-error")).toContainText("The date the decision letter was sent must include a month");
  });

  test("a certificate dated before the decision is refused on the certificate field", async ({ page }) => {
    await page.goto("/deadline-calculator");
    await enterDates(page, "2025-02-03", "2025-01-20");
    const summary = page.getByTestId("error-summary");
    await expect(summary.getByRole("link", { name: "The certificate date must be on or after the decision date" })).toHaveAttribute("href", "#certificate");
    await expect(page.locator("#certificate-error")).toContainText("The certificate date must be on or after the decision date");
    await expect(page.locator("#decision-error")).toHaveCount(0);
    expect(await dateShown(page, DECISION)).toEqual(["3", "2", "2025"]);
    expect(await dateShown(page, CERTIFICATE)).toEqual(["20", "1", "2025"]);
    await expectAccessible(page);
  });

  test("a date before 2016 is refused with the years the calculator supports", async ({ page }) => {
    await page.goto("/deadline-calculator");
    await enterDates(page, "2015-06-01");
    await expect(page.locator("#decision-error")).toContainText("this calculator only works for dates from 2016 to 2029");
    await expectAccessible(page);
  });
});

/**
 * axe cannot run in a page with JavaScript turned off (its rules never finish), and every state of
 * this page has its own address (a GET form), so each page visited without JavaScript is checked by
 * loading the same address in a separate browser context with JavaScript on.
 */
function accessibleAtSameAddress(browser: Browser) {
  return async (page: Page) => {
    // Contexts made in this test inherit its options (JavaScript off), so turn it back on here.
    const context = await browser.newContext({ javaScriptEnabled: true });
    try {
      const twin = await context.newPage();
      await twin.goto(page.url());
      await expectAccessible(twin);
    } finally {
      await context.close();
    }
  };
}

test.describe("deadline calculator without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  // One test per page state, each opened on its own: as one test, the three took 12–15 s idle and
  // 23 s with both cores loaded (each axe check here loads the page a second time).
  test("the form, reached from the sign-in page, shows the results as a plain page load", async ({ page, browser }) => {
    const expectAccessibleNoJs = accessibleAtSameAddress(browser);
    await openCalculatorFromSignIn(page, expectAccessibleNoJs);
    await enterDates(page, "2025-02-03", "2025-07-03");
    await expect(page).toHaveURL(`/deadline-calculator?${query("2025-02-03", "2025-07-03")}`);
    await expect(resultRow(page, "Your appeal must reach the Tribunal by")).toContainText("Monday 1 September 2025");
    await expect(resultRow(page, "Your appeal must reach the Tribunal by")).toContainText("is in August, so the deadline moves to the first working day after 31 August");
    await expectAccessibleNoJs(page);
  });

  test("errors are rendered by the server too, and the other date is kept", async ({ page, browser }) => {
    const expectAccessibleNoJs = accessibleAtSameAddress(browser);
    // The results of the test above, at their own address.
    await page.goto("/deadline-calculator?decision=2025-02-03&certificate=2025-07-03");
    await expect(resultRow(page, "Your appeal must reach the Tribunal by")).toContainText("Monday 1 September 2025");

    // A link with whole ISO dates shows them in the boxes.
    expect(await dateShown(page, DECISION)).toEqual(["3", "2", "2025"]);
    await fillDate(page, DECISION, "");
    await page.getByRole("button", { name: SUBMIT }).click();
    await expect(page.getByTestId("error-summary")).toContainText("Enter the date the decision letter was sent");
    await expect(page.locator("#decision-error")).toContainText("Enter the date the decision letter was sent");
    expect(await dateShown(page, CERTIFICATE)).toEqual(["3", "7", "2025"]);
    await expectAccessibleNoJs(page);
  });

  test("the results page is a shareable address: opening it directly shows the same dates", async ({ page, browser }) => {
    const expectAccessibleNoJs = accessibleAtSameAddress(browser);
    await page.goto("/deadline-calculator?decision=2025-02-03&certificate=2025-04-29");
    await expect(resultRow(page, "Your appeal must reach the Tribunal by")).toContainText("Thursday 29 May 2025");
    await expectAccessibleNoJs(page);
  });
});
