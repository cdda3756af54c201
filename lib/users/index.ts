import "server-only";
import { db } from "@/lib/platform/db";
import type { SessionUser } from "@/lib/auth/types";

/**
 * Re-reads the session's user on every request: a deactivated user loses access at once, and a
 * session whose version is not the user's current one (signed out, lib/auth/sessions.ts) is refused.
 */
export async function loadActiveUser(id: string, sessionVersion: number): Promise<SessionUser | null> {
  const u = await db().user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, localAuthorityId: true, safeguardingLead: true, active: true, sessionVersion: true, totpEnabledAt: true },
  });
  if (!u || !u.active || u.sessionVersion !== sessionVersion) return null;
  return { id: u.id, email: u.email, name: u.name, role: u.role, localAuthorityId: u.localAuthorityId, safeguardingLead: u.safeguardingLead, secondFactor: u.totpEnabledAt !== null };
}
