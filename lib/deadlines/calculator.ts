/**
 * The public deadline calculator for families (issue 3): turns the two dates a family can read
 * off their letters into the dates that matter to them, or into GOV.UK-style field errors.
 *
 *   decision    — the date the local authority's decision letter was sent (required)
 *   certificate — the date on the mediation certificate (optional)
 *
 * Dates shown: the last day to contact a mediation adviser and the appeal deadline
 * (R-50 … R-53), each with the engine's plain-English explanation. Pure: "today" is passed in
 * (the page uses todayInLondon(), R-63), nothing here reads the clock, the request or a database.
 */
import { addCalendarMonths, compareIsoDates, formatLongDate, isIsoDate, isoFromParts } from "./calendar";
import { explainAppealDeadline, APPEAL_MONTHS_AFTER_CERTIFICATE, APPEAL_MONTHS_AFTER_DECISION } from "./appeal";
import { isDeadlineInputError, DeadlineInputError } from "./errors";
import { explainAdviserContactDeadline } from "./rules";
import { HOLIDAY_YEAR_RANGE, isWorkingDay, nonWorkingReason, rollBackToWorkingDay } from "./working-days";

export type CalculatorField = "decision" | "certificate";

/** Raw values as typed (or as they arrived in the query string); empty or missing = not given. */
export interface CalculatorInput {
  readonly decision?: string | null;
  readonly certificate?: string | null;
  /** "yes" when the disagreement is only about the school or college named in the plan. */
  readonly sectionIOnly?: string | null;
}

export type CalculatedDateKind = "ADVISER_CONTACT" | "APPEAL";

export interface CalculatedDate {
  readonly kind: CalculatedDateKind;
  /** what the date is, e.g. "Contact a mediation adviser by" */
  readonly label: string;
  /** what the family has to do by then, in plain English */
  readonly summary: string;
  /** ISO date */
  readonly date: string;
  /** "Thursday 29 May 2025" */
  readonly longDate: string;
  /** the engine's explanation without its leading date, e.g. "the appeal must reach the Tribunal within …" */
  readonly explanation: string;
  /** the date is before today */
  readonly hasPassed: boolean;
  /**
   * ADVISER_CONTACT only, when the date is a weekend or bank holiday (it does not move, R-10): the
   * last working day before it, the day to contact an adviser by (issue 9 item 16).
   */
  readonly actByWorkingDay?: string;
}

export type CalculatorResult =
  | {
      readonly ok: true;
      /** the dates used, as ISO dates */
      readonly decision: string;
      readonly certificate: string | null;
      readonly dates: readonly CalculatedDate[];
      /** no certificate date was given, so the appeal deadline may still move later */
      readonly appealMayMoveLater: boolean;
      /** only about section I, so no adviser contact or certificate is needed to appeal */
      readonly sectionIOnly: boolean;
    }
  | {
      readonly ok: false;
      /** one message per field, decision first (the order of the error summary) */
      readonly errors: Partial<Record<CalculatorField, string>>;
    };

const SUPPORTED_YEARS = `${HOLIDAY_YEAR_RANGE.first} to ${HOLIDAY_YEAR_RANGE.last}`;

export const CALCULATOR_MESSAGES = {
  decisionMissing: "Enter the date the decision letter was sent",
  decisionNotReal: "The date the decision letter was sent must be a real date",
  decisionInFuture: "The date the decision letter was sent must be today or in the past",
  decisionTooEarly: `The date the decision letter was sent must be in ${HOLIDAY_YEAR_RANGE.first} or later – this calculator only works for dates from ${SUPPORTED_YEARS}`,
  decisionTooLate: `The date the decision letter was sent must be in ${HOLIDAY_YEAR_RANGE.last} or earlier – this calculator only works for dates from ${SUPPORTED_YEARS}`,
  certificateNotReal: "The date on your mediation certificate must be a real date",
  certificateInFuture: "The date on your mediation certificate must be today or in the past",
  certificateTooEarly: `The date on your mediation certificate must be in ${HOLIDAY_YEAR_RANGE.first} or later – this calculator only works for dates from ${SUPPORTED_YEARS}`,
  certificateTooLate: `The date on your mediation certificate must be in ${HOLIDAY_YEAR_RANGE.last} or earlier – this calculator only works for dates from ${SUPPORTED_YEARS}`,
  certificateBeforeDecision: "The certificate date must be on or after the decision date",
  appealAfterRange: `Your appeal deadline would be after ${HOLIDAY_YEAR_RANGE.last} – this calculator only works for dates from ${SUPPORTED_YEARS}, so ask your mediation adviser or IASS to work it out`,
} as const;

type Parsed = { kind: "empty" } | { kind: "invalid" } | { kind: "date"; iso: string };

/** Day, month and year separated by "/", "-", "." or spaces: what people type when a browser shows a text box. */
const DAY_MONTH_YEAR = /^(\d{1,2})[-/. ]+(\d{1,2})[-/. ]+(\d{4})$/;

/** Accepts "2025-02-03" (what a date input sends) and "3/2/2025" or "3 2 2025" (UK day-month-year). */
function parseEnteredDate(raw: string | null | undefined): Parsed {
  const value = (raw ?? "").trim();
  if (value === "") return { kind: "empty" };
  if (value.length > 20) return { kind: "invalid" };
  const dmy = DAY_MONTH_YEAR.exec(value);
  const iso = dmy ? isoFromParts(Number(dmy[3]), Number(dmy[2]), Number(dmy[1])) : value;
  return isIsoDate(iso) ? { kind: "date", iso } : { kind: "invalid" };
}

function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** The first problem with one entered date, in the order a family would fix them; null when usable. */
function checkDate(
  iso: string,
  today: string,
  messages: { inFuture: string; tooEarly: string; tooLate: string },
): string | null {
  if (yearOf(iso) < HOLIDAY_YEAR_RANGE.first) return messages.tooEarly;
  if (compareIsoDates(iso, today) > 0) return messages.inFuture;
  if (yearOf(iso) > HOLIDAY_YEAR_RANGE.last) return messages.tooLate;
  return null;
}

/** "Thursday 29 May 2025: the appeal must …" → "the appeal must …" */
function withoutLeadingDate(text: string, date: string): string {
  const prefix = `${formatLongDate(date)}: `;
  return text.startsWith(prefix) ? text.slice(prefix.length) : text;
}

/** The engine explains for staff ("the family must …"); the calculator speaks to the family. */
function toYou(text: string): string {
  return text
    .replace(/\bthe family must\b/g, "you must")
    .replace(/^the appeal must\b/, "your appeal must")
    .replace(/\bthe decision notice\b/g, "the decision letter")
    .replace(/\bthe certificate was issued\b/g, "your certificate was issued");
}

/**
 * R-10 gives no extra day when the last day to contact an adviser is a weekend or bank holiday
 * (only the appeal deadline moves, R-52), so say so when it is one.
 */
function adviserDayNote(date: string): string {
  const reason = nonWorkingReason(date);
  if (!reason) return "";
  return ` ${formatLongDate(date)} is ${reason}, and this date does not move, so contact an adviser by ${formatLongDate(rollBackToWorkingDay(date))}, the last working day before it.`;
}

/**
 * Validates the two entered dates against `today` (an ISO date in Europe/London) and, when they
 * are usable, returns the dates to show. Never throws for anything a family can type.
 */
export function calculateDeadlines(input: CalculatorInput, today: string): CalculatorResult {
  if (!isIsoDate(today)) throw new DeadlineInputError("INVALID_FORMAT", `today must be an ISO date (got ${String(today)}).`, today);
  const errors: Partial<Record<CalculatorField, string>> = {};

  const decision = parseEnteredDate(input.decision);
  if (decision.kind === "empty") errors.decision = CALCULATOR_MESSAGES.decisionMissing;
  else if (decision.kind === "invalid") errors.decision = CALCULATOR_MESSAGES.decisionNotReal;
  else {
    const problem = checkDate(decision.iso, today, {
      inFuture: CALCULATOR_MESSAGES.decisionInFuture,
      tooEarly: CALCULATOR_MESSAGES.decisionTooEarly,
      tooLate: CALCULATOR_MESSAGES.decisionTooLate,
    });
    if (problem) errors.decision = problem;
  }

  const certificate = parseEnteredDate(input.certificate);
  if (certificate.kind === "invalid") errors.certificate = CALCULATOR_MESSAGES.certificateNotReal;
  else if (certificate.kind === "date") {
    const problem = checkDate(certificate.iso, today, {
      inFuture: CALCULATOR_MESSAGES.certificateInFuture,
      tooEarly: CALCULATOR_MESSAGES.certificateTooEarly,
      tooLate: CALCULATOR_MESSAGES.certificateTooLate,
    });
    if (problem) errors.certificate = problem;
  }

  if (errors.decision || errors.certificate || decision.kind !== "date") return { ok: false, errors };

  const decisionIso = decision.iso;
  const certificateIso = certificate.kind === "date" ? certificate.iso : null;
  const sectionIOnly = input.sectionIOnly === "yes";
  try {
    const adviser = explainAdviserContactDeadline(decisionIso);
    const appeal = explainAppealDeadline(decisionIso, certificateIso);
    const dates: CalculatedDate[] = [
      // a dispute only about section I needs no adviser contact or certificate before an appeal.
      ...(sectionIOnly
        ? []
        : [
            {
              kind: "ADVISER_CONTACT" as const,
              label: "Contact a mediation adviser by",
              summary: "If you want to appeal to the SEND Tribunal, you must contact a mediation adviser by this date.",
              date: adviser.date,
              longDate: formatLongDate(adviser.date),
              explanation: toYou(withoutLeadingDate(adviser.text, adviser.date)) + adviserDayNote(adviser.date),
              hasPassed: compareIsoDates(adviser.date, today) < 0,
              ...(isWorkingDay(adviser.date) ? {} : { actByWorkingDay: rollBackToWorkingDay(adviser.date) }),
            },
          ]),
      {
        kind: "APPEAL",
        label: "Your appeal must reach the Tribunal by",
        summary: "This is the last day for your appeal to reach the SEND Tribunal.",
        date: appeal.date,
        longDate: formatLongDate(appeal.date),
        explanation: toYou(withoutLeadingDate(appeal.text, appeal.date)),
        hasPassed: compareIsoDates(appeal.date, today) < 0,
      },
    ];
    return { ok: true, decision: decisionIso, certificate: certificateIso, dates, appealMayMoveLater: certificateIso === null, sectionIOnly };
  } catch (e) {
    if (!isDeadlineInputError(e)) throw e;
    if (e.code === "CERTIFICATE_BEFORE_DECISION") return { ok: false, errors: { certificate: CALCULATOR_MESSAGES.certificateBeforeDecision } };
    if (e.code === "OUT_OF_RANGE") {
      // The appeal deadline needs bank holidays after the supported years: blame the date that set it.
      const setByCertificate =
        certificateIso !== null &&
        compareIsoDates(
          addCalendarMonths(certificateIso, APPEAL_MONTHS_AFTER_CERTIFICATE),
          addCalendarMonths(decisionIso, APPEAL_MONTHS_AFTER_DECISION),
        ) > 0;
      return { ok: false, errors: { [setByCertificate ? "certificate" : "decision"]: CALCULATOR_MESSAGES.appealAfterRange } };
    }
    throw e;
  }
}
