/**
 * The page a family's sign-in link opens. A button, not an automatic sign-in: email scanners that
 * open links must not use up the token. No JavaScript (decision 0038): the button posts a plain
 * form to next-auth's credentials callback (/api/auth/callback/family-link) with the link's token
 * and next-auth's CSRF token (its cookie is set by this page); next-auth then sends the family to
 * /my-case, or back here with `?error=` (EXPIRED, USED, INVALID: app/_server/session.ts) when the
 * link is refused, and this page says why.
 */
import type { GetServerSideProps } from "next";
import Link from "next/link";
import { publicPage, type FamilyPageProps } from "@/app/_server/pages";
import { nextAuthCsrfToken } from "@/app/_server/next-auth-csrf";
import { FamilyPage } from "@/components/family/FamilyPage";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

const MESSAGES: Record<string, string> = {
  EXPIRED: "This sign-in link has expired, or a newer link has been sent. Links last 15 minutes and only the newest one works.",
  USED: "This sign-in link has already been used. Each link works once.",
  INVALID: "This sign-in link is not valid.",
};

type Data = { view: "form"; token: string; csrfToken: string } | { view: "refused"; message: string } | { view: "incomplete" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export const getServerSideProps: GetServerSideProps<FamilyPageProps<Data>> = (ctx) =>
  publicPage<Data>(ctx, {
    load: async () => {
      const error = one(ctx.query.error);
      if (error) return { view: "refused", message: (Object.hasOwn(MESSAGES, error) ? MESSAGES[error] : undefined) ?? MESSAGES.INVALID! };
      const token = one(ctx.query.token);
      if (!token) return { view: "incomplete" };
      return { view: "form", token, csrfToken: await nextAuthCsrfToken(ctx) };
    },
  });

export default function VerifyPage(props: FamilyPageProps<Data>) {
  return (
    <FamilyPage props={props} title={(d) => (d.view === "incomplete" ? "This sign-in link is not complete" : "Sign in to your case")}>
      {(d) =>
        d.view === "incomplete" ? (
          <>
            <h1 className="h-l">This sign-in link is not complete</h1>
            <p className="body">
              Copy the whole link from the email, or <Link href="/sign-in/family">get a new sign-in link</Link>.
            </p>
          </>
        ) : (
          <>
            <h1 className="h-l">Sign in to your case</h1>
            {d.view === "refused" ? (
              <div role="alert">
                <h2 className="h-m">You cannot sign in with this link</h2>
                <p className="body">{d.message}</p>
                <p className="body">
                  <Link href="/sign-in/family">Get a new sign-in link</Link>
                </p>
              </div>
            ) : (
              <form method="post" action="/api/auth/callback/family-link">
                <input type="hidden" name="token" value={d.token} />
                <input type="hidden" name="csrfToken" value={d.csrfToken} />
                <input type="hidden" name="callbackUrl" value="/my-case" />
                <button type="submit" className="button">
                  Continue to your case
                </button>
              </form>
            )}
          </>
        )
      }
    </FamilyPage>
  );
}
