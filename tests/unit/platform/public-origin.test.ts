import { describe, expect, it } from "vitest";
import { MISSING_ORIGIN_MESSAGE, PublicOriginError, publicOrigin, publicOriginProblem } from "@/lib/platform/public-origin";

describe("publicOrigin (issue 9 item 7: links in emails never come from the request's Host)", () => {
  it("uses APP_ORIGIN, else NEXTAUTH_URL, as an origin", () => {
    expect(publicOrigin({ NODE_ENV: "production", APP_ORIGIN: "https://mediation.example.org/", NEXTAUTH_URL: "https://other.example.org" })).toBe("https://mediation.example.org");
    expect(publicOrigin({ NODE_ENV: "production", NEXTAUTH_URL: "https://mediation.example.org/api/auth" })).toBe("https://mediation.example.org");
  });

  it("in production refuses to give one when neither is set (no fallback to a host)", () => {
    expect(() => publicOrigin({ NODE_ENV: "production", PORT: "3000" })).toThrow(PublicOriginError);
    expect(publicOriginProblem({ NODE_ENV: "production" })).toBe(MISSING_ORIGIN_MESSAGE);
    expect(MISSING_ORIGIN_MESSAGE).not.toContain("\n");
  });

  it("refuses a value that is not an http(s) address, in any environment", () => {
    expect(publicOriginProblem({ NODE_ENV: "production", APP_ORIGIN: "mediation.example.org" })).toMatch(/^Cannot start: APP_ORIGIN is not an http\(s\) address/);
    expect(() => publicOrigin({ NODE_ENV: "development", NEXTAUTH_URL: "javascript:alert(1)" })).toThrow(PublicOriginError);
  });

  it("in development falls back to localhost on the dev port", () => {
    expect(publicOrigin({ NODE_ENV: "development", PORT: "3456" })).toBe("http://localhost:3456");
    expect(publicOrigin({ NODE_ENV: "development" })).toBe("http://localhost:3000");
    expect(publicOrigin({ NODE_ENV: "test" })).toBe("http://localhost:3000");
    expect(publicOriginProblem({ NODE_ENV: "development" })).toBeNull();
  });
});
