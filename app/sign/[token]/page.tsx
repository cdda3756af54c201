/**
 * Public: read and sign (or decline) an agreement by the single-use link emailed to you (issue 11,
 * No account. An unknown link is a 404; a used, expired, replaced or outdated one says so.
 */
import { notFound } from "next/navigation";
import { PageTitle } from "@/components/PageTitle";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { getSigningPageWithToken, LINK_MESSAGES } from "@/lib/agreements/sign-with-token";
import { ACCURATE_RECORD_STATEMENT, AGREEMENT_KIND_TITLES } from "@/lib/agreements/wording";
import { AgreementTextView } from "../../cases/[id]/agreement/AgreementText";
import { SignWithTokenForm } from "./SignWithTokenForm";

export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

export default async function SignPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const p = await getSigningPageWithToken(token);
  if (!p) notFound();
  if (p.state !== "OPEN" || !p.text) {
    return (
      <>
        <PageTitle title="This signing link does not work" />
        <h1 className="h-l">This signing link does not work</h1>
        <p className="body">{p.state === "OPEN" ? LINK_MESSAGES.TEXT_CHANGED : LINK_MESSAGES[p.state]}</p>
      </>
    );
  }
  const title = AGREEMENT_KIND_TITLES[p.text.kind];
  return (
    <>
      <PageTitle title={title} />
      <span className="caption">{p.text.caseReference}</span>
      <h1 className="h-l">{title}</h1>
      <p className="body">{p.signerName}, please read this record of the meeting, then sign it or tell us why you do not want to.</p>
      <AgreementTextView text={p.text} />
      <SignWithTokenForm token={token} statement={ACCURATE_RECORD_STATEMENT} />
    </>
  );
}
