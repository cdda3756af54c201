/**
 * The family's pages on the Pages Router (decision 0038): the same chain as the App Router's pages
 * and server actions, from the Node request Next gives getServerSideProps. Nothing here is a copy:
 * the session is the cookie read by sessionUserFromCookie (as getSessionUser reads it), the
 * address clientIpFrom (TRUSTED_PROXY_HOPS, ./session.ts), a form post goes through runActionAs
 * (./action-chain.ts: permission, submission key — decision 0035 —, the lib command, field errors).
 *
 *   GET:  session → permission (else 404, never 403) → the page's lib query → props.
 *   POST: the same, then the origin check (the rule Next applies to server actions), the body
 *         read as the web platform reads it (Request.formData: multipart or urlencoded), the page's
 *         form → a 303 to the page's confirmation, or the page again with the errors and the input.
 * What the user may not see is the not-found page with status 404 (rendered by the page itself,
 * with the header of a signed-in user). Errors never reach the page: an unexpected one is logged
 * and shown as the chain's generic message.
 */
import "server-only";
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import type { GetServerSidePropsContext, GetServerSidePropsResult } from "next";
import { can, type Permission } from "@/lib/auth/policy";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { mustEnrolSecondFactor, SECOND_FACTOR_PATH } from "@/lib/auth/totp/totp";
import { getFamilyCaseNav, type FamilyCaseNav } from "@/lib/family/home/get-family-case-nav";
import { toWire, type Wire } from "@/lib/platform/wire";
import { FORM_FIELD } from "@/components/family/form-field";
import type { ActionState, Caller } from "./action-chain";
import { clientIpFrom, SESSION_COOKIE, sessionUserFromCookie } from "./session";

/** A family form's handler: the caller and the posted form → the state to show (or a redirect thrown). */
export type PageForm = (caller: Caller, fd: FormData) => Promise<ActionState>;

/** What every family page is given (all JSON: lib/platform/wire.ts). */
export type FamilyPageProps<D> = {
  user: Wire<SessionUser | null>;
  /** The page's path (no query): the sub-navigation marks its current page from it. */
  path: string;
  nav: Wire<FamilyCaseNav> | null;
  outcome: "ok" | "not-found" | "refused";
  data: Wire<D> | null;
  /** A post's answer when the page is shown again (errors, a confirmation step); null for a GET. */
  state: Wire<ActionState> | null;
};

/** Thrown by a page's `load` to send the user elsewhere (a GET: 307, as Next's redirect() in a page). */
export class PageRedirect extends Error {
  constructor(readonly to: string) {
    super(`redirect to ${to}`);
  }
}

export type FamilyPageSpec<D> = {
  /** The page's own permission; family:workspace is always needed as well (the family's pages). */
  permission: Permission;
  /** Where sign-in brings the user back to; null: the sign-in page's own default. */
  returnTo: string | null;
  /** The case whose sub-navigation (and scope) frames the page; null for /my-case itself. */
  caseId: string | null;
  /** The page's forms by their `form` field ("default" when the page has one form). */
  forms?: Record<string, PageForm>;
  /** The page's lib query, after any post; NotFoundError → 404, PageRedirect → elsewhere. */
  load: (user: SessionUser, state: ActionState | null) => Promise<D>;
};


export async function pageCaller(ctx: Pick<GetServerSidePropsContext, "req" | "res">): Promise<Caller> {
  const user = await sessionUserFromCookie(ctx.req.cookies[SESSION_COOKIE]);
  return { user, ip: clientIpFrom(ctx.req.headers as Record<string, unknown>), defer: runAfterAnswer };
}

/** A page's work after its answer (afterAnswer): not awaited, so the answer does not wait for it. */
function runAfterAnswer(work: () => Promise<void>): void {
  void work().catch((e: unknown) => console.error("[page] work after the answer failed", e));
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The rule Next applies to a server action's post (decision 0038 keeps it for the family's forms):
 * an Origin header, when there is one, must name this host (X-Forwarded-Host, else Host) or one of
 * the allowed origins (APP_ORIGIN's host, as next.config.js gives serverActions.allowedOrigins).
 * A post from another site is refused before its body is read.
 */
export function originAllowed(headers: IncomingHttpHeaders, allowedHosts: readonly string[] = appOriginHosts()): boolean {
  const origin = first(headers.origin);
  if (origin === undefined) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  if (!originHost) return false;
  const host = first(headers["x-forwarded-host"])?.split(",")[0]?.trim() || first(headers.host);
  return originHost === host || allowedHosts.includes(originHost);
}

function appOriginHosts(): string[] {
  try {
    return process.env.APP_ORIGIN ? [new URL(process.env.APP_ORIGIN).host] : [];
  } catch {
    return [];
  }
}

/** The posted form, read as the web platform reads it (undici's Request.formData): multipart or urlencoded. */
export async function readForm(req: IncomingMessage): Promise<FormData> {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string" && (k === "content-type" || k === "content-length")) headers.set(k, v);
  const body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
  return new Request("http://localhost/", { method: "POST", headers, body, duplex: "half" } as RequestInit & { duplex: "half" }).formData();
}

function digestOf(e: unknown): string | null {
  const d = e && typeof e === "object" && "digest" in e ? (e as { digest: unknown }).digest : null;
  return typeof d === "string" ? d : null;
}

/** Where Next's redirect() was sending the user (its digest: `NEXT_REDIRECT;type;url;status;`). */
function redirectOf(e: unknown): string | null {
  const d = digestOf(e);
  if (!d?.startsWith("NEXT_REDIRECT;")) return null;
  return d.split(";").slice(2, -2).join(";");
}

const isNotFound = (e: unknown) => e instanceof NotFoundError || !!digestOf(e)?.startsWith("NEXT_HTTP_ERROR_FALLBACK;404");

const GENERIC_ERROR: ActionState = { status: "error", message: "Sorry, something went wrong and nothing was saved. Try again." };

export async function familyPage<D>(ctx: GetServerSidePropsContext, spec: FamilyPageSpec<D>): Promise<GetServerSidePropsResult<FamilyPageProps<D>>> {
  const post = ctx.req.method === "POST";
  const status = post ? 303 : 307;
  const caller = await pageCaller(ctx);
  const user = caller.user;
  const props = answer<D>(ctx, user);
  if (!user) return { redirect: { destination: spec.returnTo ? `/sign-in?next=${encodeURIComponent(spec.returnTo)}` : "/sign-in", statusCode: status } };
  if (!can(user, "family:workspace") || !can(user, spec.permission)) return props("not-found");
  if (mustEnrolSecondFactor(user)) return { redirect: { destination: SECOND_FACTOR_PATH, statusCode: status } };
  try {
    const nav = spec.caseId === null ? null : await getFamilyCaseNav(user, spec.caseId);
    let state: ActionState | null = null;
    if (post && spec.forms) {
      if (!originAllowed(ctx.req.headers)) return props("refused");
      state = await submit(ctx, caller, spec.forms);
    }
    const data = await spec.load(user, state);
    return props("ok", { nav: nav && toWire(nav), data: toWire(data), state: state && toWire(state) });
  } catch (e) {
    return caught(e, props, status);
  }
}

export type PublicPageSpec<D> = {
  /** The page's forms by their `form` field ("default" when the page has one form). */
  forms?: Record<string, PageForm>;
  /** What the page shows, after any post; NotFoundError → 404, PageRedirect → elsewhere. */
  load: (caller: Caller, state: ActionState | null) => Promise<D>;
};

/**
 * A page anyone may open, signed in or not (the pages a family or the public opens signed out:
 * family sign-in, signing by link, self-referral — decision 0038): the same plumbing as
 * familyPage without the permission step. The header still shows who is signed in, if anyone, as
 * the App Router's root layout does; a post from another site is refused before it is read.
 */
export async function publicPage<D>(ctx: GetServerSidePropsContext, spec: PublicPageSpec<D>): Promise<GetServerSidePropsResult<FamilyPageProps<D>>> {
  const post = ctx.req.method === "POST";
  const status = post ? 303 : 307;
  const caller = await pageCaller(ctx);
  const props = answer<D>(ctx, caller.user);
  try {
    let state: ActionState | null = null;
    if (post && spec.forms) {
      if (!originAllowed(ctx.req.headers)) return props("refused");
      state = await submit(ctx, caller, spec.forms);
    }
    const data = await spec.load(caller, state);
    return props("ok", { data: toWire(data), state: state && toWire(state) });
  } catch (e) {
    return caught(e, props, status);
  }
}

type Answer<D> = (outcome: FamilyPageProps<D>["outcome"], more?: Partial<FamilyPageProps<D>>) => { props: FamilyPageProps<D> };

/** The page's props, with the status a 404 or a refused post is sent with. */
function answer<D>(ctx: GetServerSidePropsContext, user: SessionUser | null): Answer<D> {
  const path = (ctx.resolvedUrl ?? "/").split("?")[0]!;
  return (outcome, more = {}) => {
    if (outcome === "not-found") ctx.res.statusCode = 404;
    if (outcome === "refused") ctx.res.statusCode = 403;
    return { props: { user: toWire(user), path, nav: null, outcome, data: null, state: null, ...more } };
  };
}

/** A page's load or form threw: not found → 404, a redirect → there, anything else → Next's error page. */
function caught<D>(e: unknown, props: Answer<D>, status: 303 | 307): GetServerSidePropsResult<FamilyPageProps<D>> {
  if (isNotFound(e)) return props("not-found");
  const to = e instanceof PageRedirect ? e.to : redirectOf(e);
  if (to !== null) return { redirect: { destination: to, statusCode: e instanceof PageRedirect ? status : 303 } };
  throw e;
}

/** A post: its form's handler; a redirect (success) or a 404 thrown through, anything else a message. */
async function submit(ctx: GetServerSidePropsContext, caller: Caller, forms: Record<string, PageForm>): Promise<ActionState> {
  let fd: FormData;
  try {
    fd = await readForm(ctx.req);
  } catch (e) {
    // A post that is not a form (no or another content type): said in one line, no stack.
    console.error(`[page form] unreadable body: ${e instanceof Error ? e.message : String(e)}`);
    return GENERIC_ERROR;
  }
  const name = fd.get(FORM_FIELD);
  const handler = (typeof name === "string" && Object.hasOwn(forms, name) ? forms[name] : undefined) ?? forms.default;
  if (!handler) return GENERIC_ERROR;
  try {
    return await handler(caller, fd);
  } catch (e) {
    if (isNotFound(e) || redirectOf(e) !== null) throw e;
    console.error("[page form] unexpected error", e);
    return GENERIC_ERROR;
  }
}
