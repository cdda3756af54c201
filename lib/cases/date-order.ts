/**
 * Recorded dates agree with each other (issue 8): the decision notice is sent before the LA is told
 * the LA is told before the meeting, the meeting follows the family's agreement
 * and precedes its certificate, and a certificate is never issued before its trigger
 * . One module for the three places a date is recorded:
 *  - a lifecycle transition (the `notBefore` of its date inputs in the transition table), checked by
 *    `checkPlan` before anything is written;
 *  - correcting the decision-sent or LA-told date (update-case-details), in both directions;
 *  - recording a party's answer (record-consent): on or after the decision, on or before the meeting.
 * Each refusal names the date it must follow (or precede) and that date's rule, for the message
 * beside the field. Dates are ISO calendar dates, formatted by the date engine. Pure.
 */
import { formatDate } from "@/lib/deadlines";
import { describeParty } from "./options";
import { isDeadlineName, partiesWhoseConsentIsRequired, type CaseDateName, type CaseParty, type CaseSnapshot, type DeadlineName, type TransitionDef } from "./lifecycle";
import { DEADLINES } from "./deadlines/definitions";

/** A recorded date that another date must not precede (or follow), and how a message names it. */
export type DateBound = { on: string; what: string; rule: string };

// ---------------------------------------------------------------------------------------------
// The recorded dates, as bounds
// ---------------------------------------------------------------------------------------------

const bound = (on: string | null | undefined, what: string, rule: string): DateBound[] => (on ? [{ on, what, rule }] : []);

export const decisionSentBound = (on: string | null | undefined) => bound(on, "the day the decision notice was sent", "R-10");
export const laNotifiedBound = (on: string | null | undefined) => bound(on, "the day the LA was told", "R-20");
export const meetingBookedBound = (on: string | null | undefined) => bound(on, "the day the meeting is booked for", "R-20");
export const heldBound = (on: string | null | undefined) => bound(on, "the day the meeting was held", "R-30");
export const healthToldBound = (on: string | null | undefined) => bound(on, "the day the LA told the health commissioning body", "R-21");
/** Day 0 of a deadline: "the day the meeting was held (R-30)", from ./deadlines/definitions. */
export const triggerBound = (name: DeadlineName, on: string | null | undefined) => bound(on, DEADLINES[name].triggeredBy, DEADLINES[name].rule);

/** The day a party told us their answer (GIVEN or DECLINED), R-73. */
export function answerBound(p: CaseParty): DateBound[] {
  if (p.consent === "PENDING") return [];
  return bound(p.consentOn, `the day ${describeParty(p)} ${p.consent === "GIVEN" ? "agreed" : "declined"} to take part`, "R-73");
}

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

/** "Date of issue" → "The date of issue". */
const subject = (label: string) => `The ${label.charAt(0).toLowerCase()}${label.slice(1)}`;

/**
 * Null when `value` is on or after every bound; otherwise the message for the latest bound it
 * precedes: "The date the meeting was held must be on or after 27 November 2026, the day the LA was
 * told ." On a tie the first bound given is named.
 */
export function notBeforeProblem(label: string, value: string, bounds: readonly DateBound[]): string | null {
  let binding: DateBound | null = null;
  for (const b of bounds) if (value < b.on && (!binding || b.on > binding.on)) binding = b;
  return binding && `${subject(label)} must be on or after ${formatDate(binding.on)}, ${binding.what} (${binding.rule}).`;
}

/** Null when `value` is on or before every bound; otherwise the message for the earliest bound it follows. */
export function notAfterProblem(label: string, value: string, bounds: readonly DateBound[]): string | null {
  let binding: DateBound | null = null;
  for (const b of bounds) if (value > b.on && (!binding || b.on < binding.on)) binding = b;
  return binding && `${subject(label)} must be on or before ${formatDate(binding.on)}, ${binding.what} (${binding.rule}).`;
}

// ---------------------------------------------------------------------------------------------
// A transition's dates (the table's `notBefore`)
// ---------------------------------------------------------------------------------------------

/** The bounds a name in a `notBefore` list stands for on this case (none when not recorded). */
export function caseDateBounds(name: CaseDateName, snapshot: CaseSnapshot, t: TransitionDef): DateBound[] {
  const d = snapshot.dates;
  if (!d) return [];
  switch (name) {
    case "decisionSentOn":
      return decisionSentBound(d.decisionSentOn);
    case "laNotifiedOn":
      return laNotifiedBound(d.laNotifiedOn);
    case "heldOn":
      return heldBound(d.heldOn);
    case "consentGiven": {
      // R-73 (R-01 for mediation): the meeting follows the last agreement it needed.
      const given = partiesWhoseConsentIsRequired(snapshot).filter((p) => p.consent === "GIVEN" && p.consentOn);
      const last = given.reduce<CaseParty | null>((a, p) => (!a || p.consentOn! > a.consentOn! ? p : a), null);
      return last ? answerBound(last) : [];
    }
    case "stoppedTriggers":
      return t.stops.flatMap((n) => triggerBound(n, d.openDeadlineDates[n]?.triggerOn));
  }
}

/**
 * The first date input of `t` (as validated into `record`) that precedes a date of the case it
 * must not precede, with the message for its field; null when every date is in order or the
 * snapshot carries no dates.
 */
export function transitionDateProblem(t: TransitionDef, snapshot: CaseSnapshot, record: Record<string, unknown>): { field: string; message: string } | null {
  for (const spec of [...t.requires, ...(t.accepts ?? [])]) {
    const value = record[spec.name];
    if (spec.type !== "date" || !spec.notBefore || typeof value !== "string") continue;
    const message = notBeforeProblem(spec.label, value, spec.notBefore.flatMap((n) => caseDateBounds(n, snapshot, t)));
    if (message) return { field: spec.name, message };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Correcting the decision-sent and LA-told dates (update-case-details)
// ---------------------------------------------------------------------------------------------

/** The dates recorded on a case around the two a caseworker can correct (ISO dates). */
export type RecordedDates = {
  meetingOn: string | null;
  heldOn: string | null;
  parties: readonly CaseParty[];
  /** Every deadline row, open or closed. */
  deadlines: readonly { name: string; triggerOn: string; closedOn: string | null; outcome: string | null }[];
};

/** The two correctable dates, as the edit form posts them ("" = not recorded). */
export type CorrectableDates = { decisionSentOn: string; laNotifiedOn: string };

/**
 * Messages for the changed dates that are out of order with the rest of the case: the same order
 * as the transition table's `notBefore`, read in both directions.
 *  - The decision notice is sent on or before: the day the LA was told, every party's answer,
 *    the meeting held, and the day we were told the family does not want mediation.
 *  - The LA is told on or after the decision notice, and on or before: the meeting held and
 *    booked, the day the adviser was told mediation could not be arranged, and the day the LA
 *    told the health commissioning body.
 */
export function correctedDateProblems(
  next: CorrectableDates,
  changed: readonly string[],
  recorded: RecordedDates,
  labels: Record<keyof CorrectableDates, string>,
): Partial<Record<keyof CorrectableDates, string>> {
  const live = recorded.deadlines.filter((d) => d.outcome !== "REPLACED" && isDeadlineName(d.name));
  const triggers = (name: DeadlineName) => live.filter((d) => d.name === name).flatMap((d) => triggerBound(name, d.triggerOn));
  const healthTold = live.filter((d) => d.name === "HEALTH_NOTIFICATION" && (d.outcome === "MET" || d.outcome === "MISSED")).flatMap((d) => healthToldBound(d.closedOn));
  const out: Partial<Record<keyof CorrectableDates, string>> = {};
  if (changed.includes("decisionSentOn") && next.decisionSentOn !== "") {
    const later = [...laNotifiedBound(next.laNotifiedOn || null), ...recorded.parties.flatMap(answerBound), ...heldBound(recorded.heldOn), ...triggers("CERTIFICATE_ADVICE_ONLY")];
    const problem = notAfterProblem(labels.decisionSentOn, next.decisionSentOn, later);
    if (problem) out.decisionSentOn = problem;
  }
  if (changed.includes("laNotifiedOn") && next.laNotifiedOn !== "") {
    const later = [...heldBound(recorded.heldOn), ...meetingBookedBound(recorded.meetingOn), ...triggers("CERTIFICATE_NOT_ARRANGED"), ...healthTold];
    const problem =
      notBeforeProblem(labels.laNotifiedOn, next.laNotifiedOn, decisionSentBound(next.decisionSentOn || null)) ?? notAfterProblem(labels.laNotifiedOn, next.laNotifiedOn, later);
    if (problem) out.laNotifiedOn = problem;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// A party's answer (record-consent)
// ---------------------------------------------------------------------------------------------

/**
 * A party's answer is given on or after the decision notice was sent (nobody agrees to mediate about
 * a decision not yet made, R-10) and on or before the meeting was held (the meeting follows the
 * agreement it needed, R-73). Whether the LA had been told by then is not checked: a family may
 * agree before its wish reaches the LA (R-20 counts from the latter).
 */
export function answerDateProblem(label: string, consentOn: string, recorded: { decisionSentOn: string | null; heldOn: string | null }): string | null {
  return notBeforeProblem(label, consentOn, decisionSentBound(recorded.decisionSentOn)) ?? notAfterProblem(label, consentOn, heldBound(recorded.heldOn));
}
