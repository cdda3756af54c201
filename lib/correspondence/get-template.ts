/**
 * Issue 13: one template for its edit page (/admin/templates/[key]) — what it says now, and every
 * version saved before, newest first (none is ever deleted).
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import type { CorrespondenceKind } from "@/lib/platform/db/generated/enums";
import { findTemplateOrThrow, type TemplateRow } from "./store";
import { userNames } from "./list-templates";

export type TemplateVersionView = { version: number; name: string; kind: CorrespondenceKind; subject: string; body: string; active: boolean; savedAt: Date; savedByName: string | null };

export type TemplateForEdit = TemplateRow & { versions: TemplateVersionView[] };

export async function getTemplateForEdit(user: SessionUser, key: string): Promise<TemplateForEdit> {
  authorize(user, "correspondence:manage-templates");
  const t = await findTemplateOrThrow(key);
  const versions = await db().correspondenceTemplateVersion.findMany({
    where: { templateId: t.id },
    orderBy: { version: "desc" },
    select: { version: true, name: true, kind: true, subject: true, body: true, active: true, savedAt: true, savedById: true },
  });
  const names = await userNames(versions.map((v) => v.savedById));
  return { ...t, versions: versions.map(({ savedById, ...v }) => ({ ...v, savedByName: savedById ? (names.get(savedById) ?? null) : null })) };
}
