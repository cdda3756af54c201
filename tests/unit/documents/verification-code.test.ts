import { describe, expect, it } from "vitest";
import { formatVerificationCode, newVerificationCode, normaliseVerificationCode, verificationUrl } from "@/lib/platform/documents/verification-code";

describe("verification codes (printed on each document, typed into /verify)", () => {
  it("are 16 characters of Crockford base 32 (no I, L, O or U), different every time", () => {
    const codes = Array.from({ length: 2000 }, newVerificationCode);
    for (const c of codes) expect(c).toMatch(/^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{16}$/);
    expect(new Set(codes).size).toBe(codes.length);
    // Every character of the alphabet turns up: the 80 random bits are spread over the code.
    expect(new Set(codes.join("")).size).toBe(32);
  });

  it("are printed in groups of four and linked at <origin>/verify/<code>", () => {
    expect(formatVerificationCode("7KQ3M9XD2HPAWT4C")).toBe("7KQ3-M9XD-2HPA-WT4C");
    expect(verificationUrl("https://mediation.example.org/", "7KQ3M9XD2HPAWT4C")).toBe("https://mediation.example.org/verify/7KQ3-M9XD-2HPA-WT4C");
  });

  it("are found however they were typed: case, spaces, hyphens, O for 0 and I or L for 1", () => {
    for (const typed of ["7KQ3-M9XD-2HPA-WT4C", "7kq3 m9xd 2hpa wt4c", "7KQ3M9XD2HPAWT4C", " 7kq3-m9xd-2hpa-wt4c "]) {
      expect(normaliseVerificationCode(typed)).toBe("7KQ3M9XD2HPAWT4C");
    }
    expect(normaliseVerificationCode("O1LI-0000-0000-0000")).toBe("0111000000000000");
  });

  it("refuse what cannot be a code: wrong length, letters not used, very long input", () => {
    expect(normaliseVerificationCode("7KQ3-M9XD-2HPA")).toBeNull();
    expect(normaliseVerificationCode("7KQ3-M9XD-2HPA-WT4CX")).toBeNull();
    expect(normaliseVerificationCode("7KQ3-M9XD-2HPA-WT4U")).toBeNull();
    expect(normaliseVerificationCode("7KQ3/M9XD/2HPA/WT4C")).toBeNull();
    expect(normaliseVerificationCode("x".repeat(5000))).toBeNull();
  });
});
