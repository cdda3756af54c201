import { describe, expect, it } from "vitest";
import { boundedQuery, checkPublicInput, OVERSIZED_VALUE, PUBLIC_INPUT_LIMITS } from "@/lib/platform/security/input-bounds";

describe("checkPublicInput (issue 9 item 8)", () => {
  const L = PUBLIC_INPUT_LIMITS;

  it("accepts a usual submission, FormData or a record", () => {
    const fd = new FormData();
    fd.append("email", "parent@example.com");
    fd.append("details", "d".repeat(5000));
    expect(checkPublicInput(fd)).toEqual({ ok: true });
    expect(checkPublicInput({ email: "parent@example.com", details: "d".repeat(L.fieldChars) })).toEqual({ ok: true });
  });

  it("names a field over the per-field limit, and refuses a file", () => {
    expect(checkPublicInput({ email: "e".repeat(L.fieldChars + 1), name: "Ann" })).toEqual({ ok: false, oversized: ["email"] });
    const fd = new FormData();
    fd.append("upload", new Blob(["x"]), "x.txt");
    expect(checkPublicInput(fd)).toEqual({ ok: false, oversized: ["upload"] });
  });

  it("refuses too much in total and too many fields, each within its limit", () => {
    const many = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`f${i}`, "x".repeat(L.fieldChars)]));
    expect(checkPublicInput(many)).toEqual({ ok: false, oversized: [] });
    const fields = Object.fromEntries(Array.from({ length: L.fields + 1 }, (_, i) => [`f${i}`, "x"]));
    expect(checkPublicInput(fields).ok).toBe(false);
  });

  it("leaves Next's own server-action fields to Next", () => {
    const fd = new FormData();
    fd.append("$ACTION_1:0", "x".repeat(L.fieldChars * 2));
    fd.append("email", "parent@example.com");
    expect(checkPublicInput(fd)).toEqual({ ok: true });
  });
});

describe("boundedQuery (the deadline calculator's query string)", () => {
  it("keeps only the named parameters, the first of a repeated one, and replaces an oversized value", () => {
    expect(boundedQuery({ "decision-day": ["3", "4"], "decision-year": "9".repeat(6014), other: "x" }, ["decision-day", "decision-year", "certificate"], 40)).toEqual({
      "decision-day": "3",
      "decision-year": OVERSIZED_VALUE,
    });
  });
});
