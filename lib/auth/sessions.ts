/**
 * Sessions (issue 9, item 3). The session cookie is a signed, encrypted next-auth JWT holding the
 * user id and `User.sessionVersion`; every request re-reads the user (lib/users) and refuses a
 * cookie whose version is not the current one. Bumping the version therefore ends every session
 * of that user, on every device: sign-out does it. (A deactivated user is refused by `active`
 * already; deactivating also bumps the version, in its own transaction — issue 13,
 * lib/admin/users/deactivate-user.ts — so that re-activating the account does not bring old
 * cookies back.)
 */
import "server-only";
import { db, type Tx } from "@/lib/platform/db";
import { writeAudit } from "@/lib/platform/audit";

/** Ends every session of the user. Returns the new version (null when there is no such user). */
export async function endSessions(userId: string, ip: string | null = null, client: Tx = db()): Promise<number | null> {
  const rows = await client.user.updateManyAndReturn({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
  const row = rows[0];
  if (!row) return null;
  await writeAudit(client, { actor: { id: userId }, action: "auth.signed_out", entityType: "User", entityId: userId, ip });
  return row.sessionVersion;
}

/**
 * Where to go after signing in: `next` only when it is a path on this site ("/cases/abc?x=1"),
 * else null. Refuses other origins, protocol-relative ("//evil.example"), backslash and
 * scheme tricks, control characters, and anything the URL parser would send elsewhere.
 */
export function safeReturnPath(next: unknown): string | null {
  if (typeof next !== "string" || next.length === 0 || next.length > 2000) return null;
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return null;
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return null;
  const base = "http://this-site.invalid";
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return null;
  }
  if (url.origin !== base) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (path.startsWith("//") || path.startsWith("/\\")) return null;
  // Never back to the sign-in pages themselves.
  if (path === "/sign-in" || path.startsWith("/sign-in/") || path.startsWith("/sign-in?") || path.startsWith("/api/auth")) return null;
  return path;
}
