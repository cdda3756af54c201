/**
 * What the obligation commands and queries share: the scoped "find this agreed action or 404"
 * lookup (obligationScope, lib/auth/scope.ts), and the row as the pages show it.
 */
import "server-only";
import { db, type Prisma, type Tx } from "@/lib/platform/db";
import { obligationScope } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { isoFromDbDate } from "@/lib/deadlines";
import { isOverdue, obligationStatusText, type ObligationResponsible, type ObligationStatus } from "./rules";

export const OBLIGATION_SELECT = {
  id: true,
  caseId: true,
  what: true,
  responsible: true,
  dueOn: true,
  howChecked: true,
  status: true,
  completedOn: true,
  closedReason: true,
} satisfies Prisma.ObligationSelect;

type Row = Prisma.ObligationGetPayload<{ select: typeof OBLIGATION_SELECT }>;

export type ObligationView = {
  id: string;
  caseId: string;
  what: string;
  responsible: ObligationResponsible;
  dueOn: string;
  howChecked: string;
  status: ObligationStatus;
  completedOn: string | null;
  closedReason: string | null;
  overdue: boolean;
  statusText: string;
};

export function toObligationView(r: Row, today: string): ObligationView {
  const base = { status: r.status, dueOn: isoFromDbDate(r.dueOn), completedOn: r.completedOn ? isoFromDbDate(r.completedOn) : null };
  return {
    id: r.id,
    caseId: r.caseId,
    what: r.what,
    responsible: r.responsible,
    howChecked: r.howChecked,
    closedReason: r.closedReason,
    ...base,
    overdue: isOverdue(base, today),
    statusText: obligationStatusText(base, today),
  };
}

/** The agreed action `obligationId` of case `caseId`, if the user may see it; NotFoundError (→ 404) otherwise. */
export async function findObligationOrThrow<S extends Prisma.ObligationSelect>(
  user: SessionUser,
  caseId: string,
  obligationId: string,
  select: S,
  client: Pick<Tx, "obligation"> = db(),
): Promise<Prisma.ObligationGetPayload<{ select: S }>> {
  const row = await client.obligation.findFirst({ where: { AND: [{ id: obligationId, caseId }, obligationScope(user)] }, select });
  if (!row) throw new NotFoundError("agreed action");
  return row as Prisma.ObligationGetPayload<{ select: S }>;
}
