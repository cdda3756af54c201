import Link from "next/link";
import { redirect } from "next/navigation";
import { HOME_BY_ROLE } from "@/lib/auth/types";
import { safeReturnPath } from "@/lib/auth/sessions";
import { getSessionUser } from "../_server/auth";
import { StaffSignInForm } from "./StaffSignInForm";

export const metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ signedOut?: string; expired?: string; passwordSet?: string; next?: string | string[] }> }) {
  const { signedOut, expired, passwordSet, next: nextParam } = await searchParams;
  // Only a path on this site: anything else is dropped (no open redirect).
  const next = safeReturnPath(Array.isArray(nextParam) ? nextParam[0] : nextParam) ?? undefined;
  const user = await getSessionUser();
  if (user) redirect(next ?? HOME_BY_ROLE[user.role]);
  return (
    <div className="grid-2">
      <div>
        {signedOut && (
          <div className="notification notification--success" role="status">
            <p className="notification__title">Signed out</p>
            <p className="notification__body">You have signed out.</p>
          </div>
        )}
        {passwordSet && (
          <div className="notification notification--success" role="status">
            <p className="notification__title">Password set</p>
            <p className="notification__body">Your password has been set. Sign in with your email address and your new password.</p>
          </div>
        )}
        {expired && (
          <div className="notification" role="status">
            <p className="notification__title">Sign in again</p>
            <p className="notification__body">Your sign-in timed out before the code was entered. Enter your email address and password again.</p>
          </div>
        )}
        <h1 className="h-l">Sign in</h1>
        <h2 className="h-m">Mediation service and local authority staff</h2>
        <StaffSignInForm next={next} />
        <h2 className="h-m">Parents, carers and young people</h2>
        <p className="body">You do not need a password. We will email you a link to sign in.</p>
        <p className="body">
          {/* A Pages Router page with no JavaScript (decision 0038): a whole-page load, never prefetched (an App Router prefetch of it never settles). */}
          <Link href="/sign-in/family" prefetch={false}>
            Get a sign-in link by email
          </Link>
        </p>
      </div>
      <aside aria-labelledby="other-services">
        <h2 className="h-s" id="other-services">
          Other things you can do
        </h2>
        <ul>
          <li>
            <Link href="/refer" prefetch={false}>
              Ask for mediation
            </Link>
          </li>
          <li>
            <Link href="/deadline-calculator" prefetch={false}>
              Work out your mediation and appeal deadlines
            </Link>
          </li>
        </ul>
      </aside>
    </div>
  );
}
