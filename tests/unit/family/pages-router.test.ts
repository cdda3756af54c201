/**
 * Decision 0038: the plumbing of the family's Pages Router pages — the origin rule a form post must
 * pass (the one Next applies to server actions), the body read as the web platform reads it (a
 * file included), the page data that survives the trip to the component (Dates too), the
 * sub-navigation's current page from the path alone, and the routes the matrices find in pages/.
 */
import { Readable } from "node:stream";
import type { IncomingMessage } from "node:http";
import { describe, expect, test } from "vitest";
import { originAllowed, readForm } from "@/app/_server/pages";
import { currentLink } from "@/components/family/CaseNav";
import { familyCaseLinks } from "@/lib/family/home/links";
import { fromWire, toWire } from "@/lib/platform/wire";
import { pagesRouteOf } from "../../authz/app-routes";

describe("a family form post's origin", () => {
  test("this site's own page may post; another site may not", () => {
    expect(originAllowed({ origin: "https://mediation.example", host: "mediation.example" }, [])).toBe(true);
    expect(originAllowed({ origin: "https://evil.example", host: "mediation.example" }, [])).toBe(false);
    expect(originAllowed({ origin: "null", host: "mediation.example" }, [])).toBe(false);
  });

  test("behind a proxy the forwarded host counts; the configured public origin is allowed", () => {
    expect(originAllowed({ origin: "https://mediation.example", host: "127.0.0.1:3000", "x-forwarded-host": "mediation.example" }, [])).toBe(true);
    expect(originAllowed({ origin: "https://mediation.example", host: "127.0.0.1:3000" }, ["mediation.example"])).toBe(true);
    expect(originAllowed({ origin: "https://mediation.example.evil.example", host: "127.0.0.1:3000" }, ["mediation.example"])).toBe(false);
  });

  test("a post with no Origin header is let through, as Next lets a server action's", () => {
    expect(originAllowed({ host: "mediation.example" }, [])).toBe(true);
  });
});

function nodeRequest(body: Buffer, contentType: string): IncomingMessage {
  const r = Readable.from([body]) as unknown as IncomingMessage;
  r.headers = { "content-type": contentType, "content-length": String(body.length) };
  return r;
}

describe("reading a posted form", () => {
  test("a multipart post with a file and text fields", async () => {
    const boundary = "----x";
    const body = Buffer.from(
      [
        `--${boundary}`,
        'Content-Disposition: form-data; name="views"',
        "",
        "We would like a weekly check-in",
        `--${boundary}`,
        'Content-Disposition: form-data; name="file"; filename="drawing.png"',
        "Content-Type: image/png",
        "",
        "PNGDATA",
        `--${boundary}--`,
        "",
      ].join("\r\n"),
    );
    const fd = await readForm(nodeRequest(body, `multipart/form-data; boundary=${boundary}`));
    expect(fd.get("views")).toBe("We would like a weekly check-in");
    const file = fd.get("file") as File;
    expect(file.name).toBe("drawing.png");
    expect(await file.text()).toBe("PNGDATA");
  });

  test("an urlencoded post", async () => {
    const fd = await readForm(nodeRequest(Buffer.from("answer=COMING&caseId=c%201"), "application/x-www-form-urlencoded"));
    expect(fd.get("answer")).toBe("COMING");
    expect(fd.get("caseId")).toBe("c 1");
  });

  test("a post that is not a form is refused (the page shows its generic message)", async () => {
    await expect(readForm(nodeRequest(Buffer.from("{}"), "application/json"))).rejects.toThrow();
  });
});

describe("page data", () => {
  test("comes back as it was, Dates included, and is plain JSON on the way", () => {
    const data = { at: new Date("2025-04-01T13:05:00Z"), list: [{ on: "2025-04-02", when: new Date(0) }], none: null, text: "a “quote”" };
    const wire = toWire(data);
    expect(typeof wire).toBe("string");
    expect(fromWire(wire)).toEqual(data);
    expect(fromWire(wire).at).toBeInstanceOf(Date);
  });
});

describe("the sub-navigation's current page", () => {
  const links = familyCaseLinks("c1", { familyParty: "YOUNG_PERSON", ownPartyKinds: ["YOUNG_PERSON"] });
  test("the page itself, or the page a sub-page belongs to", () => {
    expect(currentLink(links, "/my-case/c1")?.id).toBe("OVERVIEW");
    expect(currentLink(links, "/my-case/c1/meeting/answer")?.id).toBe("MEETING");
    expect(currentLink(links, "/my-case/c1/views/remove/u1")?.id).toBe("VIEWS");
    expect(currentLink(links, "/my-case/c1/agreement/sign")?.id).toBe("AGREEMENT");
    expect(currentLink(links, "/my-case/c1/parent-access")?.id).toBe("PARENT_ACCESS");
    expect(currentLink(links, "/my-case/c2")).toBeUndefined();
  });
});

describe("Pages Router files as routes", () => {
  test("index is its folder; Next's own files are not routes", () => {
    expect(pagesRouteOf("my-case/index.tsx")).toBe("/my-case");
    expect(pagesRouteOf("my-case/[caseId]/index.tsx")).toBe("/my-case/[caseId]");
    expect(pagesRouteOf("my-case/[caseId]/views/remove/[uploadId].tsx")).toBe("/my-case/[caseId]/views/remove/[uploadId]");
    expect(pagesRouteOf("_app.tsx")).toBeNull();
    expect(pagesRouteOf("_document.tsx")).toBeNull();
    expect(pagesRouteOf("404.tsx")).toBeNull();
  });
});
