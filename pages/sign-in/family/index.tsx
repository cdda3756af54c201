/**
 * The family asks for a sign-in link by email. No JavaScript (decision 0038): the form posts to
 * this page; a refusal (no email, too many requests) is the page again with the error summary.
 */
import type { GetServerSideProps } from "next";
import { publicPage, type FamilyPageProps } from "@/app/_server/pages";
import { requestLinkForm } from "@/app/sign-in/family/_forms/request-link";
import { FamilyPage } from "@/components/family/FamilyPage";
import { ErrorSummary } from "@/components/ErrorSummary";
import { TextField } from "@/components/fields";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export const getServerSideProps: GetServerSideProps<FamilyPageProps<Record<string, never>>> = (ctx) =>
  publicPage(ctx, { forms: { default: requestLinkForm }, load: async () => ({}) });

export default function FamilySignInPage(props: FamilyPageProps<Record<string, never>>) {
  return (
    <FamilyPage props={props} title={() => "Get a sign-in link"}>
      {(_d, state) => (
        <>
          <h1 className="h-l">Get a sign-in link</h1>
          <p className="body">Enter your email address. If we have a case for you, we will email you a link to sign in. The link works once and lasts 15 minutes.</p>
          <form method="post" noValidate>
            <ErrorSummary errors={state?.fieldErrors} message={state?.message} />
            <TextField
              label="Email address"
              hint="Use the email address you gave the mediation service."
              name="email"
              type="email"
              autoComplete="email"
              spellCheck={false}
              defaultValue={state?.values?.email}
              error={state?.fieldErrors?.email}
            />
            <button type="submit" className="button">
              Send me a sign-in link
            </button>
          </form>
        </>
      )}
    </FamilyPage>
  );
}
