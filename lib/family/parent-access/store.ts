/**
 * R-01 (decision 0022): what giving and withdrawing the young person's consent to a parent seeing
 * their case share — the one write of `Case.parentAccessConsent*`, with its STAFF timeline entry and
 * audit row in the caller's transaction. Used by ./change-parent-access.ts (the young person
 * online) and ./record-parent-access.ts (a caseworker told by phone or letter).
 */
import "server-only";
import type { Tx } from "@/lib/platform/db";
import type { SessionUser } from "@/lib/auth/types";
import { linkFamilyAccount } from "@/lib/auth/family-accounts";
import { writeAudit } from "@/lib/platform/audit";
import { recordEvent } from "@/lib/cases/timeline";

/** How consent given by the young person on /my-case is recorded. */
export const ONLINE = "online";

/**
 * Records the answer; the case's row is changed only when the answer changes it (an update with
 * the current state in its condition), so two posts at once, or the same post twice, write one
 * change and one audit row. Returns whether anything changed. Giving consent links the parents'
 * family accounts (they may have been recorded before parents could have one): a parent sees the
 * case from their next request; a withdrawal hides it from their next request (caseScope).
 */
export async function writeParentAccess(tx: Tx, actor: SessionUser, caseId: string, give: boolean, how: string, ip: string | null, now = new Date()): Promise<boolean> {
  const before = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { parentAccessConsentAt: true, parentAccessConsentById: true, parentAccessConsentHow: true } });
  const { count } = give
    ? await tx.case.updateMany({ where: { id: caseId, parentAccessConsentAt: null }, data: { parentAccessConsentAt: now, parentAccessConsentById: actor.id, parentAccessConsentHow: how } })
    : await tx.case.updateMany({ where: { id: caseId, parentAccessConsentAt: { not: null } }, data: { parentAccessConsentAt: null, parentAccessConsentById: null, parentAccessConsentHow: null } });
  if (count === 0) return false;

  if (give) {
    const parents = await tx.party.findMany({ where: { caseId, kind: "PARENT" }, select: { id: true }, orderBy: { createdAt: "asc" } });
    for (const p of parents) await linkFamilyAccount(tx, p.id, { actor, ip });
  }
  const byYoungPerson = actor.role === "PARENT";
  await recordEvent(tx, {
    caseId,
    actorId: actor.id,
    type: give ? "PARENT_ACCESS_GIVEN" : "PARENT_ACCESS_WITHDRAWN",
    summary: `${give ? "The young person agreed that their parent or carer may see the case" : "The young person withdrew their agreement for their parent or carer to see the case"} (${byYoungPerson ? "online" : `told us ${how}`})`,
    rule: "R-01",
    visibility: "STAFF",
  });
  await writeAudit(tx, {
    actor,
    action: give ? "case.parent_access_given" : "case.parent_access_withdrawn",
    entityType: "Case",
    entityId: caseId,
    caseId,
    before: {
      parentAccessConsentAt: before.parentAccessConsentAt?.toISOString() ?? null,
      parentAccessConsentById: before.parentAccessConsentById,
      parentAccessConsentHow: before.parentAccessConsentHow,
    },
    // `told`: how this answer reached us ("online", or the caseworker's words), given or withdrawn.
    after: give
      ? { parentAccessConsentAt: now.toISOString(), parentAccessConsentById: actor.id, parentAccessConsentHow: how, told: how, byYoungPerson }
      : { parentAccessConsentAt: null, parentAccessConsentById: null, parentAccessConsentHow: null, told: how, byYoungPerson },
    ip,
  });
  return true;
}
