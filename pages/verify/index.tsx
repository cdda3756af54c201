/**
 * Public: type the verification code printed on a document, then go to /verify/<code>. A plain
 * GET form that comes back here, no JavaScript (decision 0038); a code in the wrong shape gets a
 * message, a code in the right shape goes on to its page (which says if no document has it).
 */
import type { GetServerSideProps } from "next";
import { publicPage, PageRedirect, type FamilyPageProps } from "@/app/_server/pages";
import { FamilyPage } from "@/components/family/FamilyPage";
import { ErrorSummary } from "@/components/ErrorSummary";
import { TextField } from "@/components/fields";
import { ERROR_TITLE_PREFIX } from "@/components/page-title";
import { formatVerificationCode, normaliseVerificationCode } from "@/lib/platform/documents/verification-code";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

const TITLE = "Check a document";
const BAD_CODE = "Enter the verification code as it is printed on the document, like 7KQ3-M9XD-2HPA-WT4C";

type Data = { typed: string | null; error: string | null };

export const getServerSideProps: GetServerSideProps<FamilyPageProps<Data>> = (ctx) =>
  publicPage<Data>(ctx, {
    load: async () => {
      const code = ctx.query.code;
      const typed = typeof code === "string" ? code.slice(0, 64) : null;
      if (typed === null) return { typed, error: null };
      const normalised = normaliseVerificationCode(typed);
      if (normalised) throw new PageRedirect(`/verify/${formatVerificationCode(normalised)}`);
      return { typed, error: typed.trim() === "" ? "Enter the verification code" : BAD_CODE };
    },
  });

export default function VerifyStartPage(props: FamilyPageProps<Data>) {
  return (
    <FamilyPage props={props} title={(d) => (d.error ? `${ERROR_TITLE_PREFIX}${TITLE}` : TITLE)}>
      {({ typed, error }) => (
        <>
          <ErrorSummary errors={{ code: error ?? undefined }} />
          <h1 className="h-l">{TITLE}</h1>
          <p className="body">Agreements, outcome statements and certificates from the mediation service have a verification code at the bottom of each page. Use it to check that a copy is genuine and whether it is the latest version.</p>
          <form method="get" action="/verify" noValidate>
            <TextField
              label="Verification code"
              hint="16 letters and numbers, for example 7KQ3-M9XD-2HPA-WT4C"
              name="code"
              autoComplete="off"
              spellCheck={false}
              defaultValue={typed ?? undefined}
              error={error ?? undefined}
            />
            <button type="submit" className="button">
              Continue
            </button>
          </form>
        </>
      )}
    </FamilyPage>
  );
}
