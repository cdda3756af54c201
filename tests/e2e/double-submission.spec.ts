/**
 * Issue 14 (decision 0035): a create form sent twice at once — a double click, or a retry while
 * the first is still on its way — makes one record. Without JavaScript (script files blocked, so
 * the page's forms post natively), the page's own form is posted twice at the same moment with
 * exactly what it holds (its submission key included), then submitted a third time with its
 * button: one case from the staff referral, one email from the correspondence send, and the page
 * shows the first one's answer.
 */
import { randomUUID } from "node:crypto";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { fillDate, signInAsStaff, sql } from "./helpers";

const uid = () => randomUUID().slice(0, 8);
const h1 = (page: Page) => page.getByRole("heading", { level: 1 });
const radio = (page: Page, name: string | RegExp) => page.getByRole("radio", { name, exact: typeof name === "string" ? true : undefined });
const continueButton = (page: Page) => page.getByRole("button", { name: "Continue" });

/** From now on no script file loads: React never starts and every form posts natively. */
async function blockScripts(context: BrowserContext) {
  await context.route(/\.js(\?|$)/, (route) => route.abort());
}

/** Posts the form holding `button` twice at once, as the browser would (its cookies, its fields), and waits for both answers. */
async function postTwiceAtOnce(page: Page, button: string): Promise<number[]> {
  return page.getByRole("button", { name: button }).evaluate(async (b) => {
    const form = (b as HTMLButtonElement).form!;
    const send = () => fetch(form.action || location.href, { method: "POST", body: new FormData(form), redirect: "manual" }).then((r) => r.status);
    return Promise.all([send(), send()]);
  });
}

test("the staff referral's 'Create referral' posted twice at once, then again, makes one case", async ({ page, context }) => {
  const child = `Double Click ${uid()}`;
  await sql(`DELETE FROM "ReferralDraft" WHERE "userId" = (SELECT id FROM "User" WHERE email = 'caseworker@demo.test')`);
  await signInAsStaff(page, "caseworker@demo.test");
  await expect(page).toHaveURL(/\/cases$/);
  await blockScripts(context);
  await page.goto("/cases/new");
  await expect(h1(page)).toHaveText("Who is asking");
  await radio(page, "A parent or carer").check();
  await radio(page, "Mediation").check();
  await radio(page, /^Parent or carer/).check();
  await continueButton(page).click();
  await page.getByLabel("Child’s full name").fill(child);
  await radio(page, "Yes").check();
  await continueButton(page).click();
  await page.getByLabel("Local authority", { exact: true }).selectOption({ label: "Northshire County Council" });
  await page.getByRole("checkbox", { name: "The support in the EHC plan (section F)", exact: true }).check();
  await fillDate(page, "Date the decision was sent", "2026-08-03");
  await continueButton(page).click();
  await radio(page, /^Education/).check();
  await page.getByLabel("Describe the issue").fill("Speech and language therapy hours in section F");
  await continueButton(page).click();
  const family = page.getByRole("group", { name: "The parent or carer" });
  await family.getByLabel("Full name").fill("Alex Twice");
  await family.getByLabel("Email address").fill(`alex-${uid()}@example.com`);
  await family.getByRole("radio", { name: "Email", exact: true }).check();
  await continueButton(page).click();
  await expect(h1(page)).toHaveText("Check your answers before creating the referral");

  await postTwiceAtOnce(page, "Create referral");
  // Both posts are answered by now: one case.
  expect(await sql(`SELECT 1 FROM "Child" WHERE name = $1`, [child])).toHaveLength(1);
  // The button itself, a third time (the same form, the same key): the first one's answer.
  await page.getByRole("button", { name: "Create referral" }).click();
  await expect(page).toHaveURL(/\/cases\/new\/done/);
  await expect(h1(page)).toHaveText("Referral created");
  const cases = await sql<{ id: string }>(`SELECT "caseId" AS id FROM "Child" WHERE name = $1`, [child]);
  expect(cases).toHaveLength(1);
  const audits = await sql(`SELECT 1 FROM "AuditEvent" WHERE action = 'case.referral_logged' AND "caseId" = $1`, [cases[0]!.id]);
  expect(audits).toHaveLength(1);
});

test("a letter or email's 'Send the email' posted twice at once, then again, sends one email", async ({ page, context }) => {
  const [la] = await sql<{ id: string }>(`SELECT id FROM "LocalAuthority" WHERE code = 'DEMO1'`);
  const caseId = `e2e-${randomUUID()}`;
  const reference = `SM-E2E-${uid().toUpperCase()}`;
  await sql(`INSERT INTO "Case" (id, reference, "localAuthorityId", status, "updatedAt") VALUES ($1, $2, $3, 'REFERRED', now())`, [caseId, reference, la!.id]);
  await sql(`INSERT INTO "Child" (id, "caseId", name) VALUES ($1, $2, 'Robin Twice')`, [`e2e-c-${randomUUID()}`, caseId]);
  await sql(`INSERT INTO "Party" (id, "caseId", kind, name, email, consent) VALUES ($1, $2, 'PARENT', 'Sam Twice', 'sam.twice@family.example', 'PENDING')`, [`e2e-p-${randomUUID()}`, caseId]);

  await signInAsStaff(page, "caseworker@demo.test");
  await page.waitForURL(/\/cases(\?|$)/);
  await blockScripts(context);
  await page.goto(`/cases/${caseId}/correspondence`);
  await page.getByRole("radio", { name: "Acknowledgement of a request for mediation" }).check();
  await page.getByRole("radio", { name: /Sam Twice .*by email to sam\.twice@family\.example/ }).check();
  await page.getByRole("button", { name: "Continue to the preview" }).click();
  await expect(h1(page)).toHaveText("Check the email before it is sent");

  await postTwiceAtOnce(page, "Send the email");
  expect(await sql(`SELECT 1 FROM "OutboxEmail" WHERE "caseId" = $1`, [caseId])).toHaveLength(1);
  await page.getByRole("button", { name: "Send the email" }).click();
  await expect(page.getByTestId("done-banner")).toContainText("The email is being sent");
  const emails = await sql(`SELECT 1 FROM "OutboxEmail" WHERE "caseId" = $1`, [caseId]);
  expect(emails).toHaveLength(1);
  const audits = await sql(`SELECT 1 FROM "AuditEvent" WHERE action = 'correspondence.sent' AND "caseId" = $1`, [caseId]);
  expect(audits).toHaveLength(1);
  // The form's key was claimed with the send, and the answer kept for the posts after it.
  expect(await sql(`SELECT 1 FROM "SubmissionKey" WHERE outcome->'redirect'->>'url' LIKE $1`, [`/cases/${caseId}/correspondence%`])).toHaveLength(1);
});
