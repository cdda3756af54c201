/**
 * Statutory deadlines of a case: opened and closed by lifecycle transitions (lib/cases/lifecycle)
 * and dated by the date engine (lib/deadlines). `Case.nextDeadlineOn` is kept equal to the earliest
 * open deadline so the case list can sort and filter on it in SQL.
 */
import type { Tx } from "@/lib/db/client";
import {
  certificateDueDate,
  dbDateFromIso,
  explainCertificateDueDate,
  explainHealthNotificationDueDate,
  explainMediationDeadline,
  healthNotificationDueDate,
  isoFromDbDate,
  mediationDeadline,
  todayInLondon,
  workingDaysUntil,
  type CertificateKind,
  type DeadlineExplanation,
} from "@/lib/deadlines";
import { DEADLINE_RULES, type DeadlineName } from "./lifecycle";

export const DEADLINE_LABELS: Record<DeadlineName, string> = {
  MEDIATION_30_DAY: "Mediation must take place by",
  HEALTH_NOTIFICATION: "LA to tell the health body by",
  CERTIFICATE_ADVICE_ONLY: "Certificate (no mediation) due by",
  CERTIFICATE_AFTER_MEDIATION: "Certificate (after mediation) due by",
  CERTIFICATE_NOT_ARRANGED: "Certificate (could not be arranged) due by",
};

/** The due date of a named deadline from its trigger (day 0). */
export function dueDateFor(name: DeadlineName, triggerOn: string): string {
  switch (name) {
    case "MEDIATION_30_DAY":
      return mediationDeadline(triggerOn);
    case "HEALTH_NOTIFICATION":
      return healthNotificationDueDate(triggerOn);
    case "CERTIFICATE_ADVICE_ONLY":
    case "CERTIFICATE_AFTER_MEDIATION":
    case "CERTIFICATE_NOT_ARRANGED":
      return certificateDueDate(triggerOn);
  }
}

/** Which certificate each certificate deadline is for. */
export const CERTIFICATE_KIND_OF: Partial<Record<DeadlineName, CertificateKind>> = {
  CERTIFICATE_ADVICE_ONLY: "ADVICE_ONLY",
  CERTIFICATE_AFTER_MEDIATION: "AFTER_MEDIATION",
  CERTIFICATE_NOT_ARRANGED: "NOT_ARRANGED",
};

export function explainDeadline(name: DeadlineName, triggerOn: string): DeadlineExplanation {
  switch (name) {
    case "MEDIATION_30_DAY":
      return explainMediationDeadline(triggerOn);
    case "HEALTH_NOTIFICATION":
      return explainHealthNotificationDueDate(triggerOn);
    default:
      // Certificates say what triggered them (e.g. "the family said it does not want mediation"), R-30.
      return explainCertificateDueDate(triggerOn, CERTIFICATE_KIND_OF[name]);
  }
}

/** Deadline state for lists and panels (issue 4): overdue / due within 5 working days / on track. */
export const DUE_SOON_WORKING_DAYS = 5;
export type DeadlineState = "OVERDUE" | "DUE_SOON" | "ON_TRACK";
export const DEADLINE_STATE_LABELS: Record<DeadlineState, string> = { OVERDUE: "Overdue", DUE_SOON: "Due soon", ON_TRACK: "On track" };

export function deadlineState(dueOn: string, today = todayInLondon()): DeadlineState {
  if (dueOn < today) return "OVERDUE";
  return workingDaysUntil(today, dueOn) <= DUE_SOON_WORKING_DAYS ? "DUE_SOON" : "ON_TRACK";
}

export async function openDeadlines(tx: Tx, caseId: string, names: readonly DeadlineName[], triggerOn: string): Promise<void> {
  for (const name of names) {
    // Re-opening the same deadline (e.g. a corrected date) replaces the open one.
    await tx.caseDeadline.updateMany({ where: { caseId, name, closedOn: null }, data: { closedOn: dbDateFromIso(triggerOn), outcome: "REPLACED" } });
    await tx.caseDeadline.create({
      data: { caseId, name, rule: DEADLINE_RULES[name].rule, triggerOn: dbDateFromIso(triggerOn), dueOn: dbDateFromIso(dueDateFor(name, triggerOn)) },
    });
  }
}

export async function closeDeadlines(tx: Tx, caseId: string, names: readonly DeadlineName[], on: string, outcome = "MET"): Promise<void> {
  if (names.length === 0) return;
  await tx.caseDeadline.updateMany({ where: { caseId, name: { in: [...names] }, closedOn: null }, data: { closedOn: dbDateFromIso(on), outcome } });
}

/** Keeps Case.nextDeadlineOn/Name equal to the earliest open deadline. */
export async function refreshNextDeadline(tx: Tx, caseId: string): Promise<void> {
  const next = await tx.caseDeadline.findFirst({ where: { caseId, closedOn: null }, orderBy: { dueOn: "asc" }, select: { dueOn: true, name: true } });
  await tx.case.update({ where: { id: caseId }, data: { nextDeadlineOn: next?.dueOn ?? null, nextDeadlineName: next?.name ?? null } });
}

export function toIso(d: Date | null | undefined): string | null {
  return d ? isoFromDbDate(d) : null;
}
