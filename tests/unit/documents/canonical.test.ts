import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson, contentSha256, normaliseContent, normaliseText } from "@/lib/platform/documents/canonical";

const sha = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

describe("canonical content and its SHA-256 (issue 11: the same content gives the same hash)", () => {
  it("is JSON with keys in order and no spaces, and the hash is the SHA-256 of exactly that text", () => {
    const content = { title: "Agreement", actions: [{ who: "LA", due: "2027-03-01" }], version: 1, signed: true, note: null };
    const text = canonicalJson(content);
    expect(text).toBe('{"actions":[{"due":"2027-03-01","who":"LA"}],"note":null,"signed":true,"title":"Agreement","version":1}');
    expect(contentSha256(content)).toBe(sha(text));
    expect(contentSha256(content)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("gives the same hash whatever order the keys were written in", () => {
    const a = { child: "Łukasz Nguyễn", agreed: { partly: false, points: ["one", "two"] } };
    const b = { agreed: { points: ["one", "two"], partly: false }, child: "Łukasz Nguyễn" };
    expect(contentSha256(a)).toBe(contentSha256(b));
  });

  it("gives the same hash for the same letters typed as one character or as a letter and accents (NFC)", () => {
    const composed = "Nguy\u1EC5n and \u0176";
    const decomposed = "Nguye\u0302\u0303n and Y\u0302";
    expect(composed).not.toBe(decomposed);
    expect(contentSha256({ name: composed })).toBe(contentSha256({ name: decomposed }));
    // Keys too.
    expect(contentSha256({ [decomposed]: 1 })).toBe(contentSha256({ [composed]: 1 }));
  });

  it("ignores differences of whitespace: tabs, no-break and double spaces, Windows line breaks, spaces at the ends", () => {
    const typed = "  The LA will  assess\u00a0Łukasz.\r\n\r\n\r\n\tThe school\t will help. ";
    expect(normaliseText(typed)).toBe("The LA will assess Łukasz.\n\nThe school will help.");
    expect(contentSha256({ text: typed })).toBe(contentSha256({ text: "The LA will assess Łukasz.\n\nThe school will help." }));
  });

  it("gives a different hash for any real change: a letter, an accent, a number, the order of a list", () => {
    const base = { name: "Łukasz Nguyễn", days: 14, actions: ["assess", "review"] };
    const hash = contentSha256(base);
    expect(contentSha256({ ...base, name: "Lukasz Nguyễn" })).not.toBe(hash);
    expect(contentSha256({ ...base, name: "Łukasz Nguyen" })).not.toBe(hash);
    expect(contentSha256({ ...base, days: 15 })).not.toBe(hash);
    expect(contentSha256({ ...base, actions: ["review", "assess"] })).not.toBe(hash);
    expect(contentSha256({ ...base, days: "14" })).not.toBe(hash);
  });

  it("orders keys by code point, the same on every machine (not UTF-16 order, not the locale's)", () => {
    // U+FB01 sorts before U+1F600 by code point; in UTF-16 the emoji's surrogate (U+D83D) comes first.
    expect(canonicalJson({ "\u{1F600}": 1, "\uFB01": 2 })).toBe('{"\uFB01":2,"\u{1F600}":1}');
    expect(canonicalJson({ b: 1, B: 2, a: 3, "é": 4 })).toBe('{"B":2,"a":3,"b":1,"é":4}');
  });

  it("leaves out keys whose value is undefined, writes -0 as 0, and refuses what JSON cannot say exactly", () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(canonicalJson({ n: -0 })).toBe('{"n":0}');
    expect(() => canonicalJson({ when: new Date() as never })).toThrow(TypeError);
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ list: [1, undefined as never] })).toThrow(TypeError);
    expect(() => canonicalJson({ ["Y\u0302"]: 1, ["\u0176"]: 2 })).toThrow(/twice/);
  });

  it("normalises nested content the way it hashes it, so what is stored and printed is what was hashed", () => {
    const stored = normaliseContent({ rows: [{ who: " Nguye\u0302\u0303n " }] });
    expect(stored).toEqual({ rows: [{ who: "Nguyễn" }] });
    expect(contentSha256(stored)).toBe(contentSha256({ rows: [{ who: " Nguye\u0302\u0303n " }] }));
  });
});
