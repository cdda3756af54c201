/**
 * One agreed action's page (/cases/[id]/actions/[obligationId]): the action, its history (progress
 * notes, done, closed — who and when) and whether the user may record more. Staff and the LA
 * officer of the case's LA; 404 for anyone else. The family's view is list-family-obligations.ts.
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize, can } from "@/lib/auth/policy";
import { obligationUpdateScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import { todayInLondon } from "@/lib/deadlines";
import { OBLIGATION_SELECT, findObligationOrThrow, toObligationView, type ObligationView } from "./store";

export type ObligationHistoryEntry = { id: string; kind: "PROGRESS" | "DONE" | "CLOSED"; at: string; byName: string | null; note: string; evidence: string | null; sharedWithFamily: boolean };

export type ObligationPage = {
  case: { id: string; reference: string };
  obligation: ObligationView;
  history: ObligationHistoryEntry[];
  canUpdate: boolean;
};

export async function getObligation(user: SessionUser, caseId: string, obligationId: string, now: Date = new Date()): Promise<ObligationPage> {
  authorize(user, "case:list");
  const row = await findObligationOrThrow(user, caseId, obligationId, { ...OBLIGATION_SELECT, case: { select: { id: true, reference: true } } });
  const updates = await db().obligationUpdate.findMany({
    where: { AND: [{ obligationId: row.id }, obligationUpdateScope(user)] },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { id: true, kind: true, at: true, byId: true, note: true, evidence: true, sharedWithFamily: true },
  });
  const authorIds = [...new Set(updates.map((u) => u.byId).filter((x): x is string => !!x))];
  const authors = new Map((await db().user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return {
    case: row.case,
    obligation: toObligationView(row, todayInLondon(now)),
    history: updates.map((u) => ({ id: u.id, kind: u.kind, at: u.at.toISOString(), byName: u.byId ? (authors.get(u.byId) ?? null) : null, note: u.note, evidence: u.evidence, sharedWithFamily: u.sharedWithFamily })),
    canUpdate: can(user, "obligation:update"),
  };
}
