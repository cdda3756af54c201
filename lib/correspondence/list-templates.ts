/**
 * Issue 13: the correspondence templates for /admin/templates — name, how each may be sent, its
 * version, whether it is in use, and who saved it last.
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { TEMPLATE_SELECT, type TemplateRow } from "./store";

export type TemplateListItem = TemplateRow & { updatedByName: string | null };

export async function listTemplates(user: SessionUser): Promise<TemplateListItem[]> {
  authorize(user, "correspondence:manage-templates");
  const rows = await db().correspondenceTemplate.findMany({ orderBy: { name: "asc" }, select: TEMPLATE_SELECT });
  const names = await userNames(rows.map((r) => r.updatedById));
  return rows.map((r) => ({ ...r, updatedByName: r.updatedById ? (names.get(r.updatedById) ?? null) : null }));
}

/** The names of the staff who saved templates (the ids are kept without a foreign key). */
export async function userNames(ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (wanted.length === 0) return new Map();
  const users = await db().user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}
