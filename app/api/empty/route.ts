/**
 * The benchmark's framework floor (issue 14, decision 0032): answers 204 with no body, reads
 * nothing (no session, no database, no file). It runs behind proxy.ts like every page, so the time
 * it takes is what any request pays for HTTP, the proxy and Next's routing, and nothing else.
 * Harmless in production: it says nothing and changes nothing.
 */
export const dynamic = "force-dynamic";

export function GET(): Response {
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
