/**
 * An admin stops using a local authority or an ICB (issue 13, decision 0029). Nothing a case
 * refers to is deleted: a deactivated LA is not offered for a new referral (lib/cases/intake) and
 * a deactivated ICB is not offered for a case that has none (lib/cases/about), but their cases
 * keep working and keep showing them. At the version the admin saw; audited.
 */
import "server-only";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { ConflictError, DomainError } from "@/lib/platform/errors";
import { parseInput } from "@/lib/platform/validation";
import { BODY_WORDS, type BodyKind } from "./body-schema";
import { BODY_AUDIT, bodyTable, findBodyOrThrow } from "./body-store";
import { changedMessage, versionSchema } from "./update-reference-body";

export async function deactivateReferenceBody(user: SessionUser, kind: BodyKind, id: string, expectedVersion: number | string, ip: string | null = null): Promise<{ id: string; cases: number }> {
  authorize(user, "reference-data:manage");
  const version = parseInput(versionSchema, expectedVersion);
  return transaction(async (tx) => {
    const b = await findBodyOrThrow(user, kind, id, tx);
    if (!b.active) throw new DomainError(`This ${BODY_WORDS[kind].one} is already deactivated.`, "ALREADY_INACTIVE");
    const r = await bodyTable(kind, tx).updateMany({ where: { id: b.id, version }, data: { active: false, version: { increment: 1 } } });
    if (r.count !== 1) throw new ConflictError(changedMessage(kind), { currentVersion: b.version });
    await writeAudit(tx, { actor: user, action: BODY_AUDIT[kind].deactivated, entityType: BODY_AUDIT[kind].entityType, entityId: b.id, before: { active: true, version }, after: { active: false, version: version + 1, cases: b.cases }, ip });
    return { id: b.id, cases: b.cases };
  });
}
