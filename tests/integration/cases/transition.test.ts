/**
 * Lifecycle transitions on a real PostgreSQL: validation, authorization, and the deadlines each starts and stops. Every refusal is checked to have written nothing.
 */
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { ForbiddenError, NotFoundError } from "@/lib/auth/types";
import { ConflictError, DomainError } from "@/lib/platform/errors";
import { addCalendarDays, dbDateFromIso, formatDate, isoFromDbDate, nextWorkingDay, todayInLondon, earliestMeetingDate } from "@/lib/deadlines";
import { fromStatusesFor, TRANSITIONS } from "@/lib/cases/lifecycle";
import { transitionCase, transitionInputFromForm } from "@/lib/cases/transition/transition-case";
import { withJoinedDates } from "@/lib/platform/dates/date-input";
import { previewTransition } from "@/lib/cases/transition/preview-transition";
import { getTransitionPage } from "@/lib/cases/transition/get-transition-page";
import { allocateMediator } from "@/lib/cases/allocation/allocate-mediator";
import { updateCaseDetails } from "@/lib/cases/details/update-case-details";
import { getCaseDetail } from "@/lib/cases/details/get-case-detail";
import { addParty } from "@/lib/cases/parties/add-party";
import { recordConsent } from "@/lib/cases/parties/record-consent";
import { createReferral } from "@/lib/cases/intake/create-referral";
import type { ReferralFormValues } from "@/lib/cases/intake/referral-schema";
import { referralValues, uid } from "../helpers";
import { admin, caseworker, deadlinesOf, fieldError, la, laOfficer, makeCase, mediator, mediator2, parentUser, recordMeetingHeld, refusal, stateOf, setUpCaseFixtures } from "./fixtures";

setUpCaseFixtures();

afterAll(async () => {
  await db().$executeRawUnsafe(`DROP TRIGGER IF EXISTS case_commands_test_fail ON "AuditEvent"`);
  await db().$executeRawUnsafe(`DROP FUNCTION IF EXISTS case_commands_test_fail()`);
});

// ---------------------------------------------------------------------------------------------
// Validation: bad input → a message next to the field, and nothing written
// ---------------------------------------------------------------------------------------------

describe("transition validation", () => {
  /** Each transition with a date input, from a status (and with the deadlines) where it is allowed. */
  const DATED = TRANSITIONS.filter((t) => t.requires.some((i) => i.type === "date"));

  it("covers every transition that records a date", () => {
    expect(DATED.map((t) => t.name).sort()).toEqual(
      [
        "chooseAdviceOnly",
        "issueCertificate",
        "issueNotArrangedCertificate",
        "recordAppeal",
        "recordHealthNotified",
        "recordIcbToldLa",
        "recordMeetingHeld",
        "recordNotArranged",
        "scheduleMeeting",
        "startContacting",
        "withdraw",
      ].sort(),
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
        // The clocks intake opens (a row that answers a deadline needs it running, even while
        // Referred); recordNotArranged must not have happened yet; issueNotArrangedCertificate
        // needs it to have; issueCertificate needs its certificate to be due.
        deadlines: {
          names:
            t.name === "recordNotArranged"
              ? ["MEDIATION_30_DAY", "HEALTH_NOTIFICATION"]
              : t.name === "issueCertificate"
                ? ["CERTIFICATE_AFTER_MEDIATION"]
                : t.name === "recordIcbToldLa"
                  ? ["ICB_AGREEMENT_NOTICE"]
                  : ["MEDIATION_30_DAY", "HEALTH_NOTIFICATION", "CERTIFICATE_NOT_ARRANGED"],
          triggerOn: "2025-03-26",
        },
      });
      const before = await stateOf(c.id);
      // Typed in the day, month and year boxes, read as the server action reads a posted form.
      const posted = withJoinedDates({ [`${dateInput.name}-day`]: "30", [`${dateInput.name}-month`]: "2", [`${dateInput.name}-year`]: "2025", reason: "Family moved away" });
      // A row done on its own page (the meeting record, issue 10) goes through its own command;
      // the generic one refuses it (tests/integration/meetings/meeting-record.test.ts checks the date there).
      const command = t.ownPage ? recordMeetingHeld(caseworker, c.id, 1, { heldOn: posted[dateInput.name]!, agreement: "FULL" }) : transitionCase(caseworker, c.id, t.name, 1, transitionInputFromForm(t.name, posted));
      const e = await refusal(command);
      expect(e).toBeInstanceOf(DomainError);
      expect(e.message).toBe(`${dateInput.label} must be a real date – February 2025 has 28 days.`);
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
    const e = await refusal(recordMeetingHeld(caseworker, c.id, 1, { heldOn: "2025-04-24", agreement: "FULL" }));
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
    const { plan, starts } = await previewTransition(caseworker, c.id, "withdraw", 1, { toldOn: "2025-04-01", reason: "Changed their mind", certificateRequested: true });
    expect(plan.to).toBe("WITHDRAWN");
    // The confirmation step says which deadline starts, dated by the engine (R-12: 3 working days).
    expect(starts).toEqual(["Certificate (no mediation) due by Friday 4 April 2025"]);
    // No certificate was asked for: none starts.
    expect((await previewTransition(caseworker, c.id, "withdraw", 1, { toldOn: "2025-04-01", reason: "Changed their mind", certificateRequested: false })).starts).toEqual([]);
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
    expect(audit).toMatchObject({ action: "case.contacting_started", actorId: caseworker.id, ip: "203.0.113.9" });
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
    const r = await recordMeetingHeld(mediator, c.id, 2, { heldOn: "2025-04-24", agreement: "FULL" });
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

  it("R-12: a withdrawal with a certificate asked for starts the certificate deadline; the staff reason stays out of the shared timeline (R-80)", async () => {
    const c = await makeCase({ status: "AWAITING_CONSENT", deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: "2025-03-26" } });
    const reason = "Family said privately that the school head is a relative";
    await transitionCase(caseworker, c.id, "withdraw", 1, { toldOn: "2025-04-02", reason, certificateRequested: true });
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
// Issue 8: what is written for the lifecycle corrections, and that refusals write nothing
// ---------------------------------------------------------------------------------------------

/** What the case page offers, leaving out recording an appeal (offered in every status; tested on its own). */
const transitionNames = async (user: typeof caseworker, caseId: string) =>
  (await getCaseDetail(user, caseId)).transitions.map((t) => t.name).filter((n) => n !== "recordAppeal");
const lastEvent = (caseId: string, type: string) => db().caseEvent.findFirstOrThrow({ where: { caseId, type }, orderBy: { at: "desc" } });
const lastAudit = (caseId: string) => db().auditEvent.findFirstOrThrow({ where: { caseId }, orderBy: { at: "desc" } });

describe("deadlines opened at intake are answered at once (R-21, R-23)", () => {
  /** A referral logged, as the intake form does, with the date the LA was told and a health issue. */
  function referral(): ReferralFormValues {
    return referralValues(la.id, {
      child: { name: `Sam ${uid()}`, dateOfBirth: "2015-06-01", setting: "Oak Primary School", hasEhcPlan: "yes" },
      disputedDecisions: ["PLAN_CONTENTS_SECTION_F"],
      laNotifiedOn: "2025-03-26",
      summary: "Family wants more therapy, and the ICB funds part of it.",
      issues: [
        { category: "EDUCATION", description: "Speech and language therapy hours in section F" },
        { category: "HEALTH", description: "Occupational therapy in section G" },
      ],
      family: { name: "Alex Parent", email: `alex-${uid()}@example.com`, phone: "", address: "", preferredContact: "EMAIL", accessNeeds: "" },
    });
  }

  it("starting to contact the parties does not ask again for the date given at intake, nor restart its clocks (issue 8, item 9)", async () => {
    const c = await createReferral(caseworker, referral(), null);
    const page = await getTransitionPage(caseworker, c.id, "startContacting");
    expect(page.inputs.map((i) => i.name)).not.toContain("laNotifiedOn");
    expect(page.recorded).toEqual([{ label: "Date the LA was told the family wants mediation", value: "2025-03-26" }]);
    const before = await deadlinesOf(c.id);
    await transitionCase(caseworker, c.id, "startContacting", 1, {});
    // The same deadlines, still open: no "replaced by a corrected date" twins.
    expect(await deadlinesOf(c.id)).toEqual(before);
    expect((await lastEvent(c.id, "CONTACTING_STARTED")).summary).toBe("Started contacting the parties; LA told on 26 March 2025");
    // A different date given on purpose is still a correction that restarts the clocks.
    const other = await createReferral(caseworker, referral(), null);
    await transitionCase(caseworker, other.id, "startContacting", 1, { laNotifiedOn: "2025-03-27" });
    expect((await deadlinesOf(other.id)).filter((d) => d.outcome === "REPLACED").map((d) => d.name).sort()).toEqual(["HEALTH_NOTIFICATION", "MEDIATION_30_DAY"]);
  });

  it("records that the LA told the health body while the case is still Referred", async () => {
    const c = await createReferral(caseworker, referral(), null);
    expect(await deadlinesOf(c.id)).toEqual([
      { name: "MEDIATION_30_DAY", dueOn: "2025-04-25", closedOn: null, outcome: null },
      { name: "HEALTH_NOTIFICATION", dueOn: "2025-03-31", closedOn: null, outcome: null },
    ]);
    expect(await transitionNames(caseworker, c.id)).toEqual(["startContacting", "recordNotArranged", "recordHealthNotified", "chooseAdviceOnly", "withdraw"]);

    const r = await transitionCase(caseworker, c.id, "recordHealthNotified", 1, { notifiedOn: "2025-03-28" });
    expect(r).toMatchObject({ status: "REFERRED", statusChanged: false, version: 2 });
    expect(await deadlinesOf(c.id)).toEqual([
      { name: "MEDIATION_30_DAY", dueOn: "2025-04-25", closedOn: null, outcome: null },
      { name: "HEALTH_NOTIFICATION", dueOn: "2025-03-31", closedOn: "2025-03-28", outcome: "MET" },
    ]);
    const s = await stateOf(c.id);
    expect(s.status).toBe("REFERRED");
    expect(isoFromDbDate(s.nextDeadlineOn!)).toBe("2025-04-25");
    expect(await lastEvent(c.id, "HEALTH_BODY_NOTIFIED")).toMatchObject({ summary: "LA told the health commissioning body on 28 March 2025", rule: "R-21", visibility: "SHARED", actorId: caseworker.id });
    const audit = await lastAudit(c.id);
    expect(audit).toMatchObject({ action: "case.health_body_notified", before: { status: "REFERRED", version: 1 }, after: { status: "REFERRED", version: 2, deadlinesStopped: ["HEALTH_NOTIFICATION"] } });
    // Done once: not offered again.
    expect(await transitionNames(caseworker, c.id)).not.toContain("recordHealthNotified");
  });

  it("records that mediation cannot be arranged while Referred, then issues that certificate there (R-23)", async () => {
    const c = await createReferral(caseworker, referral(), null);
    await transitionCase(caseworker, c.id, "recordNotArranged", 1, { toldOn: "2025-04-14" });
    // Told Mon 14 April 2025: 3 working days → Thu 17 April (Good Friday is the 18th).
    expect((await deadlinesOf(c.id)).find((d) => d.name === "CERTIFICATE_NOT_ARRANGED")).toEqual({ name: "CERTIFICATE_NOT_ARRANGED", dueOn: "2025-04-17", closedOn: null, outcome: null });
    expect((await stateOf(c.id)).status).toBe("REFERRED");
    expect(await lastAudit(c.id)).toMatchObject({ action: "case.not_arranged_recorded", after: { status: "REFERRED", version: 2, deadlinesStarted: ["CERTIFICATE_NOT_ARRANGED"] } });
    expect(await transitionNames(caseworker, c.id)).toContain("issueNotArrangedCertificate");

    await transitionCase(caseworker, c.id, "issueNotArrangedCertificate", 2, { issuedOn: "2025-04-16" });
    expect((await deadlinesOf(c.id)).find((d) => d.name === "CERTIFICATE_NOT_ARRANGED")).toMatchObject({ closedOn: "2025-04-16", outcome: "MET" });
    expect((await stateOf(c.id)).status).toBe("REFERRED");
    expect((await lastEvent(c.id, "CERTIFICATE_ISSUED")).data).toMatchObject({ certificateKind: "NOT_ARRANGED", issuedOn: "2025-04-16", issuerId: caseworker.id });
  });

  it("refuses both on a Referred case whose intake opened no clock, and writes nothing", async () => {
    const c = await makeCase({ status: "REFERRED", issues: ["EDUCATION", "HEALTH"] });
    const before = await stateOf(c.id);
    const h = await refusal(transitionCase(caseworker, c.id, "recordHealthNotified", 1, { notifiedOn: "2025-03-28" }));
    expect(h).toBeInstanceOf(DomainError);
    expect(h.message).toContain("The deadline to tell the health commissioning body is not running on this case");
    const n = await refusal(transitionCase(caseworker, c.id, "recordNotArranged", 1, { toldOn: "2025-04-14" }));
    expect(n.message).toContain("The 30-day clock is not running on this case");
    expect(await stateOf(c.id)).toEqual(before);
    expect(await transitionNames(caseworker, c.id)).toEqual(["startContacting", "chooseAdviceOnly", "withdraw"]);
  });
});

describe("withdrawal: a certificate only when the family asks (R-12)", () => {
  it("'could not be arranged' then 'withdraw' leaves one certificate due; once it is issued the case closes", async () => {
    const c = await makeCase({ status: "PREPARING", mediatorId: mediator.id, deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: "2025-03-26" } });
    await transitionCase(caseworker, c.id, "recordNotArranged", 1, { toldOn: "2025-04-14" });
    const w = await transitionCase(caseworker, c.id, "withdraw", 2, { toldOn: "2025-04-15", reason: "Appealing instead", certificateRequested: true });
    expect(w.status).toBe("WITHDRAWN");
    expect(await deadlinesOf(c.id)).toEqual([
      { name: "MEDIATION_30_DAY", dueOn: "2025-04-25", closedOn: "2025-04-15", outcome: "CANCELLED" },
      { name: "CERTIFICATE_NOT_ARRANGED", dueOn: "2025-04-17", closedOn: null, outcome: null },
    ]);
    const audit = await lastAudit(c.id);
    expect(audit).toMatchObject({ action: "case.withdrawn", after: { status: "WITHDRAWN", deadlinesStopped: ["MEDIATION_30_DAY"] } });
    expect(audit.after).not.toHaveProperty("deadlinesStarted");
    expect(await transitionNames(caseworker, c.id)).toEqual(["issueNotArrangedCertificate"]);

    // Closing, or issuing an advice-only certificate, is refused while that certificate is due: nothing is written.
    const before = await stateOf(c.id);
    expect((await refusal(transitionCase(caseworker, c.id, "close", 3, { reason: "Nothing more to do" }))).message).toBe(
      "A certificate is still due on this case: issue it before closing the case (R-12, R-30).",
    );
    expect(await refusal(transitionCase(caseworker, c.id, "issueCertificate", 3, { issuedOn: "2025-04-16" }))).toBeInstanceOf(DomainError);
    expect(await stateOf(c.id)).toEqual(before);

    await transitionCase(caseworker, c.id, "issueNotArrangedCertificate", 3, { issuedOn: "2025-04-16" });
    const s = await stateOf(c.id);
    expect(s).toMatchObject({ status: "WITHDRAWN", nextDeadlineOn: null });
    expect((await deadlinesOf(c.id))[1]).toMatchObject({ closedOn: "2025-04-16", outcome: "MET" });
    expect(await transitionNames(caseworker, c.id)).toEqual(["close"]);
    expect((await transitionCase(caseworker, c.id, "close", 4, { reason: "Certificate issued; family appealing" })).status).toBe("CLOSED");
  });

  it("a withdrawal without a certificate asked for starts none, and the withdrawn case closes with a reason", async () => {
    const c = await makeCase({ status: "ALLOCATED", mediatorId: mediator.id, deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: "2025-03-26" } });
    await transitionCase(caseworker, c.id, "withdraw", 1, { toldOn: "2025-04-02", reason: "Resolved with the school", certificateRequested: false });
    expect(await deadlinesOf(c.id)).toEqual([{ name: "MEDIATION_30_DAY", dueOn: "2025-04-25", closedOn: "2025-04-02", outcome: "CANCELLED" }]);
    expect((await stateOf(c.id)).nextDeadlineOn).toBeNull();
    expect((await lastEvent(c.id, "CASE_WITHDRAWN")).data).toMatchObject({ certificateRequested: false, reason: "Resolved with the school" });
    expect((await lastAudit(c.id)).after).not.toHaveProperty("deadlinesStarted");
    expect(await transitionNames(caseworker, c.id)).toEqual(["close"]);

    const r = await transitionCase(caseworker, c.id, "close", 2, { reason: "Withdrawn, no certificate wanted" });
    expect(r).toMatchObject({ status: "CLOSED", version: 3 });
    expect(await lastEvent(c.id, "CASE_CLOSED")).toMatchObject({ summary: "Case closed", visibility: "SHARED", data: expect.objectContaining({ from: "WITHDRAWN", reason: "Withdrawn, no certificate wanted" }) });
    expect(await lastAudit(c.id)).toMatchObject({ action: "case.closed", before: { status: "WITHDRAWN", version: 2 }, after: { status: "CLOSED", version: 3 } });
  });

  it("a mediation withdrawal without the family's answer is refused next to the field, and writes nothing", async () => {
    const c = await makeCase({ status: "CONTACTING_PARTIES", deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: "2025-03-26" } });
    const before = await stateOf(c.id);
    const e = await refusal(transitionCase(caseworker, c.id, "withdraw", 1, { toldOn: "2025-04-01", reason: "Changed their mind" }));
    expect(fieldError(e, "certificateRequested")).toBe("The family asked for a certificate is needed to withdraw a case.");
    expect(await stateOf(c.id)).toEqual(before);
  });
});

describe("DRS: the refusal is shared, and meetings have no notice rule (R-22, R-70, R-73)", () => {
  it("records that a party declined as an entry every party sees, without the staff reason (R-73, R-80)", async () => {
    const c = await makeCase({ kind: "DRS", status: "AWAITING_CONSENT", familyUserId: parentUser.id });
    const [, laRep] = (await stateOf(c.id)).parties;
    const reason = "Officer said privately that the budget is frozen";
    const r = await transitionCase(caseworker, c.id, "declineDrs", 1, { declinedByPartyId: laRep!.id, reason });
    expect(r.status).toBe("NOT_PROCEEDING");
    const summary = "Not proceeding: Officer Rep (local authority representative) declined to take part";
    const ev = await lastEvent(c.id, "DRS_DECLINED");
    expect(ev).toMatchObject({ summary, visibility: "SHARED", rule: "R-73", actorId: caseworker.id });
    expect(ev.data).toMatchObject({ declinedByPartyId: laRep!.id, reason });
    expect(await lastAudit(c.id)).toMatchObject({ action: "case.drs_declined", after: { status: "NOT_PROCEEDING" } });
    // Everyone is told: the LA officer and the family see it; the reason stays with staff.
    for (const user of [laOfficer, parentUser]) {
      const view = await getCaseDetail(user, c.id);
      expect(view.view).toBe("SHARED");
      expect(view.timeline.map((e) => e.summary)).toContain(summary);
      expect(JSON.stringify(view)).not.toContain("budget");
    }
    expect((await getCaseDetail(caseworker, c.id)).timeline[0]).toMatchObject({ summary, detail: reason });
  });

  it("a DRS meeting may be set less than 5 working days ahead without the family's agreement; a mediation one may not", async () => {
    const tooSoon = nextWorkingDay(todayInLondon());
    const d = await makeCase({ kind: "DRS", status: "PREPARING", mediatorId: mediator.id });
    const r = await transitionCase(mediator, d.id, "scheduleMeeting", 1, { meetingOn: tooSoon });
    expect(r.status).toBe("MEETING_SCHEDULED");
    expect(isoFromDbDate((await stateOf(d.id)).meetingOn!)).toBe(tooSoon);
    const ev = await lastEvent(d.id, "MEETING_SCHEDULED");
    expect(ev).toMatchObject({ summary: `Meeting scheduled for ${formatDate(tooSoon)}`, rule: null, visibility: "SHARED" });
    expect(ev.data).not.toHaveProperty("shortNoticeAgreed");

    const m = await makeCase({ status: "PREPARING", mediatorId: mediator.id });
    const before = await stateOf(m.id);
    expect(fieldError(await refusal(transitionCase(mediator, m.id, "scheduleMeeting", 1, { meetingOn: tooSoon })), "meetingOn")).toContain("(R-22)");
    expect(await stateOf(m.id)).toEqual(before);
  });

  it("a DRS meeting date in the past is still refused, and nothing is written", async () => {
    const d = await makeCase({ kind: "DRS", status: "PREPARING", mediatorId: mediator.id });
    const before = await stateOf(d.id);
    const e = await refusal(transitionCase(mediator, d.id, "scheduleMeeting", 1, { meetingOn: addCalendarDays(todayInLondon(), -1) }));
    expect(fieldError(e, "meetingOn")).toBe("Meeting date must be today or in the future.");
    expect(await stateOf(d.id)).toEqual(before);
  });
});

describe("the after-mediation certificate, monitoring, and what a closed case offers", () => {
  const heldCase = () =>
    makeCase({ status: "MEETING_HELD", mediatorId: mediator.id, agreement: "FULL", deadlines: { names: ["CERTIFICATE_AFTER_MEDIATION"], triggerOn: "2025-04-24" } });

  it("the allocated mediator issues the after-mediation certificate and is recorded as its issuer (R-30)", async () => {
    const c = await heldCase();
    expect(await transitionNames(mediator, c.id)).toEqual(["issueCertificate"]);
    const r = await transitionCase(mediator, c.id, "issueCertificate", 1, { issuedOn: "2025-04-29" });
    expect(r).toMatchObject({ status: "CERTIFICATE_ISSUED", version: 2 });
    expect(await deadlinesOf(c.id)).toEqual([{ name: "CERTIFICATE_AFTER_MEDIATION", dueOn: "2025-04-29", closedOn: "2025-04-29", outcome: "MET" }]);
    const ev = await lastEvent(c.id, "CERTIFICATE_ISSUED");
    expect(ev).toMatchObject({ summary: "Certificate issued (after mediation)", visibility: "SHARED", actorId: mediator.id });
    expect(ev.data).toMatchObject({ certificateKind: "AFTER_MEDIATION", issuedOn: "2025-04-29", issuerId: mediator.id });
    expect((await lastAudit(c.id)).after).toMatchObject({ status: "CERTIFICATE_ISSUED", certificate: { kind: "AFTER_MEDIATION", issuedOn: "2025-04-29", issuerId: mediator.id } });
  });

  it("a caseworker recording it records the mediator as the issuer", async () => {
    const c = await heldCase();
    await transitionCase(caseworker, c.id, "issueCertificate", 1, { issuedOn: "2025-04-29" });
    const ev = await lastEvent(c.id, "CERTIFICATE_ISSUED");
    expect(ev.actorId).toBe(caseworker.id);
    expect(ev.data).toMatchObject({ issuerId: mediator.id });
    expect((await lastAudit(c.id)).after).toMatchObject({ certificate: { issuerId: mediator.id } });
  });

  it("the mediator cannot issue a withdrawn case's advice-only certificate; nothing is written", async () => {
    const c = await makeCase({ status: "WITHDRAWN", mediatorId: mediator.id, deadlines: { names: ["CERTIFICATE_ADVICE_ONLY"], triggerOn: "2025-04-10" } });
    const before = await stateOf(c.id);
    expect((await refusal(transitionCase(mediator, c.id, "issueCertificate", 1, { issuedOn: "2025-04-11" }))).message).toBe("Only a caseworker or an admin can issue a certificate.");
    expect(await stateOf(c.id)).toEqual(before);
  });

  it("records whether the meeting reached an agreement; monitoring follows only a full or partial one (R-40)", async () => {
    const c = await makeCase({ status: "MEETING_SCHEDULED", mediatorId: mediator.id, deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: "2025-03-26" } });
    const before = await stateOf(c.id);
    const e = await refusal(recordMeetingHeld(mediator, c.id, 1, { heldOn: "2025-04-24" }));
    expect(fieldError(e, "agreement")).toBe("Choose whether the meeting reached full, partial or no agreement");
    expect(await stateOf(c.id)).toEqual(before);
    // The generic transition form cannot do it: "meeting held" is written with the meeting record.
    expect((await refusal(transitionCase(mediator, c.id, "recordMeetingHeld", 1, { heldOn: "2025-04-24", agreement: "NONE" }))).message).toBe(
      "Record meeting held is done on its own page, which records everything about it.",
    );
    expect(await stateOf(c.id)).toEqual(before);

    await recordMeetingHeld(mediator, c.id, 1, { heldOn: "2025-04-24", agreement: "NONE" });
    expect((await stateOf(c.id)).agreement).toBe("NONE");
    expect(await db().auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "case.meeting_held" } })).toMatchObject({ before: { agreement: null, heldOn: null }, after: { status: "MEETING_HELD", agreement: "NONE", heldOn: "2025-04-24" } });
    await transitionCase(caseworker, c.id, "issueCertificate", 2, { issuedOn: "2025-04-29" });
    const detail = await getCaseDetail(caseworker, c.id);
    expect(detail.agreement).toBe("No agreement");
    expect(detail.transitions.map((t) => t.name)).toEqual(["close", "recordAppeal"]);
    const issued = await stateOf(c.id);
    expect((await refusal(transitionCase(caseworker, c.id, "startMonitoring", 3, {}))).message).toBe(
      "No agreement was reached at the meeting, so there are no agreed actions to monitor (R-40).",
    );
    expect(await stateOf(c.id)).toEqual(issued);

    const partial = await makeCase({ status: "CERTIFICATE_ISSUED", mediatorId: mediator.id, agreement: "PARTIAL" });
    expect(await transitionNames(caseworker, partial.id)).toEqual(["startMonitoring", "close"]);
    expect((await transitionCase(caseworker, partial.id, "startMonitoring", 1, {})).status).toBe("MONITORING");
  });

  it("a closed or not-proceeding case offers no edits: a closed one only re-opening and recording an appeal; an open one offers edits", async () => {
    const closed = await makeCase({ status: "CLOSED", mediatorId: mediator.id });
    const notProceeding = await makeCase({ kind: "DRS", status: "NOT_PROCEEDING" });
    for (const [c, offered] of [
      [closed, ["recordAppeal", "reopen"]],
      [notProceeding, []],
    ] as const) {
      for (const user of [caseworker, admin]) {
        const detail = await getCaseDetail(user, c.id);
        expect(detail.can).toEqual({ update: false, allocate: false });
        expect(detail.transitions.map((t) => t.name)).toEqual(offered);
        expect(detail.blocked).toEqual([]);
      }
    }
    const open = await makeCase({ status: "CONTACTING_PARTIES" });
    expect((await getCaseDetail(caseworker, open.id)).can).toEqual({ update: true, allocate: true });
  });
});
