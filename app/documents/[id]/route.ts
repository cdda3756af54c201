/**
 * Download a sealed document's PDF (issue 11): signed in, and only inside the user's scope —
 * a document of another case, another LA, or a STAFF document for the family or an LA officer
 * (R-80) is 404, the same as one that does not exist (lib/platform/documents/get-document-file.ts).
 * Saved as a file (attachment), never cached (private, no-store): the PDF names the family.
 */
import { NotFoundError } from "@/lib/auth/types";
import { getDocumentFile } from "@/lib/platform/documents/get-document-file";
import { getSessionUser } from "../../_server/auth";

export const dynamic = "force-dynamic";

/** RFC 6266: an ASCII name, and the same in RFC 8187 form (the names are ASCII already). */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function notFoundResponse(): Response {
  return new Response("Page not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getSessionUser();
  if (!user) {
    // A relative Location, never built from the request's Host header.
    return new Response(null, { status: 303, headers: { Location: `/sign-in?next=${encodeURIComponent(`/documents/${id}`)}`, "Cache-Control": "no-store" } });
  }
  try {
    const file = await getDocumentFile(user, id);
    return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
      status: 200,
      headers: {
        "Content-Type": "application/pdf",
        "Content-Length": String(file.bytes.length),
        "Content-Disposition": contentDisposition(file.fileName),
        "Cache-Control": "private, no-store",
        // RFC 9530: lets a client check the bytes it received.
        "Repr-Digest": `sha-256=:${Buffer.from(file.sha256, "hex").toString("base64")}:`,
      },
    });
  } catch (e) {
    if (e instanceof NotFoundError) return notFoundResponse();
    throw e;
  }
}
