/**
 * The canonical form of a document's content, and its SHA-256 (issue 11: "a canonical
 * serialisation is hashed"). The same content must always give the same hash, whoever typed it
 * and on whatever device, so before hashing:
 *  - every string is Unicode NFC ("ễ" typed as one code point or as e + two combining marks is the
 *    same text), line breaks become "\n", any other run of whitespace (tabs, no-break spaces, two
 *    spaces) one space, spaces around a line break and at either end go, and more than one blank
 *    line becomes one;
 *  - object keys are NFC too and sorted by code point (not by locale, which differs by machine);
 *  - the text is JSON with no insignificant whitespace (the shape of RFC 8785): numbers as
 *    JavaScript prints them, -0 as 0.
 * Only plain JSON values are accepted: a Date, undefined inside an array, NaN or a class instance
 * is refused (TypeError) rather than guessed at, so a caller's mistake cannot silently change a
 * hash. A key whose value is undefined is left out, as JSON.stringify does.
 * Pure (no I/O); node:crypto only for the hash.
 */
import { createHash } from "node:crypto";

export type CanonicalValue = string | number | boolean | null | CanonicalValue[] | { [key: string]: CanonicalValue | undefined };

/** A string as it is hashed and printed: NFC, one kind of line break, tidy whitespace. */
export function normaliseText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[^\S\n]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** `value` with every string and key normalised (the content as it is stored, printed and hashed). */
export function normaliseContent<T extends CanonicalValue>(value: T, path = "content"): T {
  if (value === null || typeof value === "boolean") return value;
  if (typeof value === "string") return normaliseText(value) as T;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`${path} is not a finite number`);
    return (Object.is(value, -0) ? 0 : value) as T;
  }
  if (Array.isArray(value)) {
    return value.map((v, i) => {
      if (v === undefined) throw new TypeError(`${path}[${i}] is undefined`);
      return normaliseContent(v, `${path}[${i}]`);
    }) as T;
  }
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, CanonicalValue> = {};
    for (const [rawKey, v] of Object.entries(value)) {
      if (v === undefined) continue;
      const key = rawKey.normalize("NFC");
      if (key in out) throw new TypeError(`${path} has the key ${JSON.stringify(key)} twice once normalised`);
      out[key] = normaliseContent(v, `${path}.${key}`);
    }
    return out as T;
  }
  throw new TypeError(`${path} is not a plain JSON value (got ${Object.prototype.toString.call(value)})`);
}

/** Code-point order (what `<` does on strings in JavaScript is UTF-16 order: differs above U+FFFF). */
function byCodePoint(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

function serialise(value: CanonicalValue): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(serialise).join(",")}]`;
  const keys = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort(byCodePoint);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${serialise(value[k]!)}`).join(",")}}`;
}

/** The canonical JSON text of `value` (normalised first). */
export function canonicalJson(value: CanonicalValue): string {
  return serialise(normaliseContent(value));
}

/** SHA-256 of bytes or of a string's UTF-8, as 64 lower-case hex digits. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** The content hash printed on a document and stored with it: SHA-256 of the canonical JSON. */
export function contentSha256(value: CanonicalValue): string {
  return sha256Hex(canonicalJson(value));
}
