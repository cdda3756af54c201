/**
 * The case page's "Agreed actions" (issue 11): every obligation of the case in the agreement's
 * order, with due date, who is responsible, status and the overdue flag, and whether the user may
 * record progress on them. Read through obligationScope (here its SQL twin obligationScopeSql; 404
 * outside the case scope).
 */
import "server-only";
import { Prisma } from "@/lib/platform/db";
import { readOne, rowRead, type RowRead } from "@/lib/platform/db/row-reads";
import { isoDaySql } from "@/lib/platform/db/sql-values";
import { can } from "@/lib/auth/policy";
import { caseScopeSql, obligationScopeSql } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { dbDateFromIso, todayInLondon } from "@/lib/deadlines";
import { toObligationView, type ObligationView } from "./store";

export type CaseObligations = { items: ObligationView[]; open: number; overdue: number; canUpdate: boolean };

/** An obligation as the statement reads it (OBLIGATION_SELECT's fields), its days as ISO dates. */
type JsonObligation = Omit<Parameters<typeof toObligationView>[0], "dueOn" | "completedOn"> & { dueOn: string; completedOn: string | null };

/**
 * Issue 14 (decision 0033): one hand-written statement through the pool (readRows, decision 0040:
 * json) — the case through caseScopeSql (the SQL twin of caseScope; a case outside the scope is no
 * row, 404) with its obligations through obligationScopeSql (the twin of obligationScope), in the
 * agreement's order: OBLIGATION_SELECT's fields, shaped by toObligationView as everywhere else.
 * It was a case read, then the obligations, through Prisma: about 2 ms a call in Node.
 */
function obligationsSql(user: SessionUser, caseId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT COALESCE((SELECT json_agg(json_build_object('id', o."id", 'caseId', o."caseId", 'what', o."what", 'responsible', o."responsible",
          'dueOn', ${isoDaySql(Prisma.sql`o."dueOn"`)}, 'howChecked', o."howChecked", 'status', o."status",
          'completedOn', ${isoDaySql(Prisma.sql`o."completedOn"`)}, 'closedReason', o."closedReason")
          ORDER BY o."position", o."createdAt")
        FROM "Obligation" o WHERE o."caseId" = c."id" AND ${obligationScopeSql(user)}), '[]'::json) AS "obligations"
    FROM "Case" c
    WHERE c."id" = ${caseId} AND ${caseScopeSql(user)}`;
}

/** The read (decision 0042): alone in listCaseObligations, or with the case page's other sections. */
export function caseObligationsRead(user: SessionUser, caseId: string, now: Date = new Date()): RowRead<CaseObligations> {
  return rowRead<{ obligations: JsonObligation[] }, CaseObligations>(obligationsSql(user, caseId), (c) => {
    if (!c) throw new NotFoundError("case");
    return shape(c.obligations, user, now);
  });
}

export async function listCaseObligations(user: SessionUser, caseId: string, now: Date = new Date()): Promise<CaseObligations> {
  return readOne(caseObligationsRead(user, caseId, now));
}

function shape(obligations: JsonObligation[], user: SessionUser, now: Date): CaseObligations {
  const today = todayInLondon(now);
  const items = obligations.map((r) => toObligationView({ ...r, dueOn: dbDateFromIso(r.dueOn), completedOn: r.completedOn ? dbDateFromIso(r.completedOn) : null }, today));
  return { items, open: items.filter((i) => i.status === "OPEN").length, overdue: items.filter((i) => i.overdue).length, canUpdate: can(user, "obligation:update") };
}
