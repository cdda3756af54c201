import { notFound } from "next/navigation";
import { requireUser } from "../../../../../_server/auth";
import { PageTitle } from "@/components/PageTitle";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { getAgreementPage, getAgreementText } from "@/lib/agreements/get-agreement-page";
import { ACCURATE_RECORD_STATEMENT } from "@/lib/agreements/wording";
import { orNotFound } from "../../../_shared";
import { BackLink } from "../../../_components/Notice";
import { SignInPersonForm } from "../../AgreementForms";
import { AgreementTextView } from "../../AgreementText";

export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

/**
 * Issue 11: signing in the room, on the mediator's device. The person reads the text,
 * confirms it is an accurate record and types their name — or declines with a reason.
 */
export default async function SignInRoomPage({ params }: { params: Promise<{ id: string; signerId: string }> }) {
  const user = await requireUser("agreement:draft");
  const { id, signerId } = await params;
  const p = await orNotFound(getAgreementPage(user, id));
  const a = p.agreement;
  const signer = a?.signers.find((s) => s.id === signerId);
  if (!a || !signer || a.status !== "AWAITING_SIGNATURES") notFound();
  const text = await getAgreementText(user, id);
  if (!text) notFound();
  const title = `Sign: ${signer.name}`;
  return (
    <>
      <PageTitle title={title} />
      <BackLink href={`/cases/${p.case.id}/agreement`}>Back to the agreement</BackLink>
      <span className="caption">{p.case.reference}</span>
      <h1 className="h-l">{title}</h1>
      <p className="body">Hand the device to {signer.name}. Read the record, then sign or say why you do not want to.</p>
      <AgreementTextView text={text} />
      <SignInPersonForm fields={{ caseId: p.case.id, agreementId: a.id, signerId: signer.id, contentSha256: a.contentSha256 }} name={signer.name} statement={ACCURATE_RECORD_STATEMENT} />
    </>
  );
}
