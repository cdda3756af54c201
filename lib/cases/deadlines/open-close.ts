/**
 * Deadline rows of a case: opened and closed by lifecycle transitions and dated by the date engine
 * through ./definitions (which also counts how late a missed one was). `Case.nextDeadlineOn` is
 * kept equal to the earliest open deadline so the case list can sort and filter on it in SQL. Run
 * inside the command's transaction.
 */
import "server-only";
import type { Tx } from "@/lib/platform/db";
import { dbDateFromIso, isoFromDbDate } from "@/lib/deadlines";
import type { DeadlineName } from "../lifecycle/vocabulary";
import { DEADLINES, daysLate, dueDateFor } from "./definitions";

export async function openDeadlines(tx: Tx, caseId: string, names: readonly DeadlineName[], triggerOn: string): Promise<void> {
  for (const name of names) {
    // Re-opening the same deadline (e.g. a corrected date) replaces the open one.
    await tx.caseDeadline.updateMany({ where: { caseId, name, closedOn: null }, data: { closedOn: dbDateFromIso(triggerOn), outcome: "REPLACED" } });
    await tx.caseDeadline.create({
      data: { caseId, name, rule: DEADLINES[name].rule, triggerOn: dbDateFromIso(triggerOn), dueOn: dbDateFromIso(dueDateFor(name, triggerOn)) },
    });
  }
}

/** A deadline closed after its due date: which, and how late in the unit its rule counts. */
export type MissedDeadline = { name: DeadlineName; dueOn: string; daysLate: number };

/**
 * Closes the open deadlines `names` on `on`. Done ("MET") after its due date, a deadline is
 * recorded as MISSED with how late it was (calendar or working days, as its rule counts), never
 * as MET. "CANCELLED" (it no longer applies) is recorded as it is. Returns the missed ones.
 */
export async function closeDeadlines(tx: Tx, caseId: string, names: readonly DeadlineName[], on: string, outcome: "MET" | "CANCELLED" = "MET"): Promise<MissedDeadline[]> {
  if (names.length === 0) return [];
  const closedOn = dbDateFromIso(on);
  if (outcome === "CANCELLED") {
    await tx.caseDeadline.updateMany({ where: { caseId, name: { in: [...names] }, closedOn: null }, data: { closedOn, outcome } });
    return [];
  }
  const open = await tx.caseDeadline.findMany({ where: { caseId, name: { in: [...names] }, closedOn: null }, select: { id: true, name: true, dueOn: true }, orderBy: { dueOn: "asc" } });
  const missed: MissedDeadline[] = [];
  for (const d of open) {
    const name = d.name as DeadlineName;
    const dueOn = isoFromDbDate(d.dueOn);
    if (on <= dueOn) {
      await tx.caseDeadline.update({ where: { id: d.id }, data: { closedOn, outcome: "MET" } });
      continue;
    }
    const late = daysLate(name, dueOn, on);
    await tx.caseDeadline.update({ where: { id: d.id }, data: { closedOn, outcome: "MISSED", daysLate: late } });
    missed.push({ name, dueOn, daysLate: late });
  }
  return missed;
}

/** Keeps Case.nextDeadlineOn/Name equal to the earliest open deadline. */
export async function refreshNextDeadline(tx: Tx, caseId: string): Promise<void> {
  const next = await tx.caseDeadline.findFirst({ where: { caseId, closedOn: null }, orderBy: { dueOn: "asc" }, select: { dueOn: true, name: true } });
  await tx.case.update({ where: { id: caseId }, data: { nextDeadlineOn: next?.dueOn ?? null, nextDeadlineName: next?.name ?? null } });
}
