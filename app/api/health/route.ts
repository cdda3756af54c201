import { checkHealth } from "@/lib/platform/health";

export const dynamic = "force-dynamic";

/** App and database status; 503 when the database is down. */
export async function GET() {
  const h = await checkHealth();
  return Response.json(h, { status: h.database === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
