/**
 * The authorization matrix, pages and route handlers (issue 12, decision 0024): every page and
 * route handler found under app/ is asked for by every actor (tests/authz/fixtures.ts ACTORS), and
 * each answer must be exactly the row's outcome in tests/authz/route-matrix.ts — the content (a
 * marker in a 200), a 404, a redirect to the sign-in page, another redirect or status. An actor
 * outside case A never gets case A's reference or its young person's name in any answer.
 *
 * HTTP only (no page is rendered in the browser), against the production build. Each actor's
 * session cookie is minted the way the app itself starts a session (next-auth's `encode`, the
 * user id and session version: app/_server/auth.ts startSession); signing in is tested in
 * sign-in.spec.ts. Server actions are in tests/integration/authz/actions-matrix.test.ts.
 */
import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { appRoutes, fillRoute } from "../authz/app-routes";
import { ACTORS, SIGNED_OUT_ACTORS, createAuthzFixtures, type Actor, type AuthzFixtures } from "../authz/fixtures";
import { BLIND_TO_CASE_A, ROUTE_MATRIX, type PageOutcome, type RouteRow } from "../authz/route-matrix";
import { sql } from "./helpers";
import { E2E_NEXTAUTH_SECRET, e2eRun } from "./run";

const SESSION_COOKIE = "__Secure-next-auth.session-token";

test("every page and route handler in app/ has a row in the route matrix, and every row a route", () => {
  const found = appRoutes();
  const rows = new Set(ROUTE_MATRIX.map((r) => r.route));
  const missing = found.filter((r) => !rows.has(r.route)).map((r) => `${r.route} (${r.kind} ${r.file}): add a row for it to ROUTE_MATRIX in tests/authz/route-matrix.ts`);
  const known = new Set(found.map((r) => r.route));
  const stale = [...rows].filter((r) => !known.has(r)).map((r) => `${r}: no such page or route handler under app/ any more; remove or rename its row in tests/authz/route-matrix.ts`);
  expect([...missing, ...stale]).toEqual([]);
});

let f: AuthzFixtures;
const clients = new Map<Actor, APIRequestContext>();

test.beforeAll(async () => {
  f = await createAuthzFixtures((text, values) => sql(text, values), { fileStoreDir: `${e2eRun().dir}/files` });
  const baseURL = `http://localhost:${e2eRun().port}`;
  for (const actor of ACTORS) {
    let cookie: string | undefined;
    if (!(SIGNED_OUT_ACTORS as readonly Actor[]).includes(actor)) {
      const u = f.users[actor as keyof AuthzFixtures["users"]];
      cookie = `${SESSION_COOKIE}=${await encode({ token: { sub: u.id, sv: u.sessionVersion }, secret: E2E_NEXTAUTH_SECRET, maxAge: 60 * 60 })}`;
    }
    clients.set(actor, await request.newContext({ baseURL, extraHTTPHeaders: cookie ? { cookie } : {} }));
  }
});

test.afterAll(async () => {
  for (const c of clients.values()) await c.dispose();
});

function describe(o: PageOutcome): string {
  if (o.kind === "ok") return `200 with ${JSON.stringify(typeof o.marker === "string" ? o.marker : o.marker(f))}`;
  if (o.kind === "redirect") return `a redirect to ${typeof o.to === "string" ? o.to : o.to(f)}`;
  if (o.kind === "status") return `status ${o.status}`;
  return o.kind === "404" ? "404" : "a redirect to the sign-in page";
}

/** What is wrong with the answer to `actor`, or null. */
async function check(row: RouteRow, actor: Actor): Promise<string | null> {
  const url = fillRoute(row.route, row.params?.(f, actor) ?? {}) + (row.query ? `?${typeof row.query === "function" ? row.query(f) : row.query}` : "");
  const want = row.expect[actor];
  const res = await clients.get(actor)!.fetch(url, { method: row.method ?? "GET", maxRedirects: 0 });
  const body = await res.text();
  const location = res.headers()["location"] ?? "";
  const got = `${res.status()}${location ? ` → ${location}` : ""}`;
  const wrong = (why: string) => `${actor} ${row.method ?? "GET"} ${url}: expected ${describe(want)}, got ${got}${why ? ` (${why})` : ""}`;
  if ((BLIND_TO_CASE_A as readonly Actor[]).includes(actor)) {
    const leaked = [f.caseReference, f.childName].filter((s) => body.includes(s) || location.includes(s));
    if (leaked.length > 0) return wrong(`case A leaked: ${leaked.join(", ")}`);
  }
  switch (want.kind) {
    case "ok": {
      const marker = typeof want.marker === "string" ? want.marker : want.marker(f);
      if (res.status() !== 200) return wrong("");
      return body.includes(marker) ? null : wrong(`the body lacks ${JSON.stringify(marker)}`);
    }
    case "404":
      return res.status() === 404 ? null : wrong("");
    case "sign-in":
      return res.status() >= 300 && res.status() < 400 && /^(https?:\/\/[^/]+)?\/sign-in(\?|$)/.test(location) ? null : wrong("");
    case "redirect": {
      const path = location.replace(/^https?:\/\/[^/]+/, "");
      const to = typeof want.to === "string" ? want.to : want.to(f);
      return res.status() >= 300 && res.status() < 400 && (path === to || path.startsWith(`${to}?`) || path.startsWith(`${to}#`)) ? null : wrong("");
    }
    case "status":
      return res.status() === want.status ? null : wrong("");
  }
}

for (const row of ROUTE_MATRIX) {
  test(`${row.method ?? "GET"} ${row.route}${row.label ? ` (${row.label})` : ""}`, async () => {
    const problems = (await Promise.all(ACTORS.map((a) => check(row, a)))).filter((p): p is string => p !== null);
    expect(problems).toEqual([]);
  });
}
