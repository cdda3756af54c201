/** An admin uses a deactivated local authority or ICB again (issue 13): offered again for new cases. Audited. */
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

export async function reactivateReferenceBody(user: SessionUser, kind: BodyKind, id: string, expectedVersion: number | string, ip: string | null = null): Promise<{ id: string }> {
  authorize(user, "reference-data:manage");
  const version = parseInput(versionSchema, expectedVersion);
  return transaction(async (tx) => {
    const b = await findBodyOrThrow(user, kind, id, tx);
    if (b.active) throw new DomainError(`This ${BODY_WORDS[kind].one} is already in use.`, "ALREADY_ACTIVE");
    const r = await bodyTable(kind, tx).updateMany({ where: { id: b.id, version }, data: { active: true, version: { increment: 1 } } });
    if (r.count !== 1) throw new ConflictError(changedMessage(kind), { currentVersion: b.version });
    await writeAudit(tx, { actor: user, action: BODY_AUDIT[kind].reactivated, entityType: BODY_AUDIT[kind].entityType, entityId: b.id, before: { active: false, version }, after: { active: true, version: version + 1 }, ip });
    return { id: b.id };
  });
}
