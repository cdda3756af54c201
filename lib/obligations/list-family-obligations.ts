/**
 * "What was agreed" on the family's agreement page (/my-case/<case>/agreement, issue 12): the agreed actions of their case(s) and
 * whether each is done — shared facts only: the action, who is responsible, the due date,
 * its status, the reason it was closed, and the notes the writer chose to share with the family
 * (decision 0018). Never a note not shared with them.
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { obligationScope, obligationUpdateScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import { todayInLondon } from "@/lib/deadlines";
import { OBLIGATION_SELECT, toObligationView, type ObligationView } from "./store";

export type FamilyObligation = ObligationView & { sharedNotes: { id: string; at: string; note: string; evidence: string | null }[] };

/** The agreed actions by case id (issue 12: of one case only, given `caseId`). */
export async function listFamilyObligations(user: SessionUser, now: Date = new Date(), opts: { caseId?: string } = {}): Promise<Record<string, FamilyObligation[]>> {
  authorize(user, "family:workspace");
  const today = todayInLondon(now);
  const rows = await db().obligation.findMany({
    where: opts.caseId ? { AND: [{ caseId: opts.caseId }, obligationScope(user)] } : obligationScope(user),
    orderBy: [{ caseId: "asc" }, { position: "asc" }, { createdAt: "asc" }],
    select: {
      ...OBLIGATION_SELECT,
      // The reason it was closed is shown once, from the action itself.
      updates: { where: { AND: [obligationUpdateScope(user), { kind: { not: "CLOSED" } }] }, orderBy: [{ at: "asc" }, { id: "asc" }], select: { id: true, at: true, note: true, evidence: true } },
    },
  });
  const out: Record<string, FamilyObligation[]> = {};
  for (const r of rows) {
    (out[r.caseId] ??= []).push({ ...toObligationView(r, today), sharedNotes: r.updates.map((u) => ({ id: u.id, at: u.at.toISOString(), note: u.note, evidence: u.evidence })) });
  }
  return out;
}
