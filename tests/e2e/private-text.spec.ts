/**
 * R-80 (issue 8, item 16) in the browser: the LA officer never sees staff-only text. A family asks
 * for mediation on /refer with a marker in "Is there anything else we should know?"; a caseworker
 * adds a marker to the notes for the mediation team on the edit form; every other staff-only field
 * (parties' contact details and access needs, how consent was given, a staff timeline entry, the
 * reason kept with a shared timeline entry) gets one by SQL. Then the LA officer of Northshire
 * County Council (la.officer@demo.test) opens every page they can: their home, the case list and
 * its search, the case page and everything linked from it; the form pages under the case are 404.
 * The whole HTML of each page (the server-rendered text and the data sent to the browser) must hold
 * none of the markers, and axe runs on each page.
 *
 * Issue 10: every kind of case note gets a marker too (by SQL): a pre-meeting note, the
 * mediator's private note, one shared with the case team, one marked as a safeguarding concern, and
 * the meeting record's private notes (with the record's child's views). The LA officer's pages
 * above, and the family's /my-case and every email they receive, must hold none of them; the
 * record, the notes' pages and the safeguarding list are 404 for both.
 */
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { forgetFamilyLinkRequests, expectAccessible, signInAsStaff, sql, startSmtp } from "./helpers";

// More family links are asked for across the run than one address may ask an hour (see the helper).
test.beforeEach(forgetFamilyLinkRequests);

const tag = randomUUID().slice(0, 8);
const marker = (what: string) => `zq-${what}-${tag}`;
const M = {
  selfReferralDetails: marker("self-referral-details"),
  staffNotes: marker("staff-notes"),
  accessNeeds: marker("access-needs"),
  address: marker("address"),
  consentHow: marker("consent-how"),
  supporterEmail: `${marker("supporter-email")}@supporter.example`,
  supporterAccessNeeds: marker("supporter-access-needs"),
  staffEntry: marker("staff-timeline-entry"),
  reason: marker("withdraw-reason"),
  // Issue 10: behind the notes' wall (R-80, R-81), and the meeting record (staff only).
  preMeetingNote: marker("pre-meeting-note"),
  privateNote: marker("private-note"),
  sharedNote: marker("shared-note"),
  safeguardingNote: marker("safeguarding-note"),
  recordPrivateNote: marker("record-private-notes"),
  childViews: marker("child-views"),
};
const CHILD = `Riley Private ${tag}`;
const SHARED_SUMMARY = `The family disagrees about the support in section F (${tag}).`;

const h1 = (page: Page) => page.getByRole("heading", { level: 1 });

/**
 * Issue 10: one note of every kind on the case, by the demo mediator, and a held meeting with its
 * record and the record's private notes. Returns the ids of the notes.
 */
async function plantNotes(caseId: string): Promise<string[]> {
  const [mediator] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = 'mediator@demo.test'`);
  const by = mediator!.id;
  const [party] = await sql<{ id: string }>(`SELECT id FROM "Party" WHERE "caseId" = $1 ORDER BY "createdAt" LIMIT 1`, [caseId]);
  const ids = Array.from({ length: 5 }, () => `e2e-n-${randomUUID()}`);
  const meetingId = `e2e-m-${randomUUID()}`;
  const recordId = `e2e-r-${randomUUID()}`;
  await sql(
    `INSERT INTO "CaseNote" (id, "caseId", kind, "partyId", body, "authorId", "sharedAt", "sharedById", "safeguardingAt", "safeguardingById") VALUES
       ($1, $5, 'PRE_MEETING', $6, $7, $11, NULL, NULL, NULL, NULL),
       ($2, $5, 'MEDIATOR_PRIVATE', NULL, $8, $11, NULL, NULL, NULL, NULL),
       ($3, $5, 'MEDIATOR_PRIVATE', NULL, $9, $11, now(), $11, NULL, NULL),
       ($4, $5, 'PRE_MEETING', $6, $10, $11, NULL, NULL, now(), $11)`,
    [ids[0], ids[1], ids[2], ids[3], caseId, party?.id ?? null, M.preMeetingNote, M.privateNote, M.sharedNote, M.safeguardingNote, by],
  );
  await sql(
    `INSERT INTO "Meeting" (id, "caseId", kind, mode, "startsAt", "endsAt", status, "mediatorId", "updatedAt") VALUES ($1, $2, 'JOINT_MEETING', 'PHONE', now() - interval '3 days', now() - interval '3 days' + interval '2 hours', 'HELD', $3, now())`,
    [meetingId, caseId, by],
  );
  await sql(
    `INSERT INTO "MeetingRecord" (id, "caseId", "meetingId", "startedAt", "endedAt", "childViewsHow", "childViews", "recordedById", "updatedAt")
     VALUES ($1, $2, $3, now() - interval '3 days', now() - interval '3 days' + interval '2 hours', ARRAY['SPOKEN_TO_BEFOREHAND']::"ChildViewsMethod"[], $4, $5, now())`,
    [recordId, caseId, meetingId, M.childViews, by],
  );
  await sql(`INSERT INTO "CaseNote" (id, "caseId", kind, "meetingRecordId", body, "authorId") VALUES ($1, $2, 'MEDIATOR_PRIVATE', $3, $4, $5)`, [ids[4], caseId, recordId, M.recordPrivateNote, by]);
  return ids;
}

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAsStaff(page, email);
  await expect(page).not.toHaveURL(/\/sign-in/);
  return page;
}

/**
 * The markers found anywhere in the page's HTML (text, attributes and the data for the browser),
 * leaving out one the user typed themselves (a search box shows what was searched for).
 */
async function markersIn(page: Page, typed?: string): Promise<string[]> {
  const html = typed ? (await page.content()).replaceAll(typed, "") : await page.content();
  return Object.entries(M)
    .filter(([, m]) => html.includes(m))
    .map(([field]) => field);
}

test("the LA officer sees no staff-only text on any page they can open", async ({ browser }) => {
  test.setTimeout(90_000);
  const smtp = await startSmtp();
  try {
    // A parent asks for mediation through the website.
    const family = await (await browser.newContext()).newPage();
    await family.goto("/refer");
    await family.getByRole("radio", { name: /^Parent or carer/ }).check();
    await family.getByLabel("Your full name").fill("Morgan Private");
    await family.getByLabel("Your email address").fill(`morgan-${tag}@example.com`);
    await family.getByLabel("The child’s full name").fill(CHILD);
    await family.getByLabel("Which local council made the decision?").selectOption({ label: "Northshire County Council" });
    await family.getByRole("radio", { name: "No", exact: true }).check();
    await family.getByRole("checkbox", { name: "The council will not carry out an EHC needs assessment" }).check();
    await family.getByRole("checkbox", { name: /^Education/ }).check();
    const details = `Please phone after 4pm; we need a Polish interpreter. ${M.selfReferralDetails}`;
    await family.getByLabel("Is there anything else we should know? (optional)").fill(details);
    await family.getByRole("button", { name: "Send request" }).click();
    await expect(family).toHaveURL(/\/refer\/done\?reference=/);
    const reference = (await family.getByTestId("self-referral-reference").textContent())?.trim() ?? "";
    await family.context().close();
    const [row] = await sql<{ id: string }>(`SELECT id FROM "Case" WHERE reference = $1`, [reference]);
    const caseId = row!.id;

    // A caseworker finds the family's words in the staff notes, adds to them and writes the shared summary.
    const caseworker = await signedIn(browser, "caseworker@demo.test");
    await caseworker.goto(`/cases/${caseId}/edit`);
    const notes = caseworker.getByLabel("Notes for the mediation team (not shared with the local authority or the family)");
    await expect(notes).toHaveValue(details);
    await notes.fill(`${details}\n${M.staffNotes}`);
    await caseworker.getByLabel("Summary of the disagreement (the local authority and the family can see this)").fill(SHARED_SUMMARY);
    await caseworker.getByRole("button", { name: "Save changes" }).click();
    await expect(caseworker.getByTestId("done-banner")).toContainText("The case details have been saved.");
    await expect(caseworker.getByRole("main")).toContainText(M.staffNotes);
    await expect(caseworker.getByRole("main")).toContainText(M.selfReferralDetails);
    await caseworker.context().close();

    // Every other staff-only field, as the party, consent and transition commands write them.
    await sql(`UPDATE "Party" SET "accessNeeds" = $2, address = $3, consent = 'GIVEN', "consentOn" = CURRENT_DATE, "consentHow" = $4 WHERE "caseId" = $1`, [
      caseId,
      M.accessNeeds,
      M.address,
      M.consentHow,
    ]);
    await sql(`INSERT INTO "Party" (id, "caseId", kind, name, email, "accessNeeds", consent) VALUES ($1, $2, 'SUPPORTER', 'Sid Supporter', $3, $4, 'PENDING')`, [
      `e2e-p-${randomUUID()}`,
      caseId,
      M.supporterEmail,
      M.supporterAccessNeeds,
    ]);
    await sql(`INSERT INTO "CaseEvent" (id, "caseId", type, summary, visibility) VALUES ($1, $2, 'NOTE', $3, 'STAFF')`, [`e2e-ev-${randomUUID()}`, caseId, M.staffEntry]);
    await sql(`INSERT INTO "CaseEvent" (id, "caseId", type, summary, visibility, data) VALUES ($1, $2, 'CASE_WITHDRAWN', 'Family withdrew from mediation', 'SHARED', $3)`, [
      `e2e-ev-${randomUUID()}`,
      caseId,
      JSON.stringify({ transition: "withdraw", reason: M.reason }),
    ]);
    const noteIds = await plantNotes(caseId);

    // The LA officer of the case's LA, on every page they can open.
    const la = await signedIn(browser, "la.officer@demo.test");
    const scanned = new Set<string>();
    /** Opens `path`, checks its HTML for the markers, and runs axe on each page the first time it is reached. */
    const visit = async (path: string, status = 200, typed?: string) => {
      const res = await la.goto(path);
      expect(res?.status(), path).toBe(status);
      expect(await markersIn(la, typed), path).toEqual([]);
      const reached = new URL(la.url());
      if (status === 200 && !scanned.has(reached.pathname + reached.search)) {
        scanned.add(reached.pathname + reached.search);
        await expectAccessible(la);
      }
    };

    await visit("/la");
    // Staff text is not searchable: searching for it finds no case.
    await visit(`/cases?q=${encodeURIComponent(M.selfReferralDetails)}&status=ALL`, 200, M.selfReferralDetails);
    await expect(la.getByLabel("Search", { exact: true })).toHaveValue(M.selfReferralDetails);
    await expect(la.getByRole("link", { name: reference, exact: true })).toHaveCount(0);
    await visit(`/cases?q=${encodeURIComponent(CHILD)}`);
    await expect(la.getByRole("link", { name: reference, exact: true })).toBeVisible();
    await la.getByRole("link", { name: reference, exact: true }).click();
    await expect(h1(la)).toHaveText(reference);
    expect(await markersIn(la)).toEqual([]);
    // The shared facts are there, so the page is not simply empty.
    await expect(la.getByRole("main")).toContainText(SHARED_SUMMARY);
    await expect(la.getByRole("main")).toContainText("Family withdrew from mediation");
    await expect(la.getByRole("row", { name: /Sid Supporter/ })).toBeVisible();
    await expect(la.getByText("Notes for the mediation team")).toHaveCount(0);
    await expectAccessible(la);
    scanned.add(`/cases/${caseId}`);

    // Everything linked from the case page.
    const links = await la.locator("a[href^='/']").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    expect(links.length).toBeGreaterThan(0);
    for (const href of [...new Set(links)].filter((h) => h !== `/cases/${caseId}`)) await visit(href);

    // The form pages under the case are not found for an LA officer.
    const [party] = await sql<{ id: string }>(`SELECT id FROM "Party" WHERE "caseId" = $1 AND kind = 'PARENT'`, [caseId]);
    for (const path of ["edit", "allocate", "parties/new", `parties/${party!.id}`, `parties/${party!.id}/consent`, "transition/withdraw"]) {
      await visit(`/cases/${caseId}/${path}`, 404);
    }
    // Issue 10: the meeting record, a note's own page and the safeguarding concerns are not found either.
    for (const path of [`/cases/${caseId}/meeting/record`, ...noteIds.map((n) => `/cases/${caseId}/notes/${n}/safeguarding`), "/safeguarding"]) await visit(path, 404);
    await la.context().close();
  } finally {
    await smtp.close();
  }
});

test("the family sees no note, record or staff-only text on /my-case/<case> and its agreement page or in their email", async ({ browser }) => {
  test.setTimeout(60_000);
  const smtp = await startSmtp();
  try {
    // The demo family's own case (SM-DEMO-00001), with a note of every kind and a meeting record.
    const [row] = await sql<{ id: string }>(`SELECT id FROM "Case" WHERE reference = 'SM-DEMO-00001'`);
    const caseId = row!.id;
    const noteIds = await plantNotes(caseId);

    // The parent signs in through the emailed link.
    const page = await (await browser.newContext()).newPage();
    await page.goto("/sign-in/family");
    await page.getByLabel("Email address").fill("parent@demo.test");
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    const mail = await smtp.waitFor((m) => m.to === "parent@demo.test");
    const link = /(http:\/\/\S+\/sign-in\/family\/verify\?token=\S+)/.exec(mail.text)?.[1];
    expect(link).toBeTruthy();
    await page.goto(link!);
    await page.getByRole("button", { name: "Continue to your case" }).click();
    // Issue 12: one case, so straight to its overview; then its agreement page.
    await expect(page).toHaveURL(new RegExp(`/my-case/${caseId}$`));
    await expect(page.getByText("SM-DEMO-00001").first()).toBeVisible();
    expect(await markersIn(page)).toEqual([]);
    await expectAccessible(page);
    await page.goto(`/my-case/${caseId}/agreement`);
    expect(await markersIn(page)).toEqual([]);
    await expectAccessible(page);

    // The staff pages of the case, its record, its notes and the concerns: not found.
    for (const path of [`/cases/${caseId}`, `/cases/${caseId}/meeting/record`, ...noteIds.map((n) => `/cases/${caseId}/notes/${n}/safeguarding`), "/safeguarding"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
      expect(await markersIn(page), path).toEqual([]);
    }
    // Every email the family received holds none of it.
    for (const m of smtp.messages) expect(Object.entries(M).filter(([, x]) => m.text.includes(x) || m.subject.includes(x)).map(([k]) => k), m.subject).toEqual([]);
    await page.context().close();
  } finally {
    await smtp.close();
  }
});
