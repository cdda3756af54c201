import Link from "next/link";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { PageTitle } from "@/components/PageTitle";
import { readSignInStep } from "../../_server/sign-in-step";
import { CodeForm } from "./CodeForm";

/** The form renders the title ("Error: " first after a post with problems, JavaScript or not). */
export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

/**
 * Issue 13: the second step of a staff sign-in (decision 0027), after the right password, for a
 * user with two-step sign-in on. Without a pending sign-in (none, or over 10 minutes old) it says
 * so and links back to the first step.
 */
export default async function SignInCodePage() {
  const step = await readSignInStep();
  if (!step)
    return (
      <>
        <PageTitle title="Sign in again" />
        <h1 className="h-l">Sign in again</h1>
        <p className="body">Your sign-in has timed out, or it was not started on this device. For your security, enter your email address and password again.</p>
        <p className="body">
          <Link href="/sign-in">Sign in</Link>
        </p>
      </>
    );
  return (
    <div className="max-w-2xl">
      <h1 className="h-l">Enter the code from your app</h1>
      <p className="body">Open the authenticator app on your phone (for example Google Authenticator or Microsoft Authenticator) and enter the code it shows for SEND Mediation.</p>
      <CodeForm />
      <p className="body">
        If you have lost your phone or cannot get a code, ask an administrator to reset your two-step sign-in. <Link href="/sign-in">Start again</Link>
      </p>
    </div>
  );
}
