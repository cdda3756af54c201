/**
 * Case commands (issue 4) on a real PostgreSQL: lifecycle transitions with their deadlines,
 * allocation with conflict checks, case details with optimistic concurrency, parties and consent.
 * Every refusal is checked to have written nothing (status, version, deadlines, events, audit).
 * The database is shared with other test files, so every fixture is created here with unique names.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import type { CaseKind, CaseStatus, Consent, IssueCategory, PartyKind } from "@/lib/db/client";
import { ForbiddenError, NotFoundError, type SessionUser } from "@/lib/auth/types";
import { ConflictError, DomainError } from "@/lib/errors";
import { addCalendarDays, dbDateFromIso, isoFromDbDate, nextWorkingDay, todayInLondon, earliestMeetingDate } from "@/lib/deadlines";
import { openDeadlines, refreshNextDeadline } from "@/lib/cases/case-deadlines";
import { fromStatusesFor, getTransition, TRANSITIONS, type DeadlineName } from "@/lib/cases/lifecycle";
import { allocateMediator, transitionCase, updateCaseDetails, previewTransition, type DetailsConflictData } from "@/lib/cases/commands";
import { listMediatorOptions } from "@/lib/cases/allocation";
import { addParty, recordConsent, updateParty } from "@/lib/cases/parties";
import { getCaseDetail } from "@/lib/cases/queries";
import { makeLa, makeUser, uid } from "./helpers";

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

let la: { id: string; name: string };
let otherLa: { id: string; name: string };
let caseworker: SessionUser;
let caseworker2: SessionUser;
let admin: SessionUser;
let mediator: SessionUser;
let mediator2: SessionUser;
let laOfficer: SessionUser;
let parentUser: SessionUser;

beforeAll(async () => {
  la = await makeLa(`Commandshire ${uid()}`);
  otherLa = await makeLa(`Elsewhere ${uid()}`);
  caseworker = await makeUser("CASEWORKER", { name: "Cara Commands" });
  caseworker2 = await makeUser("CASEWORKER", { name: "Carl Concurrent" });
  admin = await makeUser("ADMIN");
  mediator = await makeUser("MEDIATOR", { name: `Mina Mediator ${uid()}` });
  mediator2 = await makeUser("MEDIATOR", { name: `Milo Mediator ${uid()}` });
  laOfficer = await makeUser("LA_OFFICER", { localAuthorityId: la.id });
  parentUser = await makeUser("PARENT");
});

afterAll(async () => {
  await db().$executeRawUnsafe(`DROP TRIGGER IF EXISTS case_commands_test_fail ON "AuditEvent"`);
  await db().$executeRawUnsafe(`DROP FUNCTION IF EXISTS case_commands_test_fail()`);
});

type CaseOpts = {
  status?: CaseStatus;
  kind?: CaseKind;
  laId?: string;
  mediatorId?: string | null;
  consent?: Consent;
  familyEmail?: string;
  familyUserId?: string;
  issues?: IssueCategory[];
  /** Open deadlines, all triggered on this date. */
  deadlines?: { names: DeadlineName[]; triggerOn: string };
  parties?: { kind: PartyKind; name: string; organisation?: string; email?: string; consent?: Consent }[];
};

async function makeCase(o: CaseOpts = {}) {
  const c = await db().case.create({
    data: {
      reference: `SM-CMD-${uid()}`,
      kind: o.kind ?? "MEDIATION",
      status: o.status ?? "REFERRED",
      localAuthorityId: o.laId ?? la.id,
      allocatedMediatorId: o.mediatorId ?? null,
      issues: { create: (o.issues ?? ["EDUCATION"]).map((category) => ({ category, description: `${category} issue` })) },
      parties: {
        create: o.parties ?? [
          { kind: "PARENT", name: "Jane Family", email: o.familyEmail ?? `jane-${uid()}@family.example`, consent: o.consent ?? "PENDING", userId: o.familyUserId ?? null },
          { kind: "LA", name: "Officer Rep", organisation: la.name, email: `rep-${uid()}@la.example` },
        ],
      },
    },
    select: { id: true, reference: true },
  });
  if (o.deadlines) {
    await db().$transaction(async (tx) => {
      await openDeadlines(tx, c.id, o.deadlines!.names, o.deadlines!.triggerOn);
      await refreshNextDeadline(tx, c.id);
    });
  }
  return c;
}

/** Everything a command may write, to prove that a refused command wrote nothing. */
async function stateOf(caseId: string) {
  const [c, deadlines, events, audits, parties] = await Promise.all([
    db().case.findUniqueOrThrow({
      where: { id: caseId },
      select: { status: true, version: true, laNotifiedOn: true, meetingOn: true, heldOn: true, allocatedMediatorId: true, nextDeadlineOn: true, summary: true },
    }),
    db().caseDeadline.findMany({ where: { caseId }, select: { name: true, dueOn: true, closedOn: true, outcome: true }, orderBy: { createdAt: "asc" } }),
    db().caseEvent.count({ where: { caseId } }),
    db().auditEvent.count({ where: { caseId } }),
    db().party.findMany({ where: { caseId }, select: { id: true, consent: true, email: true }, orderBy: { createdAt: "asc" } }),
  ]);
  return { ...c, deadlines, events, audits, parties };
}

async function deadlinesOf(caseId: string) {
  const rows = await db().caseDeadline.findMany({ where: { caseId }, orderBy: { createdAt: "asc" } });
  return rows.map((d) => ({ name: d.name, dueOn: isoFromDbDate(d.dueOn), closedOn: d.closedOn ? isoFromDbDate(d.closedOn) : null, outcome: d.outcome }));
}

async function refusal(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected the command to be refused, but it succeeded");
}

const fieldError = (e: Error, field: string) => (e instanceof DomainError ? e.fieldErrors?.[field] : undefined);

// ---------------------------------------------------------------------------------------------
// Validation: bad input → a message next to the field, and nothing written
// ---------------------------------------------------------------------------------------------

describe("transition validation", () => {
  /** Each transition with a date input, from a status (and with the deadlines) where it is allowed. */
  const DATED = TRANSITIONS.filter((t) => t.requires.some((i) => i.type === "date"));

  it("covers every transition that records a date", () => {
    expect(DATED.map((t) => t.name).sort()).toEqual(
      ["chooseAdviceOnly", "issueCertificate", "issueNotArrangedCertificate", "recordHealthNotified", "recordMeetingHeld", "recordNotArranged", "scheduleMeeting", "startContacting", "withdraw"].sort(),
    );
  });

  for (const t of DATED) {
    it(`${t.name}: an impossible date is explained next to its field and nothing is saved`, async () => {
      const status = fromStatusesFor(t, "MEDIATION")[0]!;
      const dateInput = t.requires.find((i) => i.type === "date")!;
      const c = await makeCase({
        status,
        issues: ["EDUCATION", "HEALTH"],
        mediatorId: ["ALLOCATED", "PREPARING", "MEETING_SCHEDULED"].includes(status) ? mediator.id : null,
        deadlines:
          status === "REFERRED"
            ? undefined
            : // recordNotArranged must not have happened yet; issueNotArrangedCertificate needs it to have.
              { names: t.name === "recordNotArranged" ? ["MEDIATION_30_DAY", "HEALTH_NOTIFICATION"] : ["MEDIATION_30_DAY", "HEALTH_NOTIFICATION", "CERTIFICATE_NOT_ARRANGED"], triggerOn: "2025-03-26" },
      });
      const before = await stateOf(c.id);
      const input: Record<string, string> = { [dateInput.name]: "2025-02-30", reason: "Family moved away" };
      const e = await refusal(transitionCase(caseworker, c.id, t.name, 1, input));
      expect(e).toBeInstanceOf(DomainError);
      expect(e.message).toBe(`${dateInput.label} must be a real date written as YYYY-MM-DD.`);
      expect(fieldError(e, dateInput.name)).toBe(e.message);
      expect(await stateOf(c.id)).toEqual(before);
    });
  }

  it("a missing date says what is needed", async () => {
    const c = await makeCase();
    const e = await refusal(transitionCase(caseworker, c.id, "startContacting", 1, {}));
    expect(fieldError(e, "laNotifiedOn")).toBe("Date the LA was told the family wants mediation is needed to start contacting the parties.");
    expect((await stateOf(c.id)).status).toBe("REFERRED");
  });

  it("a date in the future is refused for something that has already happened", async () => {
    const c = await makeCase();
    const before = await stateOf(c.id);
    const tomorrow = addCalendarDays(todayInLondon(), 1);
    const e = await refusal(transitionCase(caseworker, c.id, "startContacting", 1, { laNotifiedOn: tomorrow }));
    expect(fieldError(e, "laNotifiedOn")).toBe("Date the LA was told the family wants mediation must be today or in the past.");
    expect(await stateOf(c.id)).toEqual(before);
  });

  it("withdrawing without a reason asks for one", async () => {
    const c = await makeCase({ status: "CONTACTING_PARTIES" });
    const before = await stateOf(c.id);
    const e = await refusal(transitionCase(caseworker, c.id, "withdraw", 1, { toldOn: "2025-04-01", reason: "   " }));
    expect(fieldError(e, "reason")).toBe("Reason must be filled in.");
    expect(await stateOf(c.id)).toEqual(before);
  });

  it("R-22: a meeting with less than 5 working days' notice needs the family's agreement", async () => {
    const c = await makeCase({ status: "PREPARING", mediatorId: mediator.id });
    const today = todayInLondon();
    const tooSoon = nextWorkingDay(today);
    const e = await refusal(transitionCase(mediator, c.id, "scheduleMeeting", 1, { meetingOn: tooSoon }));
    expect(fieldError(e, "meetingOn")).toContain("at least 5 working days' notice");
    expect(fieldError(e, "meetingOn")).toContain("R-22");
    expect((await stateOf(c.id)).status).toBe("PREPARING");

    const r = await transitionCase(mediator, c.id, "scheduleMeeting", 1, { meetingOn: tooSoon, shortNoticeAgreed: true });
    expect(r.status).toBe("MEETING_SCHEDULED");
    const s = await stateOf(c.id);
    expect(s.meetingOn && isoFromDbDate(s.meetingOn)).toBe(tooSoon);
    const ev = await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id, type: "MEETING_SCHEDULED" } });
    expect(ev.summary).toContain("family agreed to shorter notice");
  });

  it("R-22: a meeting far enough ahead needs no agreement", async () => {
    const c = await makeCase({ status: "PREPARING", mediatorId: mediator.id });
    const r = await transitionCase(mediator, c.id, "scheduleMeeting", 1, { meetingOn: earliestMeetingDate(todayInLondon()) });
    expect(r.status).toBe("MEETING_SCHEDULED");
  });

  it("R-64: a date outside the years the bank-holiday data covers is refused before anything is saved", async () => {
    const c = await makeCase({ status: "CONTACTING_PARTIES" });
    const before = await stateOf(c.id);
    const e = await refusal(transitionCase(caseworker, c.id, "chooseAdviceOnly", 1, { toldOn: "2015-06-01" }));
    expect(fieldError(e, "toldOn")).toMatch(/2016/);
    expect(await stateOf(c.id)).toEqual(before);
  });

  it("a transition not allowed from the current status gives the lifecycle's reason", async () => {
    const c = await makeCase({ status: "REFERRED" });
    const e = await refusal(transitionCase(caseworker, c.id, "recordMeetingHeld", 1, { heldOn: "2025-04-24" }));
    expect(e).toBeInstanceOf(DomainError);
    expect(e.message).toContain("This can only be done when the case is: Meeting scheduled");
  });

  it("an unknown transition name is refused in plain English", async () => {
    const c = await makeCase();
    const e = await refusal(transitionCase(caseworker, c.id, "deleteEverything", 1, {}));
    expect(e).toBeInstanceOf(DomainError);
    expect(e.message).toBe("That is not something that can be done to a case.");
  });

  it("a stale version is a conflict and nothing is saved", async () => {
    const c = await makeCase();
    await db().case.update({ where: { id: c.id }, data: { version: 3 } });
    const before = await stateOf(c.id);
    const e = await refusal(transitionCase(caseworker, c.id, "startContacting", 2, { laNotifiedOn: "2025-03-26" }));
    expect(e).toBeInstanceOf(ConflictError);
    expect(e.message).toMatch(/^Someone else changed this case while you were working on it/);
    expect(await stateOf(c.id)).toEqual(before);
  });

  it("previewTransition (the confirmation step) checks the same things and writes nothing", async () => {
    const c = await makeCase({ status: "CONTACTING_PARTIES" });
    const before = await stateOf(c.id);
    const plan = await previewTransition(caseworker, c.id, "withdraw", 1, { toldOn: "2025-04-01", reason: "Changed their mind" });
    expect(plan.to).toBe("WITHDRAWN");
    const e = await refusal(previewTransition(caseworker, c.id, "withdraw", 1, { toldOn: "bad", reason: "x" }));
    expect(fieldError(e, "toldOn")).toBeDefined();
    expect(await stateOf(c.id)).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------
// Authorization
// ---------------------------------------------------------------------------------------------

describe("transition authorization", () => {
  it("an LA officer is refused, even on a case of their own LA, and nothing is saved", async () => {
    const c = await makeCase();
    const before = await stateOf(c.id);
    expect(await refusal(transitionCase(laOfficer, c.id, "startContacting", 1, { laNotifiedOn: "2025-03-26" }))).toBeInstanceOf(ForbiddenError);
    expect(await stateOf(c.id)).toEqual(before);
  });

  it("a family user is refused on their own case", async () => {
    const c = await makeCase({ familyUserId: parentUser.id, status: "CONTACTING_PARTIES" });
    const before = await stateOf(c.id);
    expect(await refusal(transitionCase(parentUser, c.id, "withdraw", 1, { toldOn: "2025-04-01", reason: "No" }))).toBeInstanceOf(ForbiddenError);
    expect(await stateOf(c.id)).toEqual(before);
  });

  it("a mediator not allocated to the case cannot find it", async () => {
    const c = await makeCase({ status: "ALLOCATED", mediatorId: mediator.id });
    const before = await stateOf(c.id);
    expect(await refusal(transitionCase(mediator2, c.id, "startPreparing", 1, {}))).toBeInstanceOf(NotFoundError);
    expect(await stateOf(c.id)).toEqual(before);
  });

  it("the allocated mediator may start preparing but not do a caseworker's step", async () => {
    const c = await makeCase({ status: "ALLOCATED", mediatorId: mediator.id });
    const e = await refusal(transitionCase(mediator, c.id, "withdraw", 1, { toldOn: "2025-04-01", reason: "x" }));
    expect(e).toBeInstanceOf(DomainError);
    expect(e.message).toBe("Only a caseworker or an admin can withdraw a case.");
    const r = await transitionCase(mediator, c.id, "startPreparing", 1, {});
    expect(r).toMatchObject({ status: "PREPARING", version: 2 });
  });

  it("a case that does not exist, or is outside the user's scope, is not found", async () => {
    expect(await refusal(transitionCase(caseworker, "no-such-case", "startContacting", 1, { laNotifiedOn: "2025-03-26" }))).toBeInstanceOf(NotFoundError);
    const c = await makeCase({ status: "ALLOCATED", mediatorId: mediator2.id });
    expect(await refusal(transitionCase(mediator, c.id, "scheduleMeeting", 1, { meetingOn: "2030-01-01" }))).toBeInstanceOf(NotFoundError);
  });

  it("case details, parties and consent can only be changed by caseworkers and admins", async () => {
    const c = await makeCase({ status: "ALLOCATED", mediatorId: mediator.id });
    const party = (await stateOf(c.id)).parties[0]!;
    const before = await stateOf(c.id);
    expect(await refusal(updateCaseDetails(mediator, c.id, 1, { summary: "Mediator edit" }))).toBeInstanceOf(ForbiddenError);
    expect(await refusal(updateCaseDetails(laOfficer, c.id, 1, { summary: "LA edit" }))).toBeInstanceOf(ForbiddenError);
    expect(await refusal(recordConsent(mediator, c.id, party.id, 1, { consent: "GIVEN", consentOn: "2025-04-01", consentHow: "phone" }))).toBeInstanceOf(ForbiddenError);
    expect(await refusal(addParty(laOfficer, c.id, 1, { kind: "SUPPORTER", name: "X", preferredContact: "POST", address: "1 Road" }))).toBeInstanceOf(ForbiddenError);
    expect(await refusal(allocateMediator(mediator, c.id, mediator2.id, 1))).toBeInstanceOf(ForbiddenError);
    expect(await stateOf(c.id)).toEqual(before);
    const r = await updateCaseDetails(admin, c.id, 1, { summary: "Admin edit" });
    expect(r.version).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------------
// Deadlines started and stopped by transitions
// ---------------------------------------------------------------------------------------------

describe("deadlines", () => {
  it("R-54: LA told 26 March 2025 → mediation must take place by 25 April 2025, shown as the next deadline", async () => {
    const c = await makeCase();
    const r = await transitionCase(caseworker, c.id, "startContacting", 1, { laNotifiedOn: "2025-03-26" }, "203.0.113.9");
    expect(r).toMatchObject({ status: "CONTACTING_PARTIES", version: 2, statusChanged: true });
    const s = await stateOf(c.id);
    expect(s.status).toBe("CONTACTING_PARTIES");
    expect(isoFromDbDate(s.laNotifiedOn!)).toBe("2025-03-26");
    expect(await deadlinesOf(c.id)).toEqual([{ name: "MEDIATION_30_DAY", dueOn: "2025-04-25", closedOn: null, outcome: null }]);
    expect(isoFromDbDate(s.nextDeadlineOn!)).toBe("2025-04-25");
    // The timeline entry (shared with the LA) and the audit row were written with it.
    const ev = await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id } });
    expect(ev).toMatchObject({ type: "CONTACTING_STARTED", summary: "Started contacting the parties; LA told on 26 March 2025", rule: "R-20", visibility: "SHARED", actorId: caseworker.id });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { caseId: c.id } });
    expect(audit).toMatchObject({ action: "case.startContacting", actorId: caseworker.id, ip: "203.0.113.9" });
    expect(audit.before).toEqual({ status: "REFERRED", version: 1, laNotifiedOn: null });
    expect(audit.after).toMatchObject({ status: "CONTACTING_PARTIES", version: 2, laNotifiedOn: "2025-03-26", deadlinesStarted: ["MEDIATION_30_DAY"] });
  });

  it("R-21: with a health issue the LA must also tell the ICB within 3 working days, which becomes the next deadline", async () => {
    const c = await makeCase({ issues: ["EDUCATION", "HEALTH"] });
    await transitionCase(caseworker, c.id, "startContacting", 1, { laNotifiedOn: "2025-03-26" });
    const dl = await deadlinesOf(c.id);
    expect(dl.map((d) => [d.name, d.dueOn])).toEqual([
      ["MEDIATION_30_DAY", "2025-04-25"],
      ["HEALTH_NOTIFICATION", "2025-03-31"],
    ]);
    expect(isoFromDbDate((await stateOf(c.id)).nextDeadlineOn!)).toBe("2025-03-31");
    await transitionCase(caseworker, c.id, "recordHealthNotified", 2, { notifiedOn: "2025-03-28" });
    expect((await deadlinesOf(c.id)).find((d) => d.name === "HEALTH_NOTIFICATION")).toMatchObject({ closedOn: "2025-03-28", outcome: "MET" });
    expect(isoFromDbDate((await stateOf(c.id)).nextDeadlineOn!)).toBe("2025-04-25");
  });

  it("R-54: meeting held 24 April 2025 meets the 30-day deadline and the certificate is due 29 April 2025", async () => {
    const c = await makeCase();
    await transitionCase(caseworker, c.id, "startContacting", 1, { laNotifiedOn: "2025-03-26" });
    // Jump ahead: the meeting was scheduled (fixture shortcut, the steps between are tested elsewhere).
    await db().case.update({ where: { id: c.id }, data: { status: "MEETING_SCHEDULED", allocatedMediatorId: mediator.id, meetingOn: dbDateFromIso("2025-04-24") } });
    const r = await transitionCase(mediator, c.id, "recordMeetingHeld", 2, { heldOn: "2025-04-24" });
    expect(r.status).toBe("MEETING_HELD");
    expect(await deadlinesOf(c.id)).toEqual([
      { name: "MEDIATION_30_DAY", dueOn: "2025-04-25", closedOn: "2025-04-24", outcome: "MET" },
      { name: "CERTIFICATE_AFTER_MEDIATION", dueOn: "2025-04-29", closedOn: null, outcome: null },
    ]);
    const s = await stateOf(c.id);
    expect(isoFromDbDate(s.heldOn!)).toBe("2025-04-24");
    expect(isoFromDbDate(s.nextDeadlineOn!)).toBe("2025-04-29");

    // Issuing the certificate meets that deadline; nothing is left open.
    await transitionCase(caseworker, c.id, "issueCertificate", 3, { issuedOn: "2025-04-29" });
    expect((await deadlinesOf(c.id))[1]).toMatchObject({ closedOn: "2025-04-29", outcome: "MET" });
    expect((await stateOf(c.id)).nextDeadlineOn).toBeNull();
  });

  it("R-11: family does not want mediation, told Tue 23 Dec 2025 → certificate due Tue 30 Dec 2025 (Christmas and Boxing Day and the weekend skipped)", async () => {
    // gov.uk/bank-holidays (England and Wales) 2025: Thu 25 Dec Christmas Day, Fri 26 Dec Boxing Day.
    // Working days after Tue 23 Dec (day 0): Wed 24 (1), Mon 29 (2), Tue 30 (3) → due Tue 30 Dec.
    const c = await makeCase({ status: "CONTACTING_PARTIES", deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: "2025-12-22" } });
    const r = await transitionCase(caseworker, c.id, "chooseAdviceOnly", 1, { toldOn: "2025-12-23" });
    expect(r.status).toBe("ADVICE_ONLY");
    expect(await deadlinesOf(c.id)).toEqual([
      // The 30-day clock no longer applies: closed as cancelled, not as met.
      { name: "MEDIATION_30_DAY", dueOn: "2026-01-21", closedOn: "2025-12-23", outcome: "CANCELLED" },
      { name: "CERTIFICATE_ADVICE_ONLY", dueOn: "2025-12-30", closedOn: null, outcome: null },
    ]);
    expect(isoFromDbDate((await stateOf(c.id)).nextDeadlineOn!)).toBe("2025-12-30");
    const detail = await getCaseDetail(caseworker, c.id);
    expect(detail.deadlines.open[0]).toMatchObject({ name: "CERTIFICATE_ADVICE_ONLY", dueText: "Tuesday 30 December 2025" });
    expect(detail.deadlines.open[0]!.explanation).toBe(
      "Tuesday 30 December 2025: the certificate is due 3 working days after the family said it does not want (or no longer wants) mediation, on Tuesday 23 December 2025 (not counting weekends or the bank holidays Christmas Day on 25 December 2025 and Boxing Day on 26 December 2025).",
    );
  });

  it("R-12: a withdrawal starts the certificate deadline; the staff reason stays out of the shared timeline (R-80)", async () => {
    const c = await makeCase({ status: "AWAITING_CONSENT", deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: "2025-03-26" } });
    const reason = "Family said privately that the school head is a relative";
    await transitionCase(caseworker, c.id, "withdraw", 1, { toldOn: "2025-04-02", reason });
    expect((await deadlinesOf(c.id)).map((d) => [d.name, d.dueOn, d.outcome])).toEqual([
      ["MEDIATION_30_DAY", "2025-04-25", "CANCELLED"],
      ["CERTIFICATE_ADVICE_ONLY", "2025-04-07", null],
    ]);
    const ev = await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id, type: "CASE_WITHDRAWN" } });
    expect(ev).toMatchObject({ summary: "Family withdrew from mediation", visibility: "SHARED", rule: "R-12" });
    expect(ev.data).toMatchObject({ reason });
    const staffView = await getCaseDetail(caseworker, c.id);
    expect(staffView.timeline[0]).toMatchObject({ summary: "Family withdrew from mediation", detail: reason });
    const laView = await getCaseDetail(laOfficer, c.id);
    expect(JSON.stringify(laView)).not.toContain("relative");
  });

  it("correcting the LA-told date while the 30-day clock runs restarts it from the new date (R-20)", async () => {
    const c = await makeCase();
    await transitionCase(caseworker, c.id, "startContacting", 1, { laNotifiedOn: "2025-03-26" });
    const r = await updateCaseDetails(caseworker, c.id, 2, { laNotifiedOn: "2025-03-27" });
    expect(r).toMatchObject({ version: 3, changed: ["laNotifiedOn"] });
    expect(await deadlinesOf(c.id)).toEqual([
      { name: "MEDIATION_30_DAY", dueOn: "2025-04-25", closedOn: "2025-03-27", outcome: "REPLACED" },
      { name: "MEDIATION_30_DAY", dueOn: "2025-04-26", closedOn: null, outcome: null },
    ]);
    expect(isoFromDbDate((await stateOf(c.id)).nextDeadlineOn!)).toBe("2025-04-26");
    const e = await refusal(updateCaseDetails(caseworker, c.id, 3, { laNotifiedOn: "" }));
    expect(fieldError(e, "laNotifiedOn")).toContain("cannot be removed while the 30-day deadline is running");
  });

  it("audit row, event and deadlines are one transaction: a failure after the update leaves nothing behind", async () => {
    const c = await makeCase();
    const before = await stateOf(c.id);
    await db().$executeRawUnsafe(
      `CREATE OR REPLACE FUNCTION case_commands_test_fail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit store unavailable'; END $$ LANGUAGE plpgsql`,
    );
    await db().$executeRawUnsafe(
      `CREATE TRIGGER case_commands_test_fail BEFORE INSERT ON "AuditEvent" FOR EACH ROW WHEN (NEW."caseId" = '${c.id}') EXECUTE FUNCTION case_commands_test_fail()`,
    );
    try {
      await expect(transitionCase(caseworker, c.id, "startContacting", 1, { laNotifiedOn: "2025-03-26" })).rejects.toThrow(/audit store unavailable/);
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER IF EXISTS case_commands_test_fail ON "AuditEvent"`);
    }
    // The status update, the deadline, Case.nextDeadlineOn and the event were all rolled back.
    expect(await stateOf(c.id)).toEqual(before);
    // And the same command succeeds once the audit store is back.
    await transitionCase(caseworker, c.id, "startContacting", 1, { laNotifiedOn: "2025-03-26" });
    expect((await stateOf(c.id)).audits).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Allocation
// ---------------------------------------------------------------------------------------------

describe("allocation", () => {
  it("allocates a mediator once the family has agreed; the mediator then sees the case", async () => {
    const c = await makeCase({ status: "AWAITING_CONSENT", consent: "GIVEN" });
    await expect(getCaseDetail(mediator, c.id)).rejects.toBeInstanceOf(NotFoundError);
    const r = await allocateMediator(caseworker, c.id, mediator.id, 1);
    expect(r).toMatchObject({ transition: "allocate", status: "ALLOCATED", version: 2 });
    const s = await stateOf(c.id);
    expect(s.allocatedMediatorId).toBe(mediator.id);
    const detail = await getCaseDetail(mediator, c.id);
    expect(detail.allocatedMediator?.id).toBe(mediator.id);
    expect(detail.transitions.map((t) => t.name)).toEqual(expect.arrayContaining(["startPreparing", "scheduleMeeting"]));
    const audit = await db().auditEvent.findFirstOrThrow({ where: { caseId: c.id } });
    expect(audit).toMatchObject({ action: "case.allocate", before: { status: "AWAITING_CONSENT", version: 1, allocatedMediatorId: null } });
  });

  it("is refused while the family's consent is still needed", async () => {
    const c = await makeCase({ status: "AWAITING_CONSENT", consent: "PENDING" });
    const e = await refusal(allocateMediator(caseworker, c.id, mediator.id, 1));
    expect(e.message).toBe("Consent is still needed from: Jane Family (parent).");
  });

  it("refuses someone who is not a mediator, and an inactive mediator", async () => {
    const c = await makeCase({ status: "AWAITING_CONSENT", consent: "GIVEN" });
    const before = await stateOf(c.id);
    const e = await refusal(allocateMediator(caseworker, c.id, caseworker2.id, 1));
    expect(fieldError(e, "mediatorId")).toBe("Choose a mediator from the list: the person chosen is not an active mediator.");
    const retired = await makeUser("MEDIATOR");
    await db().user.update({ where: { id: retired.id }, data: { active: false } });
    expect(fieldError(await refusal(allocateMediator(caseworker, c.id, retired.id, 1)), "mediatorId")).toMatch(/not an active mediator/);
    expect(await stateOf(c.id)).toEqual(before);
  });

  it("refuses a mediator with a conflict of interest with a party (email, any case), naming the conflict", async () => {
    const email = `Jane.Conflict-${uid()}@Family.example`;
    const c = await makeCase({ status: "AWAITING_CONSENT", consent: "GIVEN", familyEmail: email.toLowerCase() });
    const conflicted = await makeUser("MEDIATOR", { name: "Connie Conflicted" });
    await db().mediatorConflict.create({ data: { mediatorId: conflicted.id, partyEmail: email.toUpperCase(), reason: "She is a neighbour" } });
    const before = await stateOf(c.id);
    const e = await refusal(allocateMediator(caseworker, c.id, conflicted.id, 1));
    expect(e).toBeInstanceOf(DomainError);
    expect(e.message).toBe("Connie Conflicted cannot be allocated to this case. Conflict of interest with Jane Family: She is a neighbour.");
    expect(fieldError(e, "mediatorId")).toBe(e.message);
    // The plain transition cannot be used to get round the check.
    expect((await refusal(transitionCase(caseworker, c.id, "allocate", 1, { mediatorId: conflicted.id }))).message).toMatch(/Conflict of interest/);
    expect(await stateOf(c.id)).toEqual(before);
  });

  it("refuses a mediator with a conflict with the LA or with a party's organisation", async () => {
    const c = await makeCase({
      status: "AWAITING_CONSENT",
      parties: [
        { kind: "PARENT", name: "Pat Family", consent: "GIVEN" },
        { kind: "SCHOOL", name: "Head teacher", organisation: "Hillside  Academy" },
      ],
    });
    const laConflict = await makeUser("MEDIATOR", { name: "Lars LA-Conflict" });
    await db().mediatorConflict.create({ data: { mediatorId: laConflict.id, localAuthorityId: la.id, reason: "Worked for this council until 2024" } });
    const orgConflict = await makeUser("MEDIATOR", { name: "Olga Org-Conflict" });
    await db().mediatorConflict.create({ data: { mediatorId: orgConflict.id, partyName: "hillside academy", reason: "Governor of the school" } });
    expect((await refusal(allocateMediator(caseworker, c.id, laConflict.id, 1))).message).toBe(
      `Lars LA-Conflict cannot be allocated to this case. Conflict of interest with ${la.name}: Worked for this council until 2024.`,
    );
    expect((await refusal(allocateMediator(caseworker, c.id, orgConflict.id, 1))).message).toBe(
      "Olga Org-Conflict cannot be allocated to this case. Conflict of interest with Hillside  Academy: Governor of the school.",
    );
    // A conflict with another LA does not matter here.
    const elsewhere = await makeUser("MEDIATOR");
    await db().mediatorConflict.create({ data: { mediatorId: elsewhere.id, localAuthorityId: otherLa.id, reason: "Other council" } });
    expect((await allocateMediator(caseworker, c.id, elsewhere.id, 1)).status).toBe("ALLOCATED");
  });

  it("changing the mediator keeps the status and is a staff-only timeline entry", async () => {
    const c = await makeCase({ status: "PREPARING", mediatorId: mediator.id, consent: "GIVEN" });
    const r = await allocateMediator(caseworker, c.id, mediator2.id, 1);
    expect(r).toMatchObject({ transition: "reallocate", status: "PREPARING", statusChanged: false });
    expect((await stateOf(c.id)).allocatedMediatorId).toBe(mediator2.id);
    expect(await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id } })).toMatchObject({ type: "MEDIATOR_CHANGED", visibility: "STAFF" });
    expect(fieldError(await refusal(allocateMediator(caseworker, c.id, mediator2.id, 2)), "mediatorId")).toBe("That mediator is already allocated to this case.");
  });

  it("lists mediators with their open cases, next free working days and conflicts", async () => {
    const c = await makeCase({ status: "AWAITING_CONSENT", consent: "GIVEN", parties: [{ kind: "PARENT", name: "Olive Options", consent: "GIVEN" }] });
    const busy = await makeUser("MEDIATOR", { name: `Bea Busy ${uid()}` });
    const firstDay = nextWorkingDay(todayInLondon());
    // Two open cases (one with a meeting on the next working day) and one closed case.
    await makeCase({ status: "MEETING_SCHEDULED", mediatorId: busy.id }).then((x) => db().case.update({ where: { id: x.id }, data: { meetingOn: dbDateFromIso(firstDay) } }));
    await makeCase({ status: "ALLOCATED", mediatorId: busy.id });
    await makeCase({ status: "CLOSED", mediatorId: busy.id });
    const conflicted = await makeUser("MEDIATOR", { name: `Cy Conflict ${uid()}` });
    await db().mediatorConflict.create({ data: { mediatorId: conflicted.id, partyName: "OLIVE OPTIONS", reason: "Family friend" } });

    const r = await listMediatorOptions(caseworker, c.id);
    expect(r.transition).toBe("allocate");
    expect(r.refusal).toBeNull();
    const b = r.mediators.find((m) => m.id === busy.id)!;
    expect(b.openCases).toBe(2);
    expect(b.conflict).toBeNull();
    expect(b.nextFreeDays).toHaveLength(3);
    expect(b.nextFreeDays).not.toContain(firstDay);
    expect(b.nextFreeDays[0]).toBe(nextWorkingDay(firstDay));
    const free = r.mediators.find((m) => m.id === conflicted.id)!;
    expect(free.openCases).toBe(0);
    expect(free.nextFreeDays[0]).toBe(firstDay);
    expect(free.conflict).toBe("Conflict of interest with Olive Options: Family friend");

    await expect(listMediatorOptions(mediator, c.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listMediatorOptions(laOfficer, c.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

// ---------------------------------------------------------------------------------------------
// Case details: validation and concurrent edits
// ---------------------------------------------------------------------------------------------

describe("case details", () => {
  it("saves changes, with a staff timeline entry and an audit row of before and after", async () => {
    const c = await makeCase();
    const r = await updateCaseDetails(caseworker, c.id, 1, {
      summary: "Disagreement about section F",
      decisionSentOn: "2025-02-03",
      disputedDecision: "PLAN_CONTENTS_SECTION_F",
      childName: "Sam",
      childDateOfBirth: "2015-05-05",
      childSetting: "Hillside Primary",
      childHasEhcPlan: "yes",
    });
    expect(r.version).toBe(2);
    const saved = await db().case.findUniqueOrThrow({ where: { id: c.id }, select: { summary: true, decisionSentOn: true, disputedDecision: true, child: true } });
    expect(saved).toMatchObject({ summary: "Disagreement about section F", disputedDecision: "PLAN_CONTENTS_SECTION_F", child: { name: "Sam", setting: "Hillside Primary", hasEhcPlan: true } });
    expect(isoFromDbDate(saved.decisionSentOn!)).toBe("2025-02-03");
    const ev = await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id } });
    expect(ev.visibility).toBe("STAFF");
    expect(ev.summary).toContain("Summary of the disagreement");
    const audit = await db().auditEvent.findFirstOrThrow({ where: { caseId: c.id } });
    expect(audit.before).toMatchObject({ version: 1, summary: "", childName: "" });
    expect(audit.after).toMatchObject({ version: 2, summary: "Disagreement about section F", childName: "Sam" });
  });

  it("explains bad values next to their fields and saves nothing", async () => {
    const c = await makeCase();
    const before = await stateOf(c.id);
    const e = await refusal(
      updateCaseDetails(caseworker, c.id, 1, {
        decisionSentOn: addCalendarDays(todayInLondon(), 2),
        childDateOfBirth: "2015-02-29",
        disputedDecision: "SOMETHING_ELSE",
      }),
    );
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).fieldErrors).toEqual({
      "decisionSentOn": "The date the decision notice was sent must be today or in the past",
      "childDateOfBirth": "The child's date of birth must be a real date",
      "disputedDecision": "Choose the decision being disputed from the list",
    });
    expect(fieldError(await refusal(updateCaseDetails(caseworker, c.id, 1, { childSetting: "Somewhere" })), "childName")).toBe("Enter the child's name");
    expect(await stateOf(c.id)).toEqual(before);
  });

  it("two people saving the same version: one wins, the other gets a conflict with the winner's values and nothing of theirs is written", async () => {
    const c = await makeCase();
    await updateCaseDetails(caseworker, c.id, 1, { summary: "Original summary", childName: "Alex" });
    // Force a real race: hold the case row locked until both saves have read version 2 and are
    // waiting to write, then let them go. One write wins; the other finds the version moved on.
    let results: PromiseSettledResult<unknown>[] = [];
    await db().$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Case" WHERE id = ${c.id} FOR UPDATE`;
        const saves = Promise.allSettled([
          updateCaseDetails(caseworker, c.id, 2, { summary: "Summary from Cara", childName: "Alex" }),
          updateCaseDetails(caseworker2, c.id, 2, { summary: "Summary from Carl", childName: "Alexander" }),
        ]);
        for (let i = 0; i < 100; i++) {
          const [w] = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`;
          if ((w?.n ?? 0) >= 2) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        void saves.then((r) => (results = r));
      },
      { timeout: 15_000 },
    );
    await vi.waitFor(() => expect(results).toHaveLength(2), { timeout: 10_000 });
    const won = results.findIndex((r) => r.status === "fulfilled");
    const lost = results.findIndex((r) => r.status === "rejected");
    expect(won).toBeGreaterThanOrEqual(0);
    expect(lost).toBeGreaterThanOrEqual(0);
    const winner = [caseworker, caseworker2][won]!;
    const winnerSummary = won === 0 ? "Summary from Cara" : "Summary from Carl";
    const err = (results[lost] as PromiseRejectedResult).reason as ConflictError;
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.message).toBe("Someone else saved this case first.");
    const data = err.data as DetailsConflictData;
    expect(data.version).toBe(3);
    expect(data.changedBy).toBe(winner.name);
    expect(data.current.summary).toBe(winnerSummary);
    expect(data.changes).toContainEqual({ field: "summary", label: "Summary of the disagreement", value: winnerSummary });
    expect(new Date(data.changedAt!).getTime()).toBeGreaterThan(Date.now() - 60_000);

    const saved = await db().case.findUniqueOrThrow({ where: { id: c.id }, select: { summary: true, version: true, child: { select: { name: true } } } });
    expect(saved.summary).toBe(winnerSummary);
    expect(saved.version).toBe(3);
    expect(saved.child?.name).toBe(won === 1 ? "Alexander" : "Alex");
    expect(await db().auditEvent.count({ where: { caseId: c.id } })).toBe(2);

    // After reviewing their change, the loser saves again against the new version: it succeeds.
    const retry = await updateCaseDetails([caseworker, caseworker2][lost]!, c.id, data.version, { summary: "Agreed summary" });
    expect(retry.version).toBe(4);
    // A save from a page opened before all this is refused the same way, listing both changes' fields.
    const stale = await refusal(updateCaseDetails(caseworker, c.id, 2, { summary: "Very old page" }));
    expect(stale).toBeInstanceOf(ConflictError);
    expect(((stale as ConflictError).data as DetailsConflictData).changes).toContainEqual({ field: "summary", label: "Summary of the disagreement", value: "Agreed summary" });
  });

  it("a closed case cannot be edited", async () => {
    const c = await makeCase({ status: "CLOSED" });
    expect((await refusal(updateCaseDetails(caseworker, c.id, 1, { summary: "Late edit" }))).message).toBe("This case is closed, so it cannot be changed.");
  });
});

// ---------------------------------------------------------------------------------------------
// Parties and consent
// ---------------------------------------------------------------------------------------------

describe("parties and consent", () => {
  it("records consent with its date and how it was given; the mediator can then be allocated", async () => {
    const c = await makeCase({ status: "AWAITING_CONSENT" });
    const family = (await stateOf(c.id)).parties[0]!;
    const before = await stateOf(c.id);
    const e = await refusal(recordConsent(caseworker, c.id, family.id, 1, { consent: "GIVEN", consentOn: "", consentHow: "" }));
    expect((e as DomainError).fieldErrors).toEqual({ "consentOn": "Enter the date they told us", "consentHow": "Enter how they told us, for example by phone or by email" });
    expect(await stateOf(c.id)).toEqual(before);

    const r = await recordConsent(caseworker, c.id, family.id, 1, { consent: "GIVEN", consentOn: "2025-04-01", consentHow: "by phone" });
    expect(r.version).toBe(2);
    const p = await db().party.findUniqueOrThrow({ where: { id: family.id } });
    expect(p).toMatchObject({ consent: "GIVEN", consentHow: "by phone" });
    expect(isoFromDbDate(p.consentOn!)).toBe("2025-04-01");
    expect(await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id } })).toMatchObject({
      type: "CONSENT_RECORDED",
      summary: "Jane Family (parent or carer) agreed to take part (told us by phone on Tuesday 1 April 2025)",
      visibility: "STAFF",
    });
    expect(await db().auditEvent.findFirstOrThrow({ where: { caseId: c.id } })).toMatchObject({ action: "party.consent", entityId: family.id });
    expect((await allocateMediator(caseworker, c.id, mediator.id, 2)).status).toBe("ALLOCATED");
  });

  it("refuses a stale version and a party of another case", async () => {
    const c = await makeCase({ status: "AWAITING_CONSENT" });
    const other = await makeCase();
    const family = (await stateOf(c.id)).parties[0]!;
    const otherParty = (await stateOf(other.id)).parties[0]!;
    await db().case.update({ where: { id: c.id }, data: { version: 5 } });
    expect(await refusal(recordConsent(caseworker, c.id, family.id, 4, { consent: "DECLINED", consentOn: "2025-04-01", consentHow: "email" }))).toBeInstanceOf(ConflictError);
    expect(await refusal(recordConsent(caseworker, c.id, otherParty.id, 5, { consent: "GIVEN", consentOn: "2025-04-01", consentHow: "email" }))).toBeInstanceOf(NotFoundError);
    expect((await db().party.findUniqueOrThrow({ where: { id: family.id } })).consent).toBe("PENDING");
  });

  it("adds a party: the preferred contact must be one we have details for; authority only for LA/ICB representatives (R-24)", async () => {
    const c = await makeCase();
    const before = await stateOf(c.id);
    const e = await refusal(addParty(caseworker, c.id, 1, { kind: "HEALTH", name: "Dr Rep", organisation: "NHS ICB", preferredContact: "EMAIL", email: "" }));
    expect(fieldError(e, "email")).toBe("Enter an email address, or choose another way to contact them");
    const bad = await refusal(addParty(caseworker, c.id, 1, { kind: "HEALTH", name: "", preferredContact: "PHONE", phone: "call me" }));
    expect((bad as DomainError).fieldErrors).toMatchObject({ "name": "Enter the name", "phone": "Enter a phone number, like 01632 960 001 or +44 808 157 0192" });
    expect(await stateOf(c.id)).toEqual(before);

    const r = await addParty(caseworker, c.id, 1, { kind: "HEALTH", name: "Dr Rep", organisation: "NHS ICB", preferredContact: "EMAIL", email: "rep@icb.example", hasAuthority: "yes" });
    expect(r.version).toBe(2);
    const s = await addParty(caseworker, c.id, 2, { kind: "SUPPORTER", name: "Sue Porter", preferredContact: "PHONE", phone: "01632 960 001", hasAuthority: "yes" });
    const rows = await db().party.findMany({ where: { id: { in: [r.partyId, s.partyId] } }, select: { name: true, hasAuthority: true } });
    expect(rows).toEqual(expect.arrayContaining([{ name: "Dr Rep", hasAuthority: true }, { name: "Sue Porter", hasAuthority: null }]));
    expect(await db().caseEvent.count({ where: { caseId: c.id, type: "PARTY_ADDED" } })).toBe(2);
  });

  it("updates contact details and access needs, auditing what changed", async () => {
    const c = await makeCase();
    const family = (await stateOf(c.id)).parties[0]!;
    const r = await updateParty(caseworker, c.id, family.id, 1, {
      name: "Jane Family",
      email: "jane.new@family.example",
      phone: "",
      address: "",
      preferredContact: "EMAIL",
      accessNeeds: "Needs a step-free room",
    });
    expect(r).toMatchObject({ version: 2, changed: ["email", "accessNeeds"] });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { caseId: c.id } });
    expect(audit.after).toEqual({ version: 2, email: "jane.new@family.example", accessNeeds: "Needs a step-free room" });
    // Saving the same values again changes nothing and writes nothing.
    const again = await updateParty(caseworker, c.id, family.id, 2, { name: "Jane Family", email: "jane.new@family.example", preferredContact: "EMAIL", accessNeeds: "Needs a step-free room" });
    expect(again).toEqual({ version: 2, changed: [] });
    expect(await db().auditEvent.count({ where: { caseId: c.id } })).toBe(1);
  });
});

it("transition pages only show inputs the table requires", () => {
  // Guard for the UI: every required input type is one the form can render.
  for (const t of TRANSITIONS) for (const i of [...t.requires, ...(t.accepts ?? [])]) expect(["date", "text", "id", "partyId", "boolean"]).toContain(i.type);
  expect(getTransition("startContacting")!.requires[0]!.name).toBe("laNotifiedOn");
});
