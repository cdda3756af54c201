/**
 * Is a file that starts like a PNG or a JPEG really one? Its magic bytes are not enough (a renamed
 * file can start with them): the header that gives the picture's size must be there and make sense
 * — for a PNG the IHDR chunk (with a matching checksum) and the closing IEND chunk; for a JPEG a
 * frame header (SOFn) reached by walking the markers from the start. Pure, and reads only headers.
 */
import { crc32 } from "node:zlib";

export type ImageCheck = { ok: true; width: number; height: number } | { ok: false; reason: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** The largest side accepted: PNG's own limit (2^31 - 1); JPEG's is 65,535 by its format. */
const PNG_MAX_SIDE = 0x7fffffff;

const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const u16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));

export function inspectPng(b: Uint8Array): ImageCheck {
  if (b.length < 8 + 25 + 12 || PNG_SIGNATURE.some((x, i) => b[i] !== x)) return { ok: false, reason: "no PNG signature" };
  // The first chunk must be IHDR, 13 bytes long, with its CRC over type and data.
  if (u32(b, 8) !== 13 || ascii(b, 12, 4) !== "IHDR") return { ok: false, reason: "no IHDR chunk first" };
  if (crc32(b.subarray(12, 12 + 4 + 13)) !== u32(b, 12 + 4 + 13)) return { ok: false, reason: "IHDR checksum does not match" };
  const width = u32(b, 16);
  const height = u32(b, 20);
  if (width === 0 || height === 0 || width > PNG_MAX_SIDE || height > PNG_MAX_SIDE) return { ok: false, reason: "impossible image size" };
  // The file ends with the empty IEND chunk (its CRC is always AE 42 60 82).
  const end = b.subarray(b.length - 12);
  if (u32(end, 0) !== 0 || ascii(end, 4, 4) !== "IEND" || u32(end, 8) !== 0xae426082) return { ok: false, reason: "no IEND chunk at the end" };
  return { ok: true, width, height };
}

/** SOF markers carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but are not frames. */
const isFrameMarker = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

export function inspectJpeg(b: Uint8Array): ImageCheck {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return { ok: false, reason: "no JPEG start-of-image marker" };
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return { ok: false, reason: "malformed marker" };
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0xd9 || marker === 0xda) return { ok: false, reason: "no frame header before the image data" };
    if (marker >= 0xd0 && marker <= 0xd7) return { ok: false, reason: "restart marker before the frame header" };
    const length = u16(b, at + 2);
    if (length < 2 || at + 2 + length > b.length) return { ok: false, reason: "segment runs past the end of the file" };
    if (isFrameMarker(marker)) {
      if (length < 8) return { ok: false, reason: "frame header too short" };
      const height = u16(b, at + 5);
      const width = u16(b, at + 7);
      const components = b[at + 9]!;
      if (width === 0 || height === 0 || components === 0) return { ok: false, reason: "impossible image size" };
      return { ok: true, width, height };
    }
    at += 2 + length;
  }
  return { ok: false, reason: "no frame header" };
}
