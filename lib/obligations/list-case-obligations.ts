/**
 * The case page's "Agreed actions" (issue 11): every obligation of the case in the agreement's
 * order, with due date, who is responsible, status and the overdue flag, and whether the user may
 * record progress on them. Read through obligationScope (404 outside it).
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { can } from "@/lib/auth/policy";
import { obligationScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import { todayInLondon } from "@/lib/deadlines";
import { findCaseOrThrow } from "@/lib/cases/store";
import { OBLIGATION_SELECT, toObligationView, type ObligationView } from "./store";

export type CaseObligations = { items: ObligationView[]; open: number; overdue: number; canUpdate: boolean };

export async function listCaseObligations(user: SessionUser, caseId: string, now: Date = new Date()): Promise<CaseObligations> {
  await findCaseOrThrow(user, caseId, { id: true });
  const today = todayInLondon(now);
  const rows = await db().obligation.findMany({ where: { AND: [{ caseId }, obligationScope(user)] }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: OBLIGATION_SELECT });
  const items = rows.map((r) => toObligationView(r, today));
  return { items, open: items.filter((i) => i.status === "OPEN").length, overdue: items.filter((i) => i.overdue).length, canUpdate: can(user, "obligation:update") };
}
