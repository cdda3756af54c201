/**
 * The public verify page (issue 11 groundwork) against the production build, signed out: a
 * document sealed by the renderer and stored as storeDocument stores it; its page says what it is
 * and nothing from it; the PDF uploaded as issued matches, a copy changed by one byte does not —
 * with JavaScript and without; an unknown code is a 404 with its own page.
 */
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { contentSha256, sha256Hex } from "@/lib/platform/documents/canonical";
import { renderDocumentPdf } from "@/lib/platform/documents/render-pdf";
import { formatVerificationCode, newVerificationCode, verificationUrl } from "@/lib/platform/documents/verification-code";
import { expectAccessible, signInAsStaff, sql } from "./helpers";

test("verify a document by its code: facts only, the right PDF matches, a changed one does not", async ({ page, browser, baseURL }, testInfo) => {
  // Seed: one sealed agreement, stored as lib/platform/documents/store-document.ts stores it.
  const code = newVerificationCode();
  const url = verificationUrl(baseURL!, code);
  const content = { child: "Ŷ Nguyễn", parent: "Łukasz Nguyễn", actions: [{ what: "Assess Ŷ's needs", due: "1 March 2027" }] };
  const hash = contentSha256(content);
  const issuedAt = new Date("2027-02-01T10:15:00Z");
  const pdf = await renderDocumentPdf({
    title: "Mediation agreement",
    issuedAt,
    summary: [{ label: "Parent", value: content.parent }],
    tables: [{ heading: "Actions", columns: [{ header: "What will happen" }, { header: "By when" }], rows: content.actions.map((a) => [a.what, a.due]) }],
    verification: { code, url, contentSha256: hash },
  });
  const documentId = `e2e-${randomUUID()}`;
  await sql(
    `INSERT INTO "Document" ("id", "kind", "title", "visibility", "content", "contentSha256", "pdf", "pdfSha256", "pdfSize", "fileName", "verificationCode", "createdAt")
     VALUES ($1, 'AGREEMENT', 'Mediation agreement', 'SHARED', $2, $3, $4, $5, $6, $7, $8, $9)`,
    [documentId, JSON.stringify(content), hash, Buffer.from(pdf), sha256Hex(pdf), pdf.length, `${code}-mediation-agreement-v1.pdf`, code, issuedAt],
  );
  const original = testInfo.outputPath("agreement.pdf");
  writeFileSync(original, pdf);
  // One byte of the file ID changed: still a well-formed PDF, not the one issued.
  const changedBytes = Buffer.from(pdf);
  const at = changedBytes.indexOf("/ID [<") + 6;
  changedBytes[at] = changedBytes[at] === 0x30 ? 0x31 : 0x30;
  const changed = testInfo.outputPath("agreement-changed.pdf");
  writeFileSync(changed, changedBytes);

  // The page at the printed address: what it is, and nothing from it.
  await page.goto(new URL(url).pathname);
  await expect(page.getByRole("heading", { level: 1, name: "Check a document" })).toBeVisible();
  const facts = page.getByRole("definition");
  await expect(facts.filter({ hasText: formatVerificationCode(code) })).toBeVisible();
  await expect(facts.filter({ hasText: "Mediation agreement" })).toBeVisible();
  await expect(facts.filter({ hasText: "1 February 2027" })).toBeVisible();
  await expect(facts.filter({ hasText: "Current version" })).toBeVisible();
  await expect(page.locator("main")).not.toContainText(/Łukasz|Nguyễn|Assess/);
  await expectAccessible(page);

  // Upload the PDF as issued, then a changed copy.
  const upload = async (file: string) => {
    await page.getByLabel("Upload your copy of the PDF").setInputFiles(file);
    await page.getByRole("button", { name: "Check the file" }).click();
  };
  await upload(original);
  await expect(page.getByTestId("verify-result")).toContainText("The file matches");
  await expect(page.getByTestId("verify-result")).toContainText(sha256Hex(pdf));
  await expectAccessible(page);
  await upload(changed);
  await expect(page.getByTestId("verify-result")).toContainText("The file does not match");
  await expectAccessible(page);

  // Not a PDF: a message for the field, "Error: " in the title.
  const text = testInfo.outputPath("notes.pdf");
  writeFileSync(text, "%PDF-1.7\nThese are not really a PDF.\n".repeat(4));
  await upload(text);
  await expect(page.getByTestId("error-summary")).toContainText("The selected file must be a PDF");
  await expect(page).toHaveTitle(/^Error: Check a document/);
  await expectAccessible(page);

  // Without JavaScript: a plain form post, the answer in the page that comes back.
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noJs.newPage();
  await plain.goto(new URL(url).pathname);
  await plain.getByLabel("Upload your copy of the PDF").setInputFiles(original);
  await plain.getByRole("button", { name: "Check the file" }).click();
  await expect(plain.getByTestId("verify-result")).toContainText("The file matches");
  await noJs.close();

  // An unknown code, and one that cannot be a code: the same 404 page.
  for (const unknown of ["/verify/0000-0000-0000-0000", "/verify/not-a-code"]) {
    const response = await page.goto(unknown);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "No document with this code" })).toBeVisible();
  }
  await expectAccessible(page);

  // Typing the code on /verify goes to its page.
  await page.goto("/verify");
  await page.getByLabel("Verification code").fill(formatVerificationCode(code).toLowerCase());
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(new RegExp(`/verify/${formatVerificationCode(code)}$`));
  await expectAccessible(page);

  // A download needs signing in; then it is the same bytes, saved as a file, never cached.
  const signedOut = await page.request.get(`/documents/${documentId}`, { maxRedirects: 0 });
  expect(signedOut.status()).toBe(303);
  expect(signedOut.headers()["location"]).toBe(`/sign-in?next=${encodeURIComponent(`/documents/${documentId}`)}`);
  await signInAsStaff(page, "caseworker@demo.test");
  await expect(page).toHaveURL(/\/cases/);
  const download = await page.request.get(`/documents/${documentId}`);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename=".+-mediation-agreement-v1\.pdf"/);
  expect(download.headers()["cache-control"]).toBe("private, no-store");
  expect(sha256Hex(await download.body())).toBe(sha256Hex(pdf));
});
