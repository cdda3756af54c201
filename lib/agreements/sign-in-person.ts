/**
 * Signing in the room, on the mediator's device: the person reads the text, confirms
 * "this is an accurate record" and types their name, which must match the attendee's recorded name
 * (case and extra spaces ignored, ./agreement-content.ts typedNameMatches) — or declines, with a
 * reason. The signed-in user (the mediator or a caseworker) is recorded as whose device it was.
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { fieldError, parseInput } from "@/lib/platform/validation";
import { typedNameMatches } from "./agreement-content";
import { declineReasonSchema, signInPersonSchema } from "./agreement-schema";
import { recordSignature } from "./record-signature";
import { findAgreementOrThrow, lockAgreement } from "./store";

const refSchema = z.object({ agreementId: z.string().trim().min(1).max(200), contentSha256: z.string().trim().regex(/^[0-9a-f]{64}$/, "Reload the page and try again.") });

export async function signInPerson(user: SessionUser, input: Record<string, unknown>, ip: string | null = null, now = new Date()): Promise<{ sealedDocumentId: string | null }> {
  const ref = parseInput(refSchema, input);
  const v = parseInput(signInPersonSchema, input, { order: ["outcome", "confirmed", "typedName", "reason"] });
  return transaction(async (tx) => {
    await findAgreementOrThrow(tx, user, ref.agreementId, { id: true });
    await lockAgreement(tx, ref.agreementId);
    const signer = await tx.agreementSigner.findFirst({ where: { id: v.signerId, agreementId: ref.agreementId }, select: { id: true, name: true } });
    if (!signer) throw new NotFoundError("signer");
    let reason: string | null = null;
    if (v.outcome === "SIGNED") {
      if (v.confirmed !== "yes") fieldError("confirmed", "Confirm that this is an accurate record, or choose to decline");
      if (v.typedName === "") fieldError("typedName", "Type your full name to sign");
      if (!typedNameMatches(v.typedName, signer.name)) fieldError("typedName", `Type your name as it was recorded at the meeting: ${signer.name}`);
    } else {
      const r = declineReasonSchema.safeParse(v.reason);
      if (!r.success) fieldError("reason", r.error.issues[0]?.message ?? "Enter why you do not want to sign");
      reason = r.data;
    }
    return recordSignature(tx, {
      agreementId: ref.agreementId,
      signerId: signer.id,
      outcome: v.outcome,
      method: "IN_PERSON",
      contentSha256: ref.contentSha256,
      typedName: v.outcome === "SIGNED" ? v.typedName : null,
      reason,
      recordedBy: user,
      ip,
      now,
    });
  });
}
