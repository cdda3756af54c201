import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "../../../../../_server/auth";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { PageTitle } from "@/components/PageTitle";
import { NotFoundError } from "@/lib/auth/types";
import { getMyFamilyUpload, type FamilyUploadItem } from "@/lib/family/views/list-family-views";
import { formatFileSize } from "@/lib/family/views/rules";
import { SHARED_CANNOT_BE_REMOVED } from "@/lib/family/views/remove-family-upload";
import { formatInstant } from "../../../../../cases/[id]/_shared";
import { RemoveUploadForm } from "../../ViewsForms";

export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";
const TITLE = "Remove this document?";

/** Issue 12: the confirmation before the family removes a document they uploaded (not yet shared). */
export default async function RemoveUploadPage({ params }: { params: Promise<{ caseId: string; uploadId: string }> }) {
  const { caseId, uploadId } = await params;
  const user = await requireUser("family-views:send");
  let u: FamilyUploadItem;
  try {
    u = await getMyFamilyUpload(user, caseId, uploadId);
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
  const back = `/my-case/${encodeURIComponent(caseId)}/views`;
  return (
    <>
      <h1 className="h-l">{TITLE}</h1>
      <p className="body break-words">
        <strong>{u.fileName}</strong> ({u.typeLabel}, {formatFileSize(u.size)}), sent on {formatInstant(u.at)}.
      </p>
      {u.sharedAt ? (
        <>
          <PageTitle title={TITLE} />
          <p className="body">{SHARED_CANNOT_BE_REMOVED}</p>
        </>
      ) : (
        <>
          <p className="body">Your mediator will no longer be able to read it. You cannot undo this, but you can upload it again.</p>
          <RemoveUploadForm caseId={caseId} uploadId={u.id} title={TITLE} />
        </>
      )}
      <p className="body">
        <Link href={back}>No, go back</Link>
      </p>
    </>
  );
}
