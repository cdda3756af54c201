/**
 * Issue 12 in the browser: a parent signs in by emailed link, opens "Your views and
 * your child's views" for their case, is told what is missing when sending nothing, then — by
 * keyboard — writes their views and their child's views and uploads a small PDF, and sees it listed.
 * The page fits 320 px without scrolling sideways; the download is an attachment, never sniffed.
 * axe on every page state.
 */
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { forgetFamilyLinkRequests, expectAccessible, sql, startSmtp } from "./helpers";
import { pdfBytes } from "../integration/family/sample-files";

// More family links are asked for across the run than one address may ask an hour (see the helper).
test.beforeEach(forgetFamilyLinkRequests);

test("a parent sends their views, their child's views and a PDF, and sees them listed", async ({ page }) => {
  test.setTimeout(90_000);
  const tag = randomUUID().slice(0, 8);
  const smtp = await startSmtp();
  try {
    const [row] = await sql<{ id: string }>(`SELECT id FROM "Case" WHERE reference = 'SM-DEMO-00001'`);
    const caseId = row!.id;

    await page.goto("/sign-in/family");
    await page.getByLabel("Email address").fill("parent@demo.test");
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    const mail = await smtp.waitFor((m) => m.to === "parent@demo.test");
    const link = /(http:\/\/\S+\/sign-in\/family\/verify\?token=\S+)/.exec(mail.text)?.[1];
    expect(link).toBeTruthy();
    await page.goto(link!);
    await page.getByRole("button", { name: "Continue to your case" }).click();
    // Issue 12: the home, or straight to the case when it is their only one (decision 0019).
    await expect(page).toHaveURL(/\/my-case(\/[^/]+)?$/);

    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`/my-case/${caseId}/views`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your views and your child’s views");
    await expect(page).toHaveTitle(/^Your views and your child’s views – /);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectAccessible(page);

    // Sending nothing: the error summary, focused, and the message next to the field.
    const send = page.getByRole("button", { name: "Send to your mediator" });
    await send.focus();
    await page.keyboard.press("Enter");
    const summary = page.getByTestId("error-summary");
    await expect(summary).toContainText("Write your views or your child's views, or choose a file to upload");
    await expect(summary).toBeFocused();
    await expect(page).toHaveTitle(/^Error: /);
    await expectAccessible(page);

    // By keyboard: follow the summary's link to the field, type, Tab on, tick the box with Space.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    const views = page.getByLabel("What you would like from mediation, and your views");
    await expect(views).toBeFocused();
    await page.keyboard.type(`We would like a full assessment (${tag}).`);
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Your child's views", { exact: true })).toBeFocused();
    await page.keyboard.type("Sam says lunchtime is too noisy.");
    await page.getByLabel("Upload a document (optional)").setInputFiles({ name: `school-letter-${tag}.pdf`, mimeType: "application/pdf", buffer: pdfBytes() });
    await page.getByLabel("Also share this with the mediation service's case team").focus();
    await page.keyboard.press("Space");
    await expect(page.getByLabel("Also share this with the mediation service's case team")).toBeChecked();
    await send.focus();
    await page.keyboard.press("Enter");

    await expect(page.getByTestId("done-banner")).toContainText("Your mediator can now read what you sent.");
    const upload = page.getByTestId("my-upload").filter({ hasText: `school-letter-${tag}.pdf` });
    await expect(upload).toContainText("PDF");
    await expect(upload).toContainText("Shared with the case team");
    await expect(page.getByTestId("my-view").first()).toContainText(`We would like a full assessment (${tag}).`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectAccessible(page);

    // The download: the same bytes, as an attachment of the type found, never sniffed.
    const href = await upload.getByRole("link", { name: `school-letter-${tag}.pdf` }).getAttribute("href");
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/pdf");
    expect(res.headers()["content-disposition"]).toContain("attachment");
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(Buffer.from(await res.body()).equals(pdfBytes())).toBe(true);
  } finally {
    await smtp.close();
  }
});
