/**
 * Deadline rows of a case: opened and closed by lifecycle transitions and dated by the date engine
 * through ./definitions. `Case.nextDeadlineOn` is kept equal to the earliest open deadline so the
 * case list can sort and filter on it in SQL. Run inside the command's transaction.
 */
import "server-only";
import type { Tx } from "@/lib/platform/db";
import { dbDateFromIso } from "@/lib/deadlines";
import type { DeadlineName } from "../lifecycle/vocabulary";
import { DEADLINES, dueDateFor } from "./definitions";

export async function openDeadlines(tx: Tx, caseId: string, names: readonly DeadlineName[], triggerOn: string): Promise<void> {
  for (const name of names) {
    // Re-opening the same deadline (e.g. a corrected date) replaces the open one.
    await tx.caseDeadline.updateMany({ where: { caseId, name, closedOn: null }, data: { closedOn: dbDateFromIso(triggerOn), outcome: "REPLACED" } });
    await tx.caseDeadline.create({
      data: { caseId, name, rule: DEADLINES[name].rule, triggerOn: dbDateFromIso(triggerOn), dueOn: dbDateFromIso(dueDateFor(name, triggerOn)) },
    });
  }
}

export async function closeDeadlines(tx: Tx, caseId: string, names: readonly DeadlineName[], on: string, outcome: "MET" | "CANCELLED" = "MET"): Promise<void> {
  if (names.length === 0) return;
  await tx.caseDeadline.updateMany({ where: { caseId, name: { in: [...names] }, closedOn: null }, data: { closedOn: dbDateFromIso(on), outcome } });
}

/** Keeps Case.nextDeadlineOn/Name equal to the earliest open deadline. */
export async function refreshNextDeadline(tx: Tx, caseId: string): Promise<void> {
  const next = await tx.caseDeadline.findFirst({ where: { caseId, closedOn: null }, orderBy: { dueOn: "asc" }, select: { dueOn: true, name: true } });
  await tx.case.update({ where: { id: caseId }, data: { nextDeadlineOn: next?.dueOn ?? null, nextDeadlineName: next?.name ?? null } });
}
