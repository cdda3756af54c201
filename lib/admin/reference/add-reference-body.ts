/**
 * An admin adds a local authority or an ICB (issue 13, decision 0029): its code (unique, with a
 * message naming the body that has it), name and notices address. Audited in the same
 * transaction; a refused one writes nothing.
 */
import "server-only";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { parseInput, VALIDATION_MESSAGE } from "@/lib/platform/validation";
import { BODY_FIELD_ORDER, bodySchema, type BodyInput, type BodyKind } from "./body-schema";
import { assertCodeFree, BODY_AUDIT, bodyAuditValues, bodyTable, codeRaceError } from "./body-store";

export async function addReferenceBody(user: SessionUser, kind: BodyKind, input: BodyInput, ip: string | null = null): Promise<{ id: string }> {
  authorize(user, "reference-data:manage");
  const v = parseInput(bodySchema, input, { order: BODY_FIELD_ORDER, summary: VALIDATION_MESSAGE });
  try {
    return await transaction(async (tx) => {
      await assertCodeFree(tx, kind, v.code, null);
      const created = await bodyTable(kind, tx).create({ data: v, select: { id: true } });
      await writeAudit(tx, { actor: user, action: BODY_AUDIT[kind].added, entityType: BODY_AUDIT[kind].entityType, entityId: created.id, after: bodyAuditValues({ ...v, active: true, version: 1 }), ip });
      return created;
    });
  } catch (e) {
    // Two admins saving the same code at once: the second is told, as if the check had caught it.
    codeRaceError(e, kind, v.code);
  }
}
