/**
 * Seals a document: the one way a Document row is written (issue 11 — an agreement or outcome
 * statement once every signature is in, a certificate when it is issued). Called by those
 * commands inside their own transaction, after they have authorized the user, so the document,
 * the change that produced it and the audit row commit together or not at all.
 *
 * 1. The content is normalised and serialised canonically; its SHA-256 is the content hash
 *    (canonical.ts). The content stored is exactly the text that was hashed.
 * 2. A fresh verification code gives the public address /verify/<code> (APP origin,
 *    lib/platform/public-origin.ts).
 * 3. The caller's `layout` turns the normalised content into what is printed; the PDF is
 *    rendered with the issue date as its creation date (the same content, code and date give the
 *    same bytes) and its SHA-256 kept for the verify page.
 * 4. A correction names the version it supersedes (same case, same kind, not superseded yet): it
 *    becomes the next version, and the old one stays as it was. Nothing here updates or
 *    deletes a document.
 */
import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/platform/db";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { ConflictError, DomainError } from "@/lib/platform/errors";
import { publicOrigin } from "@/lib/platform/public-origin";
import { canonicalJson, normaliseContent, sha256Hex, type CanonicalValue } from "./canonical";
import { DOCUMENT_KINDS, DOCUMENT_VISIBILITIES, documentFileName } from "./kinds";
import { renderDocumentPdf, type DocumentSpec } from "./render-pdf";
import { newVerificationCode, verificationUrl } from "./verification-code";

export const storeDocumentSchema = z.object({
  caseId: z.string().trim().min(1).max(200).nullable(),
  kind: z.enum(DOCUMENT_KINDS),
  title: z.string().trim().min(1).max(200),
  visibility: z.enum(DOCUMENT_VISIBILITIES),
  supersedesId: z.string().trim().min(1).max(200).nullable().default(null),
});

/** What a document's own details are when its layout is built. */
export type DocumentFacts = { version: number; issuedAt: Date; verification: DocumentSpec["verification"] };

export type StoreDocumentInput<C extends CanonicalValue> = z.input<typeof storeDocumentSchema> & {
  content: C;
  /** What is printed, from the normalised content (strings NFC and tidy) and the document's facts. */
  layout: (content: C, facts: DocumentFacts) => Omit<DocumentSpec, "issuedAt" | "verification">;
};

export type StoredDocument = {
  id: string;
  version: number;
  verificationCode: string;
  verificationUrl: string;
  contentSha256: string;
  pdfSha256: string;
  fileName: string;
  /** The PDF, for the caller's emails (R-40: everyone receives a copy). */
  pdf: Uint8Array;
};

const ALREADY_SUPERSEDED = "This document has already been replaced by a newer version. Check the latest version, then try again.";

export async function storeDocument<C extends CanonicalValue>(
  tx: Tx,
  actor: Pick<SessionUser, "id"> | null,
  input: StoreDocumentInput<C>,
  opts: { now?: Date; origin?: string; ip?: string | null } = {},
): Promise<StoredDocument> {
  const fields = storeDocumentSchema.parse(input);
  const issuedAt = opts.now ?? new Date();
  const content = normaliseContent(input.content);
  const canonical = canonicalJson(content);
  const contentSha256 = sha256Hex(canonical);

  let version = 1;
  if (fields.supersedesId) {
    const old = await tx.document.findUnique({ where: { id: fields.supersedesId }, select: { caseId: true, kind: true, version: true, supersededBy: { select: { id: true } } } });
    if (!old || old.caseId !== fields.caseId || old.kind !== fields.kind) throw new DomainError("The document to replace is not a document of this kind on this case.", "DOCUMENT_MISMATCH");
    if (old.supersededBy) throw new ConflictError(ALREADY_SUPERSEDED);
    version = old.version + 1;
  }
  const reference = fields.caseId ? (await tx.case.findUnique({ where: { id: fields.caseId }, select: { reference: true } }))?.reference : null;
  if (fields.caseId && !reference) throw new DomainError("The case of this document was not found.", "CASE_NOT_FOUND");

  const code = newVerificationCode();
  const url = verificationUrl(opts.origin ?? publicOrigin(), code);
  const verification = { code, url, contentSha256 };
  const spec: DocumentSpec = { ...input.layout(content, { version, issuedAt, verification }), issuedAt, verification };
  const pdf = await renderDocumentPdf(spec);
  const pdfSha256 = sha256Hex(pdf);
  const fileName = documentFileName(fields.kind, version, reference ?? null, code);

  let id: string;
  try {
    ({ id } = await tx.document.create({
      data: {
        caseId: fields.caseId,
        kind: fields.kind,
        title: fields.title,
        version,
        supersedesId: fields.supersedesId,
        visibility: fields.visibility,
        content: canonical,
        contentSha256,
        pdf: new Uint8Array(pdf),
        pdfSha256,
        pdfSize: pdf.length,
        fileName,
        verificationCode: code,
        createdAt: issuedAt,
        createdById: actor?.id ?? null,
      },
      select: { id: true },
    }));
  } catch (e) {
    // Two corrections of the same version at once: the unique supersedesId lets only one in.
    if ((e as { code?: string }).code === "P2002" && fields.supersedesId) throw new ConflictError(ALREADY_SUPERSEDED);
    throw e;
  }
  await writeAudit(tx, {
    actor,
    action: "document.stored",
    entityType: "Document",
    entityId: id,
    caseId: fields.caseId,
    after: { kind: fields.kind, version, visibility: fields.visibility, supersedesId: fields.supersedesId, contentSha256, pdfSha256 },
    ip: opts.ip ?? null,
  });
  return { id, version, verificationCode: code, verificationUrl: url, contentSha256, pdfSha256, fileName, pdf };
}
