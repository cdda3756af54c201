/**
 * /admin/audit/export (issue 13): the filtered audit trail as a CSV file, streamed in batches
 * (lib/platform/audit/export-audit-csv.ts), the query string the page's filters use. Admins only
 * (`audit:read`; anyone else 404, signed out → sign-in). The export is itself audited.
 */
import { NotFoundError } from "@/lib/auth/types";
import { exportAuditCsv } from "@/lib/platform/audit/export-audit-csv";
import { getSessionUser } from "../../../_server/auth";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const url = new URL(request.url);
  const query: Record<string, string> = Object.fromEntries(url.searchParams);
  const search = url.searchParams.toString();
  const user = await getSessionUser();
  if (!user) {
    // A relative Location, never built from the request's Host header.
    const back = `/admin/audit/export${search ? `?${search}` : ""}`;
    return new Response(null, { status: 303, headers: { Location: `/sign-in?next=${encodeURIComponent(back)}`, "Cache-Control": "no-store" } });
  }
  try {
    const csv = await exportAuditCsv(user, query);
    // A mistake in the filters (a date that is not real): back to the page, which says what.
    if (!csv.ok) return new Response(null, { status: 303, headers: { Location: `/admin/audit${search ? `?${search}` : ""}`, "Cache-Control": "no-store" } });
    const encoder = new TextEncoder();
    const chunks = csv.chunks;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
    return new Response(body, {
      status: 200,
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${csv.fileName}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    if (e instanceof NotFoundError) return new Response("Page not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
    throw e;
  }
}
