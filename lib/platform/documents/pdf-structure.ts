/**
 * Is an uploaded file a PDF? Checked by reading its structure, not only its first bytes (a file
 * holding just "%PDF-1.7" has the magic bytes, ../shared/stack.md): the header, the last
 * `startxref` and `%%EOF`, and the cross-reference section it points to — a classic `xref` table,
 * whose in-use entries must each point at "N G obj", then a trailer naming the /Root; or a
 * cross-reference stream object (/Type /XRef) with a /Root. Enough to tell a PDF from a renamed
 * file or a truncated download, without a PDF library at run time (the verify page only compares
 * hashes; nothing here renders or runs the file). Pure; reads at most the entries it checks.
 */

export type PdfCheck = { ok: true } | { ok: false; reason: string };

/** Object offsets checked in a classic table: enough for any of our documents, bounded for a hostile one. */
const MAX_ENTRIES_CHECKED = 5_000;

const latin1 = (bytes: Uint8Array, start: number, end: number) => Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.max(0, Math.min(end, bytes.length) - start)).toString("latin1");

export function inspectPdf(bytes: Uint8Array): PdfCheck {
  if (bytes.length < 64) return { ok: false, reason: "too short to be a PDF" };
  // The header may follow up to 1,024 bytes of other data (ISO 32000-1, annex H).
  const head = latin1(bytes, 0, 1024);
  const headerAt = head.search(/%PDF-[12]\.\d/);
  if (headerAt < 0) return { ok: false, reason: "no PDF header" };

  const tail = latin1(bytes, Math.max(0, bytes.length - 2048), bytes.length);
  const eof = tail.lastIndexOf("%%EOF");
  if (eof < 0) return { ok: false, reason: "no end-of-file marker" };
  const startxref = /startxref\s+(\d+)\s*$/.exec(tail.slice(0, eof));
  if (!startxref) return { ok: false, reason: "no startxref before the end-of-file marker" };
  const offset = Number(startxref[1]) + headerAt;
  if (!Number.isSafeInteger(offset) || offset >= bytes.length) return { ok: false, reason: "startxref points outside the file" };

  const section = latin1(bytes, offset, offset + 64);
  if (section.startsWith("xref")) return checkXrefTable(bytes, offset, headerAt);
  if (/^\d+\s+\d+\s+obj\b/.test(section)) {
    const dict = latin1(bytes, offset, offset + 4096);
    if (/\/Type\s*\/XRef\b/.test(dict) && /\/Root\s+\d+\s+\d+\s+R\b/.test(dict)) return { ok: true };
    return { ok: false, reason: "startxref points at an object that is not a cross-reference stream" };
  }
  return { ok: false, reason: "startxref does not point at a cross-reference section" };
}

/** A classic table: subsections "first count", then 20-byte entries "oooooooooo ggggg n|f". */
function checkXrefTable(bytes: Uint8Array, offset: number, shift: number): PdfCheck {
  let pos = offset + 4;
  let checked = 0;
  const readLine = (): string | null => {
    while (pos < bytes.length && (bytes[pos] === 0x0a || bytes[pos] === 0x0d || bytes[pos] === 0x20)) pos++;
    if (pos >= bytes.length) return null;
    const start = pos;
    while (pos < bytes.length && bytes[pos] !== 0x0a && bytes[pos] !== 0x0d && pos - start < 256) pos++;
    return latin1(bytes, start, pos).trim();
  };
  for (;;) {
    const line = readLine();
    if (line === null) return { ok: false, reason: "cross-reference table ends early" };
    if (line.startsWith("trailer")) {
      const trailer = latin1(bytes, pos - line.length, pos + 4096);
      return /\/Root\s+\d+\s+\d+\s+R\b/.test(trailer) ? { ok: true } : { ok: false, reason: "trailer names no document catalogue" };
    }
    const sub = /^(\d+)\s+(\d+)$/.exec(line);
    if (!sub) return { ok: false, reason: "malformed cross-reference subsection" };
    const first = Number(sub[1]);
    const count = Number(sub[2]);
    for (let i = 0; i < count; i++) {
      const entry = readLine();
      const m = entry === null ? null : /^(\d{10}) (\d{5}) ([nf])$/.exec(entry);
      if (!m) return { ok: false, reason: "malformed cross-reference entry" };
      if (m[3] !== "n" || checked >= MAX_ENTRIES_CHECKED) continue;
      checked++;
      const at = Number(m[1]) + shift;
      const obj = new RegExp(`^${first + i}\\s+${Number(m[2])}\\s+obj\\b`);
      if (!obj.test(latin1(bytes, at, at + 32))) return { ok: false, reason: `object ${first + i} is not where the table says` };
    }
  }
}
