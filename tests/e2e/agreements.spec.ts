/**
 * Issue 11 in the browser, end to end: from a joint meeting recorded as held with full agreement,
 * the mediator drafts the agreement with three actions (names with accents), asks everyone to sign;
 * two people sign in the room on the mediator's device, the third by the link emailed to them
 * (a real SMTP server started here), without an account. The sealed PDF's text has the actions, the
 * names and the text's hash; the public verify page confirms that PDF and rejects a changed copy.
 * Then the mediator issues the after-mediation certificate and its PDF prints the last day
 * to appeal the case page shows. axe on every page.
 */
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { addCalendarDays, todayInLondon } from "@/lib/deadlines";
import { verificationUrl } from "@/lib/platform/documents/verification-code";
import { expectAccessible, fillDate, signInAsStaff, sql, startSmtp } from "./helpers";

// A step that cannot happen fails in seconds, not at the test's timeout.
test.use({ actionTimeout: 20_000 });

async function pdfText(bytes: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  // Table cells wrap: compare with every run of white space as one space.
  return text.replace(/\s+/g, " ");
}

/** A case of DEMO1 allocated to the demo mediator, its joint meeting booked for yesterday by phone. */
async function caseWithYesterdaysMeeting() {
  const id = `e2e-${randomUUID()}`;
  const tag = randomUUID().slice(0, 6).toUpperCase();
  const reference = `SM-E2E-AGR-${tag}`;
  const today = todayInLondon();
  const yesterday = addCalendarDays(today, -1);
  await sql(
    `INSERT INTO "Case" (id, reference, "localAuthorityId", status, "disputedDecisions", "decisionSentOn", "laNotifiedOn", "meetingOn", "allocatedMediatorId", "updatedAt")
     SELECT $1, $2, l.id, 'MEETING_SCHEDULED', '{PLAN_CONTENTS_SECTION_F}', $3::date, $4::date, $5::date, (SELECT u.id FROM "User" u WHERE u.email = 'mediator@demo.test'), now()
     FROM "LocalAuthority" l WHERE l.code = 'DEMO1'`,
    [id, reference, addCalendarDays(today, -40), addCalendarDays(today, -20), yesterday],
  );
  const linkSigner = `mai-${tag.toLowerCase()}@family.example`;
  await sql(`INSERT INTO "Party" (id, "caseId", kind, name, email, consent) VALUES ($1, $2, 'PARENT', 'Łukasz Nguyễn', NULL, 'GIVEN'), ($3, $2, 'PARENT', 'Mai Nguyễn', $4, 'GIVEN'), ($5, $2, 'LA', 'Lee Officer', NULL, 'PENDING')`, [
    `e2e-p-${randomUUID()}`,
    id,
    `e2e-p-${randomUUID()}`,
    linkSigner,
    `e2e-p-${randomUUID()}`,
  ]);
  await sql(
    `INSERT INTO "Meeting" (id, "caseId", kind, mode, "startsAt", "endsAt", "mediatorId", "updatedAt")
     SELECT $1, $2, 'JOINT_MEETING', 'PHONE', ($3::date + time '10:00') AT TIME ZONE 'Europe/London', ($3::date + time '12:30') AT TIME ZONE 'Europe/London', "allocatedMediatorId", now() FROM "Case" WHERE id = $2`,
    [`e2e-m-${randomUUID()}`, id, yesterday],
  );
  return { id, reference, linkSigner, today };
}

async function addAction(page: Page, a: { what: string; who: string; kind: string; otherDueOn?: string; howChecked: string }) {
  await page.getByRole("link", { name: "Add an action" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add an action");
  await page.getByLabel("What will happen").fill(a.what);
  await page.getByRole("group", { name: "Who is responsible" }).getByLabel(a.who, { exact: true }).check();
  await page.getByLabel("What kind of action is it").selectOption({ label: a.kind });
  if (a.otherDueOn) await fillDate(page, "Only for 'Other': the date the parties agreed", a.otherDueOn);
  await page.getByLabel("How the parties will know it has been done").fill(a.howChecked);
  await page.getByRole("button", { name: "Save the action" }).click();
  await expect(page.getByTestId("done-banner")).toContainText("The action has been saved.");
}

test("an agreement drafted after the meeting, signed in the room and by emailed link, sealed, verified; then the certificate", async ({ page, browser }, testInfo) => {
  // About 25 pages and two PDFs: 22 s measured on an idle 2-core machine; a busy one may take 4 times as long.
  test.setTimeout(120_000);
  const c = await caseWithYesterdaysMeeting();
  const smtp = await startSmtp();
  try {
    // 1. The meeting is recorded as held, with full agreement; everyone attended.
    await signInAsStaff(page, "mediator@demo.test");
    await expect(page).toHaveURL(/\/mediator$/);
    await page.goto(`/cases/${c.id}/meeting/record`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Record the meeting");
    await expectAccessible(page);
    await page.getByLabel("Łukasz Nguyễn (parent or carer)").check();
    await page.getByLabel("Mai Nguyễn (parent or carer)").check();
    await page.getByLabel("Lee Officer (local authority representative)").check();
    await page.getByRole("group", { name: "If Lee Officer attended: did they have authority to resolve the issues?" }).getByLabel("Yes").check();
    await page.getByLabel("They attended the meeting").check();
    await page.getByRole("textbox", { name: "Their views" }).fill("Wants to stay with their friends.");
    await page.getByRole("group", { name: "Did the family claim travel or other expenses?" }).getByLabel("No").check();
    await page.getByLabel("Full agreement").check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Save the meeting record" }).click();
    await expect(page.getByTestId("done-banner")).toContainText("The meeting record has been saved");

    // 2. The agreement, from the case page: start the draft, write the text, three actions.
    await page.goto(`/cases/${c.id}`);
    await expect(page.getByRole("definition").filter({ hasText: /^Full agreement$/ })).toBeVisible();
    await page.getByRole("link", { name: "Agreement", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mediation agreement");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Start the draft" }).click();
    await expect(page.getByTestId("done-banner")).toContainText("The draft has been started.");
    await expectAccessible(page);
    await page.getByLabel("What was agreed").fill("The local authority will amend sections B and F of Ŷ's plan to include speech and language therapy.");
    await page.getByRole("button", { name: "Save the text" }).click();
    await expect(page.getByTestId("done-banner")).toContainText("The text has been saved.");

    const actions = [
      { what: "Amend sections B and F of the plan for Łukasz Nguyễn's child", who: "The local authority", kind: "Amend sections B and F (5 weeks)", howChecked: "The family receives the amended plan" },
      { what: "Continue to maintain the plan", who: "The local authority", kind: "Continue to maintain, or cease, the plan (immediately)", howChecked: "Confirmed in writing to the family" },
      { what: "Arrange a visit to the new class with Mai Nguyễn", who: "The school or college", kind: "Other: a date the parties agree", otherDueOn: addCalendarDays(c.today, 30), howChecked: "The school emails the family the date" },
    ];
    await addAction(page, actions[0]!);
    await expectAccessible(page); // the agreement with an action
    await addAction(page, actions[1]!);
    await addAction(page, actions[2]!);
    // The form's page, as shown once (empty, for the next one).
    await page.getByRole("link", { name: "Add an action" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add an action");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Back to the agreement" }).click();

    // 3. Everyone signs: two in the room, the third by the emailed link.
    await page.getByRole("button", { name: "The text is ready: ask everyone to sign" }).click();
    await expect(page.getByTestId("done-banner")).toContainText("Everyone who attended can now sign.");
    await expectAccessible(page);
    const textHash = (await page.getByRole("definition").filter({ hasText: /^[0-9a-f]{64}$/ }).textContent())!.trim();

    for (const name of ["Łukasz Nguyễn", "Lee Officer"]) {
      await page.getByRole("link", { name: `Sign in the room for ${name}` }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Sign: ${name}`);
      await expect(page.getByRole("main")).toContainText(actions[0]!.what);
      if (name === "Łukasz Nguyễn") await expectAccessible(page);
      await page.getByRole("group", { name: `${name}: do you sign this record?` }).getByLabel("Yes, I sign it").check();
      await page.getByLabel("I confirm that this is an accurate record of what was agreed at the meeting.").check();
      await page.getByLabel("To sign, type your full name").fill(name);
      await page.getByRole("button", { name: "Continue" }).click();
      await expect(page.getByTestId("done-banner")).toContainText("The signature has been recorded.");
    }

    await page.getByRole("button", { name: "Email a signing link to Mai Nguyễn" }).click();
    await expect(page.getByTestId("done-banner")).toContainText("The signing link has been emailed.");
    const email = await smtp.waitFor((m) => m.to === c.linkSigner && m.subject.startsWith("Please read and sign"));
    const signPath = /\/sign\/[A-Za-z0-9_-]+/.exec(email.text)?.[0];
    expect(signPath).toBeTruthy();

    const family = await browser.newContext();
    try {
      const remote = await family.newPage();
      await remote.goto(signPath!);
      await expect(remote.getByRole("heading", { level: 1 })).toHaveText("Mediation agreement");
      await expect(remote.getByRole("main")).toContainText("Mai Nguyễn, please read this record");
      await expect(remote.getByRole("main")).toContainText(actions[2]!.what);
      await expectAccessible(remote);
      await remote.getByRole("group", { name: "Do you sign this record?" }).getByLabel("Yes, I sign it").check();
      await remote.getByLabel("I confirm that this is an accurate record of what was agreed at the meeting.").check();
      await remote.getByRole("button", { name: "Send my answer" }).click();
      await expect(remote.getByRole("heading", { level: 1 })).toHaveText("Thank you for signing");
      await expectAccessible(remote);
    } finally {
      await family.close();
    }

    // 4. Sealed: the PDF has the actions, the names with their accents and the text's hash.
    await page.goto(`/cases/${c.id}/agreement`);
    await expect(page.getByRole("definition").filter({ hasText: "Signed and sealed" })).toBeVisible();
    await expectAccessible(page);
    const href = await page.getByRole("link", { name: "Download the signed PDF" }).getAttribute("href");
    const documentId = /^\/documents\/([^/?]+)$/.exec(href ?? "")?.[1];
    expect(documentId).toBeTruthy();
    const download = await page.request.get(href!);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toBe("application/pdf");
    const pdf = await download.body();
    const text = await pdfText(pdf);
    for (const a of actions) expect(text).toContain(a.what);
    for (const name of ["Łukasz Nguyễn", "Mai Nguyễn", "Lee Officer"]) expect(text).toContain(name);
    // The hash is one word too long for its cell: it wraps onto the next line.
    const unspaced = text.replace(/ /g, "");
    expect(unspaced).toContain(textHash);
    const [doc] = await sql<{ contentSha256: string; verificationCode: string }>(`SELECT "contentSha256", "verificationCode" FROM "Document" WHERE id = $1`, [documentId]);
    expect(unspaced).toContain(doc!.contentSha256);

    // 5. The public verify page (signed out) confirms that PDF and rejects a copy changed by one byte.
    const original = testInfo.outputPath("agreement.pdf");
    writeFileSync(original, pdf);
    const changedBytes = Buffer.from(pdf);
    const at = changedBytes.indexOf("/ID [<") + 6;
    changedBytes[at] = changedBytes[at] === 0x30 ? 0x31 : 0x30;
    const changed = testInfo.outputPath("agreement-changed.pdf");
    writeFileSync(changed, changedBytes);
    const publicContext = await browser.newContext();
    try {
      const pub = await publicContext.newPage();
      await pub.goto(new URL(verificationUrl("http://localhost", doc!.verificationCode)).pathname);
      await expect(pub.getByRole("heading", { level: 1, name: "Check a document" })).toBeVisible();
      await expect(pub.getByRole("definition").filter({ hasText: "Mediation agreement" })).toBeVisible();
      await expect(pub.getByRole("main")).not.toContainText(/Łukasz|Nguyễn/);
      await expectAccessible(pub);
      for (const [file, answer] of [
        [original, "The file matches"],
        [changed, "The file does not match"],
      ] as const) {
        await pub.getByLabel("Upload your copy of the PDF").setInputFiles(file);
        await pub.getByRole("button", { name: "Check the file" }).click();
        await expect(pub.getByTestId("verify-result")).toContainText(answer);
        await expectAccessible(pub);
      }
    } finally {
      await publicContext.close();
    }

    // 6. The after-mediation certificate: its PDF prints the last day to appeal the case page shows.
    await page.goto(`/cases/${c.id}`);
    await page.getByTestId("case-actions").getByRole("link", { name: "Issue certificate" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Issue certificate");
    await expectAccessible(page);
    await fillDate(page, "Date of issue", c.today);
    await page.getByRole("button", { name: "Issue certificate" }).click();
    await expect(page.getByTestId("done-banner")).toContainText("The certificate has been recorded as issued.");
    await expectAccessible(page);
    const certificates = page.getByTestId("certificates");
    await expect(certificates).toContainText("Certificate after mediation");
    const shown = (await certificates.locator("div", { hasText: "Last day to appeal:" }).locator("dd").textContent())!.trim();
    expect(shown).toMatch(/^\w+day \d{1,2} \w+ \d{4}$/);
    const certificateHref = await certificates.getByRole("link", { name: /^Download the certificate/ }).getAttribute("href");
    const certificate = await page.request.get(certificateHref!);
    expect(certificate.status()).toBe(200);
    const certificateText = await pdfText(await certificate.body());
    expect(certificateText).toContain("Certificate after mediation");
    expect(certificateText).toContain(`The appeal must reach the Tribunal by ${shown}.`);

    // 7. R-31: a caseworker corrects it; the new one replaces it, and the case page says so.
    const office = await (await browser.newContext()).newPage();
    try {
      await signInAsStaff(office, "caseworker@demo.test");
      await expect(office).not.toHaveURL(/\/sign-in/);
      await office.goto(`/cases/${c.id}`);
      await office.getByTestId("certificates").getByRole("link", { name: /^Correct the certificate/ }).click();
      await expect(office.getByRole("heading", { level: 1 })).toHaveText("Correct the certificate");
      await expectAccessible(office);
      await office.getByRole("button", { name: "Issue the corrected certificate" }).click();
      await expect(office.getByTestId("error-summary")).toContainText("Enter the reason for the correction");
      await office.getByLabel("Reason for the correction").fill("The child’s name was misspelt.");
      await office.getByLabel(/^I understand that the new certificate replaces this one/).check();
      await office.getByRole("button", { name: "Issue the corrected certificate" }).click();
      await expect(office.getByTestId("done-banner")).toContainText("The corrected certificate has been issued");
      await expect(office.getByTestId("certificates")).toContainText("Do not use this one.");
      await expectAccessible(office);
    } finally {
      await office.context().close();
    }
  } finally {
    await smtp.close();
  }
});
