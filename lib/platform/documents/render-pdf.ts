/**
 * The one PDF renderer for agreements, outcome statements and certificates (issue 11, "Documents"):
 * a title, a summary list, sections of text, tables (e.g. actions with due dates), a signatures
 * block, and on every page a footer with the verification code and the content hash.
 *
 * - pdfkit 0.20 (not react-pdf: lib/ is free of React). Text is set in Noto Sans, embedded from
 *   @expo-google-fonts/noto-sans (SIL OFL): the 14 built-in PDF fonts cannot print Ł, ễ or ŷ and
 *   pdfkit garbles them silently (../shared/stack.md). Only the glyphs used are embedded.
 * - Deterministic: the same spec gives the same bytes. The creation and modification dates are
 *   the document's own `issuedAt` (never the clock), and pdfkit's file ID is derived from the
 *   metadata; nothing else varies (tests/unit/documents/render-pdf.test.ts checks it).
 * - Accessible where pdfkit allows: tagged PDF (PDF/UA identification) with headings, paragraphs,
 *   and tables with header cells in reading order; the title shown as the window title; language
 *   en-GB. The page footer is marked as an artifact (page furniture), so the verification details
 *   also appear once as ordinary text at the end ("Check this document").
 * - pdfkit's trap: text drawn below the bottom margin starts a new page; the footer is drawn with
 *   the bottom margin set to 0 for the moment, on buffered pages, once the page count is known.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import PDFDocument from "pdfkit";
import { formatVerificationCode } from "./verification-code";

export type SummaryRow = { label: string; value: string };
/** A section's heading may be left out (a letter's text, issue 13). */
export type DocumentSection = { heading?: string; paragraphs: string[] };
export type DocumentTable = {
  heading: string;
  /** Column headers, with an optional share of the width (default: equal shares). */
  columns: { header: string; width?: number }[];
  rows: string[][];
  /** Shown instead of the table when there are no rows. */
  empty?: string;
};
export type DocumentSigner = { name: string; role: string; outcome: string };
export type DocumentSpec = {
  title: string;
  /** A line under the title, e.g. the case reference and the version. */
  subtitle?: string;
  /** When the document was issued: printed by the caller, and the PDF's creation date. */
  issuedAt: Date;
  summary: SummaryRow[];
  sections?: DocumentSection[];
  tables?: DocumentTable[];
  signatures?: { heading: string; statement?: string; signers: DocumentSigner[] };
  /** The verification details printed at the end and in every footer. */
  verification: { code: string; url: string; contentSha256: string };
};

/**
 * A PDF that is not a sealed document (a subject access export, lib/data-protection): no
 * verification details; each page's footer is `footer` and the page number.
 */
export type UnsealedDocumentSpec = Omit<DocumentSpec, "verification"> & { verification?: DocumentSpec["verification"]; footer?: string };

/** R-63 style language of the documents; also the PDF's /Lang. */
export const DOCUMENT_LANGUAGE = "en-GB";
const PRODUCER = "SEND Mediation";

const FONT_REGULAR = "NotoSans";
const FONT_BOLD = "NotoSans-Bold";
const FONT_FILES = {
  [FONT_REGULAR]: "400Regular/NotoSans_400Regular.ttf",
  [FONT_BOLD]: "700Bold/NotoSans_700Bold.ttf",
} as const;

/** A font parsed by fontkit (pdfkit's own font engine), shared by every document of the process. */
type ParsedFont = object;
let fontCache: Record<string, ParsedFont> | null = null;

/**
 * The fonts, read and parsed once per process: parsing a 630 KB TTF for every document cost
 * ~100 ms a font; pdfkit takes an already parsed fontkit font (read-only: each document still
 * makes its own subset). Both the TTFs and pdfkit's own copy of fontkit are found from the working
 * directory (the app, the tests and the benches all run from the project folder), not from this
 * module's URL, which the Next.js bundler rewrites.
 */
function fonts(): Record<string, ParsedFont> {
  if (fontCache) return fontCache;
  const modules = path.join(process.cwd(), "node_modules");
  const fontkit = createRequire(path.join(modules, "pdfkit", "package.json"))("fontkit") as { create(bytes: Uint8Array): ParsedFont };
  const dir = path.join(modules, "@expo-google-fonts", "noto-sans");
  const out: Record<string, ParsedFont> = {};
  for (const [name, file] of Object.entries(FONT_FILES)) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(dir, file));
    } catch {
      throw new Error(`The PDF font ${file} was not found in ${dir}: run npm ci in the project folder.`);
    }
    out[name] = fontkit.create(bytes);
  }
  fontCache = out;
  return out;
}

// A4 in points; 2 cm side margins; room at the bottom for the footer.
const PAGE = { size: "A4", margins: { top: 57, bottom: 85, left: 57, right: 57 } } as const;
const COLOURS = { text: "#0b0c0c", secondary: "#505a5f", border: "#b1b4b6", header: "#f3f2f1" } as const;

type Doc = InstanceType<typeof PDFDocument>;
type Struct = ReturnType<Doc["struct"]>;

/** The PDF bytes of `spec`. */
export function renderDocumentPdf(spec: UnsealedDocumentSpec): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: { ...PAGE.margins },
    bufferPages: true,
    pdfVersion: "1.7",
    subset: "PDF/UA",
    tagged: true,
    lang: DOCUMENT_LANGUAGE,
    displayTitle: true,
    font: null,
    info: { Title: spec.title, Creator: PRODUCER, Producer: PRODUCER, CreationDate: spec.issuedAt, ModDate: spec.issuedAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });
  for (const [name, font] of Object.entries(fonts())) doc.registerFont(name, font);
  doc.font(FONT_REGULAR).fillColor(COLOURS.text);

  const root = doc.struct("Document");
  doc.addStructure(root);
  heading(doc, root, "H1", spec.title, 20);
  if (spec.subtitle) paragraph(doc, root, spec.subtitle, { colour: COLOURS.secondary });
  gap(doc);

  if (spec.summary.length > 0) {
    table(
      doc,
      root,
      spec.summary.map((r) => [
        { text: r.label, type: "TH" as const, scope: "Row" as const, font: { src: FONT_BOLD } },
        { text: r.value, type: "TD" as const },
      ]),
      [1, 2],
      false,
    );
    gap(doc);
  }

  for (const s of spec.sections ?? []) {
    if (s.heading) heading(doc, root, "H2", s.heading, 14);
    for (const p of s.paragraphs) paragraph(doc, root, p);
    gap(doc);
  }

  for (const t of spec.tables ?? []) {
    heading(doc, root, "H2", t.heading, 14);
    if (t.rows.length === 0) paragraph(doc, root, t.empty ?? "None.");
    else {
      const header = t.columns.map((c) => ({ text: c.header, type: "TH" as const, scope: "Column" as const, font: { src: FONT_BOLD }, backgroundColor: COLOURS.header }));
      const body = t.rows.map((r) => t.columns.map((_, i) => ({ text: r[i] ?? "", type: "TD" as const })));
      table(doc, root, [header, ...body], t.columns.map((c) => c.width ?? 1), true);
    }
    gap(doc);
  }

  if (spec.signatures) {
    heading(doc, root, "H2", spec.signatures.heading, 14);
    if (spec.signatures.statement) paragraph(doc, root, spec.signatures.statement);
    const header = ["Name", "Taking part as", "Signature"].map((text) => ({ text, type: "TH" as const, scope: "Column" as const, font: { src: FONT_BOLD }, backgroundColor: COLOURS.header }));
    const body = spec.signatures.signers.map((s) => [s.name, s.role, s.outcome].map((text) => ({ text, type: "TD" as const })));
    table(doc, root, [header, ...body], [2, 2, 3], true);
    gap(doc);
  }

  const v = spec.verification;
  if (v) {
    const code = formatVerificationCode(v.code);
    heading(doc, root, "H2", "Check this document", 14);
    paragraph(doc, root, `To check that a copy of this document is genuine and whether it is the latest version, go to ${v.url} (verification code ${code}) and upload the PDF.`);
    paragraph(doc, root, `SHA-256 of the content: ${v.contentSha256}`, { size: 9 });
  }
  root.end();

  footers(doc, v ? [`Verification code ${formatVerificationCode(v.code)} · check at ${v.url}`, `Content SHA-256 ${v.contentSha256}`] : spec.footer ? [spec.footer] : []);
  doc.end();
  return done;
}

function gap(doc: Doc) {
  doc.moveDown(0.6);
}

function textWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function heading(doc: Doc, parent: Struct, tag: "H1" | "H2", text: string, size: number) {
  doc.font(FONT_BOLD).fontSize(size).fillColor(COLOURS.text);
  parent.add(doc.struct(tag, () => doc.text(text, doc.page.margins.left, doc.y, { width: textWidth(doc), paragraphGap: 4 })));
  doc.font(FONT_REGULAR);
}

function paragraph(doc: Doc, parent: Struct, text: string, opts: { size?: number; colour?: string } = {}) {
  doc.font(FONT_REGULAR).fontSize(opts.size ?? 11).fillColor(opts.colour ?? COLOURS.text);
  parent.add(doc.struct("P", () => doc.text(text, doc.page.margins.left, doc.y, { width: textWidth(doc), paragraphGap: 4, lineGap: 1 })));
  doc.fillColor(COLOURS.text);
}

type Cell = { text: string; type: "TH" | "TD"; scope?: "Row" | "Column"; font?: { src: string }; backgroundColor?: string };

/** A bordered table; `widths` are shares of the text width. */
function table(doc: Doc, parent: Struct, rows: Cell[][], widths: number[], headerRow: boolean) {
  const total = widths.reduce((a, b) => a + b, 0);
  const width = textWidth(doc);
  doc.font(FONT_REGULAR).fontSize(10).fillColor(COLOURS.text);
  doc.table({
    position: { x: doc.page.margins.left, y: doc.y },
    maxWidth: width,
    columnStyles: widths.map((w) => ({ width: (w / total) * width })),
    defaultStyle: { padding: [4, 6, 4, 6], border: 0.5, borderColor: COLOURS.border },
    rowStyles: headerRow ? (i) => (i === 0 ? { backgroundColor: COLOURS.header } : undefined) : undefined,
    data: rows,
    structParent: parent,
  });
  doc.x = doc.page.margins.left;
}

/** Every page: the lines (code, content hash, address) and "Page n of m" — as an artifact, drawn inside the page. */
function footers(doc: Doc, lines: string[]) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { margins, height } = doc.page;
    const bottom = margins.bottom;
    margins.bottom = 0;
    const top = height - bottom + 20;
    const width = textWidth(doc);
    doc.markContent("Artifact", { type: "Pagination" });
    doc.strokeColor(COLOURS.border).lineWidth(0.5).moveTo(margins.left, top - 6).lineTo(margins.left + width, top - 6).stroke();
    doc.font(FONT_REGULAR).fontSize(7.5).fillColor(COLOURS.secondary);
    lines.forEach((line, n) => doc.text(line, margins.left, top + 11 * n, { width, lineBreak: false }));
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, margins.left, top + 11 * lines.length, { width, lineBreak: false });
    doc.endMarkedContent();
    margins.bottom = bottom;
  }
}
