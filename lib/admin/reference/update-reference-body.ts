/**
 * An admin changes a local authority's or an ICB's code, name or notices address (issue 13,
 * decision 0029), at the version they saw (someone else's change in between is refused, nothing
 * written). Its cases keep pointing at it and show the new name. Audited with before and after.
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { ConflictError } from "@/lib/platform/errors";
import { parseInput, VALIDATION_MESSAGE } from "@/lib/platform/validation";
import { BODY_FIELD_ORDER, bodySchema, BODY_WORDS, type BodyInput, type BodyKind } from "./body-schema";
import { assertCodeFree, BODY_AUDIT, bodyAuditValues, bodyTable, findBodyOrThrow, codeRaceError } from "./body-store";

export const versionSchema = z.coerce.number({ error: "The page is out of date. Reload it and try again." }).int().min(1);

export function changedMessage(kind: BodyKind): string {
  return `Someone else changed this ${BODY_WORDS[kind].one} while you were working on it. Check it as it is now, then try again.`;
}

export async function updateReferenceBody(user: SessionUser, kind: BodyKind, id: string, expectedVersion: number | string, input: BodyInput, ip: string | null = null): Promise<{ id: string; version: number }> {
  authorize(user, "reference-data:manage");
  const v = parseInput(bodySchema, input, { order: BODY_FIELD_ORDER, summary: VALIDATION_MESSAGE });
  const version = parseInput(versionSchema, expectedVersion);
  try {
    return await transaction(async (tx) => {
      const before = await findBodyOrThrow(user, kind, id, tx);
      if (before.version !== version) throw new ConflictError(changedMessage(kind), { currentVersion: before.version });
      await assertCodeFree(tx, kind, v.code, before.id);
      const r = await bodyTable(kind, tx).updateMany({ where: { id: before.id, version }, data: { ...v, version: { increment: 1 } } });
      if (r.count !== 1) throw new ConflictError(changedMessage(kind));
      await writeAudit(tx, {
        actor: user,
        action: BODY_AUDIT[kind].updated,
        entityType: BODY_AUDIT[kind].entityType,
        entityId: before.id,
        before: bodyAuditValues(before),
        after: bodyAuditValues({ ...v, version: version + 1 }),
        ip,
      });
      return { id: before.id, version: version + 1 };
    });
  } catch (e) {
    // Two admins saving the same code at once: the second is told, as if the check had caught it.
    codeRaceError(e, kind, v.code);
  }
}
