/**
 * The statutory deadlines a case can have: for each, its rule, its label, what triggers it, how its
 * due date is worked out from that trigger (day 0) and how lateness is counted when it is done after
 * the due date — always by the date engine (lib/deadlines). Pure.
 */
import {
  certificateDueDate,
  explainCertificateDueDate,
  explainHealthNotificationDueDate,
  explainIcbAgreementNoticeDueDate,
  explainIcbMediationDeadline,
  icbAgreementNoticeDueDate,
  explainMediationDeadline,
  icbMediationDeadline,
  healthNotificationDueDate,
  daysBetween,
  mediationDeadline,
  rollForwardToWorkingDay,
  workingDaysUntil,
  type CertificateKind,
  type DeadlineExplanation,
} from "@/lib/deadlines";
import type { DeadlineName } from "../lifecycle/vocabulary";

/** The unit a deadline's rule counts in: calendar days or working days. */
export type DayUnit = "CALENDAR_DAYS" | "WORKING_DAYS";

export interface DeadlineDefinition {
  /** The rule it comes from (stored on the deadline row). */
  rule: string;
  /** What it is, before its date: "Mediation must take place by". */
  label: string;
  description: string;
  /** Its day 0, after a date: "the day the LA was told" (messages about dates that must follow it). */
  triggeredBy: string;
  /** How its rule counts, and so how lateness is counted when it is missed (see `daysLate`). */
  counts: DayUnit;
  /** the certificate it is for, if it is a certificate deadline. */
  certificate?: CertificateKind;
}

export const DEADLINES: Record<DeadlineName, DeadlineDefinition> = {
  MEDIATION_30_DAY: {
    rule: "R-20",
    label: "Mediation must take place by",
    description: "Mediation must take place within 30 days of the LA being told",
    triggeredBy: "the day the LA was told",
    counts: "CALENDAR_DAYS",
  },
  ICB_MEDIATION_30_DAY: {
    rule: "R-21",
    label: "Mediation (arranged by the ICB) must take place by",
    description: "Health only: the integrated care board arranges mediation within 30 days of being told",
    triggeredBy: "the day the integrated care board was told",
    counts: "CALENDAR_DAYS",
  },
  HEALTH_NOTIFICATION: {
    rule: "R-21",
    label: "LA to tell the health body by",
    description: "LA must tell the health commissioning body within 3 working days",
    triggeredBy: "the day the LA was told",
    counts: "WORKING_DAYS",
  },
  CERTIFICATE_ADVICE_ONLY: {
    rule: "R-11",
    label: "Certificate (no mediation) due by",
    description: "Certificate within 3 working days of being told the family does not want (or withdraws from) mediation (R-11, R-12, R-30)",
    triggeredBy: "the day we were told the family does not want (or no longer wants) mediation",
    counts: "WORKING_DAYS",
    certificate: "ADVICE_ONLY",
  },
  CERTIFICATE_AFTER_MEDIATION: {
    rule: "R-30",
    label: "Certificate (after mediation) due by",
    description: "Certificate within 3 working days of the mediation meeting",
    triggeredBy: "the day the meeting was held",
    counts: "WORKING_DAYS",
    certificate: "AFTER_MEDIATION",
  },
  CERTIFICATE_NOT_ARRANGED: {
    rule: "R-23",
    label: "Certificate (could not be arranged) due by",
    description: "Certificate within 3 working days of being told mediation cannot take place within 30 days (R-23, R-30)",
    triggeredBy: "the day the adviser was told mediation could not be arranged within 30 days",
    counts: "WORKING_DAYS",
    certificate: "NOT_ARRANGED",
  },
  ICB_AGREEMENT_NOTICE: {
    rule: "R-43",
    label: "ICB to tell the LA of the agreement by",
    description: "Health only: the integrated care board tells the LA of the mediation agreement within 1 week",
    triggeredBy: "the day of the agreement",
    counts: "CALENDAR_DAYS", // R-43 (1 week), R-62
  },
};

/** The due date of a named deadline from its trigger (day 0). Throws DeadlineInputError. */
export function dueDateFor(name: DeadlineName, triggerOn: string): string {
  switch (name) {
    case "MEDIATION_30_DAY":
      return mediationDeadline(triggerOn);
    case "ICB_MEDIATION_30_DAY":
      return icbMediationDeadline(triggerOn);
    case "HEALTH_NOTIFICATION":
      return healthNotificationDueDate(triggerOn);
    case "CERTIFICATE_ADVICE_ONLY":
    case "CERTIFICATE_AFTER_MEDIATION":
    case "CERTIFICATE_NOT_ARRANGED":
      return certificateDueDate(triggerOn);
    case "ICB_AGREEMENT_NOTICE":
      return icbAgreementNoticeDueDate(triggerOn);
  }
}

/** How the due date was worked out, in plain English (from the date engine). */
export function explainDeadline(name: DeadlineName, triggerOn: string): DeadlineExplanation {
  switch (name) {
    case "MEDIATION_30_DAY":
      return explainMediationDeadline(triggerOn);
    case "ICB_MEDIATION_30_DAY":
      return explainIcbMediationDeadline(triggerOn);
    case "HEALTH_NOTIFICATION":
      return explainHealthNotificationDueDate(triggerOn);
    case "ICB_AGREEMENT_NOTICE":
      return explainIcbAgreementNoticeDueDate(triggerOn);
    default:
      // Certificates say what triggered them (e.g. "the family said it does not want mediation"), R-30.
      return explainCertificateDueDate(triggerOn, DEADLINES[name].certificate);
  }
}

/**
 * The product's reading of lateness in working days, marked C — check before relying on it:
 * a duty done on a weekend or bank holiday after its due date counts as done on the next working
 * day (so "1 working day late" rather than "0 working days late"). false: only the working days up
 * to the day itself count (a Saturday after a Friday due date would be 0 working days late).
 */
export const LATE_ON_NON_WORKING_DAY_COUNTS_AS_NEXT_WORKING_DAY = true;

/**
 * How late a deadline due on `dueOn` was done on `doneOn`, in the unit its rule counts; 0 when it
 * was done on or before the due date (then it is MET, otherwise MISSED).
 *  - Calendar days (the 30-day clock, R-20, R-62): the days after the due date up to the day it was
 *    done, e.g. due Friday 25 April, held Monday 28 April: 3 days late.
 *  - Working days (certificates and the health notification, R-61): the working days after the due
 *    date up to the day it was done. Something done on a weekend or bank holiday after
 *    the due date is counted as done on the next working day, so it is at least 1 working day late
 *    (LATE_ON_NON_WORKING_DAY_COUNTS_AS_NEXT_WORKING_DAY).
 * Throws DeadlineInputError outside the years the holiday data covers.
 */
export function daysLate(name: DeadlineName, dueOn: string, doneOn: string): number {
  if (doneOn <= dueOn) return 0;
  if (DEADLINES[name].counts === "CALENDAR_DAYS") return daysBetween(dueOn, doneOn);
  const counted = LATE_ON_NON_WORKING_DAY_COUNTS_AS_NEXT_WORKING_DAY ? rollForwardToWorkingDay(doneOn) : doneOn;
  return workingDaysUntil(dueOn, counted);
}
