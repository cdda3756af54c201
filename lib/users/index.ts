import "server-only";
import { Prisma, readRows } from "@/lib/platform/db";
import type { SessionUser } from "@/lib/auth/types";

type UserRow = Omit<SessionUser, "secondFactor"> & { active: boolean; sessionVersion: number; totpEnabledAt: Date | null };

/**
 * Re-reads the session's user on every request: a deactivated user loses access at once, and a
 * session whose version is not the user's current one (signed out, lib/auth/sessions.ts) is refused.
 * Every signed-in request runs it, so it is one hand-written statement through the pool
 * (readRows, decision 0040).
 */
export async function loadActiveUser(id: string, sessionVersion: number): Promise<SessionUser | null> {
  const [u] = await readRows<UserRow>(Prisma.sql`
    SELECT id, email, name, role::text AS role, "localAuthorityId", "safeguardingLead", active, "sessionVersion", "totpEnabledAt"
    FROM "User" WHERE id = ${id}`);
  if (!u || !u.active || u.sessionVersion !== sessionVersion) return null;
  return { id: u.id, email: u.email, name: u.name, role: u.role, localAuthorityId: u.localAuthorityId, safeguardingLead: u.safeguardingLead, secondFactor: u.totpEnabledAt !== null };
}
