/**
 * The case page and everything done from it (issue 4), in the browser against the production
 * build. Changes are limited to the demo case SM-DEMO-00002 (Southborough Council, no mediator),
 * which only the first step below moves on, and to cases created here with the `sql` helper.
 * SM-DEMO-00001 is left alone. Every test sets up the case it needs, so none depends on another
 * having run first.
 */
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { dateShown, expectAccessible, fillDate, signInAsStaff, sql } from "./helpers";

const DEMO_CASE = "SM-DEMO-00002";
let demoId: string;

async function caseIdOf(reference: string): Promise<string> {
  const [row] = await sql<{ id: string }>(`SELECT id FROM "Case" WHERE reference = $1`, [reference]);
  if (!row) throw new Error(`no case ${reference}`);
  return row.id;
}

type PartySpec = { name: string; email: string; consent: string; consentOn?: string; consentHow?: string };

/**
 * A fresh case of the other demo LA (DEMO2) at the given status, with one family party (Fran
 * Family, consent pending, unless `family` says otherwise; `family: null` for none), optionally
 * the date the LA was told and an allocated mediator (by email).
 */
async function createCase(
  opts: { status?: string; familyConsent?: string; familyEmail?: string; family?: PartySpec | null; laNotifiedOn?: string; mediator?: string } = {},
): Promise<{ id: string; reference: string }> {
  const id = `e2e-${randomUUID()}`;
  const reference = `SM-E2E-${randomUUID().slice(0, 8).toUpperCase()}`;
  await sql(
    `INSERT INTO "Case" (id, reference, "localAuthorityId", status, "laNotifiedOn", "allocatedMediatorId", "updatedAt")
     SELECT $1, $2, l.id, $3, $4::date, (SELECT u.id FROM "User" u WHERE u.email = $5), now() FROM "LocalAuthority" l WHERE l.code = 'DEMO2'`,
    [id, reference, opts.status ?? "REFERRED", opts.laNotifiedOn ?? null, opts.mediator ?? null],
  );
  const family =
    opts.family === undefined
      ? { name: "Fran Family", email: opts.familyEmail ?? `fran-${randomUUID().slice(0, 6)}@family.example`, consent: opts.familyConsent ?? "PENDING" }
      : opts.family;
  if (family) await addFamilyParty(id, family);
  return { id, reference };
}

async function addFamilyParty(caseId: string, family: PartySpec) {
  await sql(`INSERT INTO "Party" (id, "caseId", kind, name, email, consent, "consentOn", "consentHow") VALUES ($1, $2, 'PARENT', $3, $4, $5, $6::date, $7)`, [
    `e2e-p-${randomUUID()}`,
    caseId,
    family.name,
    family.email,
    family.consent,
    family.consentOn ?? null,
    family.consentHow ?? null,
  ]);
}

/** Signs in and waits for the role's home page, so the session cookie is set before going on. */
async function signIn(page: Page, email: string) {
  await signInAsStaff(page, email);
  await expect(page).not.toHaveURL(/\/sign-in/);
}

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

const banner = (page: Page) => page.getByTestId("done-banner");
const caseRowOf = (page: Page, reference: string) => page.getByRole("row", { name: new RegExp(reference) });
const deadlines = (page: Page) => page.getByTestId("deadlines");

/** The family party as the caseworker adds it in the steps below, and once they have agreed. */
const SAM = { name: "Sam Southborough", email: "sam@family.example" };
const SAM_AGREED: PartySpec = { ...SAM, consent: "GIVEN", consentOn: "2025-03-27", consentHow: "by phone" };

test.beforeAll(async () => {
  demoId = await caseIdOf(DEMO_CASE);
});

/*
 * A caseworker takes a case from referral to an allocated mediator, one step per test. Each step
 * starts from a case already at that point (made with `sql`), so each stays short on a busy
 * machine: as one test, the whole way took 10–13 s idle and 17–26 s with both cores loaded.
 */
test.describe("a caseworker takes a case from referral to an allocated mediator", () => {
  test("starts contacting the parties on the demo case: the date is needed, then the 30-day clock runs (R-20, R-54)", async ({ page }) => {
    await signIn(page, "caseworker@demo.test");
    await page.goto(`/cases/${demoId}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(DEMO_CASE);
    await expect(page.getByText("Mediation case")).toBeVisible();
    await expect(deadlines(page)).toContainText("There are no deadlines running.");
    await expectAccessible(page);

    // Start contacting parties: the date is required, and explained next to the field.
    await page.getByRole("link", { name: "Start contacting parties" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Start contacting parties" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Start contacting parties" }).click();
    const summary = page.getByTestId("error-summary");
    await expect(summary).toContainText("Date the LA was told the family wants mediation is needed to start contacting the parties.");
    await expect(summary).toBeFocused();
    await expect(page.locator("#laNotifiedOn-error")).toContainText("is needed");
    await expectAccessible(page);
    await fillDate(page, "Date the LA was told the family wants mediation", "2025-03-26");
    await page.getByRole("button", { name: "Start contacting parties" }).click();

    // Back on the case: — told 26 March 2025, so mediation must take place by 25 April 2025.
    await expect(page).toHaveURL(new RegExp(`/cases/${demoId}\\?done=startContacting$`));
    await expect(banner(page)).toContainText("You have started contacting the parties.");
    const thirty = page.getByTestId("deadline-MEDIATION_30_DAY");
    await expect(thirty).toContainText("Mediation must take place by Friday 25 April 2025");
    await expect(thirty).toContainText("Overdue");
    await expect(thirty).toContainText("Wednesday 26 March 2025");
    await expect(page.getByRole("definition").filter({ hasText: "Contacting parties" })).toBeVisible();
    await expect(page.getByTestId("timeline")).toContainText("Started contacting the parties; LA told on 26 March 2025");
    await expectAccessible(page);
  });

  test("adds the family party, then asks the parties to agree; no mediator until the family has (R-01)", async ({ page }) => {
    const c = await createCase({ status: "CONTACTING_PARTIES", laNotifiedOn: "2025-03-26", family: null });
    await signIn(page, "caseworker@demo.test");
    await page.goto(`/cases/${c.id}`);

    // Add the family party.
    await page.getByRole("link", { name: "Add a party" }).click();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Add party" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("Select who they are");
    await expect(page.getByTestId("error-summary")).toContainText("Enter the name");
    await expectAccessible(page);
    await page.getByLabel("Parent or carer").check();
    await page.getByLabel("Full name").fill(SAM.name);
    await page.getByLabel("Email address (optional)").fill(SAM.email);
    await page.getByRole("button", { name: "Add party" }).click();
    await expect(banner(page)).toContainText("The party has been added.");
    await expect(page.getByRole("row", { name: /Sam Southborough/ })).toContainText("Not yet agreed");

    // Ask the parties to agree; allocation is not possible until the family has.
    await page.getByRole("link", { name: "Ask parties to agree to take part" }).click();
    await page.getByRole("button", { name: "Ask parties to agree to take part" }).click();
    await expect(banner(page)).toContainText("You have asked the parties to agree to take part.");
    await expect(page.getByText("Consent is still needed from: Sam Southborough (parent or carer).")).toBeVisible();
    await expect(page.getByRole("link", { name: "Allocate mediator" })).toHaveCount(0);
  });

  test("records the family's consent: the date is needed, and the answer is kept until it is given", async ({ page }) => {
    const c = await createCase({ status: "AWAITING_CONSENT", laNotifiedOn: "2025-03-26", family: { ...SAM, consent: "PENDING" } });
    await signIn(page, "caseworker@demo.test");
    await page.goto(`/cases/${c.id}`);

    await page.getByRole("link", { name: "Record consent for Sam Southborough" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Record consent" })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Agreed to take part").check();
    await page.getByRole("button", { name: "Save their answer" }).click();
    await expect(page.locator("#consentOn-error")).toContainText("Enter the date they told us");
    await expect(page.getByLabel("Agreed to take part")).toBeChecked();
    await expectAccessible(page);
    await fillDate(page, "Date they told us", "2025-03-27");
    await page.getByLabel("How they told us").fill("by phone");
    await page.getByRole("button", { name: "Save their answer" }).click();
    await expect(banner(page)).toContainText("Their answer has been recorded.");
    await expect(page.getByRole("row", { name: /Sam Southborough/ })).toContainText("Agreed to take part");
  });

  test("allocates the demo mediator once the family has agreed", async ({ page }) => {
    const c = await createCase({
      status: "AWAITING_CONSENT",
      laNotifiedOn: "2025-03-26",
      family: SAM_AGREED,
    });
    await signIn(page, "caseworker@demo.test");
    await page.goto(`/cases/${c.id}`);

    await page.getByRole("link", { name: "Allocate mediator" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Allocate a mediator" })).toBeVisible();
    await expect(page.getByText(/open cases?\. Next free:/).first()).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("radio", { name: /Mo Mediator/ }).check();
    await page.getByRole("button", { name: "Allocate mediator" }).click();
    await expect(banner(page)).toContainText("The mediator has been allocated.");
    await expect(page.getByRole("definition").filter({ hasText: "Mo Mediator" })).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: "Allocated" })).toBeVisible();
    await expectAccessible(page);
  });
});

/** Starts the 30-day clock as a caseworker does on the case page, then closes that browser. */
async function startContactingThroughTheApp(browser: Browser, caseId: string, laNotifiedOn: string) {
  const page = await signedIn(browser, "caseworker@demo.test");
  await page.goto(`/cases/${caseId}/transition/startContacting`);
  await fillDate(page, "Date the LA was told the family wants mediation", laNotifiedOn);
  await page.getByRole("button", { name: "Start contacting parties" }).click();
  await expect(banner(page)).toContainText("You have started contacting the parties.");
  await page.context().close();
}

/** A case as the steps above leave it: allocated to Mo Mediator, Sam Southborough has agreed. */
const allocatedCase = () =>
  createCase({
    status: "ALLOCATED",
    laNotifiedOn: "2025-03-26",
    mediator: "mediator@demo.test",
    family: SAM_AGREED,
  });

test("the allocated mediator sees their steps but cannot edit the referral", async ({ browser }) => {
  const c = await allocatedCase();
  const page = await signedIn(browser, "mediator@demo.test");
  const res = await page.goto(`/cases/${c.id}`);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(c.reference);
  const actions = page.getByTestId("case-actions");
  await expect(actions.getByRole("link", { name: "Start preparing" })).toBeVisible();
  await expect(actions.getByRole("link", { name: "Schedule meeting" })).toBeVisible();
  await expect(actions.getByRole("link", { name: "Withdraw case" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Change case details" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Record consent/ })).toHaveCount(0);
  await expectAccessible(page);

  const edit = await page.goto(`/cases/${c.id}/edit`);
  expect(edit?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  const partyPage = await page.goto(`/cases/${c.id}/parties/new`);
  expect(partyPage?.status()).toBe(404);
  const allocate = await page.goto(`/cases/${c.id}/allocate`);
  expect(allocate?.status()).toBe(404);
  await page.context().close();
});

test("an LA officer of another local authority gets 404 for the case and its pages", async ({ browser }) => {
  const page = await signedIn(browser, "la.officer@demo.test");
  const res = await page.goto(`/cases/${demoId}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectAccessible(page);
  expect((await page.goto(`/cases/${demoId}/transition/startPreparing`))?.status()).toBe(404);
  await page.context().close();
});

test("the LA officer of the case's own LA sees shared entries only, with no contact details or actions", async ({ browser }) => {
  // The 30-day clock and its timeline entry are the app's own (started through the page); the
  // rest of the way to an allocated case is set up directly.
  const c = await createCase({ family: null });
  await startContactingThroughTheApp(browser, c.id, "2025-03-26");
  await sql(`UPDATE "Case" SET status = 'ALLOCATED', "allocatedMediatorId" = (SELECT id FROM "User" WHERE email = 'mediator@demo.test') WHERE id = $1`, [c.id]);
  await addFamilyParty(c.id, SAM_AGREED);
  await sql(`INSERT INTO "CaseEvent" (id, "caseId", type, summary, visibility) VALUES ($1, $2, 'NOTE', 'Staff only: mediator private note', 'STAFF')`, [`e2e-ev-${randomUUID()}`, c.id]);
  const page = await signedIn(browser, "la2.officer@demo.test");
  const res = await page.goto(`/cases/${c.id}`);
  expect(res?.status()).toBe(200);
  await expect(page.getByTestId("timeline")).toContainText("Started contacting the parties");
  await expect(page.getByText("Staff only: mediator private note")).toHaveCount(0);
  await expect(page.getByText("sam@family.example")).toHaveCount(0);
  await expect(page.getByRole("row", { name: /Sam Southborough/ })).toContainText("Agreed to take part");
  await expect(page.getByTestId("case-actions")).toHaveCount(0);
  await expect(page.getByTestId("deadline-MEDIATION_30_DAY")).toContainText("Friday 25 April 2025");
  await expectAccessible(page);
  await page.context().close();
});

test("two people edit the same case: the second sees the first's change and keeps their own typing", async ({ browser }) => {
  const c = await createCase();
  const cara = await signedIn(browser, "caseworker@demo.test");
  const ada = await signedIn(browser, "admin@demo.test");
  await cara.goto(`/cases/${c.id}/edit`);
  await ada.goto(`/cases/${c.id}/edit`);
  await expectAccessible(cara);

  await ada.getByLabel("Summary of the disagreement").fill("Summary from Ada");
  await ada.getByRole("button", { name: "Save changes" }).click();
  await expect(banner(ada)).toContainText("The case details have been saved.");

  await cara.getByLabel("Summary of the disagreement").fill("Summary from Cara");
  await cara.getByLabel("Name", { exact: true }).fill("Robin");
  await cara.getByRole("button", { name: "Save changes" }).click();
  const conflict = cara.getByTestId("conflict");
  await expect(conflict).toContainText("Someone else saved this case first");
  await expect(conflict).toContainText(/Ada Admin changed this case at \d\d:\d\d:/);
  await expect(conflict).toContainText("Summary of the disagreement: Summary from Ada");
  // Cara's typing is kept, and nothing of hers was saved.
  await expect(cara.getByLabel("Summary of the disagreement")).toHaveValue("Summary from Cara");
  await expect(cara.getByLabel("Name", { exact: true })).toHaveValue("Robin");
  const [saved] = await sql<{ summary: string }>(`SELECT summary FROM "Case" WHERE id = $1`, [c.id]);
  expect(saved!.summary).toBe("Summary from Ada");
  await expectAccessible(cara);

  // Having seen Ada's change, Cara saves deliberately.
  await cara.getByRole("button", { name: "Save my changes anyway" }).click();
  await expect(banner(cara)).toContainText("The case details have been saved.");
  await expect(cara.getByRole("definition").filter({ hasText: "Summary from Cara" })).toBeVisible();
  await expect(cara.getByRole("heading", { name: "Child or young person" })).toBeVisible();
  await cara.context().close();
  await ada.context().close();
});

test("31 February typed as the date of birth is refused, says why, keeps the boxes, and the saved date is kept (issue 8 item 3)", async ({ page }) => {
  const c = await createCase();
  await sql(`INSERT INTO "Child" (id, "caseId", name, "dateOfBirth") VALUES ($1, $2, 'Robin Child', '2015-05-05'::date)`, [`e2e-ch-${randomUUID()}`, c.id]);
  await signIn(page, "caseworker@demo.test");
  await page.goto(`/cases/${c.id}/edit`);
  expect(await dateShown(page, "Date of birth")).toEqual(["5", "5", "2015"]);
  await fillDate(page, "Date of birth", { day: "31", month: "2", year: "2015" });
  await page.getByRole("button", { name: "Save changes" }).click();

  const summary = page.getByTestId("error-summary");
  const message = "The child's date of birth must be a real date – February 2015 has 28 days";
  await expect(summary.getByRole("link", { name: message })).toHaveAttribute("href", "#childDateOfBirth");
  await expect(page.locator("#childDateOfBirth-error")).toContainText(message);
  expect(await dateShown(page, "Date of birth")).toEqual(["31", "2", "2015"]);
  await expectAccessible(page);

  // Nothing was saved: the case page still shows the date of birth saved before.
  await page.goto(`/cases/${c.id}`);
  await expect(page.getByRole("definition").filter({ hasText: "Tuesday 5 May 2015" })).toBeVisible();
});

test("withdrawing asks for confirmation, then shows the certificate deadline the family asked for (R-12)", async ({ page }) => {
  const c = await createCase({ status: "CONTACTING_PARTIES" });
  await signIn(page, "caseworker@demo.test");
  await page.goto(`/cases/${c.id}`);
  await page.getByRole("link", { name: "Withdraw case" }).click();
  await fillDate(page, "Date we were told of the withdrawal", "2025-12-23");
  await page.getByLabel("Reason").fill("The family decided to appeal straight away");
  await page.getByLabel("The family asked for a certificate").check();
  await page.getByRole("button", { name: "Continue" }).click();

  // Nothing is saved until confirmed; the page says what will happen.
  await expect(page.getByRole("heading", { name: "Check before you withdraw the case" })).toBeVisible();
  await expect(page.getByText("Certificate (no mediation) due by Tuesday 30 December 2025")).toBeVisible();
  await expectAccessible(page);
  const [before] = await sql<{ status: string }>(`SELECT status FROM "Case" WHERE id = $1`, [c.id]);
  expect(before!.status).toBe("CONTACTING_PARTIES");

  // Going back keeps what was typed.
  await page.getByRole("button", { name: "Go back and change" }).click();
  await expect(page.getByLabel("Reason")).toHaveValue("The family decided to appeal straight away");
  await expect(page.getByLabel("The family asked for a certificate")).toBeChecked();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Yes, withdraw the case" }).click();

  await expect(banner(page)).toContainText("The case has been withdrawn.");
  await expect(page.getByTestId("deadline-CERTIFICATE_ADVICE_ONLY")).toContainText("Certificate (no mediation) due by Tuesday 30 December 2025");
  await expect(page.getByTestId("timeline")).toContainText("Family withdrew from mediation");
  await expect(page.getByTestId("timeline")).toContainText("Reason: The family decided to appeal straight away");
  await expectAccessible(page);
});

test("a mediator with a conflict of interest is shown with the reason but cannot be chosen", async ({ page }) => {
  const email = `conflict-${randomUUID().slice(0, 6)}@family.example`;
  const c = await createCase({ status: "AWAITING_CONSENT", familyConsent: "GIVEN", familyEmail: email });
  await sql(
    `INSERT INTO "MediatorConflict" (id, "mediatorId", "partyEmail", reason) SELECT $1, u.id, $2, 'Former colleague of the family' FROM "User" u WHERE u.email = 'mediator@demo.test'`,
    [`e2e-mc-${randomUUID()}`, email.toUpperCase()],
  );
  await signIn(page, "caseworker@demo.test");
  await page.goto(`/cases/${c.id}/allocate`);
  const mo = page.getByRole("radio", { name: /Mo Mediator/ });
  await expect(mo).toBeDisabled();
  await expect(page.getByText("Cannot be chosen. Conflict of interest with Fran Family: Former colleague of the family.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Allocate mediator" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Choose a mediator.");
  await expectAccessible(page);
});

test("a withdrawal without a certificate asked for starts none, and the case closes; a closed case offers no changes (R-12)", async ({ page }) => {
  const c = await createCase({ status: "CONTACTING_PARTIES" });
  await signIn(page, "caseworker@demo.test");
  await page.goto(`/cases/${c.id}`);
  await page.getByRole("link", { name: "Withdraw case" }).click();
  await fillDate(page, "Date we were told of the withdrawal", "2025-12-23");
  await page.getByLabel("Reason").fill("Sorted out with the school");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Check before you withdraw the case" })).toBeVisible();
  await expect(page.getByText(/This starts a deadline/)).toHaveCount(0);
  await page.getByRole("button", { name: "Yes, withdraw the case" }).click();
  await expect(banner(page)).toContainText("The case has been withdrawn.");
  await expect(deadlines(page)).toContainText("There are no deadlines running.");

  // No certificate is due, so the withdrawn case can be closed with a reason.
  const actions = page.getByTestId("case-actions");
  await expect(actions.getByRole("link", { name: "Issue certificate" })).toHaveCount(0);
  await actions.getByRole("link", { name: "Close case" }).click();
  await page.getByLabel("Reason for closing").fill("Withdrawn; no certificate wanted");
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Yes, close the case" }).click();
  await expect(banner(page)).toContainText("The case has been closed.");

  // Closed: nothing about it can be changed; it can only be re-opened with a reason, or an appeal recorded.
  await expect(page.getByTestId("case-actions").getByRole("link")).toHaveText(["Record appeal lodged", "Re-open case"]);
  await expect(page.getByRole("link", { name: "Change case details" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Add a party" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Record consent/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Change details/ })).toHaveCount(0);
  await expectAccessible(page);

  // Re-opened with a reason, it returns to where it closed from.
  await page.getByTestId("case-actions").getByRole("link", { name: "Re-open case" }).click();
  await page.getByLabel("Reason for re-opening").fill("The family asked for a certificate after all");
  await page.getByRole("button", { name: "Re-open case" }).click();
  await expect(banner(page)).toContainText("The case has been re-opened.");
  await expect(page.getByRole("definition").filter({ hasText: "Withdrawn" }).first()).toBeVisible();
});

test("recording the meeting asks whether an agreement was reached; monitoring follows a partial one (R-30, R-40)", async ({ page }) => {
  const c = await createCase({ status: "MEETING_SCHEDULED", familyConsent: "GIVEN" });
  await sql(`UPDATE "Case" SET "allocatedMediatorId" = (SELECT id FROM "User" WHERE email = 'mediator@demo.test'), "meetingOn" = '2025-04-24' WHERE id = $1`, [c.id]);
  await signIn(page, "caseworker@demo.test");
  await page.goto(`/cases/${c.id}`);
  // Issue 10: "meeting held" is written with the meeting record.
  await page.getByRole("link", { name: "Record meeting held" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Record the meeting");
  await fillDate(page, "Date the meeting was held", "2025-04-24");
  await page.getByLabel("Time it started").fill("10:00");
  await page.getByLabel("Time it ended").fill("12:00");
  // Booked some other way (no meeting in the system), so how it was held is asked.
  await page.getByLabel("By video call").check();
  await page.getByLabel("Fran Family (parent or carer)").check();
  await page.getByLabel("It was not possible to find out their views").check();
  await page.getByLabel("If it was not possible: why").fill("Away on a school residential trip");
  await page.getByRole("group", { name: "Did the family claim travel or other expenses?" }).getByLabel("No").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Choose whether the meeting reached full, partial or no agreement");
  await expectAccessible(page);
  await page.getByLabel("Partial agreement").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Save the meeting record" }).click();
  await expect(banner(page)).toContainText("The meeting record has been saved and the meeting recorded as held.");
  await page.getByRole("link", { name: "Return to the case" }).click();
  await expect(page.getByRole("definition").filter({ hasText: "Partial agreement" })).toBeVisible();
  await expect(page.getByTestId("deadline-CERTIFICATE_AFTER_MEDIATION")).toContainText("Tuesday 29 April 2025");

  const actions = page.getByTestId("case-actions");
  await expect(actions.getByRole("link", { name: "Start monitoring agreed actions" })).toHaveCount(0);
  await actions.getByRole("link", { name: "Issue certificate" }).click();
  await fillDate(page, "Date of issue", "2025-04-29");
  await page.getByRole("button", { name: "Issue certificate" }).click();
  await expect(banner(page)).toContainText("The certificate has been recorded as issued.");
  await expect(actions.getByRole("link", { name: "Start monitoring agreed actions" })).toBeVisible();
  await expectAccessible(page);
});

test("a meeting booked after day 30 says 'Will be missed' on the case, in the list and when booking; a late one says how late (R-20, R-30)", async ({ page }) => {
  const c = await createCase({ status: "MEETING_SCHEDULED" });
  // The LA was told 10 days ago (due in 20 days); the meeting is booked 5 days after that. The
  // health body was told 2 working days late (a closed deadline).
  await sql(
    `UPDATE "Case" SET "laNotifiedOn" = CURRENT_DATE - 10, "meetingOn" = CURRENT_DATE + 25, "nextDeadlineOn" = CURRENT_DATE + 20, "nextDeadlineName" = 'MEDIATION_30_DAY' WHERE id = $1`,
    [c.id],
  );
  await sql(
    `INSERT INTO "CaseDeadline" (id, "caseId", name, rule, "triggerOn", "dueOn", "closedOn", outcome, "daysLate") VALUES
       ($1, $3, 'MEDIATION_30_DAY', 'R-20', CURRENT_DATE - 10, CURRENT_DATE + 20, NULL, NULL, NULL),
       ($2, $3, 'HEALTH_NOTIFICATION', 'R-21', DATE '2025-03-26', DATE '2025-03-31', DATE '2025-04-02', 'MISSED', 2)`,
    [`e2e-dl-${randomUUID()}`, `e2e-dl-${randomUUID()}`, c.id],
  );
  await signIn(page, "caseworker@demo.test");
  await page.goto(`/cases/${c.id}`);
  const thirty = page.getByTestId("deadline-MEDIATION_30_DAY");
  await expect(thirty.locator(".tag--red")).toHaveText("Will be missed");
  await expect(thirty).toContainText("The meeting is booked for");
  await expect(deadlines(page)).toContainText("LA to tell the health body by Monday 31 March 2025: Missed by 2 working days on Wednesday 2 April 2025");
  await expectAccessible(page);

  // Moving the meeting: the page says by when mediation must take place, and that later is allowed.
  await page.getByRole("link", { name: "Schedule meeting" }).click();
  await expect(page.getByText(/Mediation must take place by .* \(R-20\)\. You can still book a later date/)).toBeVisible();
  await expectAccessible(page);

  // The case list shows the same state, and filters on it.
  await page.goto(`/cases?q=${c.reference}`);
  await expect(caseRowOf(page, c.reference).locator(".tag--red")).toHaveText("Will be missed");
  await page.getByLabel("Next deadline").selectOption({ label: "Will be missed (meeting booked after the deadline)" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/deadline=WILL_BE_MISSED/);
  await expect(caseRowOf(page, c.reference)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Next deadline").selectOption({ label: "On track" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/deadline=ON_TRACK/);
  await expect(caseRowOf(page, c.reference)).toHaveCount(0);
});

test("what the disagreement is about: a contradiction is explained; several decisions and a health issue are saved, which starts the R-21 deadline", async ({ page }) => {
  const c = await createCase({ status: "CONTACTING_PARTIES", laNotifiedOn: "2025-03-26" });
  await sql(`INSERT INTO "CaseIssue" (id, "caseId", category, description) VALUES ($1, $2, 'EDUCATION', 'Support at school')`, [`e2e-i-${randomUUID()}`, c.id]);
  await sql(`INSERT INTO "Child" (id, "caseId", name, "hasEhcPlan") VALUES ($1, $2, 'Robin About', true)`, [`e2e-c-${randomUUID()}`, c.id]);
  await signIn(page, "caseworker@demo.test");
  await page.goto(`/cases/${c.id}`);
  await page.getByRole("link", { name: "Change the decisions, issues or EHC plan answer" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What the disagreement is about");
  // Made without decisions, the case reads "None: … health or social care only" until one is chosen.
  await page.getByRole("checkbox", { name: /^None: the mediation is only about health or social care/ }).uncheck();
  await page.getByRole("radio", { name: "No", exact: true }).check();
  await page.getByRole("checkbox", { name: "The support in the EHC plan (section F)", exact: true }).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("is about an EHC plan, but you said the child does not have one");
  await expectAccessible(page);

  await page.getByRole("radio", { name: "Yes", exact: true }).check();
  await page.getByRole("checkbox", { name: "What the EHC plan says about needs (section B)", exact: true }).check();
  await page.getByLabel("Category", { exact: true }).selectOption("HEALTH");
  await page.getByLabel("Description", { exact: true }).fill("Therapy in section G");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(banner(page)).toContainText("the LA must tell the health commissioning body within 3 working days (R-21)");
  await expect(page.getByTestId("deadline-HEALTH_NOTIFICATION")).toBeVisible();
  const main = page.getByRole("main");
  await expect(main).toContainText("What the EHC plan says about needs (section B)");
  await expect(main).toContainText("The support in the EHC plan (section F)");
  await expect(main).toContainText("Therapy in section G");
});

test("the mediator finds a time for the joint meeting and books it (issue 10)", async ({ page }) => {
  const c = await createCase({ status: "ALLOCATED", familyConsent: "GIVEN", mediator: "mediator@demo.test" });
  await signIn(page, "mediator@demo.test");
  await page.goto(`/cases/${c.id}`);
  await page.getByRole("link", { name: "Find a time for the joint meeting" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Find a time for the joint meeting");
  await expect(page.getByTestId("window")).toContainText("the first possible day is");
  await page.getByLabel("Where", { exact: true }).selectOption("VIDEO");
  await page.getByRole("button", { name: "Show times" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Book this time" }).click();
  await expect(page.getByTestId("error-summary")).toBeVisible();
  await page.getByRole("radio").first().check();
  await page.getByLabel("Video link").fill("https://video.example/mediation-room");
  await page.getByRole("button", { name: "Book this time" }).click();
  await expect(banner(page)).toContainText("The joint meeting has been booked.");
  await expect(page.getByRole("definition").filter({ hasText: "Meeting scheduled" }).first()).toBeVisible();
});

test("a long timeline is shown a page at a time, newest first, and the older pages are a link away (issue 14)", async ({ page }) => {
  const c = await createCase();
  // 60 entries a minute apart: the first page holds the newest 50, the second the oldest 10.
  await sql(
    `INSERT INTO "CaseEvent" (id, "caseId", at, type, summary, visibility)
     SELECT $1 || n, $2, timestamptz '2025-01-06 09:00+00' + n * interval '1 minute', 'NOTE', 'Phone call ' || n, 'STAFF' FROM generate_series(1, 60) n`,
    [`e2e-ev-${randomUUID()}-`, c.id],
  );
  await signIn(page, "caseworker@demo.test");
  await page.goto(`/cases/${c.id}`);
  const timeline = page.getByTestId("timeline");
  await expect(timeline.getByRole("listitem")).toHaveCount(50);
  await expect(timeline.getByRole("listitem").first()).toContainText("Phone call 60");
  const pages = page.getByRole("navigation", { name: "Timeline pages" });
  await expect(pages).toContainText("Showing 1 to 50 of 60 (page 1 of 2)");
  await pages.getByRole("link", { name: "Next page" }).click();
  await expect(pages).toContainText("Showing 51 to 60 of 60 (page 2 of 2)");
  await expect(page).toHaveURL(/\?timeline=2#timeline-title$/);
  await expect(timeline.getByRole("listitem")).toHaveCount(10);
  await expect(timeline.getByRole("listitem").last()).toContainText("Phone call 1");
  await expectAccessible(page);
});
