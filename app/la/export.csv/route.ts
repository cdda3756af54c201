/**
 * The LA officer's dashboard as a CSV file (issue 12): the filters of the page (the same query
 * string), every page of them (lib/la/export-la-deadlines.ts). Signed out: the sign-in page, back
 * here after. Anyone but an LA officer: 404, the same as a page that does not exist. Saved as a
 * file, never cached: it names children.
 */
import { NotFoundError } from "@/lib/auth/types";
import { can } from "@/lib/auth/policy";
import { exportLaDeadlines } from "@/lib/la/export-la-deadlines";
import { clientIp, getSessionUser } from "../../_server/auth";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Page not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function GET(request: Request) {
  const url = new URL(request.url);
  const user = await getSessionUser();
  if (!user) {
    // A relative Location, never built from the request's Host header.
    const back = `/la/export.csv${url.search}`;
    return new Response(null, { status: 303, headers: { Location: `/sign-in?next=${encodeURIComponent(back)}`, "Cache-Control": "no-store" } });
  }
  if (!can(user, "la:workspace")) return notFound();
  try {
    const csv = await exportLaDeadlines(user, Object.fromEntries(url.searchParams.entries()), await clientIp());
    return new Response(csv.body, {
      status: 200,
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${csv.fileName}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    if (e instanceof NotFoundError) return notFound();
    throw e;
  }
}
