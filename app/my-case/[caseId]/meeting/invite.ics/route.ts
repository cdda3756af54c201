/**
 * Issue 12: "Add to your calendar" — the family's booked meeting as an .ics file, the same event
 * (UID, SEQUENCE, UTC times) as the emailed invitation (lib/family/meeting/get-meeting-invite.ts).
 * Signed in, and only the family user's own case: anything else is 404, the same as a case with no
 * booked meeting. Saved as a file (attachment), never cached: it names the family.
 */
import { NotFoundError } from "@/lib/auth/types";
import { can } from "@/lib/auth/policy";
import { getMeetingInvite } from "@/lib/family/meeting/get-meeting-invite";
import { getSessionUser } from "../../../../_server/auth";

export const dynamic = "force-dynamic";

function notFoundResponse(): Response {
  return new Response("Page not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

export async function GET(_request: Request, { params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const user = await getSessionUser();
  if (!user) {
    // A relative Location, never built from the request's Host header.
    return new Response(null, { status: 303, headers: { Location: `/sign-in?next=${encodeURIComponent(`/my-case/${caseId}/meeting`)}`, "Cache-Control": "no-store" } });
  }
  if (!can(user, "family:workspace")) return notFoundResponse();
  try {
    const file = await getMeetingInvite(user, caseId);
    const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
    return new Response(file.content, {
      status: 200,
      headers: {
        // A file to open in a calendar (METHOD:REQUEST, as the email's), not a page.
        "Content-Type": "text/calendar; charset=utf-8; method=REQUEST",
        "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    if (e instanceof NotFoundError) return notFoundResponse();
    throw e;
  }
}
