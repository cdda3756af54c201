/**
 * Issue 9 items 13 and 15 in the browser, against the production build, with axe on every page:
 *  - rule ids (R-xx) are for staff: a family and an LA officer never see one, on any page they open;
 *  - a radio's hint describes it (aria-describedby) and is not part of its label;
 *  - one primary button per page: the case page's actions are secondary (or warning) buttons;
 *  - a form submitted again after going Back says it was already done, and changes nothing.
 */
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { forgetFamilyLinkRequests, expectAccessible, fillDate, signInAsStaff, sql, startSmtp } from "./helpers";

// More family links are asked for across the run than one address may ask an hour (see the helper).
test.beforeEach(forgetFamilyLinkRequests);

/** A rule id as the domain rules number them (docs/domain). */
const RULE_ID = /\bR-\d\d\b/;

/** The visible text of the page's main content, and where a rule id shows in it (or null). */
async function ruleIdShown(page: Page): Promise<string | null> {
  const text = await page.locator("main").innerText();
  const m = RULE_ID.exec(text);
  return m ? text.slice(Math.max(0, m.index - 80), m.index + 20).replace(/\s+/g, " ") : null;
}

/** Buttons styled as primary (green): a page has at most one (issue 9 item 13). */
const primaryButtons = (page: Page) => page.locator("main .button:not(.button--secondary):not(.button--warning)");

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAsStaff(page, email);
  await expect(page).not.toHaveURL(/\/sign-in/);
  return page;
}

/** A fresh case of the demo LA 2 (Southborough) at `status`, with a family party. */
async function createCase(status: string, opts: { consent?: string } = {}): Promise<{ id: string; reference: string }> {
  const id = `e2e-${randomUUID()}`;
  const reference = `SM-E2E-${randomUUID().slice(0, 8).toUpperCase()}`;
  await sql(
    `INSERT INTO "Case" (id, reference, "localAuthorityId", status, "updatedAt")
     SELECT $1, $2, l.id, $3, now() FROM "LocalAuthority" l WHERE l.code = 'DEMO2'`,
    [id, reference, status],
  );
  await sql(`INSERT INTO "Party" (id, "caseId", kind, name, email, consent) VALUES ($1, $2, 'PARENT', 'Fran Family', $3, $4)`, [
    `e2e-p-${randomUUID()}`,
    id,
    `fran-${randomUUID().slice(0, 6)}@family.example`,
    opts.consent ?? "PENDING",
  ]);
  return { id, reference };
}

test.describe("rule ids are for staff only", () => {
  test("an LA officer sees none on their home, the case list or any case page of their LA", async ({ browser }) => {
    const la = await signedIn(browser, "la.officer@demo.test");
    const pages = ["/la", "/cases?status=ALL"];
    for (const path of pages) {
      await la.goto(path);
      expect(await ruleIdShown(la), path).toBeNull();
      await expectAccessible(la);
    }
    // Every case of their LA, whatever its stage (the demo has one at each).
    const cases = await la.locator("main table a[href^='/cases/']").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    expect(cases.length).toBeGreaterThan(5);
    for (const href of cases) {
      await la.goto(href);
      await expect(la.getByRole("heading", { name: "Timeline" })).toBeVisible();
      expect(await ruleIdShown(la), href).toBeNull();
    }
    await expectAccessible(la);

    // Staff still see which rule an entry comes from, on a case whose shared timeline cites one.
    const [cited] = await sql<{ id: string }>(
      `SELECT c.id FROM "Case" c JOIN "LocalAuthority" l ON l.id = c."localAuthorityId" JOIN "CaseEvent" e ON e."caseId" = c.id
        WHERE l.code = 'DEMO1' AND e.visibility = 'SHARED' AND e.rule IS NOT NULL ORDER BY c.reference LIMIT 1`,
    );
    expect(cases).toContain(`/cases/${cited!.id}`);
    const caseworker = await signedIn(browser, "caseworker@demo.test");
    await caseworker.goto(`/cases/${cited!.id}`);
    expect(await ruleIdShown(caseworker)).not.toBeNull();
    await la.context().close();
    await caseworker.context().close();
  });

  test("a family sees none: the public pages, the deadline calculator's results and their own case", async ({ page }) => {
    const visit = async (path: string) => {
      await page.goto(path);
      expect(await ruleIdShown(page), path).toBeNull();
      await expectAccessible(page);
    };
    await visit("/refer");
    await visit("/refer/done?reference=SM-2025-00001");
    await visit("/sign-in/family");
    await visit("/deadline-calculator");
    // An adviser date on a bank holiday (Christmas Day 2025), and an appeal date moved by the rules.
    await visit("/deadline-calculator?decision=2025-10-25");
    await visit("/deadline-calculator?decision=2025-06-20&certificate=2025-07-10");

    // Their own case, signed in through an emailed link.
    const smtp = await startSmtp();
    try {
      const before = smtp.messages.length;
      await page.goto("/sign-in/family");
      await page.getByLabel("Email address").fill("parent@demo.test");
      await page.getByRole("button", { name: "Send me a sign-in link" }).click();
      await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
      const mail = await smtp.waitFor((m) => m.to === "parent@demo.test" && smtp.messages.indexOf(m) >= before);
      const link = /(http:\/\/\S+\/sign-in\/family\/verify\?token=\S+)/.exec(mail.text)?.[1];
      await page.goto(link!);
      await page.getByRole("button", { name: "Continue to your case" }).click();
      await expect(page).toHaveURL(/\/my-case\/[^/]+$/);
      await expect(page.getByRole("heading", { name: "Your case", level: 1 })).toBeVisible();
      expect(await ruleIdShown(page)).toBeNull();
      await expectAccessible(page);
    } finally {
      await smtp.close();
    }
  });
});

test.describe("form conventions", () => {
  test("a radio's hint is not part of its label: it describes the radio through aria-describedby", async ({ page }) => {
    await page.goto("/refer");
    const parent = page.getByRole("radio", { name: "Parent or carer", exact: true });
    await expect(parent).toHaveAccessibleName("Parent or carer");
    await expect(parent).toHaveAccessibleDescription("You are asking for mediation for your child.");
    const health = page.getByRole("checkbox", { name: "Health", exact: true });
    await expect(health).toHaveAccessibleDescription("For example therapy or nursing the NHS provides (sections C and G of a plan).");
    // Clicking the label still chooses the option.
    await page.getByText("The young person", { exact: true }).click();
    await expect(page.getByRole("radio", { name: "The young person", exact: true })).toBeChecked();
    await expectAccessible(page);
  });

  test("one primary button per page: the case page's actions are secondary, destructive ones warning buttons", async ({ browser }) => {
    const c = await createCase("CONTACTING_PARTIES");
    const caseworker = await signedIn(browser, "caseworker@demo.test");
    await caseworker.goto(`/cases/${c.id}`);
    const actions = caseworker.getByTestId("case-actions");
    await expect(actions.getByRole("link")).not.toHaveCount(0);
    await expect(actions.getByRole("link", { name: "Ask parties to agree to take part" })).toHaveClass(/button--secondary/);
    await expect(actions.getByRole("link", { name: "Withdraw case" })).toHaveClass(/button--warning/);
    await expect(primaryButtons(caseworker)).toHaveCount(0);
    await expectAccessible(caseworker);

    // The case list: "New referral" is the one primary button; the filters' button is secondary.
    await caseworker.goto("/cases");
    await expect(primaryButtons(caseworker)).toHaveCount(1);
    await expect(primaryButtons(caseworker)).toHaveText("New referral");
    await expect(caseworker.getByRole("button", { name: "Apply filters" })).toHaveClass(/button--secondary/);

    // A transition's own page: its one button.
    await caseworker.goto(`/cases/${c.id}/transition/requestConsent`);
    await expect(primaryButtons(caseworker)).toHaveCount(1);
    await caseworker.context().close();
  });
});

test.describe("a form submitted again after going Back", () => {
  test("says it was already done, shows the case as it is, and changes nothing", async ({ page }) => {
    const c = await createCase("REFERRED");
    await signInAsStaff(page, "caseworker@demo.test");
    await expect(page).not.toHaveURL(/\/sign-in/);
    await page.goto(`/cases/${c.id}`);
    await page.getByRole("link", { name: "Start contacting parties" }).click();
    await fillDate(page, "Date the LA was told the family wants mediation", "2025-03-26");
    await page.getByRole("button", { name: "Start contacting parties" }).click();
    await expect(page.getByTestId("done-banner")).toContainText("You have started contacting the parties.");

    // Back to the form, as it was, and submit it again.
    await page.goBack();
    await expect(page.getByRole("heading", { level: 1, name: "Start contacting parties" })).toBeVisible();
    await fillDate(page, "Date the LA was told the family wants mediation", "2025-03-26");
    await page.getByRole("button", { name: "Start contacting parties" }).click();

    await expect(page).toHaveURL(new RegExp(`/cases/${c.id}\\?already=startContacting$`));
    const banner = page.getByTestId("already-done-banner");
    await expect(banner).toContainText("This was already done: you have started contacting the parties.");
    await expect(page.getByText("Someone else changed this case")).toHaveCount(0);
    await expect(page.getByRole("definition").filter({ hasText: "Contacting parties" })).toBeVisible();
    // Done once: one timeline entry, one 30-day deadline.
    await expect(page.getByTestId("timeline").getByText(/^Started contacting the parties/)).toHaveCount(1);
    await expect(page.getByTestId("deadline-MEDIATION_30_DAY")).toHaveCount(1);
    await expectAccessible(page);
  });
});
