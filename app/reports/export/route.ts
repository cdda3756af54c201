/**
 * A report table (`table=`) or a figure's case list (`figure=`) as CSV (issue 13), with the
 * report's filters (`la`, `from`, `to`). Signed in with "report:read", within the user's LAs: an
 * LA, a table or a figure outside them is a 404, the same as one that does not exist. Saved as a
 * file, never cached.
 */
import { NotFoundError } from "@/lib/auth/types";
import { exportReportCsv } from "@/lib/reports/export-report-csv";
import { getSessionUser } from "../../_server/auth";

export const dynamic = "force-dynamic";

function notFoundResponse(): Response {
  return new Response("Page not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

export async function GET(request: Request) {
  const url = new URL(request.url);
  const user = await getSessionUser();
  if (!user) {
    // A relative Location, never built from the request's Host header.
    return new Response(null, { status: 303, headers: { Location: `/sign-in?next=${encodeURIComponent(`/reports/export${url.search}`)}`, "Cache-Control": "no-store" } });
  }
  const raw: Record<string, string | string[] | undefined> = {};
  for (const key of new Set(url.searchParams.keys())) raw[key] = url.searchParams.getAll(key);
  try {
    const csv = await exportReportCsv(user, raw);
    return new Response(csv.body, {
      status: 200,
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${csv.fileName.replace(/[^\x20-\x7e]|["\\]/g, "_")}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    if (e instanceof NotFoundError) return notFoundResponse();
    throw e;
  }
}
