import Link from "next/link";
import { isReference } from "@/lib/cases/reference";
import { selfReferralContactBy } from "@/lib/cases/intake/create-self-referral";
import { formatLongDate, todayInLondon } from "@/lib/deadlines";

export const metadata = { title: "Request sent" };

/** The confirmation page. Shows only a well-formed reference taken from the address, never anything else. */
export default async function ReferDonePage({ searchParams }: { searchParams: Promise<{ reference?: string | string[] }> }) {
  const { reference } = await searchParams;
  const ref = typeof reference === "string" && isReference(reference) ? reference : null;
  return (
    <>
      <div className="panel">
        <h1>Request sent</h1>
        {ref && (
          <p>
            Your reference number
            <strong data-testid="self-referral-reference">{ref}</strong>
          </p>
        )}
      </div>
      {ref && <p className="body">We have sent you an email with your reference number. Please use it whenever you contact us.</p>}
      <h2 className="h-m">What happens next</h2>
      <p className="body" data-testid="contact-by">
        A caseworker will contact you by {formatLongDate(selfReferralContactBy(todayInLondon()))} to talk about your request and explain your options.
      </p>
      <p className="body">Mediation is free and you do not have to take part.</p>
      <h2 className="h-m">Follow your case online</h2>
      <p className="body">
        <Link href="/sign-in/family">Ask for a sign-in link</Link> using the email address you gave us. We will email you a link that works once.
      </p>
      <p className="body">
        <Link href="/">Go to the home page</Link>
      </p>
    </>
  );
}
