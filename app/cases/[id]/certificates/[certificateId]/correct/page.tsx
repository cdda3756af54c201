import { notFound } from "next/navigation";
import { requireUser } from "../../../../../_server/auth";
import { getCertificateForCorrection } from "@/lib/certificates/get-certificate-for-correction";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { PageTitle } from "@/components/PageTitle";
import { SummaryList } from "@/components/SummaryList";
import { WarningText } from "@/components/WarningText";
import { formatLongDate } from "@/lib/deadlines";
import { orNotFound } from "../../../_shared";
import { BackLink } from "../../../_components/Notice";
import { CorrectCertificateForm } from "../../../_components/CorrectCertificateForm";

/** The form renders the title ("Error: " first after a post with problems). */
export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";
const TITLE = "Correct the certificate";

/**
 * a certificate once issued is never changed; a correction issues a new one that replaces it.
 * Staff only (404 for everyone else); a reason and a confirmation are required.
 */
export default async function CorrectCertificatePage({ params }: { params: Promise<{ id: string; certificateId: string }> }) {
  const user = await requireUser("certificate:correct");
  const { id, certificateId } = await params;
  const c = await orNotFound(getCertificateForCorrection(user, certificateId));
  // The certificate of another case under this case's address: as if it did not exist.
  if (c.caseId !== id) notFound();
  const back = `/cases/${encodeURIComponent(c.caseId)}#certificates`;
  return (
    <>
      <BackLink href={back} />
      <span className="caption">{c.caseReference}</span>
      <h1 className="h-l">{TITLE}</h1>
      <SummaryList
        label="The certificate to correct"
        rows={[
          { key: "Kind", value: c.kindLabel },
          { key: "Date of issue", value: formatLongDate(c.issuedOn) },
          { key: "Issued by", value: c.issuerName },
          { key: "Last day to appeal", value: c.appealDeadlineOn ? formatLongDate(c.appealDeadlineOn) : "Not worked out" },
          { key: "Document", value: <a href={c.href}>Download the certificate (PDF)</a> },
        ]}
      />
      {c.replaced ? (
        <>
          <PageTitle title={TITLE} />
          <p className="body">This certificate has already been replaced by a corrected one. Correct the latest certificate instead.</p>
        </>
      ) : c.caseClosed ? (
        <>
          <PageTitle title={TITLE} />
          <p className="body">This case is closed. Re-open it first, with a reason, then correct the certificate.</p>
        </>
      ) : (
        <>
          <p className="body">
            A certificate is never changed once issued. The corrected certificate is a new one, made from the case as it is now: first put right anything wrong on the case (a
            name, a decision), then issue it here. It says which certificate it replaces and why, and the old one is marked as replaced.
          </p>
          <WarningText>The family and the local authority will be sent the corrected certificate. This cannot be undone.</WarningText>
          <CorrectCertificateForm certificateId={c.id} issuedOn={c.issuedOn} title={TITLE} />
        </>
      )}
    </>
  );
}
