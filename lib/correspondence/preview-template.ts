/**
 * Issue 13: the admin's preview of a template as it is being edited (nothing is saved) — filled
 * with the details of a case they name by its reference, or with sample data. The case's recipient
 * is its family party, else its first party. The same composeCorrespondence as a send.
 */
import "server-only";
import { z } from "zod";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { caseScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import { fieldError, parseInput, VALIDATION_MESSAGE } from "@/lib/platform/validation";
import { templateSchema } from "./template-schema";
import { caseFieldValues } from "./case-fields";
import { composeCorrespondence, type Composed } from "./compose";
import { SAMPLE_VALUES } from "./placeholders";

const previewSchema = templateSchema.pick({ subject: true, body: true }).extend({
  caseReference: z.string().trim().max(50, "Enter a case reference, for example SM-2026-00042").default(""),
});

export type TemplatePreview = Composed & { source: { kind: "SAMPLE" } | { kind: "CASE"; reference: string; recipientName: string } };

export async function previewTemplate(user: SessionUser, input: { subject: string; body: string; caseReference?: string }): Promise<TemplatePreview> {
  authorize(user, "correspondence:manage-templates");
  const v = parseInput(previewSchema, input, { order: ["subject", "body", "caseReference"], summary: VALIDATION_MESSAGE });
  if (v.caseReference === "") return { ...composeCorrespondence(v, { ...SAMPLE_VALUES, "sender.name": user.name }), source: { kind: "SAMPLE" } };
  const c = await db().case.findFirst({
    where: { AND: [{ reference: { equals: v.caseReference, mode: "insensitive" } }, caseScope(user)] },
    select: { id: true, reference: true, familyParty: true, parties: { select: { name: true, kind: true }, orderBy: { createdAt: "asc" } } },
  });
  if (!c) fieldError("caseReference", `There is no case ${v.caseReference}. Check the reference, or leave it empty to preview with sample details`);
  const recipient = c.parties.find((p) => p.kind === c.familyParty) ?? c.parties[0];
  if (!recipient) fieldError("caseReference", `Case ${c.reference} has no parties yet. Choose another case, or leave it empty to preview with sample details`);
  const values = await caseFieldValues(db(), c.id, recipient, user);
  return { ...composeCorrespondence(v, values), source: { kind: "CASE", reference: c.reference, recipientName: recipient.name } };
}
