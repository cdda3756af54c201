/**
 * Agreed actions tracked to done (issue 11, lib/obligations): created once per agreed action inside
 * the sealing transaction; progress, done and closed by the LA officer of the case's LA (another
 * LA's officer, a mediator and the family: 404) and by caseworkers; the overdue alert fires once;
 * the case closes only when every action is done or closed with a reason.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/platform/db";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { DomainError, ConflictError } from "@/lib/platform/errors";
import { addCalendarDays, formatLongDate, todayInLondon } from "@/lib/deadlines";
import { createObligations } from "@/lib/obligations/create-obligations";
import { recordObligationProgress } from "@/lib/obligations/record-obligation-progress";
import { markObligationDone } from "@/lib/obligations/mark-obligation-done";
import { closeObligation } from "@/lib/obligations/close-obligation";
import { getObligation } from "@/lib/obligations/get-obligation";
import { listCaseObligations } from "@/lib/obligations/list-case-obligations";
import { listLaObligations } from "@/lib/obligations/list-la-obligations";
import { listFamilyObligations } from "@/lib/obligations/list-family-obligations";
import { scanOverdueObligations } from "@/lib/obligations/overdue/scan-overdue-obligations";
import { sendOverdueAlert } from "@/lib/obligations/overdue/send-overdue-alert";
import { openObligationsMessage, overdueAlertKey } from "@/lib/obligations/rules";
import { transitionCase } from "@/lib/cases/transition/transition-case";
import { startCaptureSmtp } from "../smtp";
import { makeUser, uid } from "../helpers";
import { jobsWith } from "../jobs/helpers";
import { caseworker, la, laOfficer, makeCase, mediator, otherLa, parentUser, refusal, setUpCaseFixtures } from "../cases/fixtures";

setUpCaseFixtures();

let smtp: Awaited<ReturnType<typeof startCaptureSmtp>>;
const savedSmtp = process.env.SMTP_URL;
let otherOfficer: SessionUser;
beforeAll(async () => {
  smtp = await startCaptureSmtp();
  process.env.SMTP_URL = smtp.url;
  otherOfficer = await makeUser("LA_OFFICER", { localAuthorityId: otherLa.id });
});
afterAll(async () => {
  process.env.SMTP_URL = savedSmtp;
  await smtp.close();
});

const today = todayInLondon();

const action = (o: { dueOn?: string; what?: string; responsible?: "LA" | "ICB" | "SCHOOL" | "FAMILY" | "OTHER" } = {}) => ({
  sourceActionId: `action-${uid()}`,
  what: o.what ?? "Carry out an EHC needs assessment and tell the family it will",
  responsible: o.responsible ?? "LA",
  dueOn: o.dueOn ?? addCalendarDays(today, 14),
  howChecked: "The family receives the letter; the caseworker checks with the LA",
});

/** A case whose meeting reached an agreement, with its certificate issued and monitoring started. */
async function monitoredCase(o: { familyUserId?: string } = {}) {
  const c = await makeCase({ status: "MONITORING", agreement: "FULL", mediatorId: mediator.id, familyUserId: o.familyUserId });
  await db().case.update({ where: { id: c.id }, data: { createdById: caseworker.id } });
  return c;
}

async function withObligations(actions: ReturnType<typeof action>[], o: { familyUserId?: string } = {}) {
  const c = await monitoredCase(o);
  const r = await transaction((tx) => createObligations(tx, c.id, actions));
  return { ...c, ids: r.created };
}

const version = async (caseId: string) => (await db().case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } })).version;

describe("createObligations (the seam sealing calls inside its transaction)", () => {
  it("makes one obligation per agreed action, in order, for the case's LA; a second call creates nothing more", async () => {
    const c = await monitoredCase();
    const actions = [action({ what: "First" }), action({ what: "Second", responsible: "ICB" })];
    const v0 = await version(c.id);
    const first = await transaction((tx) => createObligations(tx, c.id, actions));
    expect(first.created).toHaveLength(2);
    expect(await version(c.id)).toBe(v0 + 1);

    const again = await transaction((tx) => createObligations(tx, c.id, actions));
    expect(again).toEqual({ created: [], existing: expect.arrayContaining(first.created) });
    expect(await version(c.id)).toBe(v0 + 1);

    const rows = await db().obligation.findMany({ where: { caseId: c.id }, orderBy: { position: "asc" } });
    expect(rows.map((r) => [r.what, r.responsible, r.status, r.localAuthorityId])).toEqual([
      ["First", "LA", "OPEN", la.id],
      ["Second", "ICB", "OPEN", la.id],
    ]);
    expect(await db().auditEvent.count({ where: { caseId: c.id, action: "obligation.created" } })).toBe(2);
  });

  it("rolls back with the sealing transaction, and refuses an action of another case or a closed case", async () => {
    const c = await monitoredCase();
    const a = action();
    await expect(
      transaction(async (tx) => {
        await createObligations(tx, c.id, [a]);
        throw new Error("sealing failed");
      }),
    ).rejects.toThrow("sealing failed");
    expect(await db().obligation.count({ where: { caseId: c.id } })).toBe(0);

    await transaction((tx) => createObligations(tx, c.id, [a]));
    const other = await monitoredCase();
    expect(await refusal(transaction((tx) => createObligations(tx, other.id, [a])))).toBeInstanceOf(DomainError);
    const closed = await makeCase({ status: "CLOSED" });
    expect(await refusal(transaction((tx) => createObligations(tx, closed.id, [action()])))).toMatchObject({ code: "CASE_CLOSED" });
  });
});

describe("recording progress, done and closed", () => {
  it("the LA officer of the case's LA records progress, then done; both audited without the note", async () => {
    const c = await withObligations([action()]);
    const id = c.ids[0]!;
    await recordObligationProgress(laOfficer, { caseId: c.id, obligationId: id, note: "Assessment panel booked for Tuesday", evidence: "https://la.example/ref/123", shareWithFamily: "yes" });
    await recordObligationProgress(laOfficer, { caseId: c.id, obligationId: id, note: "Internal: budget query with finance" });
    await markObligationDone(laOfficer, { caseId: c.id, obligationId: id, completedOn: today, note: "Letter sent to the family", evidence: "", shareWithFamily: "yes" });

    const o = await db().obligation.findUniqueOrThrow({ where: { id } });
    expect(o).toMatchObject({ status: "DONE" });
    const audits = await db().auditEvent.findMany({ where: { entityId: id }, orderBy: { at: "asc" }, select: { action: true, actorId: true, after: true } });
    expect(audits.map((a) => a.action)).toEqual(["obligation.created", "obligation.progress_recorded", "obligation.progress_recorded", "obligation.done"]);
    expect(audits.slice(1).every((a) => a.actorId === laOfficer.id)).toBe(true);
    expect(JSON.stringify(audits)).not.toContain("Assessment panel");

    const page = await getObligation(caseworker, c.id, id);
    expect(page.history.map((h) => [h.kind, h.byName])).toEqual([
      ["PROGRESS", laOfficer.name],
      ["PROGRESS", laOfficer.name],
      ["DONE", laOfficer.name],
    ]);
    expect(page.obligation.statusText).toBe(`Done on ${formatLongDate(today)}`);

    // Done is final.
    expect((await refusal(recordObligationProgress(caseworker, { caseId: c.id, obligationId: id, note: "More" }))).message).toContain("already done or closed");
  });

  it("another LA's officer, a mediator and the family get 404, and nothing is written", async () => {
    const c = await withObligations([action()]);
    const id = c.ids[0]!;
    const before = await db().auditEvent.count({ where: { entityId: id } });
    for (const user of [otherOfficer, mediator, parentUser]) {
      expect(await refusal(recordObligationProgress(user, { caseId: c.id, obligationId: id, note: "Trying" }))).toBeInstanceOf(NotFoundError);
      expect(await refusal(markObligationDone(user, { caseId: c.id, obligationId: id, completedOn: today, note: "Trying" }))).toBeInstanceOf(NotFoundError);
      expect(await refusal(closeObligation(user, { caseId: c.id, obligationId: id, reason: "Trying" }))).toBeInstanceOf(NotFoundError);
    }
    expect(await refusal(getObligation(otherOfficer, c.id, id))).toBeInstanceOf(NotFoundError);
    // The right id under another case is not found either.
    const elsewhere = await monitoredCase();
    expect(await refusal(recordObligationProgress(caseworker, { caseId: elsewhere.id, obligationId: id, note: "Wrong case" }))).toBeInstanceOf(NotFoundError);
    expect(await db().obligationUpdate.count({ where: { obligationId: id } })).toBe(0);
    expect(await db().auditEvent.count({ where: { entityId: id } })).toBe(before);
  });

  it("refuses missing answers and a done date in the future next to the field", async () => {
    const c = await withObligations([action()]);
    const id = c.ids[0]!;
    const e = (await refusal(markObligationDone(caseworker, { caseId: c.id, obligationId: id, completedOn: addCalendarDays(today, 1), note: "" }))) as DomainError;
    expect(e.fieldErrors).toEqual({ completedOn: "The date it was done must be today or in the past", note: "Enter how it was done and how that was checked" });
    const e2 = (await refusal(closeObligation(caseworker, { caseId: c.id, obligationId: id, reason: " " }))) as DomainError;
    expect(e2.fieldErrors).toEqual({ reason: "Enter why this action is being closed without being done" });
    expect((await db().obligation.findUniqueOrThrow({ where: { id } })).status).toBe("OPEN");
  });

  it("the family sees what was agreed and whether each is done, with only the notes shared with them", async () => {
    const family = await makeUser("PARENT");
    const c = await withObligations([action({ what: "Amend sections B and F" }), action({ what: "School to run a review meeting", responsible: "SCHOOL" })], { familyUserId: family.id });
    const [a, b] = c.ids as [string, string];
    await recordObligationProgress(caseworker, { caseId: c.id, obligationId: a, note: "Draft amendments being written", shareWithFamily: "yes" });
    await recordObligationProgress(laOfficer, { caseId: c.id, obligationId: a, note: "STAFF ONLY budget detail" });
    await closeObligation(laOfficer, { caseId: c.id, obligationId: b, reason: "The parties agreed the review is no longer needed" });

    const mine = (await listFamilyObligations(family))[c.id]!;
    expect(mine.map((o) => [o.what, o.status])).toEqual([
      ["Amend sections B and F", "OPEN"],
      ["School to run a review meeting", "CLOSED_WITH_REASON"],
    ]);
    expect(mine[0]!.sharedNotes.map((n) => n.note)).toEqual(["Draft amendments being written"]);
    expect(mine[1]!.closedReason).toBe("The parties agreed the review is no longer needed");
    expect(JSON.stringify(mine)).not.toContain("STAFF ONLY");
    // Another family sees none of it.
    expect(await listFamilyObligations(parentUser)).not.toHaveProperty(c.id);
  });
});

describe("the LA officer's list", () => {
  it("lists their LA's open actions, overdue first, and never another LA's", async () => {
    const c = await withObligations([action({ dueOn: addCalendarDays(today, 5), what: "Later" }), action({ dueOn: addCalendarDays(today, -3), what: "Overdue" })]);
    const theirs = await listLaObligations(laOfficer, 1);
    const mine = theirs.rows.filter((r) => r.caseId === c.id);
    expect(mine.map((r) => [r.what, r.overdue])).toEqual([
      ["Overdue", true],
      ["Later", false],
    ]);
    expect(theirs.rows.findIndex((r) => r.what === "Overdue" && r.caseId === c.id)).toBeLessThan(theirs.rows.findIndex((r) => r.what === "Later" && r.caseId === c.id));
    expect(theirs.overdue).toBeGreaterThanOrEqual(1);
    expect((await listLaObligations(otherOfficer, 1)).rows.some((r) => r.caseId === c.id)).toBe(false);
    expect((await listCaseObligations(laOfficer, c.id)).overdue).toBe(1);
    expect(await refusal(listCaseObligations(otherOfficer, c.id))).toBeInstanceOf(NotFoundError);
  });
});

describe("the overdue alert", () => {
  it("tells the caseworker and the LA's officers once, even when the scan and the job run twice", async () => {
    const c = await withObligations([action({ dueOn: addCalendarDays(today, -1), what: "Issue the final plan" }), action({ dueOn: today, what: "Due today" })]);
    const [overdue, dueToday] = c.ids as [string, string];

    await scanOverdueObligations();
    await scanOverdueObligations();
    const jobs = await jobsWith("obligation-overdue-alert", "obligationId", overdue);
    expect(jobs.length).toBeGreaterThanOrEqual(1);
    expect(await jobsWith("obligation-overdue-alert", "obligationId", dueToday)).toEqual([]);

    const officers = await db().user.findMany({ where: { role: "LA_OFFICER", active: true, localAuthorityId: la.id }, select: { email: true } });
    const first = await sendOverdueAlert({ obligationId: overdue });
    expect(first).toEqual({ status: "SENT", recipients: 1 + officers.length });
    expect(await sendOverdueAlert({ obligationId: overdue })).toEqual({ status: "ALREADY_SENT" });

    const emails = await db().outboxEmail.findMany({ where: { caseId: c.id } });
    expect(emails.map((e) => e.to).sort()).toEqual([caseworker.email, ...officers.map((o) => o.email)].sort());
    expect(emails.map((e) => e.to)).not.toContain(otherOfficer.email);
    for (const e of emails) {
      expect(e.subject).toBe(`Agreed action overdue: case ${c.reference}, due by ${formatLongDate(addCalendarDays(today, -1))}`);
      expect(e.body).toContain("What was agreed: Issue the final plan");
      expect(e.body).toContain(`/cases/${c.id}/actions/${overdue}`);
    }
    expect(await db().jobEffect.count({ where: { key: overdueAlertKey(overdue) } })).toBe(1);
    expect(await db().auditEvent.count({ where: { entityId: overdue, action: "obligation.overdue_alert_sent" } })).toBe(1);
    expect(await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id, type: "OBLIGATION_OVERDUE_ALERT_SENT" } })).toMatchObject({ visibility: "STAFF", actorId: null });

    // Once alerted, the scan queues nothing more for it.
    const queued = (await jobsWith("obligation-overdue-alert", "obligationId", overdue)).length;
    await scanOverdueObligations();
    expect(await jobsWith("obligation-overdue-alert", "obligationId", overdue)).toHaveLength(queued);
  });

  it("is not needed once the action is done", async () => {
    const c = await withObligations([action({ dueOn: addCalendarDays(today, -2) })]);
    await markObligationDone(caseworker, { caseId: c.id, obligationId: c.ids[0]!, completedOn: today, note: "Done late" });
    expect(await sendOverdueAlert({ obligationId: c.ids[0]! })).toEqual({ status: "NOT_NEEDED" });
    expect(await db().outboxEmail.count({ where: { caseId: c.id } })).toBe(0);
  });
});

describe("closing the case (R-40)", () => {
  it("is refused while an action is open, and allowed once every one is done or closed with a reason", async () => {
    const c = await withObligations([action(), action()]);
    const [a, b] = c.ids as [string, string];
    const v = await version(c.id);
    expect((await refusal(transitionCase(caseworker, c.id, "close", v, { reason: "All done" }))).message).toBe(openObligationsMessage(2));

    await markObligationDone(laOfficer, { caseId: c.id, obligationId: a, completedOn: today, note: "Sent" });
    expect((await refusal(transitionCase(caseworker, c.id, "close", v, { reason: "All done" }))).message).toBe(openObligationsMessage(1));
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("MONITORING");

    await closeObligation(caseworker, { caseId: c.id, obligationId: b, reason: "Overtaken by the new plan" });
    expect((await transitionCase(caseworker, c.id, "close", v, { reason: "All done" })).status).toBe("CLOSED");
  });

  it("a close planned before an action was added fails its version check", async () => {
    const c = await monitoredCase();
    const v = await version(c.id);
    await transaction((tx) => createObligations(tx, c.id, [action()]));
    expect(await refusal(transitionCase(caseworker, c.id, "close", v, { reason: "Stale page" }))).toBeInstanceOf(ConflictError);
  });
});
