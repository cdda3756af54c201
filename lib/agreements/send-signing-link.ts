/**
 * Emails one signer a single-use signing link (R-40, remote signing): bound to that signer and to
 * the hash of the text as it is now, valid SIGNING_LINK_VALID_DAYS; a newer link for the same
 * signer revokes their unused older ones. Only the token's hash is stored.
 *
 * The email is sent with sendEmail after the transaction, with the link as a secret, not through
 * the outbox: the outbox refuses a working link (lib/platform/outbox/queue-email.ts, issue 9
 * item 5: the database never holds one). If delivery fails it is not retried; send a new link.
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { DomainError } from "@/lib/platform/errors";
import { sendEmail, type SendResult } from "@/lib/platform/email";
import { parseInput } from "@/lib/platform/validation";
import { publicOrigin } from "@/lib/platform/public-origin";
import { formatLongDate, isoFromDbDate } from "@/lib/deadlines";
import { NOT_FOR_SIGNING, assertNotSealed, findAgreementOrThrow, lockAgreement } from "./store";
import { SIGNING_LINK_VALID_DAYS, newSigningToken, signingTokenSha256, signingUrl } from "./signing-link";
import { AGREEMENT_KIND_TITLES } from "./wording";

const schema = z.object({ agreementId: z.string().trim().min(1).max(200), signerId: z.string().trim().min(1).max(200) });

export const NO_EMAIL = "This person has no email address on the case. Ask them to sign in the room, or add their email to their party details.";

export async function sendSigningLink(user: SessionUser, input: Record<string, unknown>, ip: string | null = null, now = new Date(), origin?: string): Promise<{ to: string; expiresAt: Date; email: SendResult }> {
  const v = parseInput(schema, input);
  const token = newSigningToken();
  const prepared = await transaction(async (tx) => {
    await findAgreementOrThrow(tx, user, v.agreementId, { id: true });
    await lockAgreement(tx, v.agreementId);
    const a = await tx.caseAgreement.findUniqueOrThrow({ where: { id: v.agreementId }, select: { id: true, caseId: true, kind: true, status: true, contentSha256: true, agreedOn: true, case: { select: { reference: true } } } });
    assertNotSealed(a.status);
    if (a.status !== "AWAITING_SIGNATURES") throw new DomainError(NOT_FOR_SIGNING, "NOT_FOR_SIGNING");
    const signer = await tx.agreementSigner.findFirst({ where: { id: v.signerId, agreementId: a.id }, select: { id: true, name: true, partyId: true } });
    if (!signer) throw new NotFoundError("signer");
    const party = signer.partyId ? await tx.party.findFirst({ where: { id: signer.partyId, caseId: a.caseId }, select: { email: true } }) : null;
    const to = party?.email?.trim();
    if (!to) throw new DomainError(NO_EMAIL, "NO_EMAIL");
    const expiresAt = new Date(now.getTime() + SIGNING_LINK_VALID_DAYS * 24 * 3_600_000);
    await tx.agreementSigningLink.updateMany({ where: { signerId: signer.id, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    const link = await tx.agreementSigningLink.create({
      data: { agreementId: a.id, signerId: signer.id, caseId: a.caseId, tokenSha256: signingTokenSha256(token), contentSha256: a.contentSha256, expiresAt, createdById: user.id, createdAt: now },
      select: { id: true },
    });
    await writeAudit(tx, { actor: user, action: "agreement.signing_link_sent", entityType: "Agreement", entityId: a.id, caseId: a.caseId, after: { signerId: signer.id, linkId: link.id, contentSha256: a.contentSha256, expiresAt: expiresAt.toISOString() }, ip });
    return { to, expiresAt, caseId: a.caseId, name: signer.name, title: AGREEMENT_KIND_TITLES[a.kind], reference: a.case.reference, agreedOn: isoFromDbDate(a.agreedOn) };
  });
  const url = signingUrl(origin ?? publicOrigin(), token);
  const email = await sendEmail({
    to: prepared.to,
    caseId: prepared.caseId,
    subject: `Please read and sign the ${prepared.title.toLowerCase()} (${prepared.reference})`,
    body: [
      `Dear ${prepared.name},`,
      "",
      `The ${prepared.title.toLowerCase()} from the meeting on ${formatLongDate(prepared.agreedOn)} is ready for you to read and sign.`,
      "You do not need an account. Open this link, read it, and sign it or say why you do not want to sign:",
      "",
      url,
      "",
      `The link works once, only for you, and until ${new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", dateStyle: "long", timeStyle: "short" }).format(prepared.expiresAt)}.`,
      "If the agreement is changed before you sign, this link stops working and you will be sent a new one.",
    ].join("\n"),
    secrets: [url],
  });
  return { to: prepared.to, expiresAt: prepared.expiresAt, email };
}
