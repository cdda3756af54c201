/** For /venues/new (issue 10): the local authorities a venue can serve. Admins and caseworkers only. */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { localAuthorityScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";

export async function listVenueLocalAuthorities(user: SessionUser): Promise<{ id: string; name: string }[]> {
  authorize(user, "venue:manage");
  return db().localAuthority.findMany({ where: localAuthorityScope(user), select: { id: true, name: true }, orderBy: { name: "asc" } });
}
