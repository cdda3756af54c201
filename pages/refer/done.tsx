/**
 * The self-referral's confirmation page. Shows only a well-formed reference taken from the address,
 * never anything else. No JavaScript (decision 0038).
 */
import type { GetServerSideProps } from "next";
import Link from "next/link";
import { publicPage, type FamilyPageProps } from "@/app/_server/pages";
import { FamilyPage } from "@/components/family/FamilyPage";
import { isReference } from "@/lib/cases/reference";
import { selfReferralContactBy } from "@/lib/cases/intake/create-self-referral";
import { formatLongDate, todayInLondon } from "@/lib/deadlines";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

type Data = { reference: string | null; contactBy: string };

export const getServerSideProps: GetServerSideProps<FamilyPageProps<Data>> = (ctx) =>
  publicPage<Data>(ctx, {
    load: async () => {
      const { reference } = ctx.query;
      return { reference: typeof reference === "string" && isReference(reference) ? reference : null, contactBy: formatLongDate(selfReferralContactBy(todayInLondon())) };
    },
  });

export default function ReferDonePage(props: FamilyPageProps<Data>) {
  return (
    <FamilyPage props={props} title={() => "Request sent"}>
      {({ reference: ref, contactBy }) => (
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
            A caseworker will contact you by {contactBy} to talk about your request and explain your options.
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
      )}
    </FamilyPage>
  );
}
