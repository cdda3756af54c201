"use server";
/**
 * The verify page's upload: no sign-in (the actor is whoever holds the code). Not the usual public
 * chain (app/_server/action.ts), which refuses any file: the one field is the file, handed to
 * lib/platform/documents as it came (with the code, a hidden field); the command does the rate
 * limit, the checks and the hash.
 * Nothing is written but the rate-limit counter; the file is not kept.
 */
import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/auth/types";
import { checkUploadedDocument, type UploadCheck } from "@/lib/platform/documents/check-uploaded-document";
import { DomainError } from "@/lib/platform/errors";
import { clientIp } from "../../_server/auth";

export type VerifyState = {
  status: "idle" | "error" | "checked";
  message?: string;
  fieldErrors?: Record<string, string>;
  result?: Pick<UploadCheck, "matches" | "sha256"> & { fileName: string };
};

export async function checkUploadAction(_prev: VerifyState, formData: FormData): Promise<VerifyState> {
  const code = formData.get("code");
  const file = formData.get("file");
  try {
    const r = await checkUploadedDocument(code, file instanceof File ? file : null, await clientIp());
    const name = file instanceof File ? file.name.slice(0, 200) : "";
    return { status: "checked", result: { matches: r.matches, sha256: r.sha256, fileName: name } };
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    if (e instanceof DomainError) return { status: "error", message: e.fieldErrors ? undefined : e.message, fieldErrors: e.fieldErrors };
    console.error("[verify] unexpected error", e);
    return { status: "error", message: "Sorry, something went wrong and the file could not be checked. Try again." };
  }
}
