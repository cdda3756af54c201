/**
 * Issue 12: the pure parts of the family's uploads — the name a file is kept under, the image
 * header checks, and which posts proxy.ts sends back to the views page when too large to read.
 */
import { describe, expect, it } from "vitest";
import { cleanFileName } from "@/lib/family/views/file-name";
import { inspectJpeg, inspectPng } from "@/lib/platform/files/image-structure";
import { maxBodyBytes, tooLargeRedirect, UPLOAD_REQUEST_MAX_BYTES } from "@/lib/platform/security/csp";
import { MAX_FAMILY_UPLOAD_BYTES } from "@/lib/family/views/rules";
import { jpegBytes, pngBytes } from "../../integration/family/sample-files";

describe("cleanFileName", () => {
  it("keeps the family's name, without folders or control characters, ending with the real extension", () => {
    expect(cleanFileName("Letter.pdf", "pdf")).toBe("Letter.pdf");
    expect(cleanFileName("C:\\Users\\me\\photo.JPEG", "jpg")).toBe("photo.JPEG");
    expect(cleanFileName("../../etc/passwd", "pdf")).toBe("passwd.pdf");
    expect(cleanFileName("drawing.pdf", "png")).toBe("drawing.pdf.png");
    expect(cleanFileName("evil\u202Egnp.exe", "png")).toBe("evilgnp.exe.png");
    expect(cleanFileName("", "pdf")).toBe("document.pdf");
    const long = cleanFileName(`${"a".repeat(300)}.pdf`, "pdf");
    expect(long).toHaveLength(120);
    expect(long.endsWith(".pdf")).toBe(true);
  });
});

describe("image headers", () => {
  it("reads the size of a real PNG and JPEG, and refuses them cut short", () => {
    expect(inspectPng(pngBytes())).toEqual({ ok: true, width: 2, height: 2 });
    expect(inspectJpeg(jpegBytes())).toEqual({ ok: true, width: 8, height: 6 });
    expect(inspectPng(pngBytes().subarray(0, 40)).ok).toBe(false);
    expect(inspectJpeg(jpegBytes().subarray(0, 30)).ok).toBe(false);
  });
});

describe("the views page's request limit (proxy.ts)", () => {
  it("takes a 10 MB file with room for the form, and sends a too-large post without JavaScript back to the page", () => {
    expect(maxBodyBytes("/my-case/abc/views")).toBe(UPLOAD_REQUEST_MAX_BYTES);
    expect(UPLOAD_REQUEST_MAX_BYTES).toBeGreaterThan(MAX_FAMILY_UPLOAD_BYTES);
    expect(maxBodyBytes("/my-case/abc/views/remove/x")).toBe(1024 * 1024);
    const none = { has: () => false };
    expect(tooLargeRedirect("/my-case/abc/views", none)).toBe("/my-case/abc/views?error=too-large");
    expect(tooLargeRedirect("/my-case/abc/views", { has: (h: string) => h === "next-action" })).toBeNull();
    expect(tooLargeRedirect("/cases/abc", none)).toBeNull();
  });
});
