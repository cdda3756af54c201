/**
 * Issue 12: the family sends their views, their child's views (and how they found them
 * out), and a document — one post of /my-case/<id>/views, JavaScript or not. In order:
 *  1. the family user, on a case in their scope (caseScope: another case is a 404);
 *  2. the answers: at least one thing to send; each box within its limit;
 *  3. the file, if one was chosen: not empty, at most MAX_FAMILY_UPLOAD_BYTES, and a PDF, JPEG or
 *     PNG by its content (lib/platform/files/check-file-content.ts);
 *  4. the scanning hook (UPLOAD_SCAN_COMMAND): an infected file, or one that could not be checked,
 *     is refused (fail closed);
 *  5. the file into the store (outside the web root), then the rows and their audit in one
 *     transaction; if that fails the stored file is deleted again.
 * Any refusal writes nothing: no row, no file. R-80: seen by the allocated mediator, and by the
 * case team only if `share` (familySubmissionScope).
 */
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { DomainError } from "@/lib/platform/errors";
import { fieldErrorsFromZod, sortFieldErrors, VALIDATION_MESSAGE } from "@/lib/platform/validation";
import { checkFileContent } from "@/lib/platform/files/check-file-content";
import { scanUpload } from "@/lib/platform/files/scan";
import { fileStore } from "@/lib/platform/files/store";
import { caseIdSchema, findCaseOrThrow } from "@/lib/cases/store";
import { cleanFileName } from "./file-name";
import { CHILD_VIEWS_HOW_MAX_CHARS, MAX_FAMILY_UPLOAD_BYTES, VIEWS_FIELD_ORDER, VIEWS_MAX_CHARS, VIEWS_MESSAGES } from "./rules";

const text = (max: number, message: string) =>
  z
    .string()
    .optional()
    .transform((s) => (s ?? "").replace(/\r\n/g, "\n").trim())
    .pipe(z.string().max(max, message))
    .transform((s) => s || null);

export const sendFamilyViewsSchema = z.object({
  caseId: caseIdSchema,
  views: text(VIEWS_MAX_CHARS, VIEWS_MESSAGES.viewsTooLong),
  childViews: text(VIEWS_MAX_CHARS, VIEWS_MESSAGES.childViewsTooLong),
  childViewsHow: text(CHILD_VIEWS_HOW_MAX_CHARS, VIEWS_MESSAGES.howTooLong),
  /** The checkbox: "yes" when ticked. */
  share: z.union([z.boolean(), z.string()]).optional().transform((v) => v === true || v === "yes"),
});

/** The part of a web File this needs. */
export type UploadedFile = { name?: string; size: number; arrayBuffer(): Promise<ArrayBuffer> };

export type SentFamilyViews = { caseId: string; submissionId: string | null; uploadId: string | null };

/**
 * A form posted with no file chosen still sends an empty part (`filename=""`): it arrives with no
 * name without JavaScript, and named "undefined" when React's action decoding (busboy) rebuilt it.
 */
const NO_FILE_NAMES: ReadonlySet<string> = new Set(["", "undefined", "blob"]);
const chosen = (file: UploadedFile | null | undefined): file is UploadedFile => !!file && !(file.size === 0 && NO_FILE_NAMES.has(file.name ?? ""));

export async function sendFamilyViews(user: SessionUser, input: z.input<typeof sendFamilyViewsSchema>, file: UploadedFile | null, ip: string | null = null): Promise<SentFamilyViews> {
  authorize(user, "family-views:send");
  const parsed = sendFamilyViewsSchema.safeParse(input);
  const errors: Record<string, string> = parsed.success ? {} : fieldErrorsFromZod(parsed.error);
  // The case first: another family's case is a 404 whatever was sent.
  const caseId = caseIdSchema.safeParse(input.caseId);
  if (!caseId.success) throw new DomainError(VALIDATION_MESSAGE, "VALIDATION", { caseId: caseId.error.issues[0]!.message });
  const c = await findCaseOrThrow(user, caseId.data, { id: true, parties: { where: { userId: user.id }, select: { id: true }, orderBy: { createdAt: "asc" }, take: 1 } });

  const v = parsed.success ? parsed.data : null;
  if (v && !v.views && !v.childViews && !chosen(file)) errors.views = VIEWS_MESSAGES.nothing;

  let upload: { bytes: Uint8Array; mime: string; ext: string } | null = null;
  if (chosen(file)) {
    if (file.size === 0) errors.file = VIEWS_MESSAGES.empty;
    else if (file.size > MAX_FAMILY_UPLOAD_BYTES) errors.file = VIEWS_MESSAGES.tooLarge;
    else {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const content = bytes.length > MAX_FAMILY_UPLOAD_BYTES ? null : await checkFileContent(bytes);
      if (!content) errors.file = VIEWS_MESSAGES.tooLarge;
      else if (!content.ok) errors.file = VIEWS_MESSAGES.wrongType;
      else upload = { bytes, mime: content.mime, ext: content.ext };
    }
  }
  if (Object.keys(errors).length > 0 || !v) throw new DomainError(VALIDATION_MESSAGE, "VALIDATION", sortFieldErrors(errors, VIEWS_FIELD_ORDER));

  // The scanning hook, only once everything else is right (it is the slow part).
  let scanStatus: "NOT_SCANNED" | "CLEAN" = "NOT_SCANNED";
  if (upload) {
    const scan = await scanUpload(upload.bytes);
    if (scan.status === "INFECTED") throw new DomainError(VALIDATION_MESSAGE, "UPLOAD_INFECTED", { file: VIEWS_MESSAGES.infected });
    if (scan.status === "ERROR") {
      console.error(`[family-views] upload scan failed (${scan.reason}); the upload was refused`);
      throw new DomainError(VALIDATION_MESSAGE, "UPLOAD_SCAN_FAILED", { file: VIEWS_MESSAGES.scanFailed });
    }
    scanStatus = scan.status;
  }

  const store = fileStore();
  const storageKey = upload ? await store.put(upload.bytes) : null;
  const partyId = c.parties[0]?.id ?? null;
  const sharedAt = v.share ? new Date() : null;
  try {
    return await transaction(async (tx) => {
      let submissionId: string | null = null;
      if (v.views || v.childViews) {
        const s = await tx.familySubmission.create({
          data: { caseId: c.id, userId: user.id, partyId, views: v.views, childViews: v.childViews, childViewsHow: v.childViewsHow, sharedAt },
          select: { id: true },
        });
        submissionId = s.id;
        await writeAudit(tx, {
          actor: user,
          action: "family_views.sent",
          entityType: "FamilySubmission",
          entityId: s.id,
          caseId: c.id,
          after: { views: !!v.views, childViews: !!v.childViews, childViewsHow: !!v.childViewsHow, shared: v.share },
          ip,
        });
      }
      let uploadId: string | null = null;
      if (upload && storageKey) {
        const sha256 = createHash("sha256").update(upload.bytes).digest("hex");
        const u = await tx.familyUpload.create({
          data: { caseId: c.id, userId: user.id, partyId, fileName: cleanFileName(file?.name, upload.ext), mime: upload.mime, size: upload.bytes.length, sha256, storageKey, scanStatus, sharedAt },
          select: { id: true },
        });
        uploadId = u.id;
        await writeAudit(tx, {
          actor: user,
          action: "family_upload.stored",
          entityType: "FamilyUpload",
          entityId: u.id,
          caseId: c.id,
          after: { mime: upload.mime, size: upload.bytes.length, sha256, scanStatus, shared: v.share },
          ip,
        });
      }
      return { caseId: c.id, submissionId, uploadId };
    });
  } catch (e) {
    if (storageKey) await store.delete(storageKey).catch(() => {});
    throw e;
  }
}
