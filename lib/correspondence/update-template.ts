/**
 * Issue 13 (decision 0030): an admin saves a correspondence template. Refused, with a message
 * naming it, when the subject or text uses a placeholder not on the list (R-80: there is none for
 * staff-only text). The version check refuses a save over someone else's (ConflictError); the
 * saved version is kept in CorrespondenceTemplateVersion beside every earlier one, and audited,
 * in one transaction.
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { ConflictError } from "@/lib/platform/errors";
import { parseInput, VALIDATION_MESSAGE } from "@/lib/platform/validation";
import { TEMPLATE_FIELD_ORDER, templateSchema, type TemplateInput } from "./template-schema";
import { findTemplateOrThrow } from "./store";

export const TEMPLATE_SAVED_FIRST = "Someone else saved this template after you opened it, so your changes have not been saved. Their version is listed under “Versions” (reload the page to see it). Save again to replace it with yours.";

const versionSchema = z.coerce.number().int().positive();

export async function updateTemplate(user: SessionUser, key: string, input: TemplateInput & { version: number | string }, ip: string | null = null): Promise<{ key: string; version: number }> {
  authorize(user, "correspondence:manage-templates");
  const v = parseInput(templateSchema, input, { order: TEMPLATE_FIELD_ORDER, summary: VALIDATION_MESSAGE });
  const expected = versionSchema.safeParse(input.version);
  if (!expected.success) throw new ConflictError(TEMPLATE_SAVED_FIRST);
  return transaction(async (tx) => {
    const t = await findTemplateOrThrow(key, tx);
    const next = expected.data + 1;
    const now = new Date();
    const r = await tx.correspondenceTemplate.updateMany({ where: { id: t.id, version: expected.data }, data: { ...v, version: next, updatedById: user.id, updatedAt: now } });
    if (r.count === 0) throw new ConflictError(TEMPLATE_SAVED_FIRST, { currentVersion: t.version });
    await tx.correspondenceTemplateVersion.create({ data: { templateId: t.id, version: next, ...v, savedById: user.id, savedAt: now } });
    const changed = (["name", "kind", "subject", "body", "active"] as const).filter((k) => v[k] !== t[k]);
    await writeAudit(tx, {
      actor: user,
      action: "correspondence_template.updated",
      entityType: "CorrespondenceTemplate",
      entityId: t.id,
      before: { key: t.key, version: t.version, kind: t.kind, active: t.active },
      after: { key: t.key, version: next, kind: v.kind, active: v.active, changed },
      ip,
    });
    return { key: t.key, version: next };
  });
}
