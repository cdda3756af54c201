/**
 * Issue 13 (decision 0029): a mediator's accreditation, as the panel page and allocation see it.
 * Expired: the mediator cannot be allocated a case (lib/cases/allocation/conflicts.ts). Expiring
 * within ACCREDITATION_WARNING_DAYS: a warning on the panel and the allocation page. No expiry
 * recorded: nothing to say (a provider that does not track it is not blocked). Client-safe.
 */
import { addCalendarDays, compareIsoDates, formatDate } from "@/lib/deadlines/calendar";

/** Warn this many days before an accreditation expires (a "C" value: the provider's policy). */
export const ACCREDITATION_WARNING_DAYS = 60;

export type AccreditationStatus = "NOT_RECORDED" | "VALID" | "EXPIRING" | "EXPIRED";

/** The status on `today` of an accreditation expiring on `expiresOn` (valid through that day). */
export function accreditationStatus(expiresOn: string | null, today: string): AccreditationStatus {
  if (!expiresOn) return "NOT_RECORDED";
  if (compareIsoDates(expiresOn, today) < 0) return "EXPIRED";
  if (compareIsoDates(expiresOn, addCalendarDays(today, ACCREDITATION_WARNING_DAYS)) <= 0) return "EXPIRING";
  return "VALID";
}

/** The sentence for a warning, or null when there is nothing to warn about. */
export function accreditationWarning(name: string, expiresOn: string | null, today: string): string | null {
  const s = accreditationStatus(expiresOn, today);
  if (s === "EXPIRED") return `${name}'s accreditation expired on ${formatDate(expiresOn!)}`;
  if (s === "EXPIRING") return `${name}'s accreditation expires on ${formatDate(expiresOn!)}`;
  return null;
}
