/**
 * Signing while signed in (issue 12, R-40, R-72; decision 0019): the family user reads the text on
 * /my-case/<case>/agreement and signs it, or declines with a reason — the same answer as by link
 * (./sign-with-token.ts), but the actor is the signed-in user rather than a token holder. Bound to
 * the hash of the text the page showed (a text changed since is refused, ./record-signature.ts),
 * and sealed in the same transaction when it is the last signature (./seal-agreement.ts). Only the
 * signer whose party is linked to the user (./family-signer.ts), on a case in their scope; any
 * other agreement, case or signer is a 404.
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { DomainError } from "@/lib/platform/errors";
import { fieldError, parseInput } from "@/lib/platform/validation";
import { findCaseOrThrow } from "@/lib/cases/store";
import { declineReasonSchema } from "./agreement-schema";
import { findOwnSigner } from "./family-signer";
import { recordSignature } from "./record-signature";
import { lockAgreement, signerStates } from "./store";

export const ALREADY_SIGNED = "You have already signed this. You do not need to do anything else.";

const schema = z.object({
  caseId: z.string().trim().min(1).max(200),
  agreementId: z.string().trim().min(1).max(200),
  contentSha256: z.string().trim().regex(/^[0-9a-f]{64}$/, "Reload the page and try again."),
  outcome: z.enum(["SIGNED", "DECLINED"], { error: "Choose whether you sign or not" }),
  confirmed: z.string().default(""),
  reason: z.string().default(""),
});

export async function signAsFamilyUser(
  user: SessionUser,
  input: Record<string, unknown>,
  ip: string | null = null,
  now = new Date(),
  origin?: string,
): Promise<{ outcome: "SIGNED" | "DECLINED"; sealed: boolean }> {
  authorize(user, "family:workspace");
  const v = parseInput(schema, input, { order: ["outcome", "confirmed", "reason"] });
  let reason: string | null = null;
  if (v.outcome === "SIGNED" && v.confirmed !== "yes") fieldError("confirmed", "Tick the box to say this is a true record, or choose not to sign");
  if (v.outcome === "DECLINED") {
    const r = declineReasonSchema.safeParse(v.reason);
    if (!r.success) fieldError("reason", r.error.issues[0]?.message ?? "Enter why you do not want to sign");
    reason = r.data;
  }
  return transaction(async (tx) => {
    await findCaseOrThrow(user, v.caseId, { id: true }, tx);
    const agreement = await tx.caseAgreement.findFirst({ where: { id: v.agreementId, caseId: v.caseId }, select: { id: true } });
    if (!agreement) throw new NotFoundError("agreement");
    await lockAgreement(tx, agreement.id);
    // Under the lock: one of its signers is this user's party. Whether it is still open for
    // signing (not sealed, not back to draft, the same text) is recordSignature's check.
    const signer = await findOwnSigner(tx, user, v.caseId, agreement.id);
    if (!signer) throw new NotFoundError("signer");
    // Signed is final for this text (a decline can still become a signature, as the latest answer counts).
    if (signer.status === "AWAITING_SIGNATURES" && signer.contentSha256 === v.contentSha256) {
      const mine = (await signerStates(tx, agreement.id, signer.contentSha256)).find((s) => s.id === signer.signerId);
      if (mine?.state === "SIGNED") throw new DomainError(ALREADY_SIGNED, "ALREADY_SIGNED");
    }
    const r = await recordSignature(tx, {
      agreementId: agreement.id,
      signerId: signer.signerId,
      outcome: v.outcome,
      method: "SIGNED_IN",
      contentSha256: v.contentSha256,
      reason,
      recordedBy: user,
      ip,
      now,
      origin,
    });
    return { outcome: v.outcome, sealed: r.sealedDocumentId !== null };
  });
}
