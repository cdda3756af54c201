/**
 * The LA officer's list of their LA's open agreed actions (/la), overdue first: ordered by due
 * date, so every overdue one (due before today) comes before those still in time. Paged.
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { obligationScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import { dbDateFromIso, todayInLondon } from "@/lib/deadlines";
import { OBLIGATION_SELECT, toObligationView, type ObligationView } from "./store";
import { OBLIGATIONS_PER_PAGE } from "./rules";

export type LaObligationRow = ObligationView & { caseReference: string };
export type LaObligations = { rows: LaObligationRow[]; total: number; overdue: number; page: number; perPage: number };

export async function listLaObligations(user: SessionUser, rawPage: unknown = 1, now: Date = new Date()): Promise<LaObligations> {
  authorize(user, "la:workspace");
  const today = todayInLondon(now);
  const where = { AND: [obligationScope(user), { status: "OPEN" as const }] };
  const [total, overdue] = await Promise.all([
    db().obligation.count({ where }),
    db().obligation.count({ where: { AND: [...where.AND, { dueOn: { lt: dbDateFromIso(today) } }] } }),
  ]);
  const lastPage = Math.max(1, Math.ceil(total / OBLIGATIONS_PER_PAGE));
  const asked = Number.parseInt(String(rawPage ?? "1"), 10);
  const page = Number.isFinite(asked) ? Math.min(Math.max(asked, 1), lastPage) : 1;
  const rows = await db().obligation.findMany({
    where,
    orderBy: [{ dueOn: "asc" }, { caseId: "asc" }, { position: "asc" }],
    skip: (page - 1) * OBLIGATIONS_PER_PAGE,
    take: OBLIGATIONS_PER_PAGE,
    select: { ...OBLIGATION_SELECT, case: { select: { reference: true } } },
  });
  return { rows: rows.map((r) => ({ ...toObligationView(r, today), caseReference: r.case.reference })), total, overdue, page, perPage: OBLIGATIONS_PER_PAGE };
}
