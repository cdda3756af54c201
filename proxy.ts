/**
 * Runs before every page, server action and route handler (Next.js 16's proxy, formerly
 * middleware). Two trust-boundary jobs (issue 9):
 * - item 9: a fresh nonce per request and a Content-Security-Policy allowing only scripts that
 *   carry it. The policy goes on the request too: Next.js reads the nonce from it and adds it to
 *   its own scripts while rendering (every page is rendered per request: app/layout.tsx).
 * - item 8: a body larger than the route accepts is refused (413) before anything parses it, and
 *   a body of unknown length (chunked) is refused (411), so that limit cannot be sidestepped.
 */
import { NextResponse, type NextRequest } from "next/server";
import { publicOrigin } from "@/lib/platform/public-origin";
import { contentSecurityPolicy, lengthRequired, maxBodyBytes, newNonce, securityHeaders, tooLargeRedirect } from "@/lib/platform/security/csp";

/** A response of the proxy's own (Next.js does not render it): with the security headers every response has (issue 14). */
function refusal(body: string | null, status: number, headers: Record<string, string>): NextResponse {
  const dev = process.env.NODE_ENV !== "production";
  const response = new NextResponse(body, { status, headers });
  for (const [name, value] of securityHeaders({ dev })) response.headers.set(name, value);
  response.headers.set("Content-Security-Policy", contentSecurityPolicy({ nonce: newNonce(), dev }));
  return response;
}

/**
 * Issue 14: Next.js parses a proxy response's Location as an absolute URL, so the relative path
 * failed ("Invalid URL", a server error instead of the page's message). The public origin, never
 * the request's Host (decision 0007); none configured: the bare 413.
 */
function absoluteLocation(path: string): string | null {
  try {
    return new URL(path, publicOrigin()).toString();
  } catch {
    return null;
  }
}

export function proxy(request: NextRequest) {
  if (lengthRequired(request.method, request.headers)) {
    return refusal("Send the request with its length (Content-Length).", 411, { "Content-Type": "text/plain; charset=utf-8" });
  }
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > maxBodyBytes(request.nextUrl.pathname)) {
    // Issue 12: the family's upload form, posted without JavaScript, comes back with the message.
    const back = tooLargeRedirect(request.nextUrl.pathname, request.headers);
    const location = back ? absoluteLocation(back) : null;
    if (location) return refusal(null, 303, { Location: location, "Cache-Control": "no-store" });
    return refusal("The request is too large.", 413, { "Content-Type": "text/plain; charset=utf-8" });
  }
  const nonce = newNonce();
  const csp = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV !== "production" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Not the build's static files, which are the same for every request and run no inline code.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
