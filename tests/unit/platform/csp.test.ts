import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, lengthRequired, maxBodyBytes, newNonce, UPLOAD_REQUEST_MAX_BYTES } from "@/lib/platform/security/csp";
import { MAX_UPLOAD_BYTES } from "@/lib/platform/documents/check-uploaded-document";

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `));

describe("contentSecurityPolicy (issue 9 item 9)", () => {
  it("in production admits only scripts with the nonce (or loaded by one): no 'unsafe-inline', no 'unsafe-eval'", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123==", dev: false });
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(directive(csp, "connect-src")).toBe("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it("in development adds only what the dev server needs ('unsafe-eval', its reload websocket)", () => {
    const csp = contentSecurityPolicy({ nonce: "n", dev: true });
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'");
    expect(directive(csp, "connect-src")).toBe("connect-src 'self' ws:");
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("takes at most 16 KB on route handlers and 1 MB elsewhere", () => {
    expect(maxBodyBytes("/api/auth/callback/staff")).toBe(16 * 1024);
    expect(maxBodyBytes("/refer")).toBe(1024 * 1024);
  });

  it("takes a 10 MB file on the verify page only (issue 11), with room for the form around it", () => {
    expect(maxBodyBytes("/verify/7KQ3-M9XD-2HPA-WT4C")).toBe(UPLOAD_REQUEST_MAX_BYTES);
    expect(UPLOAD_REQUEST_MAX_BYTES - MAX_UPLOAD_BYTES).toBeGreaterThanOrEqual(256 * 1024);
    expect(maxBodyBytes("/verify")).toBe(1024 * 1024);
    expect(maxBodyBytes("/verify/x/other")).toBe(1024 * 1024);
    expect(maxBodyBytes("/cases/abc")).toBe(1024 * 1024);
  });

  it("refuses a body of unknown length (chunked), which the size limit could not check first", () => {
    const h = (o: Record<string, string>) => new Headers(o);
    expect(lengthRequired("POST", h({ "transfer-encoding": "chunked" }))).toBe(true);
    expect(lengthRequired("POST", h({ "content-length": "12" }))).toBe(false);
    expect(lengthRequired("POST", h({}))).toBe(false);
    expect(lengthRequired("GET", h({ "transfer-encoding": "chunked" }))).toBe(false);
  });
});
