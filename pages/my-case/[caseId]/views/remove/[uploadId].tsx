/**
 * Issue 12: the confirmation before the family removes a document they uploaded (not yet shared).
 * No JavaScript (decision 0038): the button posts to this page.
 */
import type { GetServerSideProps } from "next";
import { familyPage, type FamilyPageProps } from "@/app/_server/pages";
import { removeUploadForm } from "@/app/my-case/_forms/views";
import { FamilyPage } from "@/components/family/FamilyPage";
import { ErrorSummary } from "@/components/ErrorSummary";
import { formatInstant } from "@/lib/platform/dates/format-instant";
import { getMyFamilyUpload, type FamilyUploadItem } from "@/lib/family/views/list-family-views";
import { formatFileSize } from "@/lib/family/views/rules";
import { SHARED_CANNOT_BE_REMOVED } from "@/lib/family/views/remove-family-upload";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

const TITLE = "Remove this document?";

type Data = { caseId: string; u: FamilyUploadItem; sharedText: string };

export const getServerSideProps: GetServerSideProps<FamilyPageProps<Data>> = (ctx) => {
  const caseId = String(ctx.params?.caseId ?? "");
  const uploadId = String(ctx.params?.uploadId ?? "");
  return familyPage(ctx, {
    permission: "family-views:send",
    returnTo: null,
    caseId,
    forms: { default: removeUploadForm },
    load: async (user) => ({ caseId, u: await getMyFamilyUpload(user, caseId, uploadId), sharedText: SHARED_CANNOT_BE_REMOVED }),
  });
};

export default function RemoveUploadPage(props: FamilyPageProps<Data>) {
  return (
    <FamilyPage props={props} title={() => TITLE}>
      {({ caseId, u, sharedText }, state) => (
        <>
          <h1 className="h-l">{TITLE}</h1>
          <p className="body break-words">
            <strong>{u.fileName}</strong> ({u.typeLabel}, {formatFileSize(u.size)}), sent on {formatInstant(u.at)}.
          </p>
          {u.sharedAt ? (
            <p className="body">{sharedText}</p>
          ) : (
            <>
              <p className="body">Your mediator will no longer be able to read it. You cannot undo this, but you can upload it again.</p>
              <form method="post" noValidate>
                <ErrorSummary message={state?.status === "error" ? state.message : undefined} />
                <input type="hidden" name="caseId" value={caseId} />
                <input type="hidden" name="uploadId" value={u.id} />
                <button type="submit" className="button button--warning">
                  Yes, remove it
                </button>
              </form>
            </>
          )}
          <p className="body">
            <a href={`/my-case/${encodeURIComponent(caseId)}/views`}>No, go back</a>
          </p>
        </>
      )}
    </FamilyPage>
  );
}
