/**
 * next-auth's CSRF token for a Pages Router page's own form (decision 0038: the family's sign-in
 * link is a plain form post to next-auth's credentials callback, which refuses a post without it).
 * Not a copy of next-auth's scheme: its own handler answers GET /api/auth/csrf in-process, as it
 * would over HTTP, and the page sends on the cookie it sets (the token, with its hash under the
 * secret), so the form's hidden field and the cookie match when the form is posted.
 */
import "server-only";
import type { GetServerSidePropsContext } from "next";
import NextAuth from "next-auth";
import { authOptions } from "./session";

type Res = { status(code: number): Res; setHeader(name: string, value: unknown): Res; getHeader(name: string): unknown; send(body: unknown): void; json(body: unknown): void; end(): void };

export async function nextAuthCsrfToken(ctx: Pick<GetServerSidePropsContext, "req" | "res">): Promise<string> {
  let body: unknown = null;
  const isCookie = (name: string) => name.toLowerCase() === "set-cookie";
  const res: Res = {
    status: () => res,
    // Only the cookie reaches the page's answer: the handler's JSON headers are not the page's.
    setHeader: (name, value) => {
      if (isCookie(name)) ctx.res.setHeader("Set-Cookie", value as string[]);
      return res;
    },
    getHeader: (name) => (isCookie(name) ? ctx.res.getHeader("Set-Cookie") : undefined),
    send: (b) => void (body = b),
    json: (b) => void (body = b),
    end: () => {},
  };
  const req = { method: "GET", query: { nextauth: ["csrf"] }, cookies: ctx.req.cookies, headers: ctx.req.headers, body: {} };
  await (NextAuth as unknown as (req: unknown, res: Res, options: typeof authOptions) => Promise<void>)(req, res, authOptions);
  const token = body && typeof body === "object" && "csrfToken" in body ? (body as { csrfToken: unknown }).csrfToken : null;
  if (typeof token !== "string" || !token) throw new Error("next-auth gave no CSRF token");
  return token;
}
