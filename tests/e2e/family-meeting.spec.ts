/**
 * Issue 12: a parent, signed in by emailed link, opens the meeting page of their case with a
 * booked meeting (set up with SQL), downloads the .ics (the meeting's UID, SEQUENCE and UTC times,
 * parsed with ical.js), and answers "I need something" → an interpreter using only the keyboard;
 * then sees the confirmation. At 320 px wide with no horizontal scroll; axe on each page.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import { forgetFamilyLinkRequests, expectAccessible, sql, startSmtp } from "./helpers";

// More family links are asked for across the run than one address may ask an hour (see the helper).
test.beforeEach(forgetFamilyLinkRequests);

const tag = randomUUID().slice(0, 8);
const ids = { case: `e2e-fm-case-${tag}`, parent: `e2e-fm-p-${tag}`, la: `e2e-fm-la-${tag}`, venue: `e2e-fm-v-${tag}`, meeting: `e2e-fm-m-${tag}`, a1: `e2e-fm-a1-${tag}`, a2: `e2e-fm-a2-${tag}` };
const REFERENCE = `SM-E2E-FM-${tag}`;
const PLANTED = `PLANTED-${tag}`;

test.beforeAll(async () => {
  // The demo parent's own second case, with a joint meeting booked at a venue on Tuesday 15 June
  // 2027, 10:00 to 12:30 in London (BST: 09:00Z), moved twice (SEQUENCE 2).
  const [parent] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = 'parent@demo.test'`);
  const [mediator] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = 'mediator@demo.test'`);
  const [la] = await sql<{ id: string }>(`SELECT id FROM "LocalAuthority" WHERE code = 'DEMO1'`);
  await sql(`INSERT INTO "Case" (id, reference, "localAuthorityId", status, "allocatedMediatorId", "staffNotes", "updatedAt") VALUES ($1, $2, $3, 'MEETING_SCHEDULED', $4, $5, now())`, [
    ids.case,
    REFERENCE,
    la!.id,
    mediator!.id,
    `${PLANTED}-staff-notes`,
  ]);
  await sql(`INSERT INTO "Party" (id, "caseId", kind, name, email, consent, "userId", "accessNeeds") VALUES ($1, $2, 'PARENT', 'Pat Parent', 'parent@demo.test', 'GIVEN', $3, $4)`, [
    ids.parent,
    ids.case,
    parent!.id,
    `${PLANTED}-access`,
  ]);
  await sql(`INSERT INTO "Party" (id, "caseId", kind, name, organisation, email, consent) VALUES ($1, $2, 'LA', 'Lee Officer', 'Northshire County Council', $3, 'PENDING')`, [ids.la, ids.case, `lee-${tag}@la.example`]);
  await sql(`INSERT INTO "Venue" (id, "localAuthorityId", name, address, "stepFreeAccess", "hearingLoop", parking, notes) VALUES ($1, $2, 'Riverside Family Centre', '1 River Road, Northtown', true, true, false, 'Ring the bell at the side door.')`, [
    ids.venue,
    la!.id,
  ]);
  await sql(
    `INSERT INTO "Meeting" (id, "caseId", kind, mode, "venueId", "startsAt", "endsAt", status, sequence, "lateReason", "updatedAt") VALUES ($1, $2, 'JOINT_MEETING', 'VENUE', $3, '2027-06-15T09:00:00Z', '2027-06-15T11:30:00Z', 'SCHEDULED', 2, $4, now())`,
    [ids.meeting, ids.case, ids.venue, `${PLANTED}-late`],
  );
  await sql(`INSERT INTO "MeetingAttendee" (id, "caseId", "meetingId", "partyId", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [ids.a1, ids.case, ids.meeting, ids.parent]);
  await sql(`INSERT INTO "MeetingAttendee" (id, "caseId", "meetingId", "partyId", response, adjustments, "updatedAt") VALUES ($1, $2, $3, $4, 'ACCEPTED', $5, now())`, [
    ids.a2,
    ids.case,
    ids.meeting,
    ids.la,
    `${PLANTED}-la-adjustments`,
  ]);
});

// The demo parent's second case goes again, so later specs find the demo data as they expect.
test.afterAll(async () => {
  await sql(`DELETE FROM "Case" WHERE id = $1`, [ids.case]);
  await sql(`DELETE FROM "Venue" WHERE id = $1`, [ids.venue]);
});

/** Presses Tab until `target` has the focus (keyboard only), failing after 60 presses. */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 60; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("could not reach the element with the Tab key");
}

async function expectNoHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
}

test("a parent sees their meeting, adds it to their calendar and answers 'I need something' with the keyboard, at 320 px", async ({ browser }) => {
  test.setTimeout(90_000);
  const smtp = await startSmtp();
  try {
    const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
    const page = await context.newPage();
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

    // The meeting page: when and where, getting in, who will be there — no staff-only text.
    await page.goto(`/my-case/${ids.case}/meeting`);
    await expect(page).toHaveTitle(/^Your meeting – /);
    await expect(page.getByRole("heading", { level: 1, name: "Your mediation meeting" })).toBeVisible();
    await expect(page.getByText("Tuesday 15 June 2027, 10:00 to 12:30 (UK time)")).toBeVisible();
    await expect(page.getByText("1 River Road, Northtown")).toBeVisible();
    await expect(page.getByTestId("venue-access")).toContainText("There is step-free access.");
    await expect(page.getByTestId("venue-access")).toContainText("Ring the bell at the side door.");
    await expect(page.getByTestId("meeting-people")).toContainText("Pat Parent (you)");
    await expect(page.getByTestId("meeting-people")).toContainText("Lee Officer");
    await expect(page.getByTestId("meeting-people")).toContainText("Mediator");
    expect(await page.content()).not.toContain(PLANTED);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);

    // Add to calendar: an attachment, the meeting's UID and SEQUENCE, times in UTC.
    const calendar = page.getByTestId("add-to-calendar");
    const res = await page.request.get(`/my-case/${ids.case}/meeting/invite.ics`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="meeting-SM-E2E-FM-/);
    const [download] = await Promise.all([page.waitForEvent("download"), tabTo(page, calendar).then(() => page.keyboard.press("Enter"))]);
    const text = readFileSync((await download.path())!, "utf8");
    const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent")!;
    const event = new ICAL.Event(vevent);
    expect(event.uid).toBe(`${ids.meeting}@send-mediation`);
    expect(event.sequence).toBe(2);
    expect(event.startDate.toString()).toBe("2027-06-15T09:00:00Z");
    expect(text).not.toContain(PLANTED);

    // Another family's case: not found.
    const [other] = await sql<{ id: string }>(`SELECT id FROM "Case" WHERE reference = 'SM-DEMO-00002'`);
    expect((await page.request.get(`/my-case/${other!.id}/meeting/invite.ics`)).status()).toBe(404);

    // Answer with the keyboard only: "I need something", then the interpreter's language.
    await tabTo(page, page.getByRole("link", { name: "Answer the invitation" }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/my-case/${ids.case}/meeting/answer$`));
    await expect(page.getByRole("heading", { level: 1, name: "Can you come to the meeting?" })).toBeVisible();
    await expect(page).toHaveTitle(/^Can you come to the meeting\? – /);
    // The questions under "I need something" show only once it is chosen.
    await expect(page.getByLabel("If you need an interpreter, which language?")).toBeHidden();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await tabTo(page, page.getByRole("radio", { name: "I can come" }));
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("radio", { name: "I need something" })).toBeChecked();
    await page.keyboard.press("Tab");
    const language = page.getByLabel("If you need an interpreter, which language?");
    await expect(language).toBeFocused();
    await page.keyboard.type("Polish");
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await tabTo(page, page.getByRole("button", { name: "Send your answer" }));
    await page.keyboard.press("Enter");

    // The confirmation, and the answer shown with a way to change it.
    await expect(page).toHaveURL(new RegExp(`/my-case/${ids.case}/meeting\\?answered=1$`));
    await expect(page.getByTestId("answer-confirmation")).toContainText("Answer sent");
    await expect(page.getByRole("definition").filter({ hasText: "I need something" })).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: "Polish" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Change your answer" })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);

    // The mediator's meeting page reads it from the same row.
    const [row] = await sql<{ response: string; interpreterLanguage: string | null; familyAnsweredAt: Date | null }>(
      `SELECT response::text, "interpreterLanguage", "familyAnsweredAt" FROM "MeetingAttendee" WHERE id = $1`,
      [ids.a1],
    );
    expect(row).toMatchObject({ response: "ACCEPTED", interpreterLanguage: "Polish" });
    expect(row!.familyAnsweredAt).not.toBeNull();
    await context.close();
  } finally {
    await smtp.close();
  }
});
