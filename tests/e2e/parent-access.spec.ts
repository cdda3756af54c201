/**
 * R-01 (decision 0022) in the browser: Zoë Clarke, the young person on demo case SM-DEMO-00003,
 * signs in by emailed link and lets her mum (Helen Clarke, recorded on the case) see it; Helen, in
 * a second browser, signs in and finds the case; Zoë withdraws her consent through the confirmation
 * step; Helen's next request no longer finds it, and the consent page is a 404 for her throughout.
 * Then both steps again without JavaScript.
 * axe on every page; the young person's page at 320px wide has no horizontal scroll.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { forgetFamilyLinkRequests, expectAccessible, sql, startSmtp } from "./helpers";

// More family links are asked for across the run than one address may ask an hour (see the helper).
test.beforeEach(forgetFamilyLinkRequests);

const YOUNG_PERSON = "zoe.clarke@example.com";
const PARENT = "helen.clarke@example.com";
const REFERENCE = "SM-DEMO-00003";

let smtp: Awaited<ReturnType<typeof startSmtp>>;
test.beforeAll(async () => {
  smtp = await startSmtp();
});
test.afterAll(async () => {
  await smtp.close();
});

/** A new browser context signed in through the emailed link, on /my-case. */
async function signInByLink(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const before = smtp.messages.length;
  await page.goto("/sign-in/family");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const mail = await smtp.waitFor((m) => m.to === email && smtp.messages.indexOf(m) >= before);
  const link = /(http:\/\/\S+\/sign-in\/family\/verify\?token=\S+)/.exec(mail.text)?.[1];
  expect(link).toBeTruthy();
  await page.goto(link!);
  await page.getByRole("button", { name: "Continue to your case" }).click();
  // Issue 12: the home, or straight to the case when it is their only one (decision 0019).
  await expect(page).toHaveURL(/\/my-case(\/[^/]+)?$/);
  return page;
}

async function noHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
}

test("a young person lets their parent see the case, then withdraws it; the parent then gets a 404", async ({ browser }) => {
  test.setTimeout(120_000);
  const [row] = await sql<{ id: string }>(`SELECT id FROM "Case" WHERE reference = $1`, [REFERENCE]);
  const caseId = row!.id;
  await sql(`UPDATE "Case" SET "parentAccessConsentAt" = NULL, "parentAccessConsentById" = NULL, "parentAccessConsentHow" = NULL WHERE id = $1`, [caseId]);
  const pageUrl = `/my-case/${caseId}/parent-access`;

  // Without consent the parent's account shows nothing of the case.
  const parent = await signInByLink(browser, PARENT);
  await expect(parent.getByText("We cannot find a case for you yet.")).toBeVisible();
  await expect(parent.getByText(REFERENCE)).toHaveCount(0);
  expect((await parent.goto(pageUrl))?.status()).toBe(404);

  // The young person, at 320px wide.
  const yp = await signInByLink(browser, YOUNG_PERSON);
  await yp.setViewportSize({ width: 320, height: 800 });
  await expect(yp.getByText(REFERENCE).first()).toBeVisible();
  await yp.goto(pageUrl);
  await expect(yp.getByRole("heading", { level: 1, name: "Who can see your case" })).toBeVisible();
  await expect(yp.getByRole("definition").filter({ hasText: "Cannot see your case" })).toBeVisible();
  await expectAccessible(yp);
  await noHorizontalScroll(yp);

  await yp.getByRole("radio", { name: "Yes, they can see my case" }).check();
  await yp.getByRole("button", { name: "Save your answer" }).click();
  await expect(yp.getByTestId("parent-access-done")).toContainText("Your parent or carer can now see your case.");
  await expect(yp.getByRole("definition").filter({ hasText: /^Can see your case$/ })).toBeVisible();
  await expectAccessible(yp);
  await noHorizontalScroll(yp);

  // The parent's next request finds the case; the consent page is still not theirs.
  await parent.goto("/my-case");
  await expect(parent.getByText(REFERENCE).first()).toBeVisible();
  await expectAccessible(parent);
  expect((await parent.goto(pageUrl))?.status()).toBe(404);

  // Withdrawing asks first; "No, go back" changes nothing.
  await yp.getByRole("radio", { name: "No, only I can see my case" }).check();
  await yp.getByRole("button", { name: "Save your answer" }).click();
  await expect(yp.getByRole("heading", { name: "Are you sure you want to stop Helen Clarke seeing your case?" })).toBeVisible();
  await expectAccessible(yp);
  await noHorizontalScroll(yp);
  await yp.getByRole("link", { name: "No, go back" }).click();
  await expect(yp.getByRole("radio", { name: "Yes, they can see my case" })).toBeChecked();
  await parent.goto("/my-case");
  await expect(parent.getByText(REFERENCE).first()).toBeVisible();

  await yp.getByRole("radio", { name: "No, only I can see my case" }).check();
  await yp.getByRole("button", { name: "Save your answer" }).click();
  await yp.getByRole("button", { name: "Yes, stop them seeing my case" }).click();
  await expect(yp.getByTestId("parent-access-done")).toContainText("Your parent or carer can no longer see your case.");
  await expectAccessible(yp);

  // At once: the parent's next request no longer finds the case, or anything under it.
  await parent.goto("/my-case");
  await expect(parent.getByText("We cannot find a case for you yet.")).toBeVisible();
  for (const path of [`/my-case/${caseId}`, pageUrl]) {
    const res = await parent.goto(path);
    expect(res?.status(), path).toBe(404);
  }
  await expectAccessible(parent);

  // The same without JavaScript (the young person's session in a browser with it turned off).
  const noJs = await (await browser.newContext({ javaScriptEnabled: false, storageState: await yp.context().storageState() })).newPage();
  await noJs.goto(pageUrl);
  await noJs.getByRole("radio", { name: "Yes, they can see my case" }).check();
  await noJs.getByRole("button", { name: "Save your answer" }).click();
  await expect(noJs.getByTestId("parent-access-done")).toContainText("can now see your case");
  await noJs.getByRole("radio", { name: "No, only I can see my case" }).check();
  await noJs.getByRole("button", { name: "Save your answer" }).click();
  await noJs.getByRole("button", { name: "Yes, stop them seeing my case" }).click();
  await expect(noJs.getByTestId("parent-access-done")).toContainText("can no longer see your case");

  const audits = await sql<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE "caseId" = $1 AND action LIKE 'case.parent_access_%' ORDER BY at`, [caseId]);
  expect(audits.map((a) => a.action).slice(-4)).toEqual(["case.parent_access_given", "case.parent_access_withdrawn", "case.parent_access_given", "case.parent_access_withdrawn"]);
});
