/**
 * Case reads. Every query is wrapped in the user's scope (lib/auth/scope): what is outside it is
 * simply not found.
 */
import { db } from "@/lib/db/client";
import { authorize } from "@/lib/auth/policy";
import { caseScope } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";

export async function getCaseSummary(user: SessionUser, id: string) {
  authorize(user, "case:read");
  const c = await db().case.findFirst({
    where: { AND: [{ id }, caseScope(user)] },
    select: {
      id: true,
      reference: true,
      status: true,
      version: true,
      createdAt: true,
      localAuthority: { select: { id: true, name: true } },
      allocatedMediator: { select: { id: true, name: true } },
    },
  });
  if (!c) throw new NotFoundError("case");
  return c;
}

/** The family user's own cases (usually one). */
export async function listMyCases(user: SessionUser) {
  authorize(user, "family:workspace");
  return db().case.findMany({
    where: caseScope(user),
    orderBy: { createdAt: "desc" },
    select: { id: true, reference: true, status: true, localAuthority: { select: { name: true } } },
  });
}

export async function countCasesInScope(user: SessionUser) {
  authorize(user, "case:list");
  return db().case.count({ where: caseScope(user) });
}
