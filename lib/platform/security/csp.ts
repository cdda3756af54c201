/**
 * The Content-Security-Policy (issue 9 item 9), built per request by proxy.ts with a fresh nonce.
 * Scripts run only when they carry the nonce (Next.js adds it to its own scripts when it finds
 * `'nonce-…'` in the request's policy) or are loaded by such a script ('strict-dynamic'); no
 * 'unsafe-inline' for scripts. The dev server also needs 'unsafe-eval' (React's error overlays) and
 * a websocket for reloading. Styles keep 'unsafe-inline': React `style` attributes need it, and
 * a style cannot run code. Pure and runtime-free (no Node imports).
 */

/** A fresh nonce: 16 random bytes, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy({ nonce, dev }: { nonce: string; dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * The other security headers, as next.config.js sets them on every response Next.js renders.
 * Issue 14: the responses proxy.ts gives itself (413, 411, the upload page's 303) are not rendered
 * by Next, so the proxy adds these (and the CSP) to them; the browser tests check every kind of
 * response for the same set. HSTS only in production (browsers ignore it over plain http).
 */
export function securityHeaders({ dev }: { dev: boolean }): [string, string][] {
  return [
    ["X-Frame-Options", "DENY"],
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=()"],
    ...(dev ? [] : ([["Strict-Transport-Security", "max-age=31536000; includeSubDomains"]] as [string, string][])),
  ];
}

/**
 * A page that takes a file: the public verify page's upload (/verify/<code>, at most 10 MB a file,
 * lib/platform/documents/check-uploaded-document.ts), with room for the form's other parts. Also
 * Next's own limit on the proxied body (10 MiB, `proxyClientMaxBodySize`), so nothing accepted
 * here is cut short.
 */
export const UPLOAD_REQUEST_MAX_BYTES = 10 * 1024 * 1024;

/**
 * The largest request body accepted (from Content-Length), before anything reads it: 1 MB for pages
 * (what a form of text needs), 16 KB for route handlers under /api (sign-in posts a few fields),
 * UPLOAD_REQUEST_MAX_BYTES for the verify page. The server actions' own limit (next.config.js)
 * is the largest of these, since Next has one limit for every action.
 */
export function maxBodyBytes(pathname: string): number {
  if (pathname.startsWith("/api/")) return 16 * 1024;
  if (/^\/verify\/[^/]+\/?$/.test(pathname)) return UPLOAD_REQUEST_MAX_BYTES;
  if (isFamilyUploadPage(pathname)) return UPLOAD_REQUEST_MAX_BYTES;
  return 1024 * 1024;
}

/**
 * Issue 12: the family's views page takes a document (at most 10 MB, lib/family/views/rules.ts).
 * A post too large to read is sent back to the page (303, `?error=too-large`) when it came from
 * the form without JavaScript (no Next-Action header), so the family sees the message next to the
 * field rather than a bare 413; with JavaScript the form checks the size before sending.
 */
export function isFamilyUploadPage(pathname: string): boolean {
  return /^\/my-case\/[^/]+\/views\/?$/.test(pathname);
}

/** Where a too-large post to `pathname` is sent back to (a relative path), or null for a bare 413. */
export function tooLargeRedirect(pathname: string, headers: { has(name: string): boolean }): string | null {
  if (!isFamilyUploadPage(pathname) || headers.has("next-action")) return null;
  return `${pathname.replace(/\/$/, "")}?error=too-large`;
}

/**
 * A body sent in chunks has no Content-Length, so maxBodyBytes could not be checked before it is
 * read: refused (411). Browsers always send the length of a form post or a fetch body.
 */
export function lengthRequired(method: string, headers: { has(name: string): boolean }): boolean {
  return method !== "GET" && method !== "HEAD" && headers.has("transfer-encoding") && !headers.has("content-length");
}
