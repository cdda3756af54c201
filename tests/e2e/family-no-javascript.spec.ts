/**
 * Decision 0038 (issue 14: "first-load JavaScript of each family page ≤ 100 kB gzip"): the family's
 * pages load no JavaScript at all — a family on a slow phone downloads the page and its stylesheet,
 * nothing else. Every page under pages/my-case (the signed-in family's pages, found from the code
 * as the route matrix finds them; the signed-out ones: public-no-javascript.spec.ts) is fetched from the production build as the family of case A (the young
 * person; /my-case as the parent without consent, who stays on it): its HTML has no <script>
 * element — no script file, and none of React's inline data — yet has the shell every page has
 * (skip link, header, main, footer) and the stylesheet. A page the family may not see (404) and a
 * form posted with nothing in it (the page again, with its error summary) are checked too. If a
 * Next upgrade stops honouring `unstable_runtimeJS: false`, this fails.
 */
import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { appRoutes, fillRoute } from "../authz/app-routes";
import { createAuthzFixtures, type AuthzFixtures } from "../authz/fixtures";
import { sql } from "./helpers";
import { E2E_NEXTAUTH_SECRET, e2eRun } from "./run";

const SESSION_COOKIE = "__Secure-next-auth.session-token";

let f: AuthzFixtures;
const clients: APIRequestContext[] = [];

async function client(actor: "family" | "ypParent"): Promise<APIRequestContext> {
  const u = f.users[actor];
  const cookie = `${SESSION_COOKIE}=${await encode({ token: { sub: u.id, sv: u.sessionVersion }, secret: E2E_NEXTAUTH_SECRET, maxAge: 60 * 60 })}`;
  const c = await request.newContext({ baseURL: `http://localhost:${e2eRun().port}`, extraHTTPHeaders: { cookie } });
  clients.push(c);
  return c;
}

test.beforeAll(async () => {
  f = await createAuthzFixtures((text, values) => sql(text, values), { fileStoreDir: `${e2eRun().dir}/files` });
});

test.afterAll(async () => {
  for (const c of clients) await c.dispose();
});

/** What must hold of every family page's HTML. */
function expectNoJavaScript(url: string, html: string) {
  expect(html, `${url}: a <script> element`).not.toMatch(/<script\b/i);
  expect(html, `${url}: a preloaded script`).not.toMatch(/rel="(modulepreload|preload)"[^>]*as="script"|\.js"/i);
  // The same page as ever: the shell and the stylesheet.
  expect(html, url).toContain("Skip to main content");
  expect(html, url).toMatch(/<main[^>]*id="main-content"/);
  expect(html, url).toContain('<html lang="en-GB"');
  expect(html, `${url}: the stylesheet`).toMatch(/<link[^>]+rel="stylesheet"[^>]+\.css/);
}

const PARAMS = (fx: AuthzFixtures): Record<string, string> => ({ caseId: fx.caseId, uploadId: fx.familyUploadId });

test("every family page is served with no JavaScript, signed in, including its 404 and a refused post", async () => {
  const family = await client("family");
  const parent = await client("ypParent");
  const pages = appRoutes().filter((r) => r.file.startsWith("pages/my-case"));
  expect(pages.map((p) => p.route)).toEqual(expect.arrayContaining(["/my-case", "/my-case/[caseId]", "/my-case/[caseId]/views", "/my-case/[caseId]/agreement/sign"]));
  for (const p of pages) {
    const url = fillRoute(p.route, PARAMS(f));
    // The young person has one case, so /my-case sends them to it: the parent without consent stays on it.
    const res = await (p.route === "/my-case" ? parent : family).get(url, { maxRedirects: 0 });
    // The meeting answer page is a 404 for case A's young person (not invited): that page is checked too.
    expect([200, 404], `${url}: ${res.status()}`).toContain(res.status());
    expectNoJavaScript(url, await res.text());
  }

  // Another case: the not-found page, still without JavaScript.
  const other = await family.get(`/my-case/${f.otherCaseId}`, { maxRedirects: 0 });
  expect(other.status()).toBe(404);
  const otherHtml = await other.text();
  expect(otherHtml).toContain("Page not found");
  expectNoJavaScript("another case", otherHtml);

  // A form posted with nothing in it: the page again, with the error summary, nothing written.
  const post = await family.post(`/my-case/${f.caseId}/views`, { maxRedirects: 0, multipart: { form: "send", caseId: f.caseId, views: "", childViews: "" } });
  expect(post.status()).toBe(200);
  const postHtml = await post.text();
  expect(postHtml).toContain("There is a problem");
  expect(postHtml).toMatch(/<title[^>]*>Error: /);
  expectNoJavaScript("a refused post", postHtml);
});

test("the family's pages keep the chain: the read is audited, another site's post is refused, signed out means signing in", async () => {
  const family = await client("family");
  // The overview's read goes into the audit trail, as it did on the App Router (issue 13): one row
  // for this family user and case (reads within READ_AUDIT_WINDOW_MINUTES are one).
  expect((await family.get(`/my-case/${f.caseId}`)).status()).toBe(200);
  const reads = await sql<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent" WHERE "actorId" = $1 AND action = 'case.viewed' AND "caseId" = $2`, [f.users.family.id, f.caseId]);
  expect(Number(reads[0]!.n)).toBe(1);

  // A form posted from another site: refused before it is read (the rule Next applies to server actions), nothing written.
  const before = Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent"`, []))[0]!.n);
  const forged = await family.post(`/my-case/${f.caseId}/views`, {
    maxRedirects: 0,
    headers: { origin: "https://evil.example" },
    multipart: { form: "send", caseId: f.caseId, views: "Sent from another site" },
  });
  expect(forged.status()).toBe(403);
  expect(await forged.text()).toContain("This form could not be sent");
  expect(Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent"`, []))[0]!.n)).toBe(before);
  expect(await sql(`SELECT 1 FROM "FamilySubmission" WHERE views = 'Sent from another site'`, [])).toHaveLength(0);

  // Signed out: the sign-in page, coming back to the page after signing in.
  const anonymous = await request.newContext({ baseURL: `http://localhost:${e2eRun().port}` });
  clients.push(anonymous);
  const out = await anonymous.get(`/my-case/${f.caseId}/views`, { maxRedirects: 0 });
  expect(out.status()).toBeGreaterThanOrEqual(300);
  expect(out.status()).toBeLessThan(400);
  expect(out.headers()["location"]).toBe(`/sign-in?next=${encodeURIComponent(`/my-case/${f.caseId}/views`)}`);
});

test("a page still on the App Router (staff sign-in) loads Next's runtime (the check above is not vacuous)", async () => {
  const anonymous = await request.newContext({ baseURL: `http://localhost:${e2eRun().port}` });
  clients.push(anonymous);
  const res = await anonymous.get("/sign-in");
  expect(res.status()).toBe(200);
  expect(await res.text()).toMatch(/<script[^>]+src="\/_next\/static\/[^"]+\.js"/);
});
