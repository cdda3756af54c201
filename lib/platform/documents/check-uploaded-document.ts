/**
 * The verify page's upload (/verify/<code>, no sign-in): does this file have exactly the bytes of
 * the PDF issued with this code? Its SHA-256 is compared with the stored one; the file itself is
 * neither stored nor logged. In order:
 *  1. the code must name a document (else NotFoundError: the same 404 as the page);
 *  2. the per-address rate limit (lib/platform/security): every upload counts, well-formed or
 *     not, since reading and parsing a file is the costly part;
 *  3. a file was chosen, is at most MAX_UPLOAD_BYTES, and is a PDF by its structure
 *     (pdf-structure.ts), else a message for the file field;
 *  4. the comparison. A superseded version still "matches" — the page says it has been replaced.
 */
import "server-only";
import { timingSafeEqual } from "node:crypto";
import { NotFoundError } from "@/lib/auth/types";
import { enforceRateLimit, type RateLimit } from "@/lib/platform/security/public-form";
import { fieldError } from "@/lib/platform/validation";
import { sha256Hex } from "./canonical";
import { findDocumentByCode, type PublicDocumentFacts } from "./lookup-document-by-code";
import { inspectPdf } from "./pdf-structure";

/** The largest file accepted: 10 MB (our PDFs are well under 1 MB). proxy.ts allows the request a little more. */
export const MAX_UPLOAD_BYTES = 10 * 1000 * 1000;

export const VERIFY_UPLOAD_LIMIT: RateLimit = {
  bucket: "verify-upload",
  limit: 30,
  windowMs: 10 * 60 * 1000,
  message: "You have checked a lot of files in a short time. Wait 10 minutes, then try again.",
};

export const UPLOAD_MESSAGES = {
  missing: "Select the PDF file you want to check",
  empty: "The selected file is empty",
  tooLarge: "The selected file must be smaller than 10 MB",
  notPdf: "The selected file must be a PDF",
} as const;

/** The part of a web File this needs. */
export type UploadedFile = { name?: string; size: number; arrayBuffer(): Promise<ArrayBuffer> };

export type UploadCheck = {
  document: PublicDocumentFacts;
  matches: boolean;
  /** The SHA-256 of the uploaded file, shown so the person can keep a record of what they checked. */
  sha256: string;
};

export async function checkUploadedDocument(code: unknown, file: UploadedFile | null, ip: string | null, now: Date = new Date()): Promise<UploadCheck> {
  const found = await findDocumentByCode(code);
  if (!found) throw new NotFoundError("document");
  await enforceRateLimit(VERIFY_UPLOAD_LIMIT, ip, now);
  // A form posted with no file chosen still sends an empty part with no name.
  if (!file || (file.size === 0 && !file.name)) fieldError("file", UPLOAD_MESSAGES.missing, "VALIDATION");
  if (file.size === 0) fieldError("file", UPLOAD_MESSAGES.empty, "VALIDATION");
  if (file.size > MAX_UPLOAD_BYTES) fieldError("file", UPLOAD_MESSAGES.tooLarge, "VALIDATION");
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length > MAX_UPLOAD_BYTES) fieldError("file", UPLOAD_MESSAGES.tooLarge, "VALIDATION");
  if (!inspectPdf(bytes).ok) fieldError("file", UPLOAD_MESSAGES.notPdf, "VALIDATION");
  const sha256 = sha256Hex(bytes);
  const [mine, stored] = [Buffer.from(sha256, "hex"), Buffer.from(found.pdfSha256, "hex")];
  const matches = mine.length === stored.length && timingSafeEqual(mine, stored);
  return { document: found.facts, matches, sha256 };
}
