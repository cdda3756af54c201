/**
 * An admin records a mediator's conflict of interest (R-13, issue 13): with a local authority, or
 * with a person or organisation by name or email, and why. From then on allocation refuses that
 * mediator for a case of that LA or with that party (lib/cases/allocation/conflicts.ts). Audited;
 * the name, email and reason are redacted in the audit row (lib/platform/audit.ts).
 */
import "server-only";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { fieldError, parseInput, VALIDATION_MESSAGE } from "@/lib/platform/validation";
import { CONFLICT_FIELD_ORDER, conflictSchema, type ConflictInput } from "./mediator-panel-schema";
import { findPanelMediatorOrThrow } from "./mediator-panel-store";

export async function addMediatorConflict(user: SessionUser, mediatorId: string, input: ConflictInput, ip: string | null = null): Promise<{ id: string }> {
  authorize(user, "reference-data:manage");
  const v = parseInput(conflictSchema, input, { order: CONFLICT_FIELD_ORDER, summary: VALIDATION_MESSAGE });
  return transaction(async (tx) => {
    const m = await findPanelMediatorOrThrow(user, mediatorId, { id: true }, tx);
    if (v.localAuthorityId && !(await tx.localAuthority.findUnique({ where: { id: v.localAuthorityId }, select: { id: true } }))) {
      fieldError("localAuthorityId", "Choose a local authority from the list");
    }
    const created = await tx.mediatorConflict.create({ data: { mediatorId: m.id, ...v }, select: { id: true } });
    await writeAudit(tx, {
      actor: user,
      action: "mediator.conflict_added",
      entityType: "MediatorConflict",
      entityId: created.id,
      after: { mediatorId: m.id, localAuthorityId: v.localAuthorityId, name: v.partyName, email: v.partyEmail, reason: v.reason },
      ip,
    });
    return created;
  });
}
