/**
 * Statutory time limits for SEND mediation in England (domain rules §2–§5, see
 * docs/domain). Each function has an `explain…` companion that
 * returns the same date with a plain-English sentence and the rule ids applied.
 *
 * Mediation timings never use the R-53 Christmas/August extensions (those are for the appeal
 * deadline only, see ./appeal.ts), and calendar-day/week/month limits are not rolled off
 * weekends (R-52 is an appeal rule, §6).
 */
import {
  addCalendarDays,
  addCalendarMonths,
  formatDate,
  formatLongDate,
  monthName,
  parseIsoDate,
  toDayNumber,
} from "./calendar";
import { DeadlineInputError } from "./errors";
import { AGREEMENT_ACTION_KINDS, type AgreementActionKind } from "./agreement-action-kinds";
import { addWorkingDays, bankHolidaysBetween, rollForwardToWorkingDay } from "./working-days";

export interface DeadlineExplanation {
  /** ISO date "YYYY-MM-DD" */
  readonly date: string;
  /** One plain-English sentence, starting with the long date, e.g. "Friday 25 April 2025: …" */
  readonly text: string;
  /** Rule ids applied, e.g. "R-50, R-51, R-53" */
  readonly rule: string;
}

// ---------------------------------------------------------------------------------------------
// Time limits (one named constant each, with the rule id)

/** R-10 (reg 33): calendar months from the decision notice being sent to contact a mediation adviser. */
export const ADVISER_CONTACT_MONTHS = 2;
/** R-11, R-12, R-23, R-30 (reg 34): working days to issue a certificate after its trigger. */
export const CERTIFICATE_WORKING_DAYS = 3;
/** R-20: calendar days, from the LA being told, within which the mediation must take place. */
export const MEDIATION_WINDOW_DAYS = 30;
/**
 * R-21: calendar days within which the integrated care board (ICB) must arrange a mediation about
 * health only, counted from the day the LA's notification reaches the ICB (not from the day the LA
 * was told). Source: SEND Regulations 2014, Part 6 (mediation, regs 32–42), as summarised in R-21;
 * the source digest names no single regulation. Marked S there: check before relying on it.
 */
export const ICB_MEDIATION_WINDOW_DAYS = 30;
/** R-21: working days for the LA to tell each health commissioning body (ICB). */
export const HEALTH_NOTIFICATION_WORKING_DAYS = 3;
/** R-22: minimum working days' notice of the date and place of the mediation. */
export const MEETING_NOTICE_WORKING_DAYS = 5;
/**
 * R-22 interpretation (C, check before relying on it): "at least 5 working days' notice" is read
 * as 5 *clear* working days — neither the day the notice is sent nor the meeting day counts —
 * as English courts read "not less than / at least N days". true: the earliest meeting date is
 * the calendar day after the 5th working day after the notice. false: the 5th working day itself.
 */
export const MEETING_NOTICE_CLEAR_DAYS = true;
/** R-43: weeks for the ICB to tell the LA of an agreement reached in a health-only mediation. */
export const ICB_AGREEMENT_NOTICE_WEEKS = 1;

// ---------------------------------------------------------------------------------------------
// Helpers

const DAYS_PER_WEEK = 7;

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}

export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "(not counting weekends or bank holidays)", naming the bank holidays skipped in (from, to]. */
function notCountedNote(from: string, to: string): string {
  const skipped = bankHolidaysBetween(from, to);
  if (skipped.length === 0) return "(not counting weekends or bank holidays)";
  const names = skipped.map((h) => `${h.name.replace(" (substitute day)", " substitute day")} on ${formatDate(h.date)}`);
  return `(not counting weekends or the bank holiday${skipped.length === 1 ? "" : "s"} ${joinList(names)})`;
}

/**
 * When `from + months` had to be clamped to the month end (R-51), a clause saying so; else "".
 * e.g. "there is no 31 February 2025, so the last day of February is used"
 */
export function monthEndClampNote(from: string, months: number): string {
  const { day } = parseIsoDate(from);
  const result = parseIsoDate(addCalendarMonths(from, months));
  if (result.day === day) return "";
  const name = monthName(result.month);
  return `there is no ${day} ${name} ${result.year}, so the last day of ${name} is used`;
}

function explainWorkingDaysAfter(from: string, n: number, what: string): { date: string; phrase: string } {
  const date = addWorkingDays(from, n);
  return {
    date,
    phrase: `${plural(n, "working day")} after ${what} ${formatLongDate(from)} ${notCountedNote(from, date)}`,
  };
}

// ---------------------------------------------------------------------------------------------
// R-61: working days (generic)

export function explainAddWorkingDays(date: string, n: number): DeadlineExplanation {
  const result = addWorkingDays(date, n);
  if (n === 0) {
    return { date: result, text: `${formatLongDate(result)}: 0 working days after ${formatLongDate(date)} is the same day.`, rule: "R-61" };
  }
  return {
    date: result,
    text: `${formatLongDate(result)}: the ${ordinal(n)} working day after ${formatLongDate(date)}, which counts as day 0 ${notCountedNote(date, result)}.`,
    rule: "R-60, R-61",
  };
}

// ---------------------------------------------------------------------------------------------
// R-10: contact a mediation adviser

/** R-10, R-51: last day to contact a mediation adviser — 2 calendar months after the decision notice was sent. */
export function adviserContactDeadline(decisionSentOn: string): string {
  return addCalendarMonths(decisionSentOn, ADVISER_CONTACT_MONTHS);
}

export function explainAdviserContactDeadline(decisionSentOn: string): DeadlineExplanation {
  const date = adviserContactDeadline(decisionSentOn);
  const clamp = monthEndClampNote(decisionSentOn, ADVISER_CONTACT_MONTHS);
  return {
    date,
    text: `${formatLongDate(date)}: the family must contact a mediation adviser within ${plural(ADVISER_CONTACT_MONTHS, "month")} of the decision notice being sent on ${formatLongDate(decisionSentOn)}${clamp ? `; ${clamp}` : ""}.`,
    rule: "R-10, R-51",
  };
}

// ---------------------------------------------------------------------------------------------
// R-20: the 30-day mediation window

/** R-20, R-62: last day the mediation may take place — the day the LA was told + 30 calendar days. */
export function mediationDeadline(laNotifiedOn: string): string {
  return addCalendarDays(laNotifiedOn, MEDIATION_WINDOW_DAYS);
}

/** R-21: the last day a health-only mediation arranged by the ICB can take place. */
export function icbMediationDeadline(icbNotifiedOn: string): string {
  return addCalendarDays(icbNotifiedOn, ICB_MEDIATION_WINDOW_DAYS);
}

export function explainIcbMediationDeadline(icbNotifiedOn: string): DeadlineExplanation {
  const date = icbMediationDeadline(icbNotifiedOn);
  return {
    date,
    text: `${formatLongDate(date)}: the mediation is about health only, so the integrated care board arranges it, within ${ICB_MEDIATION_WINDOW_DAYS} calendar days of being told on ${formatLongDate(icbNotifiedOn)} (weekends and bank holidays count).`,
    rule: "R-21, R-62",
  };
}

export function explainMediationDeadline(laNotifiedOn: string): DeadlineExplanation {
  const date = mediationDeadline(laNotifiedOn);
  return {
    date,
    text: `${formatLongDate(date)}: the mediation must take place within ${MEDIATION_WINDOW_DAYS} calendar days of the local authority being told on ${formatLongDate(laNotifiedOn)} that the family wants mediation (weekends and bank holidays count).`,
    rule: "R-20, R-62",
  };
}

// ---------------------------------------------------------------------------------------------
// R-21: tell the health commissioning body

/** R-21, R-61: the LA must tell each health commissioning body within 3 working days of being told. */
export function healthNotificationDueDate(laNotifiedOn: string): string {
  return addWorkingDays(laNotifiedOn, HEALTH_NOTIFICATION_WORKING_DAYS);
}

export function explainHealthNotificationDueDate(laNotifiedOn: string): DeadlineExplanation {
  const { date, phrase } = explainWorkingDaysAfter(laNotifiedOn, HEALTH_NOTIFICATION_WORKING_DAYS, "it was told on");
  return {
    date,
    text: `${formatLongDate(date)}: the last day for the local authority to tell the health commissioning body (ICB) that the family wants mediation, ${phrase}.`,
    rule: "R-21, R-60, R-61",
  };
}

// ---------------------------------------------------------------------------------------------
// R-22: notice of the meeting

/**
 * R-22: the first date a mediation meeting may be held when notice is sent on `noticeSentOn`,
 * unless the family agrees to shorter notice. With MEETING_NOTICE_CLEAR_DAYS (the default):
 * the calendar day after the 5th working day after the notice, so that 5 whole working days lie
 * between the notice and the meeting. E.g. notice on Monday 1 September 2025 → working days
 * Tue 2 … Mon 8 → earliest meeting Tuesday 9 September 2025.
 */
export function earliestMeetingDate(noticeSentOn: string): string {
  const fifth = addWorkingDays(noticeSentOn, MEETING_NOTICE_WORKING_DAYS);
  return MEETING_NOTICE_CLEAR_DAYS ? addCalendarDays(fifth, 1) : fifth;
}

/**
 * The meeting date to suggest (issue 9 item 16): the first working day on or after
 * `earliestMeetingDate`. That day can be a Saturday (the day after a Friday, the 5th working day),
 * which the law allows but nobody means when suggesting a meeting.
 */
export function earliestWorkingMeetingDate(noticeSentOn: string): string {
  return rollForwardToWorkingDay(earliestMeetingDate(noticeSentOn));
}

/** R-22: true when a meeting on `meetingOn` gives at least the required notice (without the family's agreement to less). */
export function hasRequiredMeetingNotice(noticeSentOn: string, meetingOn: string): boolean {
  return toDayNumber(meetingOn) >= toDayNumber(earliestMeetingDate(noticeSentOn));
}

export function explainEarliestMeetingDate(noticeSentOn: string): DeadlineExplanation {
  const date = earliestMeetingDate(noticeSentOn);
  const first = addWorkingDays(noticeSentOn, 1);
  const fifth = addWorkingDays(noticeSentOn, MEETING_NOTICE_WORKING_DAYS);
  const counted = `${formatLongDate(first)} to ${formatLongDate(fifth)} ${notCountedNote(noticeSentOn, fifth)}`;
  const text = MEETING_NOTICE_CLEAR_DAYS
    ? `${formatLongDate(date)}: the family must get at least ${MEETING_NOTICE_WORKING_DAYS} clear working days' notice; notice sent on ${formatLongDate(noticeSentOn)} covers ${counted}, so the meeting can be held from the next day, or sooner only if the family agrees.`
    : `${formatLongDate(date)}: the family must get at least ${MEETING_NOTICE_WORKING_DAYS} working days' notice; notice sent on ${formatLongDate(noticeSentOn)} covers ${counted}, so the meeting can be held from the ${ordinal(MEETING_NOTICE_WORKING_DAYS)} working day, or sooner only if the family agrees.`;
  return { date, text, rule: "R-22, R-60, R-61" };
}

// ---------------------------------------------------------------------------------------------
// R-30 (R-11, R-12, R-23): certificates

export const CERTIFICATE_KINDS = ["ADVICE_ONLY", "AFTER_MEDIATION", "NOT_ARRANGED"] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

const CERTIFICATE_TRIGGER_TEXT: Readonly<Record<CertificateKind, string>> = {
  ADVICE_ONLY: "the family said it does not want (or no longer wants) mediation, on",
  AFTER_MEDIATION: "the mediation ended on",
  NOT_ARRANGED: "the adviser was told that mediation could not take place within 30 days, on",
};

const CERTIFICATE_KIND_RULES: Readonly<Record<CertificateKind, string>> = {
  ADVICE_ONLY: "R-11, R-12, R-30",
  AFTER_MEDIATION: "R-30",
  NOT_ARRANGED: "R-23, R-30",
};

/** R-30 (also R-11, R-12, R-23): a certificate is due 3 working days after its trigger. */
export function certificateDueDate(triggerOn: string): string {
  return addWorkingDays(triggerOn, CERTIFICATE_WORKING_DAYS);
}

export function explainCertificateDueDate(triggerOn: string, kind?: CertificateKind): DeadlineExplanation {
  if (kind !== undefined && !Object.hasOwn(CERTIFICATE_TRIGGER_TEXT, kind)) {
    throw new DeadlineInputError("UNKNOWN_KIND", `"${String(kind)}" is not a kind of certificate (expected one of ${CERTIFICATE_KINDS.join(", ")}).`, kind);
  }
  const what = kind === undefined ? "the trigger on" : CERTIFICATE_TRIGGER_TEXT[kind];
  const { date, phrase } = explainWorkingDaysAfter(triggerOn, CERTIFICATE_WORKING_DAYS, what);
  return {
    date,
    text: `${formatLongDate(date)}: the certificate is due ${phrase}.`,
    rule: `${kind === undefined ? "R-30" : CERTIFICATE_KIND_RULES[kind]}, R-60, R-61`,
  };
}

// ---------------------------------------------------------------------------------------------
// R-41, R-42: what the LA must do after an agreement (counted from the agreement date, R-62)

// The list lives in ./agreement-action-kinds (no imports), so client components can read it.
export { AGREEMENT_ACTION_KINDS, type AgreementActionKind };

/** R-41 (reg 44) and R-42: weeks from the agreement date. */
export const AGREEMENT_ACTION_WEEKS: Readonly<Record<AgreementActionKind, number>> = {
  ASSESS_NOTIFY: 2, // R-41: tell the family it will assess / re-assess
  ASSESS_NO_PLAN: 10, // R-41: decide not to issue a plan after the assessment
  ASSESS_FINAL_PLAN: 14, // R-41: issue the final plan after the assessment
  PLAN_DRAFT: 5, // R-41: make and maintain a plan — draft
  PLAN_FINAL: 11, // R-41: make and maintain a plan — final
  AMEND_B_F: 5, // R-41: amend sections B/F
  SECTION_I_ONLY: 2, // R-41: change only the school named or its type (section I)
  NON_APPEALABLE: 2, // R-42: anything agreed that could not have been appealed (e.g. health, social care)
};

/** What the LA must do, completing "the local authority must …". */
export const AGREEMENT_ACTION_DESCRIPTIONS: Readonly<Record<AgreementActionKind, string>> = {
  ASSESS_NOTIFY: "tell the family that it will carry out the assessment",
  ASSESS_NO_PLAN: "tell the family if it decides not to issue an EHC plan after the assessment",
  ASSESS_FINAL_PLAN: "issue the final EHC plan after the assessment",
  PLAN_DRAFT: "send the draft EHC plan",
  PLAN_FINAL: "issue the final EHC plan",
  AMEND_B_F: "issue the EHC plan with sections B and F amended",
  SECTION_I_ONLY: "issue the EHC plan with the school or type of school (section I) changed",
  NON_APPEALABLE: "do what was agreed",
};

export const AGREEMENT_ACTION_RULES: Readonly<Record<AgreementActionKind, string>> = {
  ASSESS_NOTIFY: "R-41",
  ASSESS_NO_PLAN: "R-41",
  ASSESS_FINAL_PLAN: "R-41",
  PLAN_DRAFT: "R-41",
  PLAN_FINAL: "R-41",
  AMEND_B_F: "R-41",
  SECTION_I_ONLY: "R-41",
  NON_APPEALABLE: "R-42",
};

export function isAgreementActionKind(value: unknown): value is AgreementActionKind {
  return typeof value === "string" && Object.hasOwn(AGREEMENT_ACTION_WEEKS, value);
}

function assertAgreementActionKind(kind: unknown): asserts kind is AgreementActionKind {
  if (!isAgreementActionKind(kind)) {
    throw new DeadlineInputError(
      "UNKNOWN_KIND",
      `"${String(kind)}" is not a kind of agreed action (expected one of ${AGREEMENT_ACTION_KINDS.join(", ")}).`,
      kind,
    );
  }
}

/**
 * R-41, R-42, R-62: due date of an action the LA agreed to at mediation, counted in calendar
 * weeks from the agreement date. R-44: the parties may agree other timescales in writing; that
 * override is recorded by the caller and replaces this date.
 */
export function agreementActionDueDate(agreementOn: string, kind: AgreementActionKind): string {
  assertAgreementActionKind(kind);
  return addCalendarDays(agreementOn, AGREEMENT_ACTION_WEEKS[kind] * DAYS_PER_WEEK);
}

export function explainAgreementActionDueDate(agreementOn: string, kind: AgreementActionKind): DeadlineExplanation {
  const date = agreementActionDueDate(agreementOn, kind);
  return {
    date,
    text: `${formatLongDate(date)}: the local authority must ${AGREEMENT_ACTION_DESCRIPTIONS[kind]} within ${plural(AGREEMENT_ACTION_WEEKS[kind], "week")} of the agreement on ${formatLongDate(agreementOn)}.`,
    rule: `${AGREEMENT_ACTION_RULES[kind]}, R-62`,
  };
}

// ---------------------------------------------------------------------------------------------
// R-43: health-only mediation — the ICB tells the LA of the agreement

/** R-43, R-62: the ICB must tell the LA of an agreement from a health-only mediation within 1 week. */
export function icbAgreementNoticeDueDate(agreementOn: string): string {
  return addCalendarDays(agreementOn, ICB_AGREEMENT_NOTICE_WEEKS * DAYS_PER_WEEK);
}

export function explainIcbAgreementNoticeDueDate(agreementOn: string): DeadlineExplanation {
  const date = icbAgreementNoticeDueDate(agreementOn);
  return {
    date,
    text: `${formatLongDate(date)}: the health commissioning body (ICB) must tell the local authority about the agreement within ${plural(ICB_AGREEMENT_NOTICE_WEEKS, "week")} of ${formatLongDate(agreementOn)}.`,
    rule: "R-43, R-62",
  };
}
