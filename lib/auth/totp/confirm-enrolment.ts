/**
 * Issue 13: a code from the app confirms the pending secret (./start-enrolment.ts): the second
 * sign-in step is on from now, the secret is never shown again, and the code just used cannot be
 * used again (its step is kept). A wrong code changes nothing.
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import { writeAudit } from "@/lib/platform/audit";
import { DomainError } from "@/lib/platform/errors";
import { fieldError, parseInput } from "@/lib/platform/validation";
import { authorize } from "../policy";
import { NotFoundError, type SessionUser } from "../types";
import { CODE_MESSAGES, acceptedStep, normaliseCode } from "./totp";
import { ALREADY_ON } from "./start-enrolment";

const schema = z.object({
  code: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().min(1, CODE_MESSAGES.missing).max(20, CODE_MESSAGES.format)),
});

export const NOT_STARTED = "Start setting up two-step sign-in first.";

export async function confirmSecondFactorEnrolment(user: SessionUser, input: { code?: unknown }, ip: string | null = null, now = new Date()): Promise<void> {
  authorize(user, "account:second-factor", { hide: false });
  const v = parseInput(schema, { code: input.code });
  const code = normaliseCode(v.code);
  if (!code) fieldError("code", CODE_MESSAGES.format);
  await transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ totpEnabledAt: Date | null; totpPendingSecret: string | null }[]>`SELECT "totpEnabledAt", "totpPendingSecret" FROM "User" WHERE "id" = ${user.id} FOR UPDATE`;
    const u = rows[0];
    if (!u) throw new NotFoundError("user");
    if (u.totpEnabledAt) throw new DomainError(ALREADY_ON, "ALREADY_ON");
    if (!u.totpPendingSecret) throw new DomainError(NOT_STARTED, "NOT_STARTED");
    const step = acceptedStep(u.totpPendingSecret, code, null, now);
    if (step === null) fieldError("code", CODE_MESSAGES.wrong);
    await tx.user.update({ where: { id: user.id }, data: { totpSecret: u.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: now, totpLastStep: step } });
    await writeAudit(tx, { actor: user, action: "user.second_factor_enabled", entityType: "User", entityId: user.id, after: { secondFactor: true }, ip });
  });
}
