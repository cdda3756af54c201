import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";

export async function adminOverview(user: SessionUser) {
  authorize(user, "admin:access");
  const [users, las, cases, recentAudit] = await Promise.all([
    db().user.groupBy({ by: ["role"], _count: { _all: true }, where: { active: true } }),
    db().localAuthority.findMany({ orderBy: { name: "asc" }, select: { id: true, code: true, name: true, _count: { select: { cases: true } } } }),
    db().case.count(),
    db().auditEvent.findMany({ orderBy: { at: "desc" }, take: 10, select: { id: true, at: true, action: true, entityType: true, actor: { select: { name: true } } } }),
  ]);
  return { users, las, cases, recentAudit };
}
