/**
 * Decision 0038, the pages a family or the public opens signed out (issue 14: "first-load
 * JavaScript of each family page ≤ 100 kB gzip"): family sign-in, signing by link, self-referral,
 * the deadline calculator, the privacy notice and the document check.
 * Every such page under pages/ (found from the code: every Pages Router page outside /my-case) is
 * fetched signed out from the production build: no <script> at all, yet the shell and the
 * stylesheet. Then a family signs in by emailed link in a browser with JavaScript turned off:
 * ask for the link, open it from the email, press the button (a plain form post to next-auth's
 * credentials callback with its CSRF token) and land on their case; the used link then says so.
 */
import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { appRoutes, fillRoute } from "../authz/app-routes";
import { createAuthzFixtures, type AuthzFixtures } from "../authz/fixtures";
import { sql, startSmtp } from "./helpers";
import { e2eRun } from "./run";

let f: AuthzFixtures;
let anonymous: APIRequestContext;

test.beforeAll(async () => {
  f = await createAuthzFixtures((text, values) => sql(text, values), { fileStoreDir: `${e2eRun().dir}/files` });
  anonymous = await request.newContext({ baseURL: `http://localhost:${e2eRun().port}` });
});

test.afterAll(async () => {
  await anonymous.dispose();
});

function expectNoJavaScript(url: string, html: string) {
  expect(html, `${url}: a <script> element`).not.toMatch(/<script\b/i);
  expect(html, `${url}: a preloaded script`).not.toMatch(/rel="(modulepreload|preload)"[^>]*as="script"|\.js"/i);
  expect(html, url).toContain("Skip to main content");
  expect(html, url).toMatch(/<main[^>]*id="main-content"/);
  expect(html, url).toContain('<html lang="en-GB"');
  expect(html, `${url}: the stylesheet`).toMatch(/<link[^>]+rel="stylesheet"[^>]+\.css/);
}

test("every page a family or the public opens signed out is served with no JavaScript", async () => {
  const pages = appRoutes().filter((r) => r.file.startsWith("pages/") && !r.route.startsWith("/my-case"));
  expect(pages.map((p) => p.route)).toEqual(
    expect.arrayContaining(["/sign-in/family", "/sign-in/family/check-email", "/sign-in/family/verify", "/sign/[token]", "/sign/done", "/refer", "/refer/done", "/deadline-calculator", "/privacy", "/verify", "/verify/[code]"]),
  );
  for (const p of pages) {
    const url = fillRoute(p.route, { token: f.expiredSigningToken, code: f.sharedDocumentCode });
    const res = await anonymous.get(url, { maxRedirects: 0 });
    // The home address is only a redirect: signed out, to the sign-in page.
    if (p.route === "/") {
      expect(res.status()).toBe(307);
      expect(res.headers()["location"]).toBe("/sign-in");
      continue;
    }
    expect(res.status(), url).toBe(200);
    expectNoJavaScript(url, await res.text());
  }
  // The other states of those pages: the verify page's form and its refusal, a made-up signing link (404), a refused post.
  const verify = await anonymous.get("/sign-in/family/verify?token=made-up");
  const verifyHtml = await verify.text();
  expect(verifyHtml).toMatch(/<form action="\/api\/auth\/callback\/family-link" method="post">/);
  expect(verifyHtml).toMatch(/name="csrfToken" value="[0-9a-f]{64}"/);
  expectNoJavaScript("verify with a token", verifyHtml);
  const used = await anonymous.get("/sign-in/family/verify?error=USED");
  expect(await used.text()).toContain("This sign-in link has already been used.");
  const unknown = await anonymous.get(`/sign/${"A".repeat(43)}`);
  expect(unknown.status()).toBe(404);
  expectNoJavaScript("a made-up signing link", await unknown.text());
  const noDocument = await anonymous.get("/verify/0000-0000-0000-0000");
  expect(noDocument.status()).toBe(404);
  const noDocumentHtml = await noDocument.text();
  expect(noDocumentHtml).toContain("No document with this code");
  expectNoJavaScript("a code no document has", noDocumentHtml);
  const post = await anonymous.post("/sign-in/family", { maxRedirects: 0, form: { email: "" } });
  expect(post.status()).toBe(200);
  const postHtml = await post.text();
  expect(postHtml).toContain("Enter your email address");
  expect(postHtml).toMatch(/<title[^>]*>Error: /);
  expectNoJavaScript("a refused post", postHtml);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  test.beforeAll(async () => {
    smtp = await startSmtp();
    // This file's requests share one address: start with a clean count.
    await sql(`DELETE FROM "RateLimit" WHERE key LIKE 'family-link:%'`);
  });
  test.afterAll(async () => {
    await smtp.close();
  });

  test("a family signs in by emailed link: request, email, the verify page's form post, their case; the link then no longer works", async ({ page }) => {
    const email = f.users.family.email;
    await page.goto("/sign-in/family");
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    const mail = await smtp.waitFor((m) => m.to === email);
    const link = /(http:\/\/\S+\/sign-in\/family\/verify\?token=\S+)/.exec(mail.text)?.[1];
    expect(link).toBeTruthy();

    await page.goto(link!);
    await page.getByRole("button", { name: "Continue to your case" }).click();
    await expect(page).toHaveURL(new RegExp(`/my-case/${f.caseId}$`));
    await expect(page.getByRole("heading", { name: "Your case", level: 1 })).toBeVisible();

    // The same link again, in a fresh browser: refused, and the page says why.
    const other = await page.context().browser()!.newContext({ javaScriptEnabled: false });
    const p2 = await other.newPage();
    await p2.goto(link!);
    await p2.getByRole("button", { name: "Continue to your case" }).click();
    await expect(p2).toHaveURL(/\/sign-in\/family\/verify\?error=USED$/);
    await expect(p2.getByText("This sign-in link has already been used.")).toBeVisible();
    await other.close();
  });
});
