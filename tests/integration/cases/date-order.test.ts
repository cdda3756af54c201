/**
 * Issue 8, item 1: every recorded date agrees with the dates it follows — decision sent ≤ LA told
 * ≤ consent ≤ meeting held ≤ certificate issued, and a certificate never before its trigger — on a
 * real PostgreSQL. Each refusal carries its message beside the field and writes nothing.
 */
import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/platform/errors";
import { isoFromDbDate } from "@/lib/deadlines";
import { transitionCase } from "@/lib/cases/transition/transition-case";
import { previewTransition } from "@/lib/cases/transition/preview-transition";
import { updateCaseDetails } from "@/lib/cases/details/update-case-details";
import { recordConsent } from "@/lib/cases/parties/record-consent";
import { caseworker, deadlinesOf, fieldError, makeCase, mediator, openCaseDeadlines, recordMeetingHeld, refusal, setUpCaseFixtures, stateOf } from "./fixtures";

setUpCaseFixtures();

/** A refusal of one field: the message is on that field (and is the summary), and nothing was written. */
async function expectRefused(caseId: string, command: () => Promise<unknown>, field: string, message: string) {
  const before = await stateOf(caseId);
  const e = await refusal(command());
  expect(e).toBeInstanceOf(DomainError);
  expect(fieldError(e, field)).toBe(message);
  expect(e.message).toBe(message);
  expect(await stateOf(caseId)).toEqual(before);
}

describe("a transition's date must not precede the case dates it follows", () => {
  it("the reported case: 'meeting held' on 26 November for a case whose LA was told on 27 November is refused (R-20)", async () => {
    const c = await makeCase({
      status: "MEETING_SCHEDULED",
      mediatorId: mediator.id,
      consent: "GIVEN",
      consentOn: "2025-11-27",
      dates: { laNotifiedOn: "2025-11-27", meetingOn: "2025-11-26" },
      deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: "2025-11-27" },
    });
    const before = await stateOf(c.id);
    await expectRefused(
      c.id,
      () => recordMeetingHeld(mediator, c.id, 1, { heldOn: "2025-11-26", agreement: "FULL" }),
      "heldOn",
      "The date the meeting was held must be on or after 27 November 2025, the day the LA was told (R-20).",
    );
    // The 30-day deadline was not marked met, and no certificate deadline started.
    expect(before.deadlines).toEqual([expect.objectContaining({ name: "MEDIATION_30_DAY", closedOn: null, outcome: null })]);

    // The day the LA was told itself is fine.
    const r = await recordMeetingHeld(mediator, c.id, 1, { heldOn: "2025-11-27", agreement: "FULL" });
    expect(r.status).toBe("MEETING_HELD");
    expect(isoFromDbDate((await stateOf(c.id)).heldOn!)).toBe("2025-11-27");
  });

  it("the reported case: a certificate issued on 20 November for a meeting held later is refused (R-30)", async () => {
    const c = await makeCase({ status: "MEETING_HELD", dates: { laNotifiedOn: "2025-11-03", heldOn: "2025-11-24" }, deadlines: { names: ["CERTIFICATE_AFTER_MEDIATION"], triggerOn: "2025-11-24" } });
    await expectRefused(
      c.id,
      () => transitionCase(caseworker, c.id, "issueCertificate", 1, { issuedOn: "2025-11-20" }),
      "issuedOn",
      "The date of issue must be on or after 24 November 2025, the day the meeting was held (R-30).",
    );
    expect((await deadlinesOf(c.id))[0]).toMatchObject({ name: "CERTIFICATE_AFTER_MEDIATION", closedOn: null, outcome: null });
    expect((await transitionCase(caseworker, c.id, "issueCertificate", 1, { issuedOn: "2025-11-24" })).status).toBe("CERTIFICATE_ISSUED");
  });

  it("a meeting cannot be held before the family agreed to take part (R-73)", async () => {
    const c = await makeCase({
      status: "MEETING_SCHEDULED",
      mediatorId: mediator.id,
      consent: "GIVEN",
      consentOn: "2025-04-03",
      dates: { laNotifiedOn: "2025-03-26", meetingOn: "2025-04-01" },
      deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: "2025-03-26" },
    });
    await expectRefused(
      c.id,
      () => recordMeetingHeld(mediator, c.id, 1, { heldOn: "2025-04-01", agreement: "FULL" }),
      "heldOn",
      "The date the meeting was held must be on or after 3 April 2025, the day Jane Family (parent or carer) agreed to take part (R-73).",
    );
  });

  it("the LA cannot be told before the decision notice was sent (R-10)", async () => {
    const c = await makeCase({ dates: { decisionSentOn: "2025-03-10" } });
    await expectRefused(
      c.id,
      () => transitionCase(caseworker, c.id, "startContacting", 1, { laNotifiedOn: "2025-03-09" }),
      "laNotifiedOn",
      "The date the LA was told the family wants mediation must be on or after 10 March 2025, the day the decision notice was sent (R-10).",
    );
    expect(await deadlinesOf(c.id)).toEqual([]);
  });

  it("a certificate is never issued before its trigger: 'could not be arranged' (R-23) and 'no mediation' (R-11)", async () => {
    const notArranged = await makeCase({ status: "ALLOCATED", mediatorId: mediator.id, dates: { laNotifiedOn: "2025-03-26" }, deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: "2025-03-26" } });
    await openCaseDeadlines(notArranged.id, ["CERTIFICATE_NOT_ARRANGED"], "2025-04-10");
    await expectRefused(
      notArranged.id,
      () => transitionCase(caseworker, notArranged.id, "issueNotArrangedCertificate", 1, { issuedOn: "2025-04-09" }),
      "issuedOn",
      "The date of issue must be on or after 10 April 2025, the day the adviser was told mediation could not be arranged within 30 days (R-23).",
    );

    const adviceOnly = await makeCase({ status: "ADVICE_ONLY", deadlines: { names: ["CERTIFICATE_ADVICE_ONLY"], triggerOn: "2025-04-02" } });
    await expectRefused(
      adviceOnly.id,
      () => transitionCase(caseworker, adviceOnly.id, "issueCertificate", 1, { issuedOn: "2025-04-01" }),
      "issuedOn",
      "The date of issue must be on or after 2 April 2025, the day we were told the family does not want (or no longer wants) mediation (R-11).",
    );
  });

  it("the adviser and the health body cannot be told before the LA was told (R-23, R-21)", async () => {
    const c = await makeCase({
      status: "CONTACTING_PARTIES",
      issues: ["EDUCATION", "HEALTH"],
      dates: { laNotifiedOn: "2025-03-26" },
      deadlines: { names: ["MEDIATION_30_DAY", "HEALTH_NOTIFICATION"], triggerOn: "2025-03-26" },
    });
    await expectRefused(
      c.id,
      () => transitionCase(caseworker, c.id, "recordNotArranged", 1, { toldOn: "2025-03-25" }),
      "toldOn",
      "The date the adviser was told must be on or after 26 March 2025, the day the LA was told (R-20).",
    );
    await expectRefused(
      c.id,
      () => transitionCase(caseworker, c.id, "recordHealthNotified", 1, { notifiedOn: "2025-03-20" }),
      "notifiedOn",
      "The date the LA told the health commissioning body must be on or after 26 March 2025, the day the LA was told (R-21).",
    );
  });

  it("the confirmation step (previewTransition) refuses the same way", async () => {
    const c = await makeCase({ status: "CONTACTING_PARTIES", dates: { decisionSentOn: "2025-03-10", laNotifiedOn: "2025-03-12" }, deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: "2025-03-12" } });
    await expectRefused(
      c.id,
      () => previewTransition(caseworker, c.id, "withdraw", 1, { toldOn: "2025-03-01", reason: "Changed their mind", certificateRequested: true }),
      "toldOn",
      "The date we were told of the withdrawal must be on or after 10 March 2025, the day the decision notice was sent (R-10).",
    );
  });
});

describe("correcting the decision-sent and LA-told dates keeps them in order", () => {
  it("the decision notice cannot be sent after the LA was told, the meeting was held or a party answered (R-10)", async () => {
    const c = await makeCase({ status: "MEETING_HELD", consent: "GIVEN", consentOn: "2025-03-28", dates: { laNotifiedOn: "2025-03-26", heldOn: "2025-04-24" } });
    await expectRefused(
      c.id,
      () => updateCaseDetails(caseworker, c.id, 1, { decisionSentOn: "2025-03-27" }),
      "decisionSentOn",
      "The date the decision notice was sent must be on or before 26 March 2025, the day the LA was told (R-20).",
    );
    // Correcting both together is checked against the new LA-told date, and then the family's answer.
    await expectRefused(
      c.id,
      () => updateCaseDetails(caseworker, c.id, 1, { decisionSentOn: "2025-03-29", laNotifiedOn: "2025-03-30" }),
      "decisionSentOn",
      "The date the decision notice was sent must be on or before 28 March 2025, the day Jane Family (parent or carer) agreed to take part (R-73).",
    );
    expect((await updateCaseDetails(caseworker, c.id, 1, { decisionSentOn: "2025-03-20" })).changed).toEqual(["decisionSentOn"]);
  });

  it("the LA-told date must follow the decision notice and precede the meeting (R-10, R-30, R-20)", async () => {
    const c = await makeCase({ status: "MEETING_HELD", dates: { decisionSentOn: "2025-03-10", laNotifiedOn: "2025-03-26", meetingOn: "2025-04-24", heldOn: "2025-04-24" } });
    await expectRefused(
      c.id,
      () => updateCaseDetails(caseworker, c.id, 1, { laNotifiedOn: "2025-03-05" }),
      "laNotifiedOn",
      "The date the LA was told the family wants mediation must be on or after 10 March 2025, the day the decision notice was sent (R-10).",
    );
    await expectRefused(
      c.id,
      () => updateCaseDetails(caseworker, c.id, 1, { laNotifiedOn: "2025-04-25" }),
      "laNotifiedOn",
      "The date the LA was told the family wants mediation must be on or before 24 April 2025, the day the meeting was held (R-30).",
    );
    const booked = await makeCase({ status: "MEETING_SCHEDULED", mediatorId: mediator.id, dates: { laNotifiedOn: "2025-03-26", meetingOn: "2025-04-14" } });
    await expectRefused(
      booked.id,
      () => updateCaseDetails(caseworker, booked.id, 1, { laNotifiedOn: "2025-04-15" }),
      "laNotifiedOn",
      "The date the LA was told the family wants mediation must be on or before 14 April 2025, the day the meeting is booked for (R-20).",
    );
  });

  it("while the 30-day clock runs, a corrected LA-told date after the 'could not be arranged' date is refused and no clock restarts (R-23)", async () => {
    const c = await makeCase({ status: "ALLOCATED", mediatorId: mediator.id, dates: { laNotifiedOn: "2025-03-26" }, deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: "2025-03-26" } });
    await openCaseDeadlines(c.id, ["CERTIFICATE_NOT_ARRANGED"], "2025-04-10");
    await expectRefused(
      c.id,
      () => updateCaseDetails(caseworker, c.id, 1, { laNotifiedOn: "2025-04-11" }),
      "laNotifiedOn",
      "The date the LA was told the family wants mediation must be on or before 10 April 2025, the day the adviser was told mediation could not be arranged within 30 days (R-23).",
    );
  });
});

describe("a party's answer is dated between the decision and the meeting", () => {
  it("refuses an answer dated before the decision notice or after the meeting held, writing nothing", async () => {
    const c = await makeCase({ status: "MEETING_HELD", dates: { decisionSentOn: "2025-03-10", laNotifiedOn: "2025-03-26", heldOn: "2025-04-24" } });
    const family = (await stateOf(c.id)).parties[0]!;
    await expectRefused(
      c.id,
      () => recordConsent(caseworker, c.id, family.id, 1, { consent: "GIVEN", consentOn: "2025-04-25", consentHow: "by phone" }),
      "consentOn",
      "The date they told us must be on or before 24 April 2025, the day the meeting was held (R-30).",
    );
    await expectRefused(
      c.id,
      () => recordConsent(caseworker, c.id, family.id, 1, { consent: "DECLINED", consentOn: "2025-03-09", consentHow: "by email" }),
      "consentOn",
      "The date they told us must be on or after 10 March 2025, the day the decision notice was sent (R-10).",
    );
    // An answer before the LA was told is accepted: a family may agree before its wish reaches the LA.
    expect((await recordConsent(caseworker, c.id, family.id, 1, { consent: "GIVEN", consentOn: "2025-03-20", consentHow: "by phone" })).version).toBe(2);
  });
});
