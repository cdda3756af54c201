/**
 * Issue 13: the set-password page asks what a link says before showing its form (public, no
 * session: the token is the credential). Reading never uses a link up: email scanners open links.
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { STAFF_ROLES } from "../types";
import { isWellFormedPasswordToken, linkState, passwordTokenSha256, type LinkState } from "./password-link";

export async function getPasswordLink(token: unknown, now = new Date()): Promise<{ state: LinkState; firstName?: string }> {
  if (!isWellFormedPasswordToken(token)) return { state: "INVALID" };
  const row = await db().passwordLink.findUnique({
    where: { tokenHash: passwordTokenSha256(token) },
    select: { usedAt: true, revokedAt: true, expiresAt: true, user: { select: { active: true, role: true, name: true } } },
  });
  const state = row && STAFF_ROLES.includes(row.user.role) ? linkState(row, now) : "INVALID";
  return state === "VALID" ? { state, firstName: row!.user.name.split(/\s+/)[0] } : { state };
}
