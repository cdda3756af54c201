/**
 * Issue 13 (decision 0027): an invited (or re-invited) staff member sets their password with the
 * emailed link. The token is the only credential: the link must be the newest, unused and
 * unexpired, and the account active. The password follows ../password-rules.ts (NCSC: length and
 * a deny list). Setting it uses the link up, ends any session the account had (the version is
 * bumped: a reset password leaves no old session behind) and signs nobody in: the person then
 * signs in as usual (with the second step where it is on). Nothing is written on bad input.
 */
import "server-only";
import { db, transaction, type Tx } from "@/lib/platform/db";
import { writeAudit } from "@/lib/platform/audit";
import { DomainError } from "@/lib/platform/errors";
import { parseInput } from "@/lib/platform/validation";
import { hashPassword } from "../passwords";
import { newPasswordFields, newPasswordProblem, PASSWORD_MESSAGES } from "../password-rules";
import { STAFF_ROLES } from "../types";
import { isWellFormedPasswordToken, LINK_STATE_MESSAGES, linkState, passwordTokenSha256, type LinkState } from "./password-link";

/** The link cannot be used (any more): `code` is its state, the message says what to do. */
export class PasswordLinkError extends DomainError {
  constructor(public readonly state: Exclude<LinkState, "VALID">) {
    super(LINK_STATE_MESSAGES[state].body, `LINK_${state}`);
  }
}

type LinkRow = { id: string; userId: string; usedAt: Date | null; revokedAt: Date | null; expiresAt: Date; active: boolean; role: string; email: string; name: string };

export async function setPasswordWithLink(token: unknown, input: { password?: unknown; confirmPassword?: unknown }, ip: string | null = null, now = new Date()): Promise<{ userId: string }> {
  if (!isWellFormedPasswordToken(token)) throw new PasswordLinkError("INVALID");
  const tokenHash = passwordTokenSha256(token);
  const v = parseInput(newPasswordFields, input);

  const read = async (tx: Tx, lock: boolean): Promise<LinkRow> => {
    const rows = lock
      ? await tx.$queryRaw<LinkRow[]>`SELECT l."id", l."userId", l."usedAt", l."revokedAt", l."expiresAt", u."active", u."role"::text AS "role", u."email", u."name"
          FROM "PasswordLink" l JOIN "User" u ON u."id" = l."userId" WHERE l."tokenHash" = ${tokenHash} FOR UPDATE OF l, u`
      : await tx.$queryRaw<LinkRow[]>`SELECT l."id", l."userId", l."usedAt", l."revokedAt", l."expiresAt", u."active", u."role"::text AS "role", u."email", u."name"
          FROM "PasswordLink" l JOIN "User" u ON u."id" = l."userId" WHERE l."tokenHash" = ${tokenHash}`;
    const row = rows[0];
    const state = row && (STAFF_ROLES as readonly string[]).includes(row.role) ? linkState({ ...row, user: { active: row.active } }, now) : "INVALID";
    if (state !== "VALID") throw new PasswordLinkError(state);
    return row!;
  };

  // The link first (a dead link says so, whatever was typed), then the password's rules.
  const row = await read(db(), false);
  const fieldErrors: Record<string, string> = {};
  const problem = await newPasswordProblem(v.password, { email: row.email, name: row.name });
  if (problem) fieldErrors.password = problem;
  if (v.confirmPassword === "") fieldErrors.confirmPassword = PASSWORD_MESSAGES.confirmMissing;
  else if (!problem && v.confirmPassword !== v.password) fieldErrors.confirmPassword = PASSWORD_MESSAGES.mismatch;
  if (Object.keys(fieldErrors).length > 0) throw new DomainError("Check your new password.", "INVALID_INPUT", fieldErrors);

  const passwordHash = await hashPassword(v.password);
  return transaction(async (tx) => {
    // Again, locked: used or replaced while the password was being hashed → refused.
    const locked = await read(tx, true);
    await tx.passwordLink.update({ where: { id: locked.id }, data: { usedAt: now } });
    await tx.user.update({ where: { id: locked.userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, { actor: { id: locked.userId }, action: "user.password_set", entityType: "User", entityId: locked.userId, after: { method: "link", linkId: locked.id }, ip });
    return { userId: locked.userId };
  });
}
