/**
 * The benchmark's browser stand-in (issue 14): signs users in over HTTP the way the product's forms
 * do without JavaScript, keeps each user's cookies, and times requests on loopback.
 *
 * - Staff: GET /sign-in, then POST the form's fields (its hidden server-action fields as rendered,
 *   email, password) as multipart, as a browser without JavaScript posts it; the answer is a 303
 *   with the session cookie (app/sign-in/actions.ts).
 * - Family: POST the e-mail form on /sign-in/family, take the link from the e-mail the app sends
 *   (through the job worker, to the bench's SMTP catcher), then what the link page's button does:
 *   GET /api/auth/csrf and POST /api/auth/callback/family-link (next-auth 4 credentials).
 * Each simulated user has its own client address (X-Forwarded-For, with TRUSTED_PROXY_HOPS=1 on the
 * app, as behind a reverse proxy), so per-address sign-in limits see fifty people, not one.
 */
export class HttpUser {
  readonly cookies = new Map<string, string>();
  constructor(
    readonly base: string,
    readonly address: string,
    readonly label: string,
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  headers(extra: Record<string, string> = {}): Record<string, string> {
    const h: Record<string, string> = { "X-Forwarded-For": this.address, ...extra };
    const cookie = this.cookieHeader();
    if (cookie) h.Cookie = cookie;
    return h;
  }

  private keep(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const i = pair.indexOf("=");
      if (i <= 0) continue;
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      if (value === "" || /max-age=0/i.test(line) || /expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<{ status: number; body: string; location: string | null; ms: number }> {
    const started = performance.now();
    const res = await fetch(new URL(path, this.base), { ...init, redirect: "manual", headers: { ...this.headers(), ...((init.headers as Record<string, string>) ?? {}) } });
    const body = await res.text();
    const ms = performance.now() - started;
    this.keep(res);
    return { status: res.status, body, location: res.headers.get("location"), ms };
  }

  /** GET `path`; throws unless it answers 200 (a redirect would time the sign-in page, not the page). */
  async get200(path: string): Promise<{ body: string; ms: number }> {
    const r = await this.request(path);
    if (r.status !== 200) throw new Error(`${this.label}: GET ${path} answered ${r.status}${r.location ? ` → ${r.location}` : ""}`);
    return r;
  }

  /** Posts the form of `pagePath` that contains `marker` (an input name), without JavaScript. */
  async submitForm(pagePath: string, marker: string, fields: Record<string, string>): Promise<{ status: number; location: string | null; body: string }> {
    const page = await this.get200(pagePath);
    const form = formContaining(page.body, marker);
    if (!form) throw new Error(`${this.label}: no form with a field "${marker}" on ${pagePath}`);
    const fd = new FormData();
    for (const [name, value] of hiddenInputs(form)) fd.append(name, value);
    for (const [name, value] of Object.entries(fields)) fd.append(name, value);
    // Node's fetch gives a FormData body its length; the proxy refuses a body without one (411).
    const body = new Response(fd);
    const bytes = Buffer.from(await body.arrayBuffer());
    return this.request(pagePath, {
      method: "POST",
      body: bytes,
      headers: { "Content-Type": body.headers.get("content-type")!, Origin: new URL(this.base).origin, "Content-Length": String(bytes.length) },
    });
  }
}

const decodeEntities = (s: string) =>
  s.replace(/&(quot|amp|lt|gt|#39|#x27);/g, (_, e: string) => ({ quot: '"', amp: "&", lt: "<", gt: ">", "#39": "'", "#x27": "'" })[e]!);

/** The first <form>…</form> of `html` holding an input named `name`. */
export function formContaining(html: string, name: string): string | null {
  for (const m of html.matchAll(/<form\b[\s\S]*?<\/form>/g)) if (m[0].includes(`name="${name}"`)) return m[0];
  return null;
}

/** Every `<input type="hidden" name=… value=…>` of a form, in order, values decoded. */
export function hiddenInputs(formHtml: string): [string, string][] {
  const out: [string, string][] = [];
  for (const m of formHtml.matchAll(/<input\b[^>]*>/g)) {
    const tag = m[0];
    if (!/type="hidden"/.test(tag)) continue;
    const name = /name="([^"]*)"/.exec(tag)?.[1];
    if (name === undefined) continue;
    out.push([decodeEntities(name), decodeEntities(/value="([^"]*)"/.exec(tag)?.[1] ?? "")]);
  }
  return out;
}

export async function signInStaff(base: string, address: string, email: string, password: string): Promise<HttpUser> {
  const u = new HttpUser(base, address, email);
  const r = await u.submitForm("/sign-in", "password", { email, password });
  if (r.status !== 303 || ![...u.cookies.keys()].some((k) => k.endsWith("next-auth.session-token")))
    throw new Error(`${email}: staff sign-in answered ${r.status}${r.location ? ` → ${r.location}` : ""} without a session cookie${/error-summary/.test(r.body) ? " (the form shows an error)" : ""}`);
  return u;
}

/** Asks for a family sign-in link (the e-mail form); the link arrives by e-mail. */
export async function requestFamilyLink(base: string, address: string, email: string): Promise<HttpUser> {
  const u = new HttpUser(base, address, email);
  const r = await u.submitForm("/sign-in/family", "email", { email });
  if (r.status !== 303) throw new Error(`${email}: asking for a sign-in link answered ${r.status}${r.location ? ` → ${r.location}` : ""}`);
  return u;
}

/** The token of the newest family sign-in link in a message body. */
export function familyLinkToken(text: string): string | null {
  const all = [...text.replace(/=\r?\n/g, "").replace(/=3D/g, "=").matchAll(/\/sign-in\/family\/verify\?token=([A-Za-z0-9_\-.%]+)/g)];
  return all.length ? decodeURIComponent(all[all.length - 1]![1]!) : null;
}

/** What the link page's "Continue" button does: next-auth's credentials sign-in with the token. */
export async function completeFamilySignIn(u: HttpUser, token: string): Promise<void> {
  await u.get200(`/sign-in/family/verify?token=${encodeURIComponent(token)}`);
  const csrf = await u.request("/api/auth/csrf");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const body = new URLSearchParams({ token, csrfToken, callbackUrl: `${u.base}/my-case`, json: "true" }).toString();
  const r = await u.request("/api/auth/callback/family-link", {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(Buffer.byteLength(body)), Origin: new URL(u.base).origin },
  });
  if (![...u.cookies.keys()].some((k) => k.endsWith("next-auth.session-token"))) throw new Error(`${u.label}: the family link sign-in answered ${r.status} without a session cookie: ${r.body.slice(0, 200)}`);
}
