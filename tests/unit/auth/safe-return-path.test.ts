/** Issue 9, item 4: after signing in, only a path on this site is followed (no open redirect). */
import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/auth/sessions";

describe("safeReturnPath", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeReturnPath("/cases/ckabc123")).toBe("/cases/ckabc123");
    expect(safeReturnPath("/cases?status=ALL&page=2#list")).toBe("/cases?status=ALL&page=2#list");
  });

  it.each([
    ["another site", "https://evil.example/cases"],
    ["a protocol-relative address", "//evil.example/cases"],
    ["a backslash the browser reads as a slash", "/\\evil.example"],
    ["a backslash later on", "/cases\\..\\evil"],
    ["a tab the URL parser removes", "/\t/evil.example"],
    ["a newline", "/cases\n/x"],
    ["a dot segment that leaves two slashes", "/.//evil.example"],
    ["a script", "javascript:alert(1)"],
    ["a relative path", "cases/abc"],
    ["nothing", ""],
    ["not a string", ["/cases"]],
    ["the sign-in page itself", "/sign-in?next=/cases"],
    ["next-auth's routes", "/api/auth/signout"],
  ])("refuses %s", (_what, next) => {
    expect(safeReturnPath(next)).toBeNull();
  });
});
