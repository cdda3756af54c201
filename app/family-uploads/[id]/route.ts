/**
 * Issue 12 (R-80): download a document the family uploaded — signed in, and only through
 * familySubmissionScope: the family their own, the allocated mediator, a caseworker only once the
 * family shared it, the LA officer never. Anything else is 404, the same as an id that does not
 * exist. Always saved as a file (attachment) with the type found from its content, never sniffed
 * (nosniff), never cached.
 */
import { NotFoundError } from "@/lib/auth/types";
import { getFamilyUploadFile } from "@/lib/family/views/get-family-upload-file";
import { getSessionUser } from "../../_server/auth";

export const dynamic = "force-dynamic";

/** RFC 6266: an ASCII name, and the same in RFC 8187 form. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getSessionUser();
  if (!user) return new Response(null, { status: 303, headers: { Location: `/sign-in?next=${encodeURIComponent(`/family-uploads/${id}`)}`, "Cache-Control": "no-store" } });
  try {
    const file = await getFamilyUploadFile(user, id);
    return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
      status: 200,
      headers: {
        "Content-Type": file.mime,
        "Content-Length": String(file.bytes.length),
        "Content-Disposition": contentDisposition(file.fileName),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        "Repr-Digest": `sha-256=:${Buffer.from(file.sha256, "hex").toString("base64")}:`,
      },
    });
  } catch (e) {
    if (e instanceof NotFoundError) return new Response("Page not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
    throw e;
  }
}
