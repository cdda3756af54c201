/**
 * When staff are alerted that a case's mediation may miss its last day: from 5 working days before
 * the day mediation must take place by (R-20; for health only the ICB's, R-21) with no joint
 * meeting booked: time enough to book one (with less than 5 working days' notice only if the
 * family agrees, R-22) or to record that it cannot take place in time (R-23). A provider's choice,
 * kept in this one constant (check it with the provider). Pure.
 */
import { compareIsoDates, workingDaysUntil } from "@/lib/deadlines";

export const CLOCK_ALERT_WORKING_DAYS = 5;

/** Whether the alert is due on `today` for a clock ending on `lastDay` (ISO dates in London): not after the last day. */
export function clockAlertDue(today: string, lastDay: string): boolean {
  return compareIsoDates(today, lastDay) <= 0 && workingDaysUntil(today, lastDay) <= CLOCK_ALERT_WORKING_DAYS;
}

/** Once per case per clock: a clock restarted with another last day (a corrected date) alerts again. */
export function clockAlertKey(caseId: string, clock: string, lastDay: string): string {
  return `clock-alert:${caseId}:${clock}:${lastDay}`;
}
