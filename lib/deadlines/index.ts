/**
 * Statutory date engine for SEND mediation in England (domain rules R-10 … R-64).
 *
 * Dates in and out are ISO calendar dates "YYYY-MM-DD", never Date instants; nothing here
 * depends on the machine's time zone. Invalid input throws DeadlineInputError (with a `code`
 * and a caseworker-readable message); working-day calculations outside HOLIDAY_YEAR_RANGE
 * throw code "OUT_OF_RANGE". Free of React, Next and Prisma.
 *
 * Client components that only need formatting can import "@/lib/deadlines/calendar", which does
 * not pull in the holiday library.
 */
export { DEADLINE_ERROR_CODES, DeadlineInputError, isDeadlineInputError, type DeadlineErrorCode } from "./errors";

export {
  LEGAL_TIME_ZONE,
  addCalendarDays,
  addCalendarMonths,
  assertIsoDate,
  compareIsoDates,
  dbDateFromIso,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  formatDate,
  formatLongDate,
  isIsoDate,
  isoFromDbDate,
  isWeekend,
  laterOf,
  parseIsoDate,
  todayInLondon,
  weekdayName,
  type CalendarDate,
} from "./calendar";

export {
  HOLIDAY_SOURCE,
  HOLIDAY_YEAR_RANGE,
  addWorkingDays,
  bankHolidayOn,
  bankHolidays,
  bankHolidaysBetween,
  clearHolidayCache,
  isWorkingDay,
  nextWorkingDay,
  nonWorkingReason,
  rollBackToWorkingDay,
  rollForwardToWorkingDay,
  workingDaysBetween,
  workingDaysUntil,
  type BankHoliday,
} from "./working-days";

export {
  ADVISER_CONTACT_MONTHS,
  AGREEMENT_ACTION_DESCRIPTIONS,
  AGREEMENT_ACTION_KINDS,
  AGREEMENT_ACTION_RULES,
  AGREEMENT_ACTION_WEEKS,
  CERTIFICATE_KINDS,
  CERTIFICATE_WORKING_DAYS,
  HEALTH_NOTIFICATION_WORKING_DAYS,
  ICB_AGREEMENT_NOTICE_WEEKS,
  MEDIATION_WINDOW_DAYS,
  ICB_MEDIATION_WINDOW_DAYS,
  MEETING_NOTICE_CLEAR_DAYS,
  MEETING_NOTICE_WORKING_DAYS,
  adviserContactDeadline,
  agreementActionDueDate,
  certificateDueDate,
  earliestMeetingDate,
  earliestWorkingMeetingDate,
  explainAddWorkingDays,
  explainAdviserContactDeadline,
  explainAgreementActionDueDate,
  explainCertificateDueDate,
  explainEarliestMeetingDate,
  explainHealthNotificationDueDate,
  explainIcbAgreementNoticeDueDate,
  explainIcbMediationDeadline,
  explainMediationDeadline,
  hasRequiredMeetingNotice,
  icbMediationDeadline,
  healthNotificationDueDate,
  icbAgreementNoticeDueDate,
  isAgreementActionKind,
  mediationDeadline,
  type AgreementActionKind,
  type CertificateKind,
  type DeadlineExplanation,
} from "./rules";

export {
  APPEAL_MONTHS_AFTER_CERTIFICATE,
  APPEAL_MONTHS_AFTER_DECISION,
  APPEAL_R53_AFTER_R52_ROLL,
  appealDeadline,
  appealDeadlineDetail,
  explainAppealDeadline,
  type AppealAdjustment,
  type AppealDeadlineDetail,
} from "./appeal";
