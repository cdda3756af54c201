/**
 * The family user's own cases (usually one), for /my-case.
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { caseScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";

export async function listMyCases(user: SessionUser) {
  authorize(user, "family:workspace");
  return db().case.findMany({
    where: caseScope(user),
    orderBy: { createdAt: "desc" },
    select: { id: true, reference: true, status: true, localAuthority: { select: { name: true } } },
  });
}
