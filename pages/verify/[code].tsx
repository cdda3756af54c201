/**
 * Public: check a document by the code printed on it (issue 11, "Verify page"). No sign-in and no
 * JavaScript (decision 0038: the upload is a plain form post to this page). Says only whether a
 * document has this code, its kind, issue date, version and whether a newer version replaces it —
 * no names or content. A code no document has gets a 404 page of its own, the same for a
 * mistyped code, so nothing hints at which codes exist.
 */
import type { GetServerSideProps } from "next";
import Link from "next/link";
import { publicPage, type FamilyPageProps } from "@/app/_server/pages";
import { checkUploadForm } from "@/app/verify/_forms/check-upload";
import { VerifyUploadForm } from "@/app/verify/VerifyUploadForm";
import { FamilyPage, PageHead } from "@/components/family/FamilyPage";
import { SummaryList } from "@/components/SummaryList";
import { Tag } from "@/components/Tag";
import { NotFoundError } from "@/lib/auth/types";
import { formatDate } from "@/lib/deadlines";
import { lookupDocumentByCode, type PublicDocumentFacts } from "@/lib/platform/documents/lookup-document-by-code";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

const TITLE = "Check a document";
const NO_DOCUMENT = "No document with this code";

type Data = { doc: PublicDocumentFacts };

export const getServerSideProps: GetServerSideProps<FamilyPageProps<Data>> = (ctx) => {
  // The segment as typed, decoded by Next (a code copied with spaces arrives as %20).
  const code = String(ctx.params?.code ?? "");
  return publicPage<Data>(ctx, {
    forms: { default: checkUploadForm },
    load: async () => {
      const doc = await lookupDocumentByCode(code);
      if (!doc) throw new NotFoundError("document");
      return { doc };
    },
  });
};

export default function VerifyPage(props: FamilyPageProps<Data>) {
  if (props.outcome === "not-found") return <NoDocument />;
  return (
    <FamilyPage props={props} title={() => TITLE}>
      {({ doc }, state) => {
        const current = doc.status === "CURRENT";
        return (
          <div className="grid-2">
            <div>
              <h1 className="h-l">{TITLE}</h1>
              <p className="body">A document was issued with this verification code.</p>
              <SummaryList
                label="The document"
                rows={[
                  { key: "Verification code", value: <span className="code">{doc.code}</span> },
                  { key: "Document", value: doc.kindLabel },
                  { key: "Issued", value: formatDate(doc.issuedOn) },
                  { key: "Version", value: String(doc.version) },
                  {
                    key: "Status",
                    value: current ? (
                      <Tag colour="green">Current version</Tag>
                    ) : (
                      <>
                        <Tag colour="yellow">Replaced</Tag>{" "}
                        {doc.latest && (
                          <span>
                            by version {doc.latest.version}, issued {formatDate(doc.latest.issuedOn)}
                          </span>
                        )}
                      </>
                    ),
                  },
                ]}
              />
              <h2 className="h-m">Check your copy</h2>
              <p className="body">Upload the PDF you were given to check that it is exactly the document issued with this code.</p>
              <VerifyUploadForm code={doc.code} current={current} state={state} />
            </div>
            <aside aria-labelledby="help-heading">
              <h2 className="h-s" id="help-heading">
                About this check
              </h2>
              <p className="body">This page does not show what the document says or who it is about.</p>
              <p className="body">
                <Link href="/verify">Check a different code</Link>
              </p>
            </aside>
          </div>
        );
      }}
    </FamilyPage>
  );
}

/** A code no document has, or that cannot be a code: one answer for both (status 404). */
function NoDocument() {
  return (
    <>
      <PageHead title={NO_DOCUMENT} />
      <h1 className="h-l">{NO_DOCUMENT}</h1>
      <p className="body">We have not issued a document with this verification code.</p>
      <p className="body">Check the code printed at the bottom of each page of the document. It has 16 letters and numbers, in groups of 4, for example 7KQ3-M9XD-2HPA-WT4C.</p>
      <p className="body">If the code is right and it still is not found, the document was not issued by this mediation service.</p>
      <p className="body">
        <Link href="/verify">Enter the code again</Link>
      </p>
    </>
  );
}
