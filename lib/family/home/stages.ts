/**
 * Issue 12: where a case is, for the family — the stages as a step list with "Done", "Now" or "Not
 * yet", and the next thing that happens, who does it and by when. Worked out from what is
 * recorded (status, consent, allocation, the joint meeting and its record, the sealed agreement,
 * the certificate, the agreed actions), never from the status alone, because the steps do not
 * always come in one order (a "could not be arranged" certificate comes before any meeting, R-23;
 * monitoring can start before the certificate). Pure.
 *
 *  - Mediation: request → everyone agrees → mediator → meeting booked → meeting held → agreement
 *    signed (only when one was reached, R-40) → certificate → actions done.
 *  - DRS (R-70..R-73): no certificate; the outcome statement is always signed;
 *    "not everyone agreed" ends it.
 *  - Advice only: request → "you do not want mediation" → certificate.
 *  - Withdrawn: what happened before, "mediation stops", and the certificate if one is due.
 *  - Closed: what happened, then "we close your case".
 */
import type { CaseKind, CaseStatus } from "@/lib/cases/lifecycle";
import { NEXT_STEP_TEXT, STAGE_NAMES, type NextStepDate, type NextStepId, type StageId, type StageState, type Who } from "./wording";

export type ResponsibleParty = "LA" | "ICB" | "SCHOOL" | "FAMILY" | "OTHER";

export type OverviewFacts = {
  kind: CaseKind;
  status: CaseStatus;
  /** Every party that must agree to take part has (or the case is past that point). */
  everyoneAgreed: boolean;
  mediatorAllocated: boolean;
  /** The joint (or DRS) meeting booked and not yet held: its day (Europe/London, ISO). */
  meetingOn: string | null;
  meetingHeld: boolean;
  /** whether the meeting reached an agreement (null until it is recorded held). */
  agreement: "FULL" | "PARTIAL" | "NONE" | null;
  agreementSealed: boolean;
  agreementAwaitingSignatures: boolean;
  /** The signed-in family user is asked to sign and has not signed (decision 0019). */
  youMustSign: boolean;
  certificateIssued: boolean;
  /** An open certificate deadline: its kind and due date. */
  certificateDue: { kind: "ADVICE_ONLY" | "AFTER_MEDIATION" | "NOT_ARRANGED"; dueOn: string } | null;
  /** The open 30-day deadline's due date. */
  mediationBy: string | null;
  /** Once a certificate is issued: the last day to appeal. */
  appealBy: string | null;
  obligations: { total: number; open: number; nextOpen: { responsible: ResponsibleParty; dueOn: string } | null };
  today: string;
};

export type Stage = { id: StageId; name: string; state: StageState };
export type NextStep = { id: NextStepId; text: string; who: Who | null; date: { label: NextStepDate; on: string } | null };

const WITHDRAWN_LIKE: readonly CaseStatus[] = ["WITHDRAWN"];

function stage(id: StageId, done: boolean): { id: StageId; done: boolean } {
  return { id, done };
}

/** The mediation or DRS path, each stage done or not. */
function mainPath(f: OverviewFacts): { id: StageId; done: boolean }[] {
  const drs = f.kind === "DRS";
  const held = f.meetingHeld;
  const booked = held || f.meetingOn !== null;
  const allocated = f.mediatorAllocated || booked;
  const agreed = f.everyoneAgreed || allocated;
  const steps = [stage("REQUEST", true), stage("TAKE_PART", agreed), stage("MEDIATOR", allocated), stage("MEETING_BOOKED", booked), stage("MEETING_HELD", held)];
  // an agreement is written only when one was reached; R-72: a DRS meeting always has an outcome statement.
  const writesAgreement = drs ? true : f.agreement !== "NONE";
  if (writesAgreement) steps.push(stage(drs ? "OUTCOME_SIGNED" : "AGREEMENT_SIGNED", f.agreementSealed));
  // DRS gives no certificate.
  if (!drs) steps.push(stage("CERTIFICATE", f.certificateIssued));
  // actions tracked to done — unless no agreement, or a sealed one with nothing to do.
  const nothingToDo = f.agreementSealed && f.obligations.total === 0;
  if (writesAgreement && !nothingToDo) steps.push(stage("ACTIONS_DONE", f.agreementSealed && f.obligations.total > 0 && f.obligations.open === 0));
  return steps;
}

function withStates(steps: { id: StageId; done: boolean }[], ongoing: boolean): Stage[] {
  let nowGiven = !ongoing;
  return steps.map((s) => {
    let state: StageState = "DONE";
    if (!s.done) {
      state = nowGiven ? "NOT_YET" : "NOW";
      nowGiven = true;
    }
    return { id: s.id, name: STAGE_NAMES[s.id], state };
  });
}

export function familyStages(f: OverviewFacts): Stage[] {
  // advice only — the family does not want mediation; the certificate follows.
  if (f.kind === "ADVICE_ONLY" || f.status === "ADVICE_ONLY") {
    const steps = [stage("REQUEST", true), stage("NO_MEDIATION", true), stage("CERTIFICATE", f.certificateIssued)];
    if (f.status === "CLOSED") steps.push(stage("CLOSED", true));
    return withStates(steps, f.status !== "CLOSED");
  }
  // not everyone agreed to a DRS meeting, so it does not go ahead.
  if (f.status === "NOT_PROCEEDING") return withStates([stage("REQUEST", true), stage("NOT_PROCEEDING", true)], false);
  const main = mainPath(f);
  if (WITHDRAWN_LIKE.includes(f.status)) {
    // what happened before it stopped; a certificate only if one is due or was issued.
    const before = main.filter((s) => s.done && s.id !== "CERTIFICATE");
    const steps = [...before, stage("WITHDRAWN", true)];
    if (f.kind === "MEDIATION" && (f.certificateDue || f.certificateIssued)) steps.push(stage("CERTIFICATE", f.certificateIssued));
    return withStates(steps, true);
  }
  if (f.status === "CLOSED") return withStates([...main.filter((s) => s.done), stage("CLOSED", true)], false);
  return withStates(main, true);
}

const RESPONSIBLE_WHO: Record<ResponsibleParty, Who> = { LA: "LA", ICB: "ICB", SCHOOL: "SCHOOL", FAMILY: "YOU", OTHER: "OTHER" };

function next(id: NextStepId, who: Who | null, date: { label: NextStepDate; on: string | null } | null = null): NextStep {
  return { id, text: NEXT_STEP_TEXT[id], who, date: date && date.on ? { label: date.label, on: date.on } : null };
}

/** The one next thing, who does it and by when. */
export function familyNextStep(f: OverviewFacts): NextStep {
  const drs = f.kind === "DRS";
  if (f.youMustSign) return next(drs ? "SIGN_OUTCOME" : "SIGN", "YOU");
  if (f.status === "NOT_PROCEEDING") return next("NOT_PROCEEDING", null);
  if (f.status === "CLOSED") return f.appealBy && f.appealBy >= f.today ? next("CLOSED_CAN_APPEAL", "YOU", { label: "APPEAL_BY", on: f.appealBy }) : next("CLOSED", null);
  if (f.certificateDue) {
    // mediation could not be arranged within 30 days: the certificate, and mediation is still possible.
    const id = f.certificateDue.kind === "NOT_ARRANGED" && !f.meetingHeld ? "CERTIFICATE_NOT_ARRANGED" : "CERTIFICATE";
    return next(id, "SERVICE", { label: "CERTIFICATE_BY", on: f.certificateDue.dueOn });
  }
  if (f.status === "WITHDRAWN") return next("STOPPED", null);
  if (!f.meetingHeld) {
    if (f.meetingOn) return next("GO_TO_MEETING", "YOU", { label: "MEETING_ON", on: f.meetingOn });
    const by = { label: "MEETING_BY" as const, on: f.mediationBy };
    if (f.mediatorAllocated) return next("FIND_DAY", "MEDIATOR", by);
    if (f.status === "AWAITING_CONSENT" && !f.everyoneAgreed) return next("ASK_TAKE_PART", "SERVICE", by);
    return next("CONTACT", "SERVICE", by);
  }
  const writesAgreement = drs || f.agreement === "FULL" || f.agreement === "PARTIAL";
  if (writesAgreement && !f.agreementSealed) return next(f.agreementAwaitingSignatures ? "WAIT_FOR_SIGNATURES" : "WRITE_AGREEMENT", "MEDIATOR");
  if (f.obligations.open > 0 && f.obligations.nextOpen) {
    const who = RESPONSIBLE_WHO[f.obligations.nextOpen.responsible];
    return next(who === "YOU" ? "YOUR_ACTIONS" : "DO_ACTIONS", who, { label: "ACTION_BY", on: f.obligations.nextOpen.dueOn });
  }
  if (f.agreementSealed && f.obligations.total > 0) return next("ALL_DONE", "SERVICE");
  if (!drs && f.certificateIssued && f.appealBy) return next("USE_CERTIFICATE", "YOU", { label: "APPEAL_BY", on: f.appealBy });
  return next("PAPERWORK", "SERVICE");
}
