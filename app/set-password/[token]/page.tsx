import Link from "next/link";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { PageTitle } from "@/components/PageTitle";
import { getPasswordLink } from "@/lib/auth/password-links/get-password-link";
import { LINK_STATE_MESSAGES } from "@/lib/auth/password-links/password-link";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";
import { SetPasswordForm } from "./SetPasswordForm";

/** The form renders the title ("Error: " first after a post with problems, JavaScript or not). */
export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

const TITLE = "Set your password";

/**
 * Issue 13 (decision 0027): the page an invited staff member's emailed link opens. Public; opening
 * it uses nothing up (email scanners open links): only setting the password does. A used, expired
 * or replaced link gets a page saying so and what to do.
 */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await getPasswordLink(token);
  if (link.state !== "VALID") {
    const m = LINK_STATE_MESSAGES[link.state];
    return (
      <div className="max-w-2xl" data-testid="link-dead">
        <PageTitle title={m.title} />
        <h1 className="h-l">{m.title}</h1>
        <p className="body">{m.body}</p>
        <p className="body">
          <Link href="/sign-in">Go to the sign-in page</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-2xl">
      <h1 className="h-l">{TITLE}</h1>
      <p className="body">Hello {link.firstName}. Choose the password you will sign in to SEND Mediation with.</p>
      <SetPasswordForm
        token={token}
        title={TITLE}
        rules={`At least ${MIN_PASSWORD_LENGTH} characters. A long password is stronger than a complicated one: three random words work well, like “purple lamp harbour”. Do not use a password that is common, your name or your email address.`}
      />
    </div>
  );
}
