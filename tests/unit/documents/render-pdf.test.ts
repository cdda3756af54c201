import { describe, expect, it } from "vitest";
import { extractText, getMeta } from "unpdf";
import { contentSha256 } from "@/lib/platform/documents/canonical";
import { inspectPdf } from "@/lib/platform/documents/pdf-structure";
import { renderDocumentPdf } from "@/lib/platform/documents/render-pdf";
import { SAMPLE_URL, sampleContent, sampleSpec } from "./sample-document";

/** All the text of a PDF, as a reader would copy it (pdfjs wants its own copy of the bytes). */
async function textOf(pdf: Uint8Array): Promise<{ text: string; pages: number }> {
  const { text, totalPages } = await extractText(new Uint8Array(pdf), { mergePages: true });
  return { text, pages: totalPages };
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe("the document PDF (issue 11: rendered on the server, in an embedded Unicode font)", () => {
  it("prints accented names (Ł, ễ, Ŷ), the content hash and the verification address", async () => {
    const spec = sampleSpec();
    const { text } = await textOf(await renderDocumentPdf(spec));
    expect(text).toContain("Łukasz Nguyễn");
    expect(text).toContain("Ŷ Nguyễn");
    expect(text).toContain("Priya Ŷmir");
    expect(text).toContain(spec.verification.contentSha256);
    expect(text).toContain(SAMPLE_URL);
    expect(text).toContain("7KQ3-M9XD-2HPA-WT4C");
    expect(text).toContain("Signed on 1 February 2027 at 10:15");
  });

  it("gives the same bytes for the same input, and different bytes when anything printed changes", async () => {
    const a = await renderDocumentPdf(sampleSpec());
    const b = await renderDocumentPdf(sampleSpec());
    expect(same(a, b)).toBe(true);
    const otherDate = await renderDocumentPdf(sampleSpec(3, { issuedAt: new Date("2027-02-02T10:15:00Z") }));
    expect(same(a, otherDate)).toBe(false);
    const otherName = sampleSpec();
    otherName.summary[1] = { label: "Parent", value: "Lukasz Nguyen" };
    expect(same(a, await renderDocumentPdf(otherName))).toBe(false);
  });

  it("says what it is: title, language en-GB, the issue date as its creation and modification date, tagged", async () => {
    const pdf = await renderDocumentPdf(sampleSpec());
    const { info } = (await getMeta(new Uint8Array(pdf))) as { info: Record<string, unknown> };
    expect(info.Title).toBe("Mediation agreement");
    expect(info.Language).toBe("en-GB");
    expect(info.CreationDate).toBe("D:20270201101500Z");
    expect(info.ModDate).toBe("D:20270201101500Z");
    const raw = Buffer.from(pdf).toString("latin1");
    expect(raw).toContain("/Marked true");
    expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(raw).toMatch(/\/S \/H1\b/);
    expect(raw).toMatch(/\/S \/TH\b/);
    expect(raw).toContain("/DisplayDocTitle true");
  });

  it("runs a 20-action table over two pages, each page with the code, the hash and 'Page n of 2'", async () => {
    const spec = sampleSpec(20);
    expect(spec.verification.contentSha256).toBe(contentSha256(sampleContent(20)));
    const pdf = await renderDocumentPdf(spec);
    const { text, pages } = await textOf(pdf);
    expect(pages).toBe(2);
    for (let i = 1; i <= 20; i++) expect(text).toContain(`Action ${i}: `);
    expect(text).toContain("Page 1 of 2");
    expect(text).toContain("Page 2 of 2");
    expect(text.split(`Content SHA-256 ${spec.verification.contentSha256}`).length - 1).toBe(2);
  });
});

describe("inspectPdf: is an upload a PDF (by its structure, not only its first bytes)", () => {
  it("accepts a PDF we rendered", async () => {
    expect(inspectPdf(await renderDocumentPdf(sampleSpec()))).toEqual({ ok: true });
  });

  it("refuses a file with only the magic bytes, a text file, and a PDF cut short", async () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(inspectPdf(enc("%PDF-1.7\n" + "x".repeat(100))).ok).toBe(false);
    expect(inspectPdf(enc("Mediation agreement. SHA-256 of the content: 0123.\n".repeat(5))).ok).toBe(false);
    const pdf = await renderDocumentPdf(sampleSpec());
    expect(inspectPdf(pdf.slice(0, pdf.length - 200)).ok).toBe(false);
    expect(inspectPdf(pdf.slice(0, Math.floor(pdf.length / 2))).ok).toBe(false);
  });

  it("refuses a PDF whose cross-reference table points at the wrong places", async () => {
    const pdf = await renderDocumentPdf(sampleSpec());
    // Insert bytes near the start: every object moves, the table no longer points at them.
    const shifted = new Uint8Array(pdf.length + 7);
    shifted.set(pdf.subarray(0, 20));
    shifted.set(new TextEncoder().encode("%extra\n"), 20);
    shifted.set(pdf.subarray(20), 27);
    const check = inspectPdf(shifted);
    expect(check.ok).toBe(false);
  });
});
