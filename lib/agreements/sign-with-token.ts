/**
 * Signing by link (R-40, remote): the actor is whoever holds the token — no account. The page
 * (`getSigningPageWithToken`) shows the text; the answer (`signWithToken`) signs or declines with
 * a reason. The link must exist, be unused, not revoked, not expired, and the text must still be
 * the one it was sent for; it is used up by the answer. Public submissions are rate-limited per
 * address (SIGNING_RATE_LIMIT) before anything is looked up.
 */
import "server-only";
import { z } from "zod";
import { db, transaction } from "@/lib/platform/db";
import { NotFoundError } from "@/lib/auth/types";
import { DomainError } from "@/lib/platform/errors";
import { assertPublicInputBounded, enforceRateLimit, isBot } from "@/lib/platform/security/public-form";
import { fieldError, parseInput } from "@/lib/platform/validation";
import { declineReasonSchema } from "./agreement-schema";
import { recordSignature } from "./record-signature";
import { SIGNING_RATE_LIMIT, isWellFormedToken, signingTokenSha256 } from "./signing-link";
import { lockAgreement, readAgreementText } from "./store";
import type { AgreementText } from "./agreement-content";

export type LinkState = "OPEN" | "USED" | "EXPIRED" | "REVOKED" | "TEXT_CHANGED" | "SEALED";

export const LINK_MESSAGES: Record<Exclude<LinkState, "OPEN">, string> = {
  USED: "This signing link has already been used. Each link works once.",
  EXPIRED: "This signing link has expired. Ask the mediator to send you a new one.",
  REVOKED: "A newer signing link was sent to you. Use the link in the most recent email.",
  TEXT_CHANGED: "The agreement was changed after this link was sent, so it no longer works. The mediator will send you a new link.",
  SEALED: "This agreement has already been signed by everyone and sealed.",
};

async function findLink(token: string) {
  if (!isWellFormedToken(token)) return null;
  return db().agreementSigningLink.findUnique({
    where: { tokenSha256: signingTokenSha256(token) },
    select: { id: true, agreementId: true, signerId: true, contentSha256: true, expiresAt: true, usedAt: true, revokedAt: true, signer: { select: { name: true } }, agreement: { select: { status: true, contentSha256: true } } },
  });
}

type Link = NonNullable<Awaited<ReturnType<typeof findLink>>>;

function stateOf(link: Pick<Link, "usedAt" | "revokedAt" | "expiresAt" | "contentSha256" | "agreement">, now: Date): LinkState {
  if (link.usedAt) return "USED";
  if (link.agreement.status === "SEALED" || link.agreement.status === "SUPERSEDED") return "SEALED";
  if (link.revokedAt) return "REVOKED";
  if (link.expiresAt <= now) return "EXPIRED";
  if (link.agreement.status !== "AWAITING_SIGNATURES" || link.agreement.contentSha256 !== link.contentSha256) return "TEXT_CHANGED";
  return "OPEN";
}

export type SigningPage = { state: LinkState; signerName: string; text: AgreementText | null; contentSha256: string };

/** What /sign/<token> shows; null (→ 404) for a token no link has. The text only while the link is open. */
export async function getSigningPageWithToken(token: string, now = new Date()): Promise<SigningPage | null> {
  const link = await findLink(token);
  if (!link) return null;
  const state = stateOf(link, now);
  return { state, signerName: link.signer.name, text: state === "OPEN" ? await readAgreementText(db(), link.agreementId) : null, contentSha256: link.contentSha256 };
}

const answerSchema = z.object({
  token: z.string().max(100),
  outcome: z.enum(["SIGNED", "DECLINED"], { error: "Choose whether you sign or decline" }),
  confirmed: z.string().default(""),
  reason: z.string().default(""),
});

/**
 * Signs or declines by link. Returns null for a bot (honeypot: nothing written); throws
 * NotFoundError for an unknown token, DomainError for a link that no longer works.
 */
export async function signWithToken(values: Record<string, unknown>, ip: string | null, now = new Date()): Promise<{ outcome: "SIGNED" | "DECLINED"; sealed: boolean } | null> {
  assertPublicInputBounded(values);
  if (isBot(values)) return null;
  await enforceRateLimit(SIGNING_RATE_LIMIT, ip, now);
  const v = parseInput(answerSchema, values);
  let reason: string | null = null;
  if (v.outcome === "SIGNED" && v.confirmed !== "yes") fieldError("confirmed", "Confirm that this is an accurate record, or choose to decline");
  if (v.outcome === "DECLINED") {
    const r = declineReasonSchema.safeParse(v.reason);
    if (!r.success) fieldError("reason", r.error.issues[0]?.message ?? "Enter why you do not want to sign");
    reason = r.data;
  }
  const found = await findLink(v.token);
  if (!found) throw new NotFoundError("signing link");
  return transaction(async (tx) => {
    await lockAgreement(tx, found.agreementId);
    const link = await tx.agreementSigningLink.findUniqueOrThrow({
      where: { id: found.id },
      select: { id: true, agreementId: true, signerId: true, contentSha256: true, expiresAt: true, usedAt: true, revokedAt: true, agreement: { select: { status: true, contentSha256: true } } },
    });
    const state = stateOf(link, now);
    if (state !== "OPEN") throw new DomainError(LINK_MESSAGES[state], `LINK_${state}`);
    // Used once: the conditional update lets one answer in even if two arrive together.
    const used = await tx.agreementSigningLink.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: now } });
    if (used.count !== 1) throw new DomainError(LINK_MESSAGES.USED, "LINK_USED");
    const r = await recordSignature(tx, {
      agreementId: link.agreementId,
      signerId: link.signerId,
      outcome: v.outcome,
      method: "LINK",
      contentSha256: link.contentSha256,
      reason,
      linkId: link.id,
      recordedBy: null,
      ip,
      now,
    });
    return { outcome: v.outcome, sealed: r.sealedDocumentId !== null };
  });
}
