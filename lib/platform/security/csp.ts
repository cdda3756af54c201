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
 * The largest request body accepted (from Content-Length), before anything reads it: 1 MB (the
 * server actions' own limit, next.config.js) for pages, 16 KB for route handlers under /api
 * (sign-in posts a few fields).
 */
export function maxBodyBytes(pathname: string): number {
  return pathname.startsWith("/api/") ? 16 * 1024 : 1024 * 1024;
}
