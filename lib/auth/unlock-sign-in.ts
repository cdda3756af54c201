/**
 * An admin clears a staff member's sign-in back-off (issue 9, item 2): the account counter and
 * every address pair of that account, so the owner can try again at once from anywhere. Counters of
 * attacking addresses (`address:` keys) are left alone.
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import { writeAudit } from "@/lib/platform/audit";
import { parseInput } from "@/lib/platform/validation";
import { authorize } from "./policy";
import { accountKeyPrefixes } from "./sign-in-limits";
import { secondFactorKey } from "./totp/verify-sign-in-code";
import { NotFoundError, type SessionUser } from "./types";

const unlockSchema = z.object({ userId: z.string().trim().min(1, "Choose a user.").max(64, "Choose a user from the list.") });

/** Returns how many counters were cleared (0 when none was holding the account back). */
export async function unlockSignIn(admin: SessionUser, userId: string, ip: string | null = null): Promise<{ cleared: number }> {
  authorize(admin, "user:unlock-sign-in", { hide: false });
  const v = parseInput(unlockSchema, { userId });
  return transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: v.userId }, select: { id: true, email: true } });
    if (!user) throw new NotFoundError("user");
    const { account, pairPrefix } = accountKeyPrefixes(user.email);
    // Issue 13: and the counter of wrong second-step codes (./totp/verify-sign-in-code.ts).
    const { count } = await tx.loginThrottle.deleteMany({ where: { OR: [{ key: account }, { key: { startsWith: pairPrefix } }, { key: secondFactorKey(user.id) }] } });
    await writeAudit(tx, { actor: admin, action: "auth.sign_in_unlocked", entityType: "User", entityId: user.id, after: { countersCleared: count }, ip });
    return { cleared: count };
  });
}
