/**
 * Issue 13: what the correspondence commands and queries share — the template's select, and the
 * lookup that 404s for a user who may not see it.
 */
import "server-only";
import { db, type Prisma, type Tx } from "@/lib/platform/db";
import { NotFoundError } from "@/lib/auth/types";

export const TEMPLATE_SELECT = {
  id: true,
  key: true,
  name: true,
  kind: true,
  subject: true,
  body: true,
  version: true,
  active: true,
  updatedAt: true,
  updatedById: true,
} satisfies Prisma.CorrespondenceTemplateSelect;

export type TemplateRow = Prisma.CorrespondenceTemplateGetPayload<{ select: typeof TEMPLATE_SELECT }>;

/** A template by its key (the address of its edit page and of the case page's choice), or NotFoundError. */
export async function findTemplateOrThrow(key: string, client: Pick<Tx, "correspondenceTemplate"> = db()): Promise<TemplateRow> {
  const row = await client.correspondenceTemplate.findUnique({ where: { key: String(key).slice(0, 100) }, select: TEMPLATE_SELECT });
  if (!row) throw new NotFoundError("template");
  return row;
}
