/**
 * Issue 10 in the browser: the mediator writes the record of yesterday's joint meeting from their
 * home (who attended, with the LA's authority, R-24; the child's views, R-25; expenses, R-26; the
 * outcome), checks the answers, saves, and the case has moved on to "Meeting held". Then the notes
 * section of the case page: a pre-meeting note, shared with the case team, marked as a safeguarding
 * concern after its confirmation page. axe on each new page. The case is created here
 * (SQL) in Northshire, allocated to the demo mediator.
 */
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { addCalendarDays, todayInLondon } from "@/lib/deadlines";
import { expectAccessible, signInAsStaff, sql } from "./helpers";

test("a mediator records the meeting and the case moves on; then keeps notes behind the wall", async ({ page }) => {
  test.setTimeout(90_000);
  const id = `e2e-${randomUUID()}`;
  const reference = `SM-E2E-REC-${randomUUID().slice(0, 6).toUpperCase()}`;
  const yesterday = addCalendarDays(todayInLondon(), -1);
  const told = addCalendarDays(todayInLondon(), -20);
  await sql(
    `INSERT INTO "Case" (id, reference, "localAuthorityId", status, "laNotifiedOn", "meetingOn", "allocatedMediatorId", "updatedAt")
     SELECT $1, $2, l.id, 'MEETING_SCHEDULED', $3::date, $4::date, (SELECT u.id FROM "User" u WHERE u.email = 'mediator@demo.test'), now() FROM "LocalAuthority" l WHERE l.code = 'DEMO1'`,
    [id, reference, told, yesterday],
  );
  await sql(`INSERT INTO "Child" (id, "caseId", name) VALUES ($1, $2, 'Robin Record')`, [`e2e-c-${randomUUID()}`, id]);
  await sql(`INSERT INTO "Party" (id, "caseId", kind, name, consent) VALUES ($1, $2, 'PARENT', 'Jane Record', 'GIVEN'), ($3, $2, 'LA', 'Lee Officer', 'PENDING')`, [
    `e2e-p-${randomUUID()}`,
    id,
    `e2e-p-${randomUUID()}`,
  ]);
  // The joint meeting was booked for yesterday, 10:00 to 12:30 (London; BST or GMT alike, the form shows what was booked).
  await sql(
    `INSERT INTO "Meeting" (id, "caseId", kind, mode, "startsAt", "endsAt", "mediatorId", "updatedAt")
     SELECT $1, $2, 'JOINT_MEETING', 'PHONE', ($3::date + time '10:00') AT TIME ZONE 'Europe/London', ($3::date + time '12:30') AT TIME ZONE 'Europe/London', "allocatedMediatorId", now() FROM "Case" WHERE id = $2`,
    [`e2e-m-${randomUUID()}`, id, yesterday],
  );

  await signInAsStaff(page, "mediator@demo.test");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My cases");
  await page.getByTestId("to-record").getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Record the meeting");
  // Filled in from the booked meeting.
  await expect(page.getByLabel("Time it started")).toHaveValue("10:00");
  await expect(page.getByLabel("Time it ended")).toHaveValue("12:30");
  await expectAccessible(page);

  // Nothing chosen: every problem at once, in an error summary.
  await page.getByRole("button", { name: "Continue" }).click();
  const summary = page.getByTestId("error-summary");
  await expect(summary).toContainText("Tick everyone who attended the meeting");
  await expect(summary).toContainText("Choose whether the meeting reached full, partial or no agreement");
  await expect(page).toHaveTitle(/^Error: Record the meeting/);
  await expectAccessible(page);

  await page.getByLabel("Jane Record (parent or carer)").check();
  await page.getByLabel("Lee Officer (local authority representative)").check();
  await page.getByRole("group", { name: "If Lee Officer attended: did they have authority to resolve the issues?" }).getByLabel("Yes").check();
  await page.getByLabel("A drawing or pictures").check();
  await page.getByRole("textbox", { name: "Their views" }).fill("Robin drew their class and wants to stay with their friends.");
  await page.getByRole("group", { name: "Did the family claim travel or other expenses?" }).getByLabel("No").check();
  await page.getByLabel("Full agreement").check();
  await page.getByLabel("Private notes (optional)").fill("Long pause before agreeing section F.");
  await page.getByRole("button", { name: "Continue" }).click();

  // Check the answers, then save.
  await expect(page.getByRole("heading", { name: "Check the meeting record before saving it" })).toBeVisible();
  await expect(page.getByTestId("record-attendees")).toContainText("Lee Officer");
  await expect(page.getByTestId("record-attendees")).toContainText("Had authority to resolve the issues");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save the meeting record" }).click();
  await expect(page.getByTestId("done-banner")).toContainText("The meeting record has been saved");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meeting record");
  await expect(page.getByRole("main")).toContainText("Robin drew their class");
  await expectAccessible(page);

  // The case moved on.
  await page.getByRole("link", { name: "Return to the case" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(reference);
  await expect(page.getByRole("main")).toContainText("Meeting held");
  await expect(page.getByRole("main")).toContainText("Full agreement");
  await expect(page.getByTestId("deadline-CERTIFICATE_AFTER_MEDIATION")).toBeVisible();

  // Notes: the record's private notes are there; add a pre-meeting note, share it, mark it.
  const notes = page.getByTestId("case-notes");
  await expect(notes.getByTestId("case-note")).toHaveCount(1);
  await expect(notes).toContainText("Long pause before agreeing section F.");
  await notes.getByLabel("Notes from a pre-meeting with one party").check();
  await notes.getByLabel("For notes from a pre-meeting: who it was with").selectOption({ label: "Lee Officer (local authority representative)" });
  await notes.getByLabel("Note", { exact: true }).fill("Lee can agree transport but not therapy hours.");
  await notes.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByTestId("done-banner")).toContainText("Your note has been saved");
  await expect(notes.getByTestId("case-note")).toHaveCount(2);
  await expectAccessible(page);
  const note = notes.getByTestId("case-note").filter({ hasText: "Lee can agree transport" });
  await note.getByRole("button", { name: /^Share with the case team/ }).click();
  await expect(page.getByTestId("done-banner")).toContainText("The note has been shared with the case team.");
  await expect(note).toContainText("Shared with the case team");

  await note.getByRole("link", { name: /^Mark as a safeguarding concern/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mark a note as a safeguarding concern");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Mark as a safeguarding concern" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Confirm that this note records a safeguarding concern");
  await page.getByLabel("I confirm this note records a serious safeguarding (child protection) concern").check();
  await page.getByRole("button", { name: "Mark as a safeguarding concern" }).click();
  await expect(page.getByTestId("done-banner")).toContainText("The note has been marked as a safeguarding concern.");
  await expect(note).toContainText("Safeguarding concern");
  await expect(note.getByRole("link", { name: /^Mark as a safeguarding concern/ })).toHaveCount(0);

  // a safeguarding lead (a caseworker of this run, with the demo password) reads it on /safeguarding.
  const leadEmail = `lead-${randomUUID().slice(0, 8)}@demo.test`;
  await sql(
    `INSERT INTO "User" (id, email, name, role, "passwordHash", "safeguardingLead", "updatedAt")
     SELECT $1, $2, 'Sol Lead', 'CASEWORKER', u."passwordHash", true, now() FROM "User" u WHERE u.email = 'caseworker@demo.test'`,
    [`e2e-${randomUUID()}`, leadEmail],
  );
  const lead = await (await page.context().browser()!.newContext()).newPage();
  await signInAsStaff(lead, leadEmail);
  await expect(lead).not.toHaveURL(/\/sign-in/);
  await lead.goto("/safeguarding");
  await expect(lead.getByRole("heading", { level: 1 })).toHaveText("Safeguarding concerns");
  await expect(lead.getByTestId("concerns")).toContainText("Lee can agree transport");
  await expectAccessible(lead);
  await lead.context().close();
});

test("the meeting record works without JavaScript: the problems, then the answers to check", async ({ browser }) => {
  const context = await browser.newContext();
  await context.route(/\.js(\?|$)/, (route) => route.abort());
  const page = await context.newPage();
  const id = `e2e-${randomUUID()}`;
  await sql(
    `INSERT INTO "Case" (id, reference, "localAuthorityId", status, "meetingOn", "allocatedMediatorId", "updatedAt")
     SELECT $1, $2, l.id, 'MEETING_SCHEDULED', $3::date, (SELECT u.id FROM "User" u WHERE u.email = 'mediator@demo.test'), now() FROM "LocalAuthority" l WHERE l.code = 'DEMO1'`,
    [id, `SM-E2E-NOJS-${randomUUID().slice(0, 6).toUpperCase()}`, addCalendarDays(todayInLondon(), -2)],
  );
  await sql(`INSERT INTO "Party" (id, "caseId", kind, name, consent) VALUES ($1, $2, 'PARENT', 'Nat Nojs', 'GIVEN')`, [`e2e-p-${randomUUID()}`, id]);
  await signInAsStaff(page, "mediator@demo.test");
  await expect(page).toHaveURL(/\/mediator$/);
  await page.goto(`/cases/${id}/meeting/record`);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Enter the time the meeting started, like 10:00");
  await expect(page).toHaveTitle("Error: Record the meeting – SEND Mediation");
  await page.getByLabel("Time it started").fill("14:00");
  await page.getByLabel("Time it ended").fill("16:00");
  await page.getByLabel("In person").check();
  await page.getByLabel("Nat Nojs (parent or carer)").check();
  await page.getByLabel("They attended the meeting").check();
  await page.getByRole("textbox", { name: "Their views" }).fill("Wants more help with reading.");
  await page.getByRole("group", { name: "Did the family claim travel or other expenses?" }).getByLabel("No").check();
  await page.getByLabel("No agreement").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Check the meeting record before saving it" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Wants more help with reading.");
  await page.getByRole("button", { name: "Save the meeting record" }).click();
  await expect(page.getByTestId("done-banner")).toContainText("The meeting record has been saved");
  await context.close();
});
