/** After asking for a sign-in link: the same words whether or not the email is known. No JavaScript (decision 0038). */
import type { GetServerSideProps } from "next";
import Link from "next/link";
import { publicPage, type FamilyPageProps } from "@/app/_server/pages";
import { FamilyPage } from "@/components/family/FamilyPage";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export const getServerSideProps: GetServerSideProps<FamilyPageProps<Record<string, never>>> = (ctx) => publicPage(ctx, { load: async () => ({}) });

export default function CheckEmailPage(props: FamilyPageProps<Record<string, never>>) {
  return (
    <FamilyPage props={props} title={() => "Check your email"}>
      {() => (
        <>
          <h1 className="h-l">Check your email</h1>
          <p className="body">If we have a case for that email address, we have sent you a sign-in link. It works once and lasts 15 minutes.</p>
          <p className="body">The email may take a few minutes to arrive. Check your spam folder too.</p>
          <p className="body">
            <Link href="/sign-in/family">Ask for a new link</Link>
          </p>
        </>
      )}
    </FamilyPage>
  );
}
