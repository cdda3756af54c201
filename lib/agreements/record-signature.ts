/**
 * The one writer of a signature or a refusal, shared by signing in the room and by link:
 * bound to the hash of the text the person read, which must still be the agreement's (a changed
 * text is read again first), then sealing if everyone has now signed (./seal-agreement.ts).
 * The caller has locked the agreement row.
 */
import "server-only";
import type { Tx } from "@/lib/platform/db";
import { writeAudit } from "@/lib/platform/audit";
import { DomainError } from "@/lib/platform/errors";
import { sealIfComplete } from "./seal-agreement";
import { NOT_FOR_SIGNING, assertNotSealed } from "./store";

export const TEXT_CHANGED = "The agreement was changed after this page was opened. Read it again before signing.";

export type SignatureInput = {
  agreementId: string;
  signerId: string;
  outcome: "SIGNED" | "DECLINED";
  method: "IN_PERSON" | "LINK" | "SIGNED_IN";
  /** The hash of the text the person read. */
  contentSha256: string;
  typedName?: string | null;
  reason?: string | null;
  linkId?: string | null;
  recordedBy: { id: string } | null;
  ip: string | null;
  now: Date;
  origin?: string;
};

export async function recordSignature(tx: Tx, s: SignatureInput): Promise<{ sealedDocumentId: string | null }> {
  const a = await tx.caseAgreement.findUniqueOrThrow({ where: { id: s.agreementId }, select: { caseId: true, status: true, contentSha256: true } });
  assertNotSealed(a.status);
  if (a.status !== "AWAITING_SIGNATURES") throw new DomainError(NOT_FOR_SIGNING, "NOT_FOR_SIGNING");
  if (a.contentSha256 !== s.contentSha256) throw new DomainError(TEXT_CHANGED, "TEXT_CHANGED");
  const sig = await tx.agreementSignature.create({
    data: {
      agreementId: s.agreementId,
      signerId: s.signerId,
      caseId: a.caseId,
      outcome: s.outcome,
      method: s.method,
      contentSha256: a.contentSha256,
      typedName: s.typedName ?? null,
      reason: s.outcome === "DECLINED" ? (s.reason ?? null) : null,
      ip: s.ip,
      recordedById: s.recordedBy?.id ?? null,
      linkId: s.linkId ?? null,
      at: s.now,
    },
    select: { id: true },
  });
  await writeAudit(tx, {
    actor: s.recordedBy,
    action: s.outcome === "SIGNED" ? "agreement.signed" : "agreement.declined",
    entityType: "Agreement",
    entityId: s.agreementId,
    caseId: a.caseId,
    after: { signatureId: sig.id, signerId: s.signerId, method: s.method, contentSha256: a.contentSha256, linkId: s.linkId ?? null },
    ip: s.ip,
  });
  const sealedDocumentId = s.outcome === "SIGNED" ? await sealIfComplete(tx, s.agreementId, s.recordedBy, s.ip, s.now, s.origin) : null;
  return { sealedDocumentId };
}
