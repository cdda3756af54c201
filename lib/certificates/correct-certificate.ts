/**
 * Correcting a certificate: an issued certificate is never changed; a correction is a new
 * certificate, with a new sealed PDF that says which one it replaces and why, superseding the old
 * one (both the certificate and its document). Taken from the case as it is now (the caseworker
 * first puts the case right: a name, a decision) with the date of issue given (by default the old
 * one's, so the appeal deadline moves only if that date was wrong). The family and the LA are
 * emailed; the old document's verify page says it has been replaced.
 *
 * Staff only (`certificate:correct`), reason required, explicitly confirmed. A closed case is
 * re-opened first (the lifecycle's "reopen", R-31). A certificate already replaced is refused
 * (ConflictError), also when two corrections race (the unique `supersedesId`).
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { certificateScope } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { ConflictError, DomainError } from "@/lib/platform/errors";
import { fieldError, parseInput } from "@/lib/platform/validation";
import { formatLongDate, isIsoDate, isoFromDbDate, todayInLondon } from "@/lib/deadlines";
import { recordEvent } from "@/lib/cases/timeline";
import { CERTIFICATE_KIND_LABELS } from "./certificate-content";
import { sealCertificate } from "./seal-certificate";

export const MAX_CORRECTION_REASON = 2000;

export const correctCertificateSchema = z.object({
  certificateId: z.string({ error: "The certificate could not be found." }).trim().min(1).max(200),
  reason: z
    .string({ error: "Enter the reason for the correction" })
    .trim()
    .min(1, "Enter the reason for the correction")
    .max(MAX_CORRECTION_REASON, `The reason must be ${MAX_CORRECTION_REASON} characters or fewer`),
  issuedOn: z.string({ error: "Enter the date of issue" }).trim().refine(isIsoDate, "Enter a real date of issue"),
  confirmed: z.literal(true, { error: "Confirm that the new certificate replaces this one" }),
});
export type CorrectCertificateInput = z.input<typeof correctCertificateSchema>;

export const ALREADY_REPLACED = "This certificate has already been replaced by a corrected one. Correct the latest certificate instead.";

export async function correctCertificate(user: SessionUser, input: CorrectCertificateInput, ip: string | null = null): Promise<{ caseId: string; certificateId: string; documentId: string }> {
  authorize(user, "certificate:correct");
  const v = parseInput(correctCertificateSchema, input);
  return transaction(async (tx) => {
    const old = await tx.certificate.findFirst({
      where: { AND: [{ id: v.certificateId }, certificateScope(user)] },
      select: {
        id: true,
        caseId: true,
        kind: true,
        issuerId: true,
        issuedOn: true,
        triggerOn: true,
        dueOn: true,
        documentId: true,
        document: { select: { version: true } },
        supersededBy: { select: { id: true } },
        case: { select: { status: true } },
      },
    });
    if (!old) throw new NotFoundError("certificate");
    if (old.supersededBy) throw new ConflictError(ALREADY_REPLACED);
    if (old.case.status === "CLOSED" || old.case.status === "NOT_PROCEEDING") {
      throw new DomainError("This case is closed. Re-open it first, with a reason, then correct the certificate (R-31).", "CASE_CLOSED");
    }
    const triggerOn = isoFromDbDate(old.triggerOn);
    if (v.issuedOn > todayInLondon()) fieldError("issuedOn", "The date of issue must be today or in the past.");
    // a certificate is never dated before its trigger.
    if (v.issuedOn < triggerOn) fieldError("issuedOn", `The date of issue cannot be before ${formatLongDate(triggerOn)}, the day this certificate became due from (R-30).`);

    const sealed = await sealCertificate(
      tx,
      user,
      {
        caseId: old.caseId,
        kind: old.kind,
        issuedOn: v.issuedOn,
        // the issuer stays the one the certificate is issued by (the mediator after mediation).
        issuerId: old.issuerId,
        triggerOn,
        dueOn: isoFromDbDate(old.dueOn),
        supersedes: { id: old.id, documentId: old.documentId, version: old.document.version, issuedOn: isoFromDbDate(old.issuedOn), reason: v.reason },
      },
      ip,
    ).catch((e: unknown) => {
      // Two corrections at once: the unique supersedesId lets one in.
      if ((e as { code?: string }).code === "P2002") throw new ConflictError(ALREADY_REPLACED);
      throw e;
    });
    // the shared entry says what happened; the reason is printed on the new certificate.
    await recordEvent(tx, {
      caseId: old.caseId,
      actorId: user.id,
      type: "CERTIFICATE_CORRECTED",
      summary: `Corrected certificate issued (${CERTIFICATE_KIND_LABELS[old.kind].toLowerCase()}): it replaces the one issued on ${formatLongDate(isoFromDbDate(old.issuedOn))}`,
      rule: "R-31",
      visibility: "SHARED",
      data: { certificateId: sealed.id, supersedesId: old.id, issuedOn: v.issuedOn },
    });
    return { caseId: old.caseId, certificateId: sealed.id, documentId: sealed.documentId };
  });
}
