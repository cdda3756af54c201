/**
 * Issue 12's acceptance flow in one test: a parent signs in by emailed link, reads the next step,
 * accepts the meeting, uploads a view and signs the agreement, using only the keyboard (Tab, Space,
 * Enter and typing; a locator only checks what has the focus, and picks the file for the upload),
 * at 320 px wide. Every page visited: axe, and no sideways scrolling.
 *
 * In two phases, as a case really goes: (1) the joint meeting is booked and the parent is invited;
 * (2) the meeting is held, the mediator drafts the agreement and asks for signatures, and the local
 * authority's officer signs in the room (set up here with SQL, as the mediator's pages would write
 * it): the parent's signature is the last one, so it seals the agreement.
 */
import { randomUUID } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { addCalendarDays, todayInLondon } from "@/lib/deadlines";
import { agreementTextSha256, type AgreementText } from "@/lib/agreements/agreement-content";
import { actionDueDate } from "@/lib/agreements/action-kinds";
import { forgetFamilyLinkRequests, expectAccessible, sql, startSmtp } from "./helpers";
import { pdfBytes } from "../integration/family/sample-files";

// More family links are asked for across the run than one address may ask an hour (see the helper).
test.beforeEach(forgetFamilyLinkRequests);

const tag = randomUUID().slice(0, 8);
const EMAIL = `journey-${tag}@family.example`;
const PARENT = "Pat Journey";
const OFFICER = "Lee Officer";
const REFERENCE = `SM-E2E-FJ-${tag}`;
const id = (what: string) => `e2e-fj-${what}-${tag}`;

test.use({ viewport: { width: 320, height: 800 }, actionTimeout: 20_000 });

/** Presses Tab until `target` has the focus, failing after 80 presses. */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 80; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("could not reach the element with the Tab key");
}

/** The page fits a 320 px screen without sideways scrolling, and axe finds nothing. */
async function checkPage(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectAccessible(page);
}

/** Phase 1: the parent's case, its joint meeting booked for 10 days' time, the parent and the LA invited. */
async function caseWithBookedMeeting() {
  const today = todayInLondon();
  const [user] = await sql<{ id: string }>(`INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES ($1, $2, $3, 'PARENT', now()) RETURNING id`, [id("user"), EMAIL, PARENT]);
  await sql(
    `INSERT INTO "Case" (id, reference, "localAuthorityId", status, "disputedDecisions", "decisionSentOn", "laNotifiedOn", "meetingOn", "allocatedMediatorId", "updatedAt")
     SELECT $1, $2, l.id, 'MEETING_SCHEDULED', '{PLAN_CONTENTS_SECTION_F}', $3::date, $4::date, $5::date, (SELECT u.id FROM "User" u WHERE u.email = 'mediator@demo.test'), now()
     FROM "LocalAuthority" l WHERE l.code = 'DEMO1'`,
    [id("case"), REFERENCE, addCalendarDays(today, -30), addCalendarDays(today, -15), addCalendarDays(today, 10)],
  );
  await sql(`INSERT INTO "Child" (id, "caseId", name) VALUES ($1, $2, 'Sam Journey')`, [id("child"), id("case")]);
  await sql(`INSERT INTO "Party" (id, "caseId", kind, name, email, consent, "userId") VALUES ($1, $2, 'PARENT', $3, $4, 'GIVEN', $5), ($6, $2, 'LA', $7, NULL, 'GIVEN', NULL)`, [
    id("parent"),
    id("case"),
    PARENT,
    EMAIL,
    user!.id,
    id("la"),
    OFFICER,
  ]);
  await sql(
    `INSERT INTO "Meeting" (id, "caseId", kind, mode, "startsAt", "endsAt", status, "mediatorId", "updatedAt")
     SELECT $1, $2, 'JOINT_MEETING', 'PHONE', ($3::date + time '10:00') AT TIME ZONE 'Europe/London', ($3::date + time '12:30') AT TIME ZONE 'Europe/London', 'SCHEDULED', "allocatedMediatorId", now() FROM "Case" WHERE id = $2`,
    [id("meeting"), id("case"), addCalendarDays(today, 10)],
  );
  await sql(`INSERT INTO "MeetingAttendee" (id, "caseId", "meetingId", "partyId", "updatedAt") VALUES ($1, $2, $3, $4, now()), ($5, $2, $3, $6, now())`, [
    id("att-parent"),
    id("case"),
    id("meeting"),
    id("parent"),
    id("att-la"),
    id("la"),
  ]);
  return { caseId: id("case"), userId: user!.id };
}

/**
 * Phase 2: the meeting took place yesterday with full agreement; the mediator recorded it, drafted
 * the agreement with one action and asked everyone who attended to sign; the LA officer signed in
 * the room. The text's hash is the one lib/agreements computes, so the data is as the app writes it.
 */
async function meetingHeldAndAgreementAwaitingTheParent() {
  const heldOn = addCalendarDays(todayInLondon(), -1);
  const caseId = id("case");
  await sql(
    `UPDATE "Meeting" SET status = 'HELD', "startsAt" = ($2::date + time '10:00') AT TIME ZONE 'Europe/London', "endsAt" = ($2::date + time '12:30') AT TIME ZONE 'Europe/London' WHERE id = $1`,
    [id("meeting"), heldOn],
  );
  await sql(`UPDATE "Case" SET status = 'MEETING_HELD', "meetingOn" = $2::date, "heldOn" = $2::date, agreement = 'FULL', version = version + 1 WHERE id = $1`, [caseId, heldOn]);
  await sql(
    `INSERT INTO "MeetingRecord" (id, "caseId", "meetingId", "startedAt", "endedAt", "recordedById", "updatedAt")
     SELECT $1, $2, m.id, m."startsAt", m."endsAt", m."mediatorId", now() FROM "Meeting" m WHERE m.id = $3`,
    [id("record"), caseId, id("meeting")],
  );
  await sql(`INSERT INTO "MeetingRecordAttendee" (id, "recordId", "partyId", name, capacity, "hasAuthority", position) VALUES ($1, $2, $3, $4, 'PARENT', NULL, 0), ($5, $2, $6, $7, 'LA_OFFICER', true, 1)`, [
    id("ra-parent"),
    id("record"),
    id("parent"),
    PARENT,
    id("ra-la"),
    id("la"),
    OFFICER,
  ]);

  const action = { position: 0, what: "Give Sam two speech and language sessions a week", responsible: "SCHOOL" as const, kind: "OTHER" as const, dueOn: addCalendarDays(heldOn, 28), howChecked: "The school writes to the family" };
  const text: AgreementText = {
    kind: "AGREEMENT",
    caseReference: REFERENCE,
    version: 1,
    correctsVersion: null,
    agreedOn: heldOn,
    whatWasAgreed: "The local authority will amend section F of Sam's plan to include speech and language therapy.",
    whatWasNotAgreed: null,
    actions: [{ ...action, dueRule: actionDueDate(heldOn, action.kind, action.dueOn).rule, override: null }],
    signers: [
      { name: PARENT, capacity: "PARENT" },
      { name: OFFICER, capacity: "LA_OFFICER" },
    ],
  };
  const hash = agreementTextSha256(text);
  await sql(
    `INSERT INTO "CaseAgreement" (id, "caseId", kind, status, "meetingRecordId", "agreedOn", "whatWasAgreed", "contentSha256", revision, "createdById", "updatedAt")
     SELECT $1, $2, 'AGREEMENT', 'AWAITING_SIGNATURES', $3, $4::date, $5, $6, 3, "allocatedMediatorId", now() FROM "Case" WHERE id = $2`,
    [id("agreement"), caseId, id("record"), heldOn, text.whatWasAgreed, hash],
  );
  await sql(`INSERT INTO "AgreementAction" (id, "agreementId", "caseId", position, what, responsible, kind, "dueOn", "howChecked") VALUES ($1, $2, $3, 0, $4, 'SCHOOL', 'OTHER', $5::date, $6)`, [
    id("action"),
    id("agreement"),
    caseId,
    action.what,
    action.dueOn,
    action.howChecked,
  ]);
  await sql(
    `INSERT INTO "AgreementSigner" (id, "agreementId", "caseId", "attendeeId", "partyId", name, capacity, position) VALUES ($1, $2, $3, $4, $5, $6, 'PARENT', 0), ($7, $2, $3, $8, $9, $10, 'LA_OFFICER', 1)`,
    [id("signer-parent"), id("agreement"), caseId, id("ra-parent"), id("parent"), PARENT, id("signer-la"), id("ra-la"), id("la"), OFFICER],
  );
  await sql(
    `INSERT INTO "AgreementSignature" (id, "agreementId", "signerId", "caseId", outcome, method, "contentSha256", "typedName", "recordedById")
     SELECT $1, $2, $3, $4, 'SIGNED', 'IN_PERSON', $5, $6, "allocatedMediatorId" FROM "Case" WHERE id = $4`,
    [id("signature-la"), id("agreement"), id("signer-la"), caseId, hash, OFFICER],
  );
  return { whatWasAgreed: text.whatWasAgreed, action: action.what };
}

test("a parent signs in by emailed link, reads the next step, accepts the meeting, uploads a view and signs the agreement, with the keyboard only, at 320 px", async ({ page }) => {
  // 13 pages and a PDF sealed: a busy 2-core machine may take a few times the idle time.
  test.setTimeout(180_000);
  const { caseId, userId } = await caseWithBookedMeeting();
  const smtp = await startSmtp();
  try {
    // Sign in: ask for a link, follow it from the email, continue.
    await page.goto("/sign-in/family");
    await expect(page.getByRole("heading", { level: 1, name: "Get a sign-in link" })).toBeVisible();
    await checkPage(page);
    await tabTo(page, page.getByLabel("Email address"));
    await page.keyboard.type(EMAIL);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
    await checkPage(page);
    const mail = await smtp.waitFor((m) => m.to === EMAIL);
    const link = /(http:\/\/\S+\/sign-in\/family\/verify\?token=\S+)/.exec(mail.text)?.[1];
    expect(link).toBeTruthy();
    await page.goto(link!);
    const continueButton = page.getByRole("button", { name: "Continue to your case" });
    await expect(continueButton).toBeVisible();
    await checkPage(page);
    await tabTo(page, continueButton);
    await page.keyboard.press("Enter");

    // Their only case: straight to its overview. The next step: go to the meeting, on its day.
    await expect(page).toHaveURL(new RegExp(`/my-case/${caseId}$`));
    await expect(page.getByRole("heading", { level: 1, name: "Your case" })).toBeVisible();
    const next = page.getByTestId("next-step");
    await expect(next).toContainText("Go to the meeting. We have sent you the day, time and place.");
    await expect(next.getByText("Meeting day")).toBeVisible();
    await checkPage(page);

    // The meeting: answer "I can come".
    await tabTo(page, page.getByRole("navigation", { name: "Pages about this case" }).getByRole("link", { name: "Your meeting" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "Your mediation meeting" })).toBeVisible();
    await expect(page.getByTestId("meeting-people")).toContainText(`${PARENT} (you)`);
    await checkPage(page);
    await tabTo(page, page.getByRole("link", { name: "Answer the invitation" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "Can you come to the meeting?" })).toBeVisible();
    await checkPage(page);
    const canCome = page.getByRole("radio", { name: "I can come" });
    await tabTo(page, canCome);
    await page.keyboard.press("Space");
    await expect(canCome).toBeChecked();
    await tabTo(page, page.getByRole("button", { name: "Send your answer" }));
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("answer-confirmation")).toContainText("Answer sent");
    await expect(page.getByRole("definition").filter({ hasText: "I can come" })).toBeVisible();
    await checkPage(page);

    // Their views, with a letter (the file picker is the one step a keyboard test cannot press through).
    await tabTo(page, page.getByRole("navigation", { name: "Pages about this case" }).getByRole("link", { name: "Your views" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "Your views and your child’s views" })).toBeVisible();
    await checkPage(page);
    await tabTo(page, page.getByLabel("What you would like from mediation, and your views"));
    await page.keyboard.type(`We would like speech and language therapy for Sam (${tag}).`);
    await page.getByLabel("Upload a document (optional)").setInputFiles({ name: `therapist-letter-${tag}.pdf`, mimeType: "application/pdf", buffer: pdfBytes() });
    await tabTo(page, page.getByRole("button", { name: "Send to your mediator" }));
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("done-banner")).toContainText("Your mediator can now read what you sent.");
    await expect(page.getByTestId("my-upload").filter({ hasText: `therapist-letter-${tag}.pdf` })).toContainText("PDF");
    await expect(page.getByTestId("my-view").first()).toContainText(`(${tag})`);
    await checkPage(page);

    // Phase 2: the meeting has taken place; the agreement waits for the parent's signature.
    const agreement = await meetingHeldAndAgreementAwaitingTheParent();
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Your views and your child’s views" })).toBeVisible();
    await tabTo(page, page.getByRole("navigation", { name: "Pages about this case" }).getByRole("link", { name: "Where your case is" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "Your case" })).toBeVisible();
    await expect(next).toContainText("Please read the agreement and sign it.");
    await expect(next.getByRole("definition").filter({ hasText: /^You$/ })).toBeVisible();
    await expect(page.getByTestId("stage").filter({ hasText: "The meeting takes place" })).toContainText("Done");
    await expect(page.getByTestId("stage").filter({ hasText: "Everyone signs the agreement" })).toContainText("Now");
    await checkPage(page);

    // Read it and sign it.
    await tabTo(page, next.getByRole("link", { name: "Read and sign it" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "Sign the mediation agreement" })).toBeVisible();
    await expect(page.getByTestId("text-to-sign")).toContainText(agreement.whatWasAgreed);
    await expect(page.getByTestId("text-to-sign")).toContainText(agreement.action);
    await checkPage(page);
    const yes = page.getByRole("radio", { name: "Yes, I sign it" });
    await tabTo(page, yes);
    await page.keyboard.press("Space");
    await expect(yes).toBeChecked();
    const confirm = page.getByRole("checkbox", { name: "I confirm that this is an accurate record of what was agreed at the meeting." });
    await tabTo(page, confirm);
    await page.keyboard.press("Space");
    await expect(confirm).toBeChecked();
    await tabTo(page, page.getByRole("button", { name: "Send my answer" }));
    await page.keyboard.press("Enter");

    // The last signature: sealed, and the signed PDF is there for them.
    await expect(page).toHaveURL(new RegExp(`/my-case/${caseId}/agreement\\?done=sealed$`));
    await expect(page.getByTestId("signed-notice")).toContainText("Everyone has now signed.");
    const pdf = page.getByTestId("agreement-pdf");
    await expect(pdf).toBeVisible();
    await checkPage(page);
    const res = await page.request.get((await pdf.getAttribute("href"))!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/pdf");

    const signatures = await sql<{ method: string; recordedById: string | null }>(`SELECT method::text, "recordedById" FROM "AgreementSignature" WHERE "signerId" = $1`, [id("signer-parent")]);
    expect(signatures).toEqual([{ method: "SIGNED_IN", recordedById: userId }]);
  } finally {
    await smtp.close();
  }
});
