/**
 * Sign the agreement while signed in (issue 12, R-40; decision 0019): the text exactly as it is
 * signed, then the answer. Only for a signer asked to sign who has not signed yet; otherwise the
 * page says there is nothing to sign.
 */
import { requireUser } from "../../../../_server/auth";
import { orNotFound } from "../../../../cases/[id]/_shared";
import { PageTitle } from "@/components/PageTitle";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { getFamilyAgreement } from "@/lib/family/agreement/get-family-agreement";
import { familyCaseHref } from "@/lib/family/home/links";
import { FAMILY_PAGE_TEXT } from "@/lib/family/home/wording";
import { ACCURATE_RECORD_STATEMENT } from "@/lib/agreements/wording";
import { FamilyAgreementText } from "../../_components/FamilyAgreementText";
import { SignForm } from "./SignForm";

export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

export default async function FamilySignPage({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const user = await requireUser("family:workspace", { returnTo: `/my-case/${encodeURIComponent(caseId)}/agreement/sign` });
  const p = await orNotFound(getFamilyAgreement(user, caseId));
  if (!p.signing) {
    return (
      <>
        <PageTitle title="Nothing to sign" />
        <h1 className="h-l">Nothing to sign</h1>
        <p className="body">{p.signedWaiting ? FAMILY_PAGE_TEXT.signedThanks : FAMILY_PAGE_TEXT.nothingToSign}</p>
        <p className="body">
          <a href={familyCaseHref(p.id, "AGREEMENT")}>Back to the agreement</a>
        </p>
      </>
    );
  }
  const title = `Sign the ${p.signing.title.toLowerCase()}`;
  return (
    <>
      <h1 className="h-l">{title}</h1>
      <p className="body">{FAMILY_PAGE_TEXT.signIntro}</p>
      {p.signing.declinedBefore && <p className="inset">{FAMILY_PAGE_TEXT.declinedBefore}</p>}
      <FamilyAgreementText text={p.signing.text} />
      <SignForm caseId={p.id} agreementId={p.signing.agreementId} contentSha256={p.signing.contentSha256} statement={ACCURATE_RECORD_STATEMENT} title={title} />
    </>
  );
}
