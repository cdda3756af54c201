/**
 * Issue 12 in the browser: a parent with two cases (siblings) signs in by emailed link, sees the
 * case chooser, opens one with the keyboard, reads what happens next, and reads the overview and
 * the agreement page on a 320-pixel-wide phone without scrolling sideways; then signs the other
 * child's agreement with JavaScript off (decision 0019). Axe on every page.
 */
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { forgetFamilyLinkRequests, expectAccessible, sql, startSmtp } from "./helpers";

// More family links are asked for across the run than one address may ask an hour (see the helper).
test.beforeEach(forgetFamilyLinkRequests);

const tag = randomUUID().slice(0, 8);
const EMAIL = `two-cases-${tag}@family.example`;
// A long name with no spaces, as some are: it must wrap on a phone, not push the page sideways.
const NAME = `Oluwaseunfunmilayo-Ashworth-Montgomery ${tag}`;

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test("a parent with two cases chooses one, reads the next step on a 320 px phone, and signs an agreement without JavaScript", async ({ page }) => {
  test.setTimeout(120_000);
  // The parent of two demo children: Daniel (SM-DEMO-00005, allocated) and Tolu (SM-DEMO-00006, meeting booked).
  const [user] = await sql<{ id: string }>(`INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES ($1, $2, $3, 'PARENT', now()) RETURNING id`, [`e2e-u-${tag}`, EMAIL, NAME]);
  const cases = await sql<{ id: string; reference: string }>(`SELECT id, reference FROM "Case" WHERE reference IN ('SM-DEMO-00005', 'SM-DEMO-00006') ORDER BY reference`);
  expect(cases).toHaveLength(2);
  for (const c of cases) {
    await sql(`INSERT INTO "Party" (id, "caseId", kind, name, email, "userId", consent) VALUES ($1, $2, 'PARENT', $3, $4, $5, 'GIVEN')`, [`e2e-p-${randomUUID()}`, c.id, NAME, EMAIL, user!.id]);
  }
  const tolu = cases.find((c) => c.reference === "SM-DEMO-00006")!;

  const smtp = await startSmtp();
  try {
    await page.goto("/sign-in/family");
    await page.getByLabel("Email address").fill(EMAIL);
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    const mail = await smtp.waitFor((m) => m.to === EMAIL);
    const link = /(http:\/\/\S+\/sign-in\/family\/verify\?token=\S+)/.exec(mail.text)?.[1];
    expect(link).toBeTruthy();
    await page.goto(link!);
    await page.getByRole("button", { name: "Continue to your case" }).click();
  } finally {
    await smtp.close();
  }

  // Two cases: the chooser, one card each.
  await expect(page).toHaveURL(/\/my-case$/);
  await expect(page.getByRole("heading", { name: "Your cases", level: 1 })).toBeVisible();
  await expect(page).toHaveTitle(/^Your cases – /);
  await expect(page.getByTestId("case-chooser").getByRole("listitem").filter({ has: page.getByRole("heading") })).toHaveCount(2);
  await expectAccessible(page);

  // Keyboard only: focus Tolu's case and press Enter.
  await page.getByRole("link", { name: "Tolu’s case" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/my-case/${tolu.id}$`));
  await expect(page.getByRole("heading", { name: "Your case", level: 1 })).toBeVisible();
  await expect(page.getByText("SM-DEMO-00006").first()).toBeVisible();
  // The meeting is booked: the next step is to go to it, on its day.
  const next = page.getByTestId("next-step");
  await expect(next.getByText("Go to the meeting. We have sent you the day, time and place.")).toBeVisible();
  await expect(next.getByText("Meeting day")).toBeVisible();
  await expect(page.getByTestId("stage").filter({ hasText: "We book the meeting" })).toContainText("Done");
  await expect(page.getByTestId("stage").filter({ hasText: "The meeting takes place" })).toContainText("Now");
  await expect(page.getByRole("navigation", { name: "Pages about this case" }).getByRole("link", { name: "Where your case is" })).toHaveAttribute("aria-current", "page");
  await expectAccessible(page);

  // A 320 px phone: no sideways scrolling on the overview or the agreement page.
  await page.setViewportSize({ width: 320, height: 640 });
  await page.reload();
  expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(320);
  await page.getByRole("link", { name: "The agreement and what was agreed" }).click();
  await expect(page.getByRole("heading", { name: "The agreement and what was agreed", level: 1 })).toBeVisible();
  await expect(page.getByText("There is no signed agreement yet.")).toBeVisible();
  expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(320);
  await expectAccessible(page);

  // Decision 0019: Daniel's agreement waits for this parent's signature. They sign it while signed
  // in, with JavaScript off (the same session), on the phone.
  const daniel = cases.find((c) => c.reference === "SM-DEMO-00005")!;
  const [party] = await sql<{ id: string }>(`SELECT id FROM "Party" WHERE "caseId" = $1 AND "userId" = $2`, [daniel.id, user!.id]);
  const agreementId = `e2e-a-${tag}`;
  await sql(
    `INSERT INTO "CaseAgreement" (id, "caseId", kind, status, "meetingRecordId", "agreedOn", "whatWasAgreed", "contentSha256", "updatedAt")
     VALUES ($1, $2, 'AGREEMENT', 'AWAITING_SIGNATURES', 'e2e-record', current_date, 'The school will give Daniel two speech and language sessions a week.', $3, now())`,
    [agreementId, daniel.id, "a".repeat(64)],
  );
  await sql(`INSERT INTO "AgreementAction" (id, "agreementId", "caseId", position, what, responsible, kind, "dueOn", "howChecked") VALUES ($1, $2, $3, 0, 'Start the sessions', 'SCHOOL', 'OTHER', current_date + 14, 'The school writes to the family')`, [`e2e-aa-${tag}`, agreementId, daniel.id]);
  await sql(`INSERT INTO "AgreementSigner" (id, "agreementId", "caseId", "attendeeId", "partyId", name, capacity, position) VALUES ($1, $2, $3, 'e2e-attendee', $4, $5, 'PARENT', 0)`, [`e2e-s-${tag}`, agreementId, daniel.id, party!.id, NAME]);

  // With JavaScript (axe cannot run without it): the way in, the text, and a refused answer.
  await page.goto(`/my-case/${daniel.id}/agreement`);
  await page.getByRole("link", { name: "Read and sign it" }).click();
  await expect(page.getByRole("heading", { name: "Sign the mediation agreement", level: 1 })).toBeVisible();
  await expect(page.getByTestId("text-to-sign")).toContainText("two speech and language sessions a week");
  expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(320);
  await expectAccessible(page);
  // Yes, but without the tick: the error summary, and nothing signed.
  await page.getByLabel("Yes, I sign it").check();
  await page.getByRole("button", { name: "Send my answer" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Tick the box");
  await expectAccessible(page);

  // Without JavaScript (the same session): the answer is a plain form post.
  const noJs = await page.context().browser()!.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState(), viewport: { width: 320, height: 640 } });
  const p2 = await noJs.newPage();
  await p2.goto(`/my-case/${daniel.id}/agreement/sign`);
  await p2.getByLabel("Yes, I sign it").check();
  await p2.getByLabel("I confirm that this is an accurate record").check();
  await p2.getByRole("button", { name: "Send my answer" }).click();
  // The only signer: sealed at once; the signed PDF is there.
  await expect(p2).toHaveURL(new RegExp(`/my-case/${daniel.id}/agreement\\?done=sealed$`));
  await expect(p2.getByTestId("signed-notice")).toContainText("Everyone has now signed.");
  await expect(p2.getByTestId("agreement-pdf")).toBeVisible();
  await noJs.close();
  await page.goto(`/my-case/${daniel.id}/agreement?done=sealed`);
  await expect(page.getByTestId("agreement-pdf")).toBeVisible();
  expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(320);
  await expectAccessible(page);
  const [sig] = await sql<{ method: string; recordedById: string }>(`SELECT method, "recordedById" FROM "AgreementSignature" WHERE "agreementId" = $1`, [agreementId]);
  expect(sig).toEqual({ method: "SIGNED_IN", recordedById: user!.id });
});
