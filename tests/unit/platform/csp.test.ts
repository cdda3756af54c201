import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, maxBodyBytes, newNonce } from "@/lib/platform/security/csp";

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
});
