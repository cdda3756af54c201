import Link from "next/link";
import { requireUser } from "../../_server/auth";
import { getSecondFactor } from "@/lib/auth/totp/get-second-factor";
import { HOME_BY_ROLE } from "@/lib/auth/types";
import { formatInstant } from "../../cases/[id]/_shared";
import { Notice } from "../../cases/[id]/_components/Notice";
import { ConfirmForm, StartForm } from "./TwoStepForms";

export const metadata = { title: "Two-step sign-in" };
export const dynamic = "force-dynamic";

/**
 * Issue 13 (decision 0027): a staff member's own second sign-in step — a code from an authenticator
 * app after the password. Optional for staff; an admin who has not set it up is sent here before
 * any other page (app/_server/auth.ts requireUser). The key is typed into the app (or its otpauth
 * link opened on the phone); it is shown only until a code confirms it, never again.
 */
export default async function TwoStepPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const user = await requireUser("account:second-factor", { allowWithoutSecondFactor: true });
  const { done } = await searchParams;
  const v = await getSecondFactor(user);
  return (
    <div className="max-w-2xl">
      <h1 className="h-l">Two-step sign-in</h1>
      {v.state === "ON" ? (
        <>
          {done === "on" && (
            <Notice title="Success" success testId="done-banner">
              <p className="body">Two-step sign-in is on. From now on you will be asked for a code from your app after your password.</p>
            </Notice>
          )}
          <p className="body" data-testid="two-step-state">
            Two-step sign-in is on for your account (since {formatInstant(v.since.toISOString())}).
          </p>
          <p className="body">If you get a new phone or lose this one, ask an administrator to reset your two-step sign-in, then set it up again.</p>
          <p className="body">
            <Link href={HOME_BY_ROLE[user.role]}>Continue</Link>
          </p>
        </>
      ) : (
        <>
          {v.required && (
            <Notice title="Important" alert testId="two-step-required">
              <p className="body">Administrators must use two-step sign-in. Set it up now to continue.</p>
            </Notice>
          )}
          <p className="body">
            After your password, you will also be asked for a 6-digit code from an authenticator app on your phone, such as Google Authenticator, Microsoft Authenticator or 1Password. Someone
            who learns your password still cannot sign in without your phone.
          </p>
          {v.state === "OFF" ? (
            <StartForm />
          ) : (
            <>
              <h2 className="h-m">1. Add SEND Mediation to your app</h2>
              <p className="body">In your authenticator app, choose to add an account by entering a setup key, and type this key:</p>
              <p className="body">
                <code className="text-xl font-bold tracking-wider break-all" data-testid="two-step-key">
                  {v.key}
                </code>
              </p>
              <p className="body">Choose “time-based” if the app asks. Spaces in the key do not matter.</p>
              <details className="mb-6">
                <summary>Open the setup link on your phone instead</summary>
                <p className="body break-all">
                  <a href={v.uri}>{v.uri}</a>
                </p>
              </details>
              <h2 className="h-m">2. Enter the code the app shows</h2>
              <ConfirmForm />
              <p className="body">The key is shown only until two-step sign-in is on. If you were interrupted, you can start again with a new key.</p>
              <StartForm again />
            </>
          )}
        </>
      )}
    </div>
  );
}
