/**
 * What every agreement command and query shares: the scope (an agreement is read through its case,
 * lib/auth/scope.ts caseScope, by the mediation service only: "agreement:draft"), the row lock and
 * revision check before a change, the rule that a sealed agreement never changes, the text as it
 * is signed (./agreement-content.ts) and each signer's state for the current text.
 */
import "server-only";
import { z } from "zod";
import type { Prisma, Tx } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { agreementScope } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { ConflictError, DomainError } from "@/lib/platform/errors";
import { isoFromDbDate } from "@/lib/deadlines";
import { agreementTextSha256, type AgreementText } from "./agreement-content";
import type { AgreedActionKind } from "./action-kinds";
import { actionDueDate } from "./action-kinds";

export const OUT_OF_DATE = "This agreement changed while you were working on it. Check it as it is now, then try again.";
export const SEALED_MESSAGE = "This agreement has been signed by everyone and sealed: it cannot be changed. To correct it, start a new version.";
export const NOT_FOR_SIGNING = "This agreement is not ready for signing. The mediator must finish the draft and ask for signatures.";

export const agreementRefSchema = z.object({
  agreementId: z.string({ error: "The agreement is missing." }).trim().min(1, "The agreement is missing.").max(200),
  expectedRevision: z.coerce.number({ error: OUT_OF_DATE }).int(OUT_OF_DATE).positive(OUT_OF_DATE),
});


/** The agreement in the user's scope, or NotFoundError (404) — also for a user with no permission. */
export async function findAgreementOrThrow<S extends Prisma.CaseAgreementSelect>(tx: Pick<Tx, "caseAgreement">, user: SessionUser, id: string, select: S) {
  authorize(user, "agreement:draft");
  const row = await tx.caseAgreement.findFirst({ where: { AND: [{ id }, agreementScope(user)] }, select });
  if (!row) throw new NotFoundError("agreement");
  return row as Prisma.CaseAgreementGetPayload<{ select: S }>;
}

/** Takes the agreement's row lock (signatures and sealing are serialised on it). */
export async function lockAgreement(tx: Tx, id: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "CaseAgreement" WHERE "id" = ${id} FOR UPDATE`;
}

/** Refuses any change to a sealed (or superseded) agreement: nothing is written. */
export function assertNotSealed(status: string): void {
  if (status === "SEALED" || status === "SUPERSEDED") throw new DomainError(SEALED_MESSAGE, "AGREEMENT_SEALED");
}

/**
 * Before a change to the draft: in scope, locked, not sealed, and at the revision the user saw.
 * Returns the agreement's case and dates.
 */
export async function loadForChange(tx: Tx, user: SessionUser, input: unknown) {
  const ref = agreementRefSchema.parse(input);
  authorize(user, "agreement:draft");
  await findAgreementOrThrow(tx, user, ref.agreementId, { id: true });
  await lockAgreement(tx, ref.agreementId);
  const a = await tx.caseAgreement.findUniqueOrThrow({
    where: { id: ref.agreementId },
    select: { id: true, caseId: true, status: true, revision: true, agreedOn: true, kind: true, version: true },
  });
  assertNotSealed(a.status);
  if (a.revision !== ref.expectedRevision) throw new ConflictError(OUT_OF_DATE, { current: a.revision });
  return { ...a, agreedOn: isoFromDbDate(a.agreedOn) };
}

/** The text as it is signed, read from the database. */
export async function readAgreementText(tx: Pick<Tx, "caseAgreement">, id: string): Promise<AgreementText> {
  const a = await tx.caseAgreement.findUniqueOrThrow({
    where: { id },
    select: {
      kind: true,
      version: true,
      agreedOn: true,
      whatWasAgreed: true,
      whatWasNotAgreed: true,
      case: { select: { reference: true } },
      supersedes: { select: { version: true } },
      actions: { orderBy: { position: "asc" } },
      signers: { orderBy: { position: "asc" }, select: { name: true, capacity: true } },
    },
  });
  const agreedOn = isoFromDbDate(a.agreedOn);
  return {
    kind: a.kind,
    caseReference: a.case.reference,
    version: a.version,
    correctsVersion: a.supersedes?.version ?? null,
    agreedOn,
    whatWasAgreed: a.whatWasAgreed,
    whatWasNotAgreed: a.whatWasNotAgreed,
    actions: a.actions.map((x) => {
      const dueOn = isoFromDbDate(x.dueOn);
      return {
        position: x.position,
        what: x.what,
        responsible: x.responsible,
        kind: x.kind as AgreedActionKind,
        dueOn,
        dueRule: actionDueDate(agreedOn, x.kind as AgreedActionKind, dueOn).rule,
        howChecked: x.howChecked,
        override: x.overrideDueOn && x.overrideAgreedBy && x.overrideAgreedOn ? { dueOn: isoFromDbDate(x.overrideDueOn), agreedBy: x.overrideAgreedBy, agreedOn: isoFromDbDate(x.overrideAgreedOn) } : null,
      };
    }),
    signers: a.signers,
  };
}

/**
 * After a change to the text: the new hash, back to DRAFT (signatures given for the old text no
 * longer count — they stay on record, bound to the old hash), the revision bumped.
 */
export async function afterTextChange(tx: Tx, id: string, expectedRevision: number): Promise<{ revision: number; contentSha256: string }> {
  const contentSha256 = agreementTextSha256(await readAgreementText(tx, id));
  const r = await tx.caseAgreement.updateMany({
    where: { id, revision: expectedRevision, status: { in: ["DRAFT", "AWAITING_SIGNATURES"] } },
    data: { contentSha256, status: "DRAFT", revision: { increment: 1 } },
  });
  if (r.count !== 1) throw new ConflictError(OUT_OF_DATE);
  return { revision: expectedRevision + 1, contentSha256 };
}

export type SignerState = "SIGNED" | "DECLINED" | "WAITING";

/** Each signer's latest answer for the text as it is now (answers to an older text do not count). */
export async function signerStates(tx: Pick<Tx, "agreementSigner">, agreementId: string, contentSha256: string) {
  const signers = await tx.agreementSigner.findMany({
    where: { agreementId },
    orderBy: { position: "asc" },
    select: {
      id: true,
      name: true,
      capacity: true,
      partyId: true,
      signatures: { where: { contentSha256 }, orderBy: [{ at: "desc" }, { id: "desc" }], take: 1, select: { outcome: true, method: true, at: true, reason: true } },
    },
  });
  return signers.map((s) => {
    const last = s.signatures[0] ?? null;
    const state: SignerState = last ? last.outcome : "WAITING";
    return { id: s.id, name: s.name, capacity: s.capacity, partyId: s.partyId, state, last };
  });
}
