/**
 * The name an uploaded file is kept and offered for download under: the family's own name for it,
 * cleaned — no folders, no control characters, at most FILE_NAME_MAX_CHARS — ending with the
 * extension of what the file really is (a PNG sent as "scan.pdf" is kept as "scan.pdf.png"), so the
 * name never tells a computer to open it as something else. Pure.
 */
import { FILE_NAME_MAX_CHARS } from "./rules";

const EXTENSIONS: Record<string, readonly string[]> = { pdf: ["pdf"], jpg: ["jpg", "jpeg"], png: ["png"] };

export function cleanFileName(raw: string | undefined, ext: string): string {
  const base = (raw ?? "").split(/[\\/]/).pop() ?? "";
  let name = base.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "").replace(/\s+/g, " ").trim().replace(/^\.+/, "");
  const own = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  if (!name) name = "document";
  const suffix = own && (EXTENSIONS[ext] ?? [ext]).includes(own) ? "" : `.${ext}`;
  const keep = FILE_NAME_MAX_CHARS - suffix.length;
  if (name.length > keep) {
    const dot = suffix ? -1 : name.lastIndexOf(".");
    name = dot > 0 ? name.slice(0, keep - (name.length - dot)) + name.slice(dot) : name.slice(0, keep);
  }
  return name + suffix;
}
