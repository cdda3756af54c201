/**
 * The appeal deadline shown to the family (R-50 … R-54; Tribunal Procedure (First-tier
 * Tribunal) (HESC) Rules 2008, rules 12 and 20).
 *
 * the appeal must reach the Tribunal by the later of 2 calendar months after the decision
 *       notice was sent and 1 calendar month after the certificate's date of issue.
 * calendar month to the same date, else the last day of that month.
 * if that date falls from 25 December to 1 January, it moves to the first working day
 *       after 1 January; if it falls in August, to the first working day after 31 August.
 * otherwise, if it falls on a non-working day, it moves to the next working day.
 *
 * Order (interpretation, see docs/decisions/0002-date-engine.md): R-53 is tested on the date
 * given by R-50/R-51 (rule 12(3): the time "ends on" a day in the window); R-52 applies only when
 * R-53 does not. With APPEAL_R53_AFTER_R52_ROLL = false (default) a date rolled forward by R-52
 * is not tested again against R-53 (e.g. Saturday 24 December 2022 → Wednesday 28 December 2022),
 * which gives the earlier, safer date.
 *
 * R-53 is applied here and nowhere else: it never affects the mediation timings.
 */
import { addCalendarMonths, formatDate, formatLongDate, isoFromParts, parseIsoDate, toDayNumber } from "./calendar";
import { DeadlineInputError } from "./errors";
import { monthEndClampNote, type DeadlineExplanation } from "./rules";
import { addWorkingDays, isWorkingDay, nonWorkingReason } from "./working-days";

/** calendar months after the decision notice was sent. */
export const APPEAL_MONTHS_AFTER_DECISION = 2;
/** calendar months after the certificate's date of issue. */
export const APPEAL_MONTHS_AFTER_CERTIFICATE = 1;
/**
 * interplay (C, check before relying on it): when the month-based date is a non-working
 * day just before a R-53 window (e.g. Saturday 24 December, Saturday 31 July) and R-52 rolls it
 * into the window, does R-53 then extend it again? Rule 12(3) tests the day the time "ends on",
 * so false (default): no, the rolled date stands (earlier, so never misleads a family into
 * lodging late). true: the rolled date is extended by R-53 as well.
 */
export const APPEAL_R53_AFTER_R52_ROLL = false;

export type AppealAdjustment =
  /** the date is a working day outside the R-53 windows */
  | "NONE"
  /** 25 December – 1 January → first working day after 1 January */
  | "CHRISTMAS"
  /** August → first working day after 31 August */
  | "AUGUST"
  /** weekend or bank holiday → next working day */
  | "NON_WORKING_DAY";

export interface AppealDeadlineDetail {
  /** the appeal deadline (ISO) */
  readonly date: string;
  /** 2 months after the decision notice was sent */
  readonly afterDecision: string;
  /** 1 month after the certificate's date of issue, when there is a certificate */
  readonly afterCertificate: string | null;
  /** which limit is the later one (DECISION when equal) */
  readonly basis: "DECISION" | "CERTIFICATE";
  /** the later of the two, before */
  readonly unadjusted: string;
  readonly adjustment: AppealAdjustment;
  /** set only when APPEAL_R53_AFTER_R52_ROLL applied: the R-52 date that R-53 then moved */
  readonly rolledTo: string | null;
}

/** the extended date when `iso` falls from 25 December to 1 January or in August, else null. */
function r53Extension(iso: string): { adjustment: "CHRISTMAS" | "AUGUST"; date: string } | null {
  const { year, month, day } = parseIsoDate(iso);
  if ((month === 12 && day >= 25) || (month === 1 && day === 1)) {
    // first working day after 1 January
    return { adjustment: "CHRISTMAS", date: addWorkingDays(isoFromParts(month === 12 ? year + 1 : year, 1, 1), 1) };
  }
  if (month === 8) {
    // first working day after 31 August
    return { adjustment: "AUGUST", date: addWorkingDays(isoFromParts(year, 8, 31), 1) };
  }
  return null;
}

/** The working-day-aware detail behind appealDeadline (for explanations and audit). */
export function appealDeadlineDetail(decisionSentOn: string, certificateIssuedOn?: string | null): AppealDeadlineDetail {
  const afterDecision = addCalendarMonths(decisionSentOn, APPEAL_MONTHS_AFTER_DECISION);
  let afterCertificate: string | null = null;
  let basis: "DECISION" | "CERTIFICATE" = "DECISION";
  let unadjusted = afterDecision;
  if (certificateIssuedOn !== undefined && certificateIssuedOn !== null) {
    if (toDayNumber(certificateIssuedOn) < toDayNumber(decisionSentOn)) {
      throw new DeadlineInputError(
        "CERTIFICATE_BEFORE_DECISION",
        `The certificate date (${formatDate(certificateIssuedOn)}) is before the decision notice was sent (${formatDate(decisionSentOn)}); check both dates.`,
        certificateIssuedOn,
      );
    }
    afterCertificate = addCalendarMonths(certificateIssuedOn, APPEAL_MONTHS_AFTER_CERTIFICATE);
    if (toDayNumber(afterCertificate) > toDayNumber(afterDecision)) {
      basis = "CERTIFICATE";
      unadjusted = afterCertificate;
    }
  }

  let adjustment: AppealAdjustment = "NONE";
  let date = unadjusted;
  let rolledTo: string | null = null;
  const extension = r53Extension(unadjusted);
  if (extension !== null) {
    ({ adjustment, date } = extension);
  } else if (!isWorkingDay(unadjusted)) {
    // next working day
    adjustment = "NON_WORKING_DAY";
    date = addWorkingDays(unadjusted, 1);
    const again = APPEAL_R53_AFTER_R52_ROLL ? r53Extension(date) : null;
    if (again !== null) {
      rolledTo = date;
      ({ adjustment, date } = again);
    }
  }
  return { date, afterDecision, afterCertificate, basis, unadjusted, adjustment, rolledTo };
}

/**
 * R-50 … R-53: the last day the appeal may reach the Tribunal. `certificateIssuedOn` is the
 * certificate's date of issue (omit or null when there is none yet, e.g. section I only, R-04).
 * Throws DeadlineInputError for invalid dates, a certificate dated before the decision, or a
 * deadline outside the bank-holiday range.
 */
export function appealDeadline(decisionSentOn: string, certificateIssuedOn?: string | null): string {
  return appealDeadlineDetail(decisionSentOn, certificateIssuedOn).date;
}

export function explainAppealDeadline(decisionSentOn: string, certificateIssuedOn?: string | null): DeadlineExplanation {
  const d = appealDeadlineDetail(decisionSentOn, certificateIssuedOn);
  const rules = ["R-50", "R-51"];
  const clauses: string[] = [];

  if (d.afterCertificate === null || certificateIssuedOn === undefined || certificateIssuedOn === null) {
    clauses.push(
      `the appeal must reach the Tribunal within ${APPEAL_MONTHS_AFTER_DECISION} months of the decision notice being sent on ${formatLongDate(decisionSentOn)}, which is ${formatDate(d.afterDecision)}`,
    );
  } else {
    const dec = `${APPEAL_MONTHS_AFTER_DECISION} months after the decision notice was sent on ${formatLongDate(decisionSentOn)} is ${formatDate(d.afterDecision)}`;
    const cert = `${APPEAL_MONTHS_AFTER_CERTIFICATE} month after the certificate was issued on ${formatLongDate(certificateIssuedOn)} is ${formatDate(d.afterCertificate)}`;
    const which =
      d.afterCertificate === d.afterDecision
        ? "both give the same date"
        : d.basis === "CERTIFICATE"
          ? `the later one, ${formatDate(d.afterCertificate)}, applies`
          : `the later one, ${formatDate(d.afterDecision)}, applies`;
    clauses.push(`${dec} and ${cert}; ${which}`);
  }

  const clampDecision = d.basis === "DECISION" ? monthEndClampNote(decisionSentOn, APPEAL_MONTHS_AFTER_DECISION) : "";
  const clampCertificate =
    d.basis === "CERTIFICATE" && certificateIssuedOn ? monthEndClampNote(certificateIssuedOn, APPEAL_MONTHS_AFTER_CERTIFICATE) : "";
  if (clampDecision) clauses.push(clampDecision);
  if (clampCertificate) clauses.push(clampCertificate);

  let base = formatDate(d.unadjusted);
  if (d.rolledTo !== null) {
    rules.push("R-52");
    clauses.push(`${base} is ${nonWorkingReason(d.unadjusted) ?? "not a working day"}, so it moves to the next working day, ${formatDate(d.rolledTo)}`);
    base = formatDate(d.rolledTo);
  }
  switch (d.adjustment) {
    case "CHRISTMAS":
      rules.push("R-53");
      clauses.push(`${base} falls between 25 December and 1 January, so the deadline moves to the first working day after 1 January`);
      break;
    case "AUGUST":
      rules.push("R-53");
      clauses.push(`${base} is in August, so the deadline moves to the first working day after 31 August`);
      break;
    case "NON_WORKING_DAY":
      rules.push("R-52");
      clauses.push(`${base} is ${nonWorkingReason(d.unadjusted) ?? "not a working day"}, so the deadline moves to the next working day`);
      break;
    case "NONE":
      break;
  }
  return { date: d.date, text: `${formatLongDate(d.date)}: ${clauses.join("; ")}.`, rule: rules.join(", ") };
}
