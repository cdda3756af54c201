/**
 * Legal holds (issue 13, decision 0028): while a case is on hold the retention purge leaves it
 * alone and an erasure request touching it is refused. An admin places one (a claim, a complaint,
 * a request from the Tribunal or the police) with the reason, and releases it with a reason. A
 * recorded appeal (Case.appealLodgedOn) holds the case by itself until an admin releases it — the
 * Tribunal may still need the records. Each change is audited; the reason's text is not copied
 * into the audit trail (PERSONAL_KEYS: `reason`).
 */
import "server-only";
import { z } from "zod";
import { db, transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { dataProtectionScope } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { DomainError } from "@/lib/platform/errors";
import { parseInput, fieldError } from "@/lib/platform/validation";
import { isoFromDbDate } from "@/lib/deadlines";
import { caseIdSchema } from "@/lib/cases/store";

export const HOLD_REASON_MAX = 500;

const reason = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(HOLD_REASON_MAX, `The reason must be ${HOLD_REASON_MAX} characters or fewer`);

export const placeLegalHoldSchema = z.object({
  reference: z.string({ error: "Enter the case reference" }).trim().min(1, "Enter the case reference").max(40, "Enter a case reference, like SM-2026-00042"),
  reason: reason("Enter why the case must be kept"),
});

export const releaseLegalHoldSchema = z.object({ caseId: caseIdSchema, reason: reason("Enter why the hold can end") });

export type LegalHold = {
  caseId: string;
  reference: string;
  status: string;
  /** Placed by an admin: when and why. */
  placedAt: Date | null;
  reason: string | null;
  /** A recorded appeal not yet released. */
  appealLodgedOn: string | null;
};

export async function placeLegalHold(user: SessionUser, input: unknown, ip: string | null = null): Promise<{ caseId: string; reference: string }> {
  authorize(user, "data-protection:manage");
  const v = parseInput(placeLegalHoldSchema, input);
  return transaction(async (tx) => {
    const c = await tx.case.findFirst({
      where: { AND: [dataProtectionScope(user), { reference: { equals: v.reference, mode: "insensitive" } }] },
      select: { id: true, reference: true, purgedAt: true, legalHoldAt: true },
    });
    if (!c) fieldError("reference", "No case has this reference: check it and try again", "NOT_FOUND");
    if (c.purgedAt) fieldError("reference", `Case ${c.reference} has already been anonymised: there is nothing left to hold`, "PURGED");
    if (c.legalHoldAt) fieldError("reference", `Case ${c.reference} is already on legal hold`, "ALREADY_HELD");
    const now = new Date();
    await tx.case.update({ where: { id: c.id }, data: { legalHoldAt: now, legalHoldReason: v.reason, legalHoldById: user.id } });
    await writeAudit(tx, { actor: user, action: "case.legal_hold_placed", entityType: "Case", entityId: c.id, caseId: c.id, after: { legalHoldAt: now.toISOString(), reason: v.reason }, ip });
    return { caseId: c.id, reference: c.reference };
  });
}

/** Ends the hold: the admin's, and a recorded appeal's (the appeal has ended). */
export async function releaseLegalHold(user: SessionUser, input: unknown, ip: string | null = null): Promise<{ reference: string }> {
  authorize(user, "data-protection:manage");
  const v = parseInput(releaseLegalHoldSchema, input);
  return transaction(async (tx) => {
    const c = await tx.case.findFirst({
      where: { AND: [dataProtectionScope(user), { id: v.caseId }] },
      select: { id: true, reference: true, legalHoldAt: true, appealLodgedOn: true, appealHoldReleasedAt: true },
    });
    if (!c) throw new NotFoundError("case");
    const appealHold = c.appealLodgedOn !== null && c.appealHoldReleasedAt === null;
    if (!c.legalHoldAt && !appealHold) throw new DomainError(`Case ${c.reference} is not on hold.`, "NOT_HELD");
    const now = new Date();
    await tx.case.update({
      where: { id: c.id },
      data: { legalHoldAt: null, legalHoldReason: null, legalHoldById: null, ...(appealHold ? { appealHoldReleasedAt: now } : {}) },
    });
    await writeAudit(tx, {
      actor: user,
      action: "case.legal_hold_released",
      entityType: "Case",
      entityId: c.id,
      caseId: c.id,
      before: { legalHold: c.legalHoldAt !== null, appealHold },
      after: { legalHold: false, appealHold: false, reason: v.reason },
      ip,
    });
    return { reference: c.reference };
  });
}

/** Cases on hold (not yet purged), the latest first: an admin's hold or a recorded appeal. */
export async function listLegalHolds(user: SessionUser): Promise<LegalHold[]> {
  authorize(user, "data-protection:manage");
  const rows = await db().case.findMany({
    where: { AND: [dataProtectionScope(user), { purgedAt: null }, { OR: [{ legalHoldAt: { not: null } }, { appealLodgedOn: { not: null }, appealHoldReleasedAt: null }] }] },
    orderBy: [{ legalHoldAt: { sort: "desc", nulls: "last" } }, { reference: "asc" }],
    select: { id: true, reference: true, status: true, legalHoldAt: true, legalHoldReason: true, appealLodgedOn: true },
    take: 500,
  });
  return rows.map((r) => ({ caseId: r.id, reference: r.reference, status: r.status, placedAt: r.legalHoldAt, reason: r.legalHoldReason, appealLodgedOn: r.appealLodgedOn ? isoFromDbDate(r.appealLodgedOn) : null }));
}
