/**
 * The part of pdfkit 0.20's API that lib/platform/documents/render-pdf.ts uses. pdfkit ships no
 * types; this short declaration saves a dependency (@types/pdfkit) for a dozen calls. Extend it
 * when the renderer needs more.
 */
declare module "pdfkit" {
  import type { Readable } from "node:stream";

  type Margins = { top: number; bottom: number; left: number; right: number };

  interface TextOptions {
    width?: number;
    height?: number;
    align?: "left" | "center" | "right" | "justify";
    lineGap?: number;
    paragraphGap?: number;
    continued?: boolean;
    link?: string | null;
    underline?: boolean;
    lineBreak?: boolean;
    structParent?: PDFStructureElement;
    structType?: string;
  }

  interface PDFStructureContent {
    readonly __content: unique symbol;
  }

  interface PDFStructureElement {
    add(child: PDFStructureElement | PDFStructureContent | (() => void)): PDFStructureElement;
    end(): void;
  }

  interface TableCell {
    text?: string;
    type?: "TH" | "TD";
    font?: string | { src: string; size?: number };
    padding?: number | number[];
    border?: number | number[];
    borderColor?: string;
    backgroundColor?: string;
    textColor?: string;
    align?: "left" | "center" | "right" | { x?: string; y?: string };
    scope?: "Row" | "Column" | "Both";
  }

  interface TableOptions {
    position?: { x?: number; y?: number };
    maxWidth?: number;
    columnStyles?: Array<number | string | { width?: number | string }> | ((index: number) => unknown);
    rowStyles?: Array<Partial<TableCell>> | ((index: number) => Partial<TableCell> | undefined);
    defaultStyle?: Partial<TableCell>;
    data?: Array<Array<string | TableCell>>;
    structParent?: PDFStructureElement | PDFDocument;
  }

  interface PDFPage {
    width: number;
    height: number;
    margins: Margins;
  }

  interface DocumentOptions {
    size?: string | [number, number];
    margins?: Margins;
    bufferPages?: boolean;
    autoFirstPage?: boolean;
    compress?: boolean;
    pdfVersion?: "1.3" | "1.4" | "1.5" | "1.6" | "1.7" | "1.7ext3";
    subset?: "PDF/UA" | "PDF/A-2a" | "PDF/A-2b" | "PDF/A-3a" | "PDF/A-3b";
    tagged?: boolean;
    lang?: string;
    displayTitle?: boolean;
    font?: string | null;
    info?: {
      Title?: string;
      Author?: string;
      Subject?: string;
      Keywords?: string;
      Creator?: string;
      Producer?: string;
      CreationDate?: Date;
      ModDate?: Date;
    };
  }

  /** A readable stream of the PDF's bytes. */
  class PDFDocument extends Readable {
    constructor(options?: DocumentOptions);
    x: number;
    y: number;
    page: PDFPage;
    /** `src`: a file, its bytes, or a font already parsed by fontkit. */
    registerFont(name: string, src: Buffer | Uint8Array | string | object): this;
    font(name: string, size?: number): this;
    fontSize(size: number): this;
    fillColor(color: string): this;
    strokeColor(color: string): this;
    lineWidth(width: number): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    stroke(): this;
    text(text: string, options?: TextOptions): this;
    text(text: string, x?: number, y?: number, options?: TextOptions): this;
    heightOfString(text: string, options?: TextOptions): number;
    widthOfString(text: string, options?: TextOptions): number;
    moveDown(lines?: number): this;
    addPage(options?: { margins?: Margins }): this;
    bufferedPageRange(): { start: number; count: number };
    switchToPage(n: number): this;
    table(options?: TableOptions): unknown;
    struct(type: string, children: () => void): PDFStructureElement;
    struct(type: string, options?: Record<string, unknown>, children?: Array<PDFStructureElement | PDFStructureContent | (() => void)> | (() => void)): PDFStructureElement;
    addStructure(element: PDFStructureElement): this;
    markContent(tag: string, options?: Record<string, unknown> | null): this;
    markStructureContent(tag: string, options?: Record<string, unknown>): PDFStructureContent;
    endMarkedContent(): this;
    end(): void;
  }

  export default PDFDocument;
}
