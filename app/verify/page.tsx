/**
 * Public: type the verification code printed on a document, then go to /verify/<code>. A plain
 * GET form that posts back here (works without JavaScript); a code in the wrong shape gets a
 * message, a code in the right shape goes on to its page (which says if no document has it).
 */
import { redirect } from "next/navigation";
import { ErrorSummary } from "@/components/ErrorSummary";
import { TextField } from "@/components/fields";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { formatVerificationCode, normaliseVerificationCode } from "@/lib/platform/documents/verification-code";

export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

const TITLE = "Check a document";
const BAD_CODE = "Enter the verification code as it is printed on the document, like 7KQ3-M9XD-2HPA-WT4C";

export default async function VerifyStartPage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  const { code } = await searchParams;
  const typed = typeof code === "string" ? code.slice(0, 64) : undefined;
  let error: string | undefined;
  if (typed !== undefined) {
    const normalised = normaliseVerificationCode(typed);
    if (normalised) redirect(`/verify/${formatVerificationCode(normalised)}`);
    error = typed.trim() === "" ? "Enter the verification code" : BAD_CODE;
  }
  return (
    <>
      <ErrorSummary errors={{ code: error }} title={TITLE} />
      <h1 className="h-l">{TITLE}</h1>
      <p className="body">Agreements, outcome statements and certificates from the mediation service have a verification code at the bottom of each page. Use it to check that a copy is genuine and whether it is the latest version.</p>
      <form method="get" action="/verify" noValidate>
        <TextField
          label="Verification code"
          hint="16 letters and numbers, for example 7KQ3-M9XD-2HPA-WT4C"
          name="code"
          autoComplete="off"
          spellCheck={false}
          defaultValue={typed}
          error={error}
        />
        <button type="submit" className="button">
          Continue
        </button>
      </form>
    </>
  );
}
