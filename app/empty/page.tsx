/**
 * The benchmark's page floor (issue 14, decision 0040): a page with one heading and nothing else.
 * It reads no data and needs no session, but like every page it is rendered per request through
 * the root layout (which asks for the session) by Next's App Router — so requested signed out, its
 * time is what serving any page costs in the framework, beside /api/empty (HTTP, proxy, routing).
 * Harmless in production: it says nothing and changes nothing.
 */
export const metadata = { title: "Empty page" };
export const dynamic = "force-dynamic";

export default function EmptyPage() {
  return <h1 className="h-l">Empty page</h1>;
}
