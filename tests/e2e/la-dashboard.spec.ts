/**
 * The LA officer's dashboard (issue 12) in the browser: a count's link filters, the GET filter form
 * narrows further, the CSV of what is on screen downloads (the same rows, formula-safe, audited),
 * and an agreed action is opened from the list and marked done with a note. The CSV is not found
 * for a caseworker and sends a signed-out visitor to sign in. axe on every page.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectAccessible, fillDate, signInAsStaff, sql } from "./helpers";

test("the LA officer filters the dashboard, downloads it as CSV and marks an agreed action done", async ({ page, browser }) => {
  const tag = randomUUID().slice(0, 8);
  const [c] = await sql<{ id: string; localAuthorityId: string }>(
    `SELECT c."id", c."localAuthorityId" FROM "Case" c JOIN "LocalAuthority" l ON l."id" = c."localAuthorityId" WHERE l."code" = 'DEMO1' AND c."status" NOT IN ('CLOSED', 'NOT_PROCEEDING') ORDER BY c."createdAt" DESC LIMIT 1`,
  );
  const overdue = `Send the amended plan to Łukasz’s family ${tag}`;
  const formula = `=HYPERLINK("http://evil.example","Click ${tag}")`;
  // Another case than obligations.spec.ts's (the newest open one of the LA), so the two never meet.
  const insert = `INSERT INTO "Obligation" ("id", "caseId", "localAuthorityId", "position", "what", "responsible", "dueOn", "howChecked", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, $7, 'The family gets a copy', now())`;
  const formulaId = `e2e-${randomUUID()}`;
  await sql(insert, [`e2e-${randomUUID()}`, c!.id, c!.localAuthorityId, 90, overdue, "LA", "2019-12-31"]);
  await sql(insert, [formulaId, c!.id, c!.localAuthorityId, 91, formula, "SCHOOL", "2099-06-30"]);

  await signInAsStaff(page, "la.officer@demo.test");
  await expect(page).toHaveURL(/\/la$/);
  await expect(page.getByRole("heading", { level: 1, name: "Deadlines and actions" })).toBeVisible();
  await expect(page.getByTestId("la-outstanding").getByTestId("la-row").first()).toBeVisible();
  await expectAccessible(page);

  // A count is a link to the list filtered to it.
  await page.getByTestId("count-action").click();
  await expect(page).toHaveURL(/\/la\?kind=action/);
  await expect(page.getByTestId("count-action")).toHaveAttribute("aria-current", "page");
  const rows = page.getByTestId("la-outstanding").getByTestId("la-row");
  await expect(rows.filter({ hasText: overdue })).toContainText("Overdue");
  expect(new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-kind"))))).toEqual(new Set(["ACTION"]));
  await expect(page.getByLabel("What is due")).toHaveValue("action");

  // The filter form (a GET form): overdue only.
  await page.getByLabel("When it is due").selectOption({ label: "Overdue" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/la\?kind=action&status=&due=overdue/);
  await expect(rows.first()).toContainText(overdue);
  await expect(rows.filter({ hasText: `Click ${tag}` })).toHaveCount(0);
  await expectAccessible(page);

  // The CSV of what is on screen: every row of these filters, nothing else.
  const shown = await rows.count();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /as a spreadsheet \(CSV\)/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^outstanding-deadlines-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8");
  const lines = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  expect(lines[0]).toBe("Case reference,Child or young person,Stage,Kind,What is due,Responsible,Due by,Working days left,Status,Meeting date,Note");
  expect(lines).toHaveLength(shown + 1);
  expect(lines[1]).toContain(`,Agreed action,${overdue},Local authority,2019-12-31,`);
  expect(csv).not.toContain(`Click ${tag}`);
  const [audit] = await sql<{ after: { kind: string; due: string; rows: number } }>(
    `SELECT a.after FROM "AuditEvent" a JOIN "User" u ON u.id = a."actorId" WHERE u.email = 'la.officer@demo.test' AND a.action = 'la.deadlines_exported' ORDER BY a.at DESC LIMIT 1`,
  );
  expect(audit!.after).toMatchObject({ kind: "ACTION", due: "OVERDUE", rows: shown });
  // A text cell a spreadsheet would run as a formula is written as text.
  const all = await (await page.request.get("/la/export.csv?kind=action")).text();
  expect(all).toContain(`"'=HYPERLINK(""http://evil.example"",""Click ${tag}"")"`);

  // Open the agreed action from the list and mark it done, with a note.
  await rows.first().getByRole("link", { name: overdue }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Agreed action" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Mark as done" }).click();
  await fillDate(page, "When was it done?", "2024-06-03");
  await page.getByLabel("How was it done, and how was that checked?").fill(`Amended plan sent; the family confirmed ${tag}`);
  await page.getByRole("button", { name: "Mark as done" }).click();
  await expect(page.getByTestId("done-banner")).toContainText("recorded as done");
  await expect(page.getByTestId("obligation-history")).toContainText(`Amended plan sent; the family confirmed ${tag}`);
  await expectAccessible(page);
  await page.goto("/la?kind=action&due=overdue");
  await expect(page.getByTestId("la-outstanding")).not.toContainText(overdue);

  // Not an LA officer: the CSV is not found; signed out: sign in first.
  const caseworker = await browser.newContext();
  const staff = await caseworker.newPage();
  await signInAsStaff(staff, "caseworker@demo.test");
  await expect(staff).toHaveURL(/\/cases$/);
  expect((await caseworker.request.get("/la/export.csv", { maxRedirects: 0 })).status()).toBe(404);
  await caseworker.close();
  const signedOut = await browser.newContext();
  const r = await signedOut.request.get("/la/export.csv?kind=action", { maxRedirects: 0 });
  expect(r.status()).toBe(303);
  expect(r.headers()["location"]).toBe(`/sign-in?next=${encodeURIComponent("/la/export.csv?kind=action")}`);
  await signedOut.close();
  // The case is left as other tests expect it: no open action of this test's.
  await sql(`DELETE FROM "Obligation" WHERE id = $1`, [formulaId]);
});
