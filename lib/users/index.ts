import "server-only";
import { db } from "@/lib/platform/db";
import type { SessionUser } from "@/lib/auth/types";

/** Re-reads the session's user on every request: a deactivated user loses access at once. */
export async function loadActiveUser(id: string): Promise<SessionUser | null> {
  const u = await db().user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, localAuthorityId: true, active: true },
  });
  if (!u || !u.active) return null;
  return { id: u.id, email: u.email, name: u.name, role: u.role, localAuthorityId: u.localAuthorityId };
}
