/**
 * Creating cases (issues 4 and 9) in the browser: a caseworker logs a referral through every step,
 * each a page of its own (/cases/new/who … /parties, /check) whose answers are kept on the server,
 * with and without JavaScript; and a family asks for mediation on the public form (with and
 * without JavaScript). axe runs on every page and step visited. Demo data: caseworker@demo.test;
 * LAs Northshire County Council and Southborough Council.
 */
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { dateShown, expectAccessible, fillDate, signInAsStaff, sql, startSmtp } from "./helpers";

const uid = () => randomUUID().slice(0, 8);
const h1 = (page: Page) => page.getByRole("heading", { level: 1 });
const radio = (page: Page, name: string | RegExp) => page.getByRole("radio", { name, exact: typeof name === "string" ? true : undefined });
const checkbox = (page: Page, name: string | RegExp) => page.getByRole("checkbox", { name, exact: typeof name === "string" ? true : undefined });
const continueButton = (page: Page) => page.getByRole("button", { name: "Continue" });
const TITLE_SUFFIX = " – New referral – SEND Mediation";

/** The caseworker's answers are kept on the server (one draft per user): each test starts without them. */
async function clearDraft() {
  await sql(`DELETE FROM "ReferralDraft" WHERE "userId" = (SELECT id FROM "User" WHERE email = 'caseworker@demo.test')`);
}

async function openNewReferral(page: Page) {
  await clearDraft();
  await signInAsStaff(page, "caseworker@demo.test");
  await expect(page).toHaveURL(/\/cases$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "New referral" }).click();
  await expect(page).toHaveURL(/\/cases\/new\/who$/);
  await expect(h1(page)).toHaveText("Who is asking");
}

/** From now on no script file loads, so React never starts and every form posts natively (JavaScript stays on for axe). */
async function blockScripts(context: BrowserContext): Promise<() => number> {
  let blocked = 0;
  await context.route(/\.js(\?|$)/, (route) => {
    blocked++;
    return route.abort();
  });
  return () => blocked;
}

/*
 * The referral through every step, check your answers and the case list, one part per test. Each
 * test signs in and fills the steps before its own part with the same answers (the helpers below),
 * so none depends on another and each stays short on a busy machine.
 */

/** Step 1 as the full referral answers it. */
async function answerWhoIsAsking(page: Page) {
  await radio(page, "A parent or carer").check();
  await radio(page, "Mediation").check();
  await radio(page, /^Parent or carer/).check();
  await continueButton(page).click();
  await expect(h1(page)).toHaveText("The child or young person");
}

/** Step 2. */
async function answerTheChild(page: Page, child: string) {
  await page.getByLabel("Child’s full name").fill(child);
  await fillDate(page, "Date of birth (optional)", "2015-06-01");
  await page.getByLabel("School, college or early years setting (optional)").fill("Oak Primary School");
  await radio(page, "Yes").check();
  await continueButton(page).click();
  await expect(h1(page)).toHaveText("The decision and dates");
}

/** Step 3: Northshire, section F, decision sent 3 August 2026, LA told 2 November 2026. */
async function answerTheDecision(page: Page, { live = true } = {}) {
  await page.getByLabel("Local authority", { exact: true }).selectOption({ label: "Northshire County Council" });
  await checkbox(page, "The support in the EHC plan (section F)").check();
  await fillDate(page, "Date the decision was sent", "2026-08-03");
  await fillDate(page, "Date the local authority was told the family wants mediation (optional)", "2026-11-02");
  if (live) await expect(page.getByTestId("deadline-preview")).toContainText("Mediation must take place by Wednesday 2 December 2026");
  await fillSummaryAndNotes(page);
  await continueButton(page).click();
  await expect(h1(page)).toHaveText("The issues");
}

/** what the LA and the family see, and what stays with the mediation team, are two fields. */
async function fillSummaryAndNotes(page: Page) {
  await page.getByLabel("Summary of the disagreement (the local authority and the family can see this)").fill("The family disagrees with the therapy in section F.");
  await page.getByLabel("Notes for the mediation team (not shared with the local authority or the family)").fill("Alex works nights: phone after 2pm.");
}

/** Step 4: one education issue. */
async function answerTheIssues(page: Page) {
  await radio(page, /^Education/).check();
  await page.getByLabel("Describe the issue").fill("Speech and language therapy hours in section F");
  await continueButton(page).click();
  await expect(h1(page)).toHaveText("The parties");
}

/** Step 5: the parent, and the LA's representative ("Add a party" posts the step and comes back with a new row). */
async function answerTheParties(page: Page, { andContinue = true } = {}) {
  const family = page.getByRole("group", { name: "The parent or carer" });
  await family.getByLabel("Full name").fill("Alex Parent");
  await family.getByLabel("Email address").fill(`alex-${uid()}@example.com`);
  await family.getByRole("radio", { name: "Email", exact: true }).check();
  await page.getByRole("button", { name: "Add a party" }).click();
  const la = page.getByRole("group", { name: "Party 1" });
  await expect(la).toBeVisible();
  // What was typed before adding the row is kept.
  await expect(page.getByRole("group", { name: "The parent or carer" }).getByLabel("Full name")).toHaveValue("Alex Parent");
  await la.getByLabel("Who are they?").selectOption({ label: "Local authority representative" });
  await la.getByLabel("Full name").fill("Lee Officer");
  await la.getByLabel("Organisation (optional)").fill("Northshire County Council");
  await la.getByLabel("Email address (optional)").fill("lee.officer@northshire.example");
  await la.getByRole("radio", { name: "Email", exact: true }).check();
  await la.getByRole("group", { name: /Do they have authority/ }).getByRole("radio", { name: "Yes", exact: true }).check();
  if (!andContinue) return;
  await continueButton(page).click();
  await expect(h1(page)).toHaveText("Check your answers before creating the referral");
}

/** Signs in and answers every step, up to check your answers. */
async function answerEveryStep(page: Page, child: string) {
  await openNewReferral(page);
  await answerWhoIsAsking(page);
  await answerTheChild(page, child);
  await answerTheDecision(page);
  await answerTheIssues(page);
  await answerTheParties(page);
}

/** On check your answers: change the child's name (the link is the step's own address), and come back to check your answers. */
async function changeChildName(page: Page, renamed: string) {
  await expect(page.getByRole("link", { name: "Change child’s name" })).toHaveAttribute("href", "/cases/new/child");
  await page.getByRole("link", { name: "Change child’s name" }).click();
  await expect(h1(page)).toHaveText("The child or young person");
  await page.getByLabel("Child’s full name").fill(renamed);
  await page.getByRole("button", { name: "Save and check your answers" }).click();
  await expect(h1(page)).toHaveText("Check your answers before creating the referral");
  await expect(page.getByRole("main")).toContainText(renamed);
}

/** Creates the referral from check your answers; returns its reference. */
async function createReferral(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Create referral" }).click();
  await expect(h1(page)).toHaveText("Referral created");
  await expect(page).toHaveURL(/\/cases\/new\/done(#[\w.-]*)?$/);
  const reference = (await page.getByTestId("case-reference").textContent())?.trim() ?? "";
  expect(reference).toMatch(/^SM-2026-\d{5}$/);
  return reference;
}

test.describe("a caseworker logs a referral through every step and check your answers", () => {
  test("steps 1 and 2: each step has its own address and title, its heading takes focus, and the answers survive a reload", async ({ page }) => {
    const child = `Robin Intake ${uid()}`;
    await openNewReferral(page);
    await expect(page).toHaveTitle(`Who is asking${TITLE_SUFFIX}`);
    await expectAccessible(page);

    // Step 1: who is asking.
    await answerWhoIsAsking(page);

    // Step 2: the child, at its own address. Focus moves to the new step's heading.
    await expect(page).toHaveURL(/\/cases\/new\/child$/);
    await expect(page).toHaveTitle(`The child or young person${TITLE_SUFFIX}`);
    await expect(h1(page)).toBeFocused();
    await expect(page.getByText("New referral: step 2 of 5")).toBeVisible();
    await page.getByLabel("Child’s full name").fill(child);
    await fillDate(page, "Date of birth (optional)", "2015-06-01");
    await page.getByLabel("School, college or early years setting (optional)").fill("Oak Primary School");
    await radio(page, "Yes").check();
    await expectAccessible(page);
    await continueButton(page).click();
    await expect(h1(page)).toHaveText("The decision and dates");

    // The answers are kept on the server: a reload stays on the step, and "New referral" comes back to it.
    await page.reload();
    await expect(h1(page)).toHaveText("The decision and dates");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "New referral" }).click();
    await expect(page).toHaveURL(/\/cases\/new\/decision\?restored=1$/);
    await expect(page.getByText("Draft restored")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Back", exact: true }).click();
    await expect(h1(page)).toHaveText("The child or young person");
    await expect(page.getByLabel("Child’s full name")).toHaveValue(child);
    await expect.poll(() => dateShown(page, "Date of birth (optional)")).toEqual(["1", "6", "2015"]);
    await expect(radio(page, "Yes")).toBeChecked();
  });

  test("browser Back from step 3 goes to step 2, with its answers", async ({ page }) => {
    const child = `Robin Back ${uid()}`;
    await openNewReferral(page);
    await answerWhoIsAsking(page);
    await answerTheChild(page, child);
    await expect(page).toHaveURL(/\/cases\/new\/decision$/);
    await page.goBack();
    await expect(page).toHaveURL(/\/cases\/new\/child$/);
    await expect(h1(page)).toHaveText("The child or young person");
    await expect(page.getByLabel("Child’s full name")).toHaveValue(child);
    await expect(radio(page, "Yes")).toBeChecked();
    await page.goBack();
    await expect(h1(page)).toHaveText("Who is asking");
    await expect(radio(page, "A parent or carer")).toBeChecked();
  });

  test("step 3: the 30-day date shows as soon as it is typed; an old decision is a warning, not a block (R-10)", async ({ page }) => {
    await openNewReferral(page);
    await answerWhoIsAsking(page);
    await answerTheChild(page, `Robin Intake ${uid()}`);

    // Step 3: the decision and dates. With JavaScript the 30-day date is shown as soon as the date
    // is typed; a decision sent more than 2 months ago is a warning, not a block.
    await expect(h1(page)).toHaveText("The decision and dates");
    await page.getByLabel("Local authority", { exact: true }).selectOption({ label: "Northshire County Council" });
    // a section I dispute is explained (no certificate needed to appeal).
    await checkbox(page, "The school or college named in the EHC plan, or its type (section I)").check();
    await expect(page.getByTestId("section-i-note")).toContainText("they do not need a mediation certificate to appeal");
    // Several decisions (issue 8, item 6): with section F too, a certificate is needed again.
    await checkbox(page, "The support in the EHC plan (section F)").check();
    await expect(page.getByTestId("section-i-note")).toHaveCount(0);
    await fillDate(page, "Date the decision was sent", "2026-08-03");
    await expect(page.getByTestId("decision-warning")).toContainText("The decision was sent more than 2 months ago");
    await expect(page.getByTestId("decision-warning")).toContainText("Saturday 3 October 2026");
    await fillDate(page, "Date the local authority was told the family wants mediation (optional)", "2026-11-02");
    await expect(page.getByTestId("deadline-preview")).toContainText("Mediation must take place by Wednesday 2 December 2026");
    await fillSummaryAndNotes(page);
    await expectAccessible(page);
    await continueButton(page).click();
    await expect(h1(page)).toHaveText("The issues");
  });

  test("steps 4 and 5: a second issue is added and removed again, and the parties are added", async ({ page }) => {
    await openNewReferral(page);
    await answerWhoIsAsking(page);
    await answerTheChild(page, `Robin Intake ${uid()}`);
    await answerTheDecision(page);

    // Step 4: the issues (add a second, then remove it again); focus goes to the new row, then to "Add another issue".
    await expect(h1(page)).toHaveText("The issues");
    await radio(page, /^Education/).check();
    await page.getByLabel("Describe the issue").fill("Speech and language therapy hours in section F");
    await page.getByRole("button", { name: "Add another issue" }).click();
    await expect(page.getByRole("group", { name: "Issue 2" })).toBeVisible();
    await expect(page.getByRole("group", { name: "Issue 2" }).getByRole("radio").first()).toBeFocused();
    await expect(page.getByRole("group", { name: "Issue 1" }).getByLabel("Describe the issue")).toHaveValue("Speech and language therapy hours in section F");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Remove issue 2" }).click();
    await expect(page.getByRole("group", { name: "Issue 2" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Add another issue" })).toBeFocused();
    await continueButton(page).click();

    // Step 5: the parties.
    await expect(h1(page)).toHaveText("The parties");
    await answerTheParties(page, { andContinue: false });
    await expectAccessible(page);
    await continueButton(page).click();
    await expect(h1(page)).toHaveText("Check your answers before creating the referral");
  });

  test("check your answers shows the computed date and the warning, an answer is changed there, and the referral is created with its 30-day date", async ({
    page,
  }) => {
    const child = `Robin Intake ${uid()}`;
    await answerEveryStep(page, child);

    // Check your answers, with the computed date and the warning; change one answer.
    await expect(page).toHaveURL(/\/cases\/new\/check$/);
    const main = page.getByRole("main");
    await expect(main).toContainText(child);
    await expect(main).toContainText("Northshire County Council");
    await expect(main).toContainText("The support in the EHC plan (section F)");
    await expect(main).toContainText("2 November 2026");
    await expect(main).toContainText("Wednesday 2 December 2026");
    await expect(main).toContainText("The decision was sent more than 2 months ago");
    await expect(main).toContainText("Lee Officer");
    await expect(main).toContainText("The family disagrees with the therapy in section F.");
    await expect(main).toContainText("Alex works nights: phone after 2pm.");
    await expectAccessible(page);
    await changeChildName(page, `${child} Jones`);

    const reference = await createReferral(page);
    await expect(h1(page)).toBeFocused();
    await expectAccessible(page);

    const [row] = await sql<{ kind: string; status: string; la_told: string; due: string; summary: string; staffNotes: string }>(
      `SELECT c.kind, c.status, to_char(c."laNotifiedOn", 'YYYY-MM-DD') AS la_told, to_char(d."dueOn", 'YYYY-MM-DD') AS due, c.summary, c."staffNotes"
         FROM "Case" c JOIN "CaseDeadline" d ON d."caseId" = c.id AND d.name = 'MEDIATION_30_DAY' WHERE c.reference = $1`,
      [reference],
    );
    expect(row).toEqual({
      kind: "MEDIATION",
      status: "REFERRED",
      la_told: "2026-11-02",
      due: "2026-12-02",
      summary: "The family disagrees with the therapy in section F.",
      staffNotes: "Alex works nights: phone after 2pm.",
    });
  });

  test("then the case list finds it by reference, with the changed name and its 30-day date; the answers are gone, and sending them again makes no second case", async ({
    page,
  }) => {
    const child = `Robin Intake ${uid()}`;
    const renamed = `${child} Jones`;
    await answerEveryStep(page, child);
    await changeChildName(page, renamed);
    const reference = await createReferral(page);

    // Back to check your answers: the answers were used, and the page says so rather than offering them again.
    await page.goBack();
    await expect(h1(page)).toHaveText("Referral created");
    await expect(page.getByText("This referral was already created")).toBeVisible();
    await expect(page.getByTestId("case-reference")).toHaveText(reference);
    expect(await sql(`SELECT id FROM "Child" WHERE name = $1`, [renamed])).toHaveLength(1);

    // The case list finds it by reference, with its 30-day date.
    await page.getByRole("link", { name: "Go to the case list" }).click();
    await expect(h1(page)).toHaveText("Cases");
    await page.getByLabel("Search", { exact: true }).fill(reference);
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(new RegExp(`q=${reference}`));
    const listRow = page.getByRole("row", { name: new RegExp(reference) });
    await expect(listRow).toContainText(renamed);
    await expect(listRow).toContainText("Northshire County Council");
    await expect(listRow).toContainText("2 December 2026");
    await expectAccessible(page);

    // The answers were cleared: a new referral starts empty.
    await page.goto("/cases/new");
    await expect(h1(page)).toHaveText("Who is asking");
    await expect(page.getByText("Draft restored")).toHaveCount(0);
    await expect(radio(page, "A parent or carer")).not.toBeChecked();
    await expectAccessible(page);
  });
});

test.describe("a caseworker logs a referral", () => {
  test("“Start again” asks first, then discards the draft", async ({ page }) => {
    await openNewReferral(page);
    await radio(page, "The young person").check();
    await radio(page, /^Disagreement resolution/).check();
    await radio(page, /^Young person/).check();
    await continueButton(page).click();
    await expect(h1(page)).toHaveText("The child or young person");
    await expect(page.getByLabel("Young person’s full name")).toBeVisible();

    await page.getByRole("link", { name: "Start again" }).click();
    await expect(h1(page)).toHaveText("Are you sure you want to start again?");
    await expect(h1(page)).toBeFocused();
    await expect(page.getByRole("main")).toContainText("Everything you have entered for this referral will be deleted.");
    await expectAccessible(page);
    await page.getByRole("link", { name: "No, keep my answers" }).click();
    await expect(h1(page)).toHaveText("The child or young person");
    await expect(page.getByLabel("Young person’s full name")).toBeVisible();

    await page.getByRole("link", { name: "Start again" }).click();
    await page.getByRole("button", { name: "Yes, delete my answers and start again" }).click();
    await expect(h1(page)).toHaveText("Who is asking");
    await expect(radio(page, "The young person")).not.toBeChecked();
    await page.reload();
    await expect(h1(page)).toHaveText("Who is asking");
    await expect(page.getByText("Draft restored")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Start again" })).toHaveCount(0);
    await expectAccessible(page);
  });

  test("signing out removes the unsent draft", async ({ page }) => {
    const draftsOf = () => sql(`SELECT d."userId" FROM "ReferralDraft" d JOIN "User" u ON u.id = d."userId" WHERE u.email = 'caseworker@demo.test'`);
    await openNewReferral(page);
    await radio(page, "The young person").check();
    await radio(page, /^Disagreement resolution/).check();
    await radio(page, /^Young person/).check();
    await continueButton(page).click();
    await expect(h1(page)).toHaveText("The child or young person");
    expect(await draftsOf()).toHaveLength(1);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect.poll(draftsOf).toEqual([]);

    await openNewReferral(page);
    await expect(radio(page, "The young person")).not.toBeChecked();
    await expect(page.getByText("Draft restored")).toHaveCount(0);
    await expectAccessible(page);
  });

  test("an empty step shows the error summary, a message next to each field and “Error: ” in the title; a refused page is a neutral 404", async ({ page }) => {
    await openNewReferral(page);
    await continueButton(page).click();
    const summary = page.getByTestId("error-summary");
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("Select who referred the case");
    await expect(summary).toContainText("Select what kind of case this is");
    await expect(summary).toContainText("Select whether the family side is a parent or carer, or the young person");
    await expect(page.locator('[id="requestedBy-error"]')).toContainText("Select who referred the case");
    await expect(page.locator('[id="kind-error"]')).toContainText("Select what kind of case this is");
    await expect(h1(page)).toHaveText("Who is asking");
    await expect(page).toHaveTitle(`Error: Who is asking${TITLE_SUFFIX}`);
    await expectAccessible(page);

    // The summary links to each field.
    await expect(summary.getByRole("link", { name: "Select who referred the case" })).toHaveAttribute("href", "#requestedBy");

    await radio(page, "A parent or carer").check();
    await radio(page, "Mediation").check();
    await radio(page, /^Parent or carer/).check();
    await continueButton(page).click();
    await expect(h1(page)).toHaveText("The child or young person");
    await expect(page).toHaveTitle(`The child or young person${TITLE_SUFFIX}`);
    await fillDate(page, "Date of birth (optional)", "2099-01-01");
    await continueButton(page).click();
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link")).toHaveText(["Enter the child's full name", "The date of birth must be in the past", "Select yes if the child has an EHC plan"]);
    await expect(page.locator('[id="child.name-error"]')).toContainText("Enter the child's full name");
    await expect(page.locator('[id="child.dateOfBirth-error"]')).toContainText("The date of birth must be in the past");
    await expect(page.locator('[id="child.hasEhcPlan-error"]')).toContainText("Select yes if the child has an EHC plan");
    await expect(page).toHaveTitle(`Error: The child or young person${TITLE_SUFFIX}`);
    await expectAccessible(page);
    // An impossible date says why, and the boxes keep what was typed (issue 8 item 3).
    await fillDate(page, "Date of birth (optional)", { day: "31", month: "2", year: "2015" });
    await continueButton(page).click();
    await expect(summary.getByRole("link", { name: "The date of birth must be a real date – February 2015 has 28 days" })).toHaveAttribute("href", "#child.dateOfBirth");
    await expect(page.locator('[id="child.dateOfBirth-error"]')).toContainText("February 2015 has 28 days");
    expect(await dateShown(page, "Date of birth (optional)")).toEqual(["31", "2", "2015"]);

    // A caseworker-only page: an LA officer gets "not found", titled as any missing page.
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await signInAsStaff(page, "la.officer@demo.test");
    await expect(page).toHaveURL(/\/la$/);
    for (const path of ["/cases/new", "/cases/new/decision"]) {
      const res = await page.goto(path);
      expect(res?.status()).toBe(404);
      await expect(page).toHaveTitle("Page not found – SEND Mediation");
    }
    await expectAccessible(page);
  });

  test("a problem only the server can find is shown on its step, and can be put right", async ({ page }) => {
    await openNewReferral(page);
    await radio(page, "A parent or carer").check();
    await radio(page, "Mediation").check();
    await radio(page, /^Parent or carer/).check();
    await continueButton(page).click();
    await page.getByLabel("Child’s full name").fill(`Kit Server ${uid()}`);
    await radio(page, "No").check();
    await continueButton(page).click();
    await page.getByLabel("Local authority", { exact: true }).selectOption({ label: "Southborough Council" });
    await checkbox(page, "Refusal to carry out an EHC needs assessment").check();
    // A 2015 date: the bank-holiday data starts in 2016, so the health deadline cannot be worked out.
    await fillDate(page, "Date the decision was sent", "2015-01-05");
    await fillDate(page, "Date the local authority was told the family wants mediation (optional)", "2015-02-02");
    await continueButton(page).click();
    await radio(page, /^Health/).check();
    await page.getByLabel("Describe the issue").fill("Physiotherapy in section G");
    // An education issue too: a health-only case waits for the ICB to be told before its 30 days
    // run (R-21, issue 8 item 14), so the mediation deadline below needs a non-health issue.
    await page.getByRole("button", { name: "Add another issue" }).click();
    const second = page.getByRole("group", { name: "Issue 2" });
    await second.getByRole("radio", { name: /^Education/ }).check();
    await second.getByLabel("Describe the issue").fill("Speech and language therapy in section F");
    await continueButton(page).click();
    const family = page.getByRole("group", { name: "The parent or carer" });
    await family.getByLabel("Full name").fill("Jamie Server");
    await family.getByLabel("Phone number").fill("07700 900982");
    await family.getByRole("radio", { name: "Phone", exact: true }).check();
    await continueButton(page).click();
    await expect(h1(page)).toHaveText("Check your answers before creating the referral");
    await expect(page.getByRole("main")).toContainText("We cannot work out the deadlines for this date");
    await expectAccessible(page);

    await page.getByRole("button", { name: "Create referral" }).click();
    await expect(h1(page)).toHaveText("The decision and dates");
    const summary = page.getByTestId("error-summary");
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("only holds England and Wales bank holidays for 2016 to 2029");
    await expect(page.locator('[id="laNotifiedOn-error"]')).toContainText("only holds England and Wales bank holidays for 2016 to 2029");
    await expect(page).toHaveTitle(`Error: The decision and dates${TITLE_SUFFIX}`);
    await expectAccessible(page);

    await fillDate(page, "Date the local authority was told the family wants mediation (optional)", "2026-11-02");
    await page.getByRole("button", { name: "Save and check your answers" }).click();
    await expect(h1(page)).toHaveText("Check your answers before creating the referral");
    // An education issue beside the health one: the LA's 30 days apply, and the day to tell the ICB.
    await expect(page.getByRole("main")).toContainText("Wednesday 2 December 2026");
    await expect(page.getByRole("main")).toContainText("Thursday 5 November 2026");
    await page.getByRole("button", { name: "Create referral" }).click();
    await expect(h1(page)).toHaveText("Referral created");
    await expectAccessible(page);
  });

  test("works without JavaScript from the first step to the case, errors, rows and Back included", async ({ page, context }) => {
    const child = `Sky Nojs ${uid()}`;
    await clearDraft();
    await signInAsStaff(page, "caseworker@demo.test");
    await expect(page).toHaveURL(/\/cases$/);
    const blocked = await blockScripts(context);
    await page.goto("/cases/new");
    expect(blocked()).toBeGreaterThan(0);
    // The form itself, not "Loading the referral form…".
    await expect(h1(page)).toHaveText("Who is asking");

    // A step with problems: the summary, the messages and "Error: " in the title come from the server.
    await continueButton(page).click();
    await expect(page.getByTestId("error-summary")).toContainText("Select who referred the case");
    await expect(page).toHaveTitle(`Error: Who is asking${TITLE_SUFFIX}`);
    await expect(page.locator('[id="kind-error"]')).toContainText("Select what kind of case this is");
    await expectAccessible(page);
    await answerWhoIsAsking(page);
    await answerTheChild(page, child);

    // Back goes to the previous step, with its answers.
    await page.goBack();
    await expect(h1(page)).toHaveText("The child or young person");
    await expect(page.getByLabel("Child’s full name")).toHaveValue(child);
    await continueButton(page).click();
    await expect(h1(page)).toHaveText("The decision and dates");

    // Without JavaScript the dates are worked out once the step is posted: here it comes back for the local authority.
    await checkbox(page, "The support in the EHC plan (section F)").check();
    await fillDate(page, "Date the decision was sent", "2026-08-03");
    await fillDate(page, "Date the local authority was told the family wants mediation (optional)", "2026-11-02");
    await continueButton(page).click();
    await expect(page.getByTestId("error-summary")).toContainText("Select the local authority");
    await expect(page.getByTestId("deadline-preview")).toContainText("Mediation must take place by Wednesday 2 December 2026");
    await expect(page.getByTestId("decision-warning")).toContainText("The decision was sent more than 2 months ago");
    await expect.poll(() => dateShown(page, "Date the decision was sent")).toEqual(["3", "8", "2026"]);
    await expectAccessible(page);
    await answerTheDecision(page, { live: false });

    // "Add another issue" and "Remove" are buttons that post the step.
    await radio(page, /^Education/).check();
    await page.getByLabel("Describe the issue").fill("Speech and language therapy hours in section F");
    await page.getByRole("button", { name: "Add another issue" }).click();
    await expect(page.getByRole("group", { name: "Issue 2" })).toBeVisible();
    await expect(page.getByRole("group", { name: "Issue 1" }).getByLabel("Describe the issue")).toHaveValue("Speech and language therapy hours in section F");
    await page.getByRole("button", { name: "Remove issue 2" }).click();
    await expect(page.getByRole("group", { name: "Issue 2" })).toHaveCount(0);
    await continueButton(page).click();
    await expect(h1(page)).toHaveText("The parties");
    await answerTheParties(page);

    await expect(page.getByRole("main")).toContainText("Wednesday 2 December 2026");
    await expect(page.getByRole("main")).toContainText("The decision was sent more than 2 months ago");
    await expectAccessible(page);
    const reference = await createReferral(page);
    await expectAccessible(page);
    expect(await sql(`SELECT c.reference FROM "Case" c JOIN "Child" ch ON ch."caseId" = c.id WHERE ch.name = $1`, [child])).toEqual([{ reference }]);
  });
});

test.describe("a family asks for mediation at /refer", () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  test.beforeAll(async () => {
    smtp = await startSmtp();
  });
  test.afterAll(async () => {
    await smtp.close();
  });

  async function fillSelfReferral(page: Page, email: string) {
    await radio(page, /^Parent or carer/).check();
    await page.getByLabel("Your full name").fill("Morgan Family");
    await page.getByLabel("Your email address").fill(email);
    await page.getByLabel("The child’s full name").fill("Riley Family");
    await page.getByLabel("Which local council made the decision?").selectOption({ label: "Southborough Council" });
    await radio(page, "No").check();
    await checkbox(page, "The council will not carry out an EHC needs assessment").check();
    await checkbox(page, /^Education/).check();
    await fillDate(page, "The date on the decision letter (optional)", "2026-11-10");
  }

  test("gets a reference on the confirmation page and by email", async ({ page }) => {
    const email = `morgan-${uid()}@example.com`;
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Ask for mediation" }).click();
    await expect(page).toHaveURL(/\/refer$/);
    await expect(h1(page)).toHaveText("Ask for mediation");
    await expect(page).toHaveTitle("Ask for mediation – SEND Mediation");
    await expectAccessible(page);

    await fillSelfReferral(page, email);
    await page.getByLabel("Is there anything else we should know? (optional)").fill("Please phone after 4pm.");
    await page.getByRole("button", { name: "Send request" }).click();

    await expect(page).toHaveURL(/\/refer\/done\?reference=SM-2026-\d{5}$/);
    await expect(h1(page)).toHaveText("Request sent");
    const reference = (await page.getByTestId("self-referral-reference").textContent())?.trim() ?? "";
    expect(reference).toMatch(/^SM-2026-\d{5}$/);
    // When we will be in touch, and how to follow the case online (issue 8, item 14).
    await expect(page.getByTestId("contact-by")).toHaveText(/^A caseworker will contact you by \w+day \d{1,2} \w+ \d{4} to talk about your request/);
    await expect(page.getByRole("link", { name: "Ask for a sign-in link" })).toHaveAttribute("href", "/sign-in/family");
    await expectAccessible(page);

    const mail = await smtp.waitFor((m) => m.to === email);
    expect(mail.subject).toContain(reference);
    expect(mail.text).toContain(`Your reference number is ${reference}`);
    expect(mail.text).toMatch(/A caseworker will contact you by \w+day \d{1,2} \w+ \d{4}/);
    expect(mail.text).toContain("/sign-in/family using this email address");

    const rows = await sql<{ status: string; kind: string; requested: string; party: string; la: string; summary: string | null; staffNotes: string | null }>(
      `SELECT c.status, c.kind, c."requestedBy" AS requested, p.name AS party, l.name AS la, c.summary, c."staffNotes"
         FROM "Case" c JOIN "Party" p ON p."caseId" = c.id JOIN "LocalAuthority" l ON l.id = c."localAuthorityId" WHERE c.reference = $1`,
      [reference],
    );
    // what the family tells us is for the mediation team only, never the shared summary.
    expect(rows).toEqual([
      { status: "REFERRED", kind: "MEDIATION", requested: "PARENT", party: "Morgan Family", la: "Southborough Council", summary: null, staffNotes: "Please phone after 4pm." },
    ]);
  });

  test("works without JavaScript, errors included", async ({ browser }) => {
    // The page loads no script at all (decision 0038: a Pages Router page with no JavaScript), so
    // the form posts natively; any script file is blocked all the same. (JavaScript itself stays on
    // so that axe can run in the page.)
    const context = await browser.newContext();
    let blockedScripts = 0;
    await context.route(/\.js(\?|$)/, (route) => {
      blockedScripts++;
      return route.abort();
    });
    const page = await context.newPage();
    const email = `nojs-${uid()}@example.com`;
    await page.goto("/refer");
    expect(blockedScripts).toBe(0);
    await expectAccessible(page);
    await page.getByLabel("Your full name").fill("Sky Nojs");
    await fillDate(page, "Their date of birth (optional)", { day: "31", month: "2", year: "2015" });
    await page.getByRole("button", { name: "Send request" }).click();
    const summary = page.getByTestId("error-summary");
    await expect(summary).toContainText("Select whether you are a parent or carer, or the young person");
    await expect(summary).toContainText("Enter your email address");
    // Issue 9 item 12: the title the server sends says there is a problem.
    await expect(page).toHaveTitle("Error: Ask for mediation – SEND Mediation");
    // Issue 8 item 3: an impossible date says why, and the boxes keep what was typed.
    await expect(summary).toContainText("The date of birth must be a real date – February 2015 has 28 days");
    expect(await dateShown(page, "Their date of birth (optional)")).toEqual(["31", "2", "2015"]);
    await expect(page.getByLabel("Your full name")).toHaveValue("Sky Nojs");
    await expectAccessible(page);

    await fillSelfReferral(page, email);
    await fillDate(page, "Their date of birth (optional)", "2015-02-28");
    await page.getByRole("button", { name: "Send request" }).click();
    await expect(page).toHaveURL(/\/refer\/done\?reference=SM-2026-\d{5}$/);
    await expect(page.getByTestId("self-referral-reference")).toHaveText(/^SM-2026-\d{5}$/);
    await expectAccessible(page);
    await smtp.waitFor((m) => m.to === email);
    await context.close();
  });

  test("an empty form is explained next to each field, and what was typed is kept", async ({ page }) => {
    await page.goto("/refer");
    await page.getByLabel("Your email address").fill("not-an-email");
    await page.getByRole("button", { name: "Send request" }).click();
    const summary = page.getByTestId("error-summary");
    await expect(summary).toBeFocused();
    // Top to bottom, as on the page.
    await expect(summary.getByRole("link")).toHaveText([
      "Select whether you are a parent or carer, or the young person",
      "Enter your full name",
      "Enter an email address in the correct format, like name@example.com",
      "Enter the child's full name",
      "Select your local authority",
      "Select whether your child has an EHC plan, or ‘I’m not sure’",
      "Select the decision or decisions you disagree with, or select ‘I’m not sure’",
      "Select what the disagreement is about: education, health or social care",
    ]);
    await expect(page.locator("#email-error")).toContainText("Enter an email address in the correct format, like name@example.com");
    await expect(page).toHaveTitle("Error: Ask for mediation – SEND Mediation");
    await expect(page.locator("#name-error")).toContainText("Enter your full name");
    await expect(page.getByLabel("Your email address")).toHaveValue("not-an-email");
    await expectAccessible(page);
  });

  test("a filled-in honeypot gets the same confirmation, without a reference, and nothing is written or sent", async ({ page }) => {
    const email = `bot-${uid()}@example.com`;
    await page.goto("/refer");
    await fillSelfReferral(page, email);
    await page.locator('input[name="website"]').fill("https://spam.example", { force: true });
    await page.getByRole("button", { name: "Send request" }).click();
    await expect(page).toHaveURL(/\/refer\/done$/);
    await expect(h1(page)).toHaveText("Request sent");
    await expect(page.getByTestId("self-referral-reference")).toHaveCount(0);
    await expectAccessible(page);
    await page.waitForTimeout(1000);
    expect(smtp.messages.filter((m) => m.to === email)).toEqual([]);
    expect(await sql(`SELECT id FROM "Party" WHERE email = $1`, [email])).toEqual([]);
  });
});
