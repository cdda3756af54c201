/**
 * Issue 10: a mediator books the joint meeting on the meeting page; the family and the LA
 * representative each receive an invitation (.ics) through a real SMTP server started here;
 * moving the meeting sends them SEQUENCE 1, cancelling it METHOD:CANCEL. axe on the booked meeting
 * page and an attendee's page.
 */
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectAccessible, signInAsStaff, sql, startSmtp } from "./helpers";

/** A case of the demo LA DEMO2, allocated to the demo mediator, with the family (agreed) and the LA representative. */
async function allocatedCase() {
  const id = `e2e-${randomUUID()}`;
  const tag = randomUUID().slice(0, 8);
  await sql(
    `INSERT INTO "Case" (id, reference, "localAuthorityId", status, "allocatedMediatorId", "updatedAt")
     SELECT $1, $2, l.id, 'ALLOCATED', (SELECT u.id FROM "User" u WHERE u.email = 'mediator@demo.test'), now() FROM "LocalAuthority" l WHERE l.code = 'DEMO2'`,
    [id, `SM-E2E-${tag.toUpperCase()}`],
  );
  const family = `fran-${tag}@family.example`;
  const laRep = `lee-${tag}@la.example`;
  await sql(`INSERT INTO "Party" (id, "caseId", kind, name, email, consent) VALUES ($1, $2, 'PARENT', 'Fran Family', $3, 'GIVEN'), ($4, $2, 'LA', 'Lee Officer', $5, 'PENDING')`, [
    `e2e-p-${randomUUID()}`,
    id,
    family,
    `e2e-p-${randomUUID()}`,
    laRep,
  ]);
  return { id, family, laRep };
}

test("the mediator books the joint meeting: the family and the LA representative get the invitation; moving it sends them SEQUENCE 1; cancelling, a cancellation", async ({ page }) => {
  test.setTimeout(90_000);
  const c = await allocatedCase();
  const smtp = await startSmtp();
  try {
    await signInAsStaff(page, "mediator@demo.test");
    await expect(page).not.toHaveURL(/\/sign-in/);
    await page.goto(`/cases/${c.id}/meeting`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Find a time for the joint meeting");
    await page.getByLabel("Where", { exact: true }).selectOption("VIDEO");
    await page.getByRole("button", { name: "Show times" }).click();
    await page.getByRole("radio").first().check();
    await page.getByLabel("Video link").fill("https://video.example/mediation-room");
    await page.getByRole("button", { name: "Book this time" }).click();
    await expect(page.getByTestId("done-banner")).toContainText("The joint meeting has been booked.");

    const invitation = (to: string, sequence: number) => (m: { to: string; text: string }) => m.to === to && m.text.includes("METHOD:REQUEST") && m.text.includes(`SEQUENCE:${sequence}`);
    for (const to of [c.family, c.laRep]) {
      const m = await smtp.waitFor(invitation(to, 0));
      expect(m.subject).toMatch(/^Invitation: mediation meeting on \w+day \d+ \w+ \d{4}, \d\d:\d\d/);
      expect(m.text).toContain("Join with this link: https://video.example/mediation-room");
      expect(m.text).toMatch(/DTSTART:\d{8}T\d{6}Z/);
    }

    // The booked meeting: who is invited, with the R-24 warning until the LA's authority is confirmed.
    await page.getByRole("link", { name: "The joint meeting: who is invited, move or cancel" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("The joint meeting");
    const invited = page.getByTestId("attendees");
    await expect(invited).toContainText("Fran Family (parent or carer)");
    await expect(invited).toContainText("Lee Officer (local authority representative)");
    await expect(page.getByRole("main")).toContainText("No local authority representative invited to the joint meeting is confirmed as having authority");
    await expectAccessible(page);

    await page.getByRole("link", { name: "Change the answer or needs of Lee Officer" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lee Officer");
    await expectAccessible(page);
    await page.getByRole("radio", { name: "Coming", exact: true }).check();
    await page.getByRole("radio", { name: "Yes, confirmed" }).check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("done-banner")).toContainText("Their answer has been saved.");
    await expect(page.getByRole("main")).not.toContainText("is confirmed as having authority");

    // Move it to another offered time: everyone is sent SEQUENCE 1 of the same event.
    await page.getByLabel("Where", { exact: true }).selectOption("VIDEO");
    await page.getByRole("button", { name: "Show times" }).click();
    await page.getByRole("radio").nth(1).check();
    await page.getByLabel("Video link").fill("https://video.example/mediation-room");
    await page.getByRole("button", { name: "Move the meeting to this time" }).click();
    await expect(page.getByTestId("done-banner")).toContainText("The joint meeting has been moved.");
    for (const to of [c.family, c.laRep]) {
      const first = await smtp.waitFor(invitation(to, 0));
      const moved = await smtp.waitFor(invitation(to, 1));
      expect(moved.subject).toMatch(/^Moved: mediation meeting, now on/);
      const uid = (m: { text: string }) => /UID:(\S+)/.exec(m.text)?.[1];
      expect(uid(moved)).toBe(uid(first));
      expect(uid(moved)).toMatch(/@send-mediation$/);
    }

    // Cancelling asks for a reason and a confirmation; everyone is sent METHOD:CANCEL, without the reason.
    await page.goto(`/cases/${c.id}/meeting`);
    await page.getByRole("link", { name: "Cancel the joint meeting" }).click();
    await page.getByLabel("Why the meeting is cancelled").fill("The mediator is unwell");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { name: "Check before you cancel the joint meeting" })).toBeVisible();
    await page.getByRole("button", { name: "Yes, cancel the meeting" }).click();
    await expect(page.getByTestId("done-banner")).toContainText("The joint meeting has been cancelled");
    for (const to of [c.family, c.laRep]) {
      const cancelled = await smtp.waitFor((m) => m.to === to && m.text.includes("METHOD:CANCEL") && m.text.includes("SEQUENCE:2"));
      expect(cancelled.text).not.toContain("unwell");
    }
  } finally {
    await smtp.close();
  }
});
