/**
 * Issue 10: failures of background jobs are visible — the failed-jobs page for admins (with the
 * real worker running a job again), and a case's emails that could not be delivered, shown to the
 * caseworker and never to the LA officer.
 */
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectAccessible, signInAsStaff, sql } from "./helpers";

test("an admin finds the failed jobs, runs one again after confirming, and the worker does it", async ({ page }) => {
  await sql(`DELETE FROM pgboss.job WHERE state = 'failed'`);
  await signInAsStaff(page, "admin@demo.test");
  await expect(page).not.toHaveURL(/sign-in/);
  await page.goto("/admin");
  await page.getByRole("link", { name: "Failed jobs" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Failed jobs");
  await expect(page.getByTestId("no-failed-jobs")).toHaveText("No jobs have failed.");
  await expectAccessible(page);

  const [job] = await sql<{ id: string }>(
    `INSERT INTO pgboss.job (name, data, state, retry_limit, retry_count, started_on, completed_on, output)
     VALUES ('email-sweep', '{}', 'failed', 2, 2, now(), now(), '{"message": "The mail server refused the connection"}') RETURNING id::text`,
  );
  await page.reload();
  const row = page.getByTestId("failed-jobs").getByRole("row").nth(1);
  await expect(row).toContainText("Find emails waiting to be sent");
  await expect(row).toContainText("The mail server refused the connection");
  await expect(row.getByRole("cell").nth(3)).toHaveText("3");
  await expectAccessible(page);

  await row.getByRole("link", { name: /Run again/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Run this job again?");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Run it again" }).click();
  await expect(page.getByTestId("done-banner")).toContainText("The job is back in the queue");
  await expect(page.getByTestId("no-failed-jobs")).toBeVisible();
  // The worker running beside the app picks it up.
  await expect.poll(async () => (await sql<{ state: string }>(`SELECT state::text FROM pgboss.job WHERE id = $1::uuid`, [job!.id]))[0]?.state, { timeout: 20_000 }).toBe("completed");
});

test("the failed-jobs page does not exist for anyone but an admin", async ({ page }) => {
  await signInAsStaff(page, "caseworker@demo.test");
  await expect(page).toHaveURL(/\/cases$/);
  const r = await page.goto("/admin/jobs");
  expect(r?.status()).toBe(404);
});

test("a case's undelivered emails are listed for the caseworker, never for the LA officer", async ({ page, browser }) => {
  const [c] = await sql<{ id: string }>(`SELECT c.id FROM "Case" c JOIN "LocalAuthority" l ON l.id = c."localAuthorityId" WHERE l.code = 'DEMO1' ORDER BY c.reference LIMIT 1`);
  const address = `unreachable-${randomUUID().slice(0, 8)}@family.example`;
  await sql(
    `INSERT INTO "OutboxEmail" (id, "to", subject, body, status, "caseId", attempts, "lastError") VALUES ($1, $2, 'Reminder: mediation meeting', 'Hello', 'FAILED', $3, 6, '550 No such mailbox')`,
    [`e2e-${randomUUID()}`, address, c!.id],
  );
  await signInAsStaff(page, "caseworker@demo.test");
  await expect(page).toHaveURL(/\/cases$/);
  await page.goto(`/cases/${c!.id}`);
  const section = page.getByTestId("undelivered-emails");
  await expect(section.getByRole("heading")).toHaveText("Emails that could not be delivered");
  await expect(section).toContainText(address);
  await expect(section).toContainText("550 No such mailbox");
  await expectAccessible(page);

  const la = await browser.newContext();
  const officer = await la.newPage();
  await signInAsStaff(officer, "la.officer@demo.test");
  await expect(officer).not.toHaveURL(/sign-in/);
  await officer.goto(`/cases/${c!.id}`);
  await expect(officer.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(officer.getByText("Emails that could not be delivered")).toHaveCount(0);
  expect(await officer.content()).not.toContain(address);
  await la.close();
});
