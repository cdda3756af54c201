/**
 * Issue 14, security sweep, against the production build (decision 0036):
 *  - a scripted burst of staff sign-ins, each request claiming a fresh address in X-Forwarded-For
 *    and X-Real-IP: with no trusted proxy (TRUSTED_PROXY_HOPS unset) they all count as the one
 *    real peer, so the per-account-and-address back-off and the per-address limit both hold;
 *  - upload limits on the server, whatever the browser does: crafted oversized posts are refused
 *    before they are read, and without JavaScript an oversized file gets its message; nothing is
 *    written either way.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { SIGN_IN_LIMITS } from "../../lib/auth/sign-in-limit-values";
import { MAX_FAMILY_UPLOAD_BYTES, REQUEST_TOO_LARGE_MESSAGE, VIEWS_MESSAGES } from "../../lib/family/views/rules";
import { UPLOAD_REQUEST_MAX_BYTES } from "../../lib/platform/security/csp";
import { forgetFamilyLinkRequests, sql, startSmtp } from "./helpers";
import { e2eRun } from "./run";

const FAILED = "The email address or password is not right.";
const WAIT = "Too many attempts to sign in.";

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The hidden fields (Next's action id and state) of the page's form that has a field named `field`. */
async function hiddenFields(request: APIRequestContext, url: string, field: string): Promise<Record<string, string>> {
  const html = await (await request.get(url)).text();
  const form = (html.match(/<form\b[\s\S]*?<\/form>/g) ?? []).find((f) => f.includes(`name="${field}"`));
  expect(form, `a form with ${field} on ${url}`).toBeTruthy();
  const fields: Record<string, string> = {};
  for (const tag of form!.match(/<input\b[^>]*>/g) ?? []) {
    const name = /\bname="([^"]*)"/.exec(tag)?.[1];
    if (name && /\btype="hidden"/.test(tag)) fields[decode(name)] = decode(/\bvalue="([^"]*)"/.exec(tag)?.[1] ?? "");
  }
  return fields;
}

test.describe("sign-in under a burst from many claimed addresses", () => {
  // The burst makes this machine's one address wait: start and end with no counters.
  test.beforeEach(async () => void (await sql(`DELETE FROM "LoginThrottle"`)));
  test.afterEach(async () => void (await sql(`DELETE FROM "LoginThrottle"`)));

  /** One staff sign-in posted as the form would be without JavaScript, claiming address `claimed`. */
  async function attempt(request: APIRequestContext, base: string, fields: Record<string, string>, email: string, password: string, claimed: string) {
    const res = await request.post("/sign-in", {
      multipart: { ...fields, email, password },
      headers: { Origin: base, "X-Forwarded-For": `${claimed}, 198.51.100.1`, "X-Real-IP": claimed },
    });
    const html = await res.text();
    return html.includes(WAIT) ? "WAIT" : html.includes(FAILED) ? "FAILED" : `status ${res.status()}`;
  }

  test("one account sprayed from many claimed addresses: after the allowed failures every further attempt waits", async ({ request, baseURL }) => {
    const fields = await hiddenFields(request, "/sign-in", "email");
    const email = `sprayed-${Date.now()}@example.com`;
    const outcomes: string[] = [];
    for (let i = 1; i <= SIGN_IN_LIMITS.pair.free + 3; i++) outcomes.push(await attempt(request, baseURL!, fields, email, `guess-${i}`, `203.0.113.${i}`));
    expect(outcomes).toEqual([...Array(SIGN_IN_LIMITS.pair.free).fill("FAILED"), "WAIT", "WAIT", "WAIT"]);
    // Counted under the one real address, never under the ones claimed.
    const rows = await sql<{ key: string; failures: number }>(`SELECT key, failures FROM "LoginThrottle" ORDER BY key`);
    expect(rows.filter((r) => r.key.startsWith("address:"))).toHaveLength(1);
    expect(rows.filter((r) => r.key.startsWith("pair:"))).toEqual([expect.objectContaining({ failures: SIGN_IN_LIMITS.pair.free })]);
  });

  test("many accounts from one address, each attempt claiming a new one: the address waits after its allowed failures", async ({ request, baseURL }) => {
    test.setTimeout(120_000);
    const fields = await hiddenFields(request, "/sign-in", "email");
    const tag = Date.now();
    const outcomes: string[] = [];
    for (let i = 1; i <= SIGN_IN_LIMITS.address.free + 2; i++) outcomes.push(await attempt(request, baseURL!, fields, `account-${i}-${tag}@example.com`, "Password1", `203.0.113.${i}`));
    expect(outcomes).toEqual([...Array(SIGN_IN_LIMITS.address.free).fill("FAILED"), "WAIT", "WAIT"]);
    const [address] = await sql<{ failures: number }>(`SELECT failures FROM "LoginThrottle" WHERE key LIKE 'address:%'`);
    expect(address!.failures).toBe(SIGN_IN_LIMITS.address.free);
  });
});

test.describe("upload limits held by the server", () => {
  test.beforeEach(forgetFamilyLinkRequests);

  const uploadRows = async () => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "FamilyUpload"`))[0]!.n;
  const storedFiles = () => {
    const root = path.join(e2eRun().dir, "files");
    try {
      return readdirSync(root, { recursive: true }).length;
    } catch {
      return 0;
    }
  };

  test("crafted posts larger than a page takes are refused before they are read, and write nothing", async ({ request }) => {
    const [row] = await sql<{ id: string }>(`SELECT id FROM "Case" WHERE reference = 'SM-DEMO-00001'`);
    const before = { uploads: await uploadRows(), files: storedFiles(), limits: await sql(`SELECT key, count FROM "RateLimit" ORDER BY key`) };
    const big = Buffer.alloc(UPLOAD_REQUEST_MAX_BYTES + 1, 0x41);
    // The verify page's upload and the family's views page, as a script would post them (a server action id claimed).
    for (const url of ["/verify/ABCD-EFGH-JKLM-NPQR", `/my-case/${row!.id}/views`]) {
      const res = await request.post(url, { data: big, headers: { "Content-Type": "multipart/form-data; boundary=x", "Next-Action": "0".repeat(42) } });
      expect(res.status(), url).toBe(413);
      expect(await res.text()).toBe("The request is too large.");
    }
    // A page that takes no file: 1 MB at most.
    const page = await request.post("/cases/new/check", { data: Buffer.alloc(1024 * 1024 + 1, 0x41), headers: { "Content-Type": "application/x-www-form-urlencoded", "Next-Action": "0".repeat(42) } });
    expect(page.status()).toBe(413);
    expect({ uploads: await uploadRows(), files: storedFiles(), limits: await sql(`SELECT key, count FROM "RateLimit" ORDER BY key`) }).toEqual(before);
  });

  test("without JavaScript, a file over the limit, and a post too large to read, each get the message and store nothing", async ({ page, browser }) => {
    test.setTimeout(120_000);
    const smtp = await startSmtp();
    try {
      const [row] = await sql<{ id: string }>(`SELECT id FROM "Case" WHERE reference = 'SM-DEMO-00001'`);
      await page.goto("/sign-in/family");
      await page.getByLabel("Email address").fill("parent@demo.test");
      await page.getByRole("button", { name: "Send me a sign-in link" }).click();
      const mail = await smtp.waitFor((m) => m.to === "parent@demo.test");
      await page.goto(/(http:\/\/\S+\/sign-in\/family\/verify\?token=\S+)/.exec(mail.text)![1]!);
      await page.getByRole("button", { name: "Continue to your case" }).click();
      await expect(page).toHaveURL(/\/my-case(\/[^/]+)?$/);

      const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
      const plain = await noJs.newPage();
      const before = { uploads: await uploadRows(), files: storedFiles() };
      const send = async (bytes: number) => {
        await plain.goto(`/my-case/${row!.id}/views`);
        await plain.getByLabel("Upload a document (optional)").setInputFiles({ name: "big.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(bytes, 0x25) });
        await plain.getByRole("button", { name: "Send to your mediator" }).click();
      };
      // Just over the file limit: read by the server, refused by the command.
      await send(MAX_FAMILY_UPLOAD_BYTES + 1);
      await expect(plain.getByTestId("error-summary")).toContainText(VIEWS_MESSAGES.tooLarge);
      // Over what the page reads at all: refused by the proxy, sent back to the page with the message.
      await send(UPLOAD_REQUEST_MAX_BYTES + 1);
      await expect(plain).toHaveURL(/\?error=too-large$/);
      await expect(plain.locator("main")).toContainText(REQUEST_TOO_LARGE_MESSAGE);
      expect({ uploads: await uploadRows(), files: storedFiles() }).toEqual(before);
      await noJs.close();
    } finally {
      await smtp.close();
    }
  });
});
