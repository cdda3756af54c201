/**
 * Issue 13: a staff member starts setting up the second sign-in step: a new secret is kept as
 * pending (replacing any earlier pending one) until a code from the app confirms it
 * (./confirm-enrolment.ts). Refused when the step is already on: an admin resets it first.
 */
import "server-only";
import { transaction } from "@/lib/platform/db";
import { writeAudit } from "@/lib/platform/audit";
import { DomainError } from "@/lib/platform/errors";
import { authorize } from "../policy";
import { NotFoundError, type SessionUser } from "../types";
import { newTotpSecret } from "./totp";

export const ALREADY_ON = "Two-step sign-in is already on for your account. To use another phone or app, ask an administrator to reset it.";

export async function startSecondFactorEnrolment(user: SessionUser, ip: string | null = null): Promise<void> {
  authorize(user, "account:second-factor", { hide: false });
  await transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ totpEnabledAt: Date | null }[]>`SELECT "totpEnabledAt" FROM "User" WHERE "id" = ${user.id} FOR UPDATE`;
    if (!rows[0]) throw new NotFoundError("user");
    if (rows[0].totpEnabledAt) throw new DomainError(ALREADY_ON, "ALREADY_ON");
    await tx.user.update({ where: { id: user.id }, data: { totpPendingSecret: newTotpSecret() } });
    await writeAudit(tx, { actor: user, action: "user.second_factor_enrolment_started", entityType: "User", entityId: user.id, ip });
  });
}
