/**
 * The subject access export as a file (issue 13, decision 0028): `?account=<user id>&party=<id>…
 * &format=json|pdf`, the records the admin ticked (ids, never an email or a name in the address).
 * Signed out: the sign-in page. Anyone but an admin, or an id not found: 404. Audited by the lib
 * command; saved as a file, never cached.
 */
import { NotFoundError } from "@/lib/auth/types";
import { can } from "@/lib/auth/policy";
import { exportSubjectAccess } from "@/lib/data-protection/export-subject-access";
import { clientIp, getSessionUser } from "../../../../_server/auth";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Page not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function GET(request: Request) {
  const url = new URL(request.url);
  const user = await getSessionUser();
  if (!user) {
    const back = `/admin/data-protection/subject-access`;
    return new Response(null, { status: 303, headers: { Location: `/sign-in?next=${encodeURIComponent(back)}`, "Cache-Control": "no-store" } });
  }
  if (!can(user, "data-protection:manage")) return notFound();
  const accounts = url.searchParams.getAll("account").filter(Boolean);
  if (accounts.length > 1) return notFound();
  try {
    const file = await exportSubjectAccess(
      user,
      { account: accounts[0], parties: url.searchParams.getAll("party").filter(Boolean), format: url.searchParams.get("format") || "json" },
      await clientIp(),
    );
    return new Response(Buffer.from(file.body), {
      status: 200,
      headers: { "Content-Type": file.contentType, "Content-Disposition": `attachment; filename="${file.fileName}"`, "Cache-Control": "private, no-store" },
    });
  } catch (e) {
    if (e instanceof NotFoundError) return notFound();
    throw e;
  }
}
