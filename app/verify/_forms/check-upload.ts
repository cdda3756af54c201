/**
 * The verify page's upload, posted to its own page without JavaScript (decision 0038): no sign-in
 * (the actor is whoever holds the code). Not the usual public chain, which refuses any file: the
 * one field is the file, handed to lib/platform/documents as it came (with the code, a hidden
 * field); the command does the rate limit, the checks and the hash. Nothing is written but the
 * rate-limit counter; the file is not kept. A code no document has: NotFoundError (the 404 page).
 */
import "server-only";
import type { ActionState, Caller } from "@/app/_server/action-chain";
import { checkUploadedDocument } from "@/lib/platform/documents/check-uploaded-document";
import { DomainError } from "@/lib/platform/errors";

/** What the page shows after a check: `data` is { matches, sha256, fileName }. */
export type UploadResult = { matches: boolean; sha256: string; fileName: string };

export async function checkUploadForm(caller: Caller, fd: FormData): Promise<ActionState> {
  const code = fd.get("code");
  const file = fd.get("file");
  try {
    const r = await checkUploadedDocument(code, file instanceof File ? file : null, caller.ip);
    const result: UploadResult = { matches: r.matches, sha256: r.sha256, fileName: file instanceof File ? file.name.slice(0, 200) : "" };
    return { status: "success", data: result };
  } catch (e) {
    if (e instanceof DomainError) return { status: "error", message: e.fieldErrors ? undefined : e.message, fieldErrors: e.fieldErrors };
    throw e;
  }
}
