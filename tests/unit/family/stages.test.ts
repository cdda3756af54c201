/**
 * Issue 12: the stages and the next step for the cases the integration test does not build —
 * a "could not be arranged" certificate before any meeting, a closed case with the appeal
 * still open, and a family asked to sign (decision 0019). Pure.
 */
import { describe, expect, it } from "vitest";
import { familyNextStep, familyStages, type OverviewFacts } from "@/lib/family/home/stages";

const base: OverviewFacts = {
  kind: "MEDIATION",
  status: "ALLOCATED",
  everyoneAgreed: true,
  mediatorAllocated: true,
  meetingOn: null,
  meetingHeld: false,
  agreement: null,
  agreementSealed: false,
  agreementAwaitingSignatures: false,
  youMustSign: false,
  certificateIssued: false,
  certificateDue: null,
  mediationBy: "2025-04-25",
  appealBy: null,
  obligations: { total: 0, open: 0, nextOpen: null },
  today: "2025-04-30",
};
const states = (f: OverviewFacts) => familyStages(f).map((s) => `${s.id}:${s.state}`);

describe("stages and next step", () => {
  it("R-23: mediation not arranged in time — the certificate comes first, and mediation can still happen", () => {
    const due = { ...base, certificateDue: { kind: "NOT_ARRANGED" as const, dueOn: "2025-04-30" } };
    expect(familyNextStep(due)).toMatchObject({ id: "CERTIFICATE_NOT_ARRANGED", who: "SERVICE", date: { label: "CERTIFICATE_BY", on: "2025-04-30" } });
    const issued = { ...base, certificateIssued: true, appealBy: "2025-05-30" };
    expect(states(issued)).toContain("CERTIFICATE:DONE");
    expect(states(issued)).toContain("MEETING_BOOKED:NOW");
    expect(familyNextStep(issued).id).toBe("FIND_DAY");
  });

  it("a closed case shows only what happened, then 'we close your case'; the appeal is still offered while it is open", () => {
    const closed = { ...base, status: "CLOSED" as const, meetingHeld: true, agreement: "NONE" as const, certificateIssued: true, appealBy: "2025-05-29" };
    expect(states(closed)).toEqual(["REQUEST:DONE", "TAKE_PART:DONE", "MEDIATOR:DONE", "MEETING_BOOKED:DONE", "MEETING_HELD:DONE", "CERTIFICATE:DONE", "CLOSED:DONE"]);
    expect(familyNextStep(closed)).toMatchObject({ id: "CLOSED_CAN_APPEAL", who: "YOU", date: { on: "2025-05-29" } });
    expect(familyNextStep({ ...closed, today: "2025-05-30" })).toMatchObject({ id: "CLOSED", who: null, date: null });
  });

  it("asked to sign: signing is the next step, before anything else; a DRS outcome statement is named as such", () => {
    const held = { ...base, status: "MEETING_HELD" as const, meetingHeld: true, agreement: "FULL" as const, agreementAwaitingSignatures: true, youMustSign: true, certificateDue: { kind: "AFTER_MEDIATION" as const, dueOn: "2025-04-29" } };
    expect(familyNextStep(held)).toMatchObject({ id: "SIGN", who: "YOU" });
    expect(familyNextStep({ ...held, kind: "DRS", certificateDue: null }).id).toBe("SIGN_OUTCOME");
    expect(states({ ...held, kind: "DRS", certificateDue: null })).toContain("OUTCOME_SIGNED:NOW");
  });

  it("a sealed DRS outcome statement with nothing to do has no actions stage", () => {
    const drs = { ...base, kind: "DRS" as const, status: "CLOSED" as const, meetingHeld: true, agreementSealed: true };
    expect(states(drs)).toEqual(["REQUEST:DONE", "TAKE_PART:DONE", "MEDIATOR:DONE", "MEETING_BOOKED:DONE", "MEETING_HELD:DONE", "OUTCOME_SIGNED:DONE", "CLOSED:DONE"]);
  });
});
