/**
 * What an uploaded file really is (issue 12, decision 0021), from its CONTENT, never its name or
 * the type the browser claims. file-type (21.3.4) reads the magic bytes; since those alone are
 * easily faked (a file holding just `%PDF-1.7` passes, ../shared/stack.md), a file it calls a PDF,
 * PNG or JPEG must also have that format's structure: the PDF's cross-reference section and
 * trailer (lib/platform/documents/pdf-structure.ts), the image's size header (./image-structure.ts).
 */
import "server-only";
import { fileTypeFromBuffer } from "file-type";
import { inspectPdf } from "@/lib/platform/documents/pdf-structure";
import { inspectJpeg, inspectPng } from "./image-structure";

/** The kinds of file a family may upload, by the MIME type file-type gives them, with their extension. */
export const ACCEPTED_UPLOAD_TYPES = {
  "application/pdf": { ext: "pdf", label: "PDF" },
  "image/jpeg": { ext: "jpg", label: "JPEG" },
  "image/png": { ext: "png", label: "PNG" },
} as const;
export type AcceptedMime = keyof typeof ACCEPTED_UPLOAD_TYPES;

export type ContentCheck = { ok: true; mime: AcceptedMime; ext: string } | { ok: false; reason: string };

export async function checkFileContent(bytes: Uint8Array): Promise<ContentCheck> {
  const found = await fileTypeFromBuffer(bytes);
  if (!found || !(found.mime in ACCEPTED_UPLOAD_TYPES)) return { ok: false, reason: found ? `a ${found.mime} file` : "an unknown kind of file" };
  const mime = found.mime as AcceptedMime;
  const structure = mime === "application/pdf" ? inspectPdf(bytes) : mime === "image/png" ? inspectPng(bytes) : inspectJpeg(bytes);
  if (!structure.ok) return { ok: false, reason: `starts like ${ACCEPTED_UPLOAD_TYPES[mime].label} but is not one (${structure.reason})` };
  return { ok: true, mime, ext: ACCEPTED_UPLOAD_TYPES[mime].ext };
}
