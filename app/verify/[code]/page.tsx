/**
 * Public: check a document by the code printed on it (issue 11, "Verify page"). No sign-in, no
 * client code needed (the upload is a plain form post). Says only whether a document has this
 * code, its kind, issue date, version and whether a newer version replaces it — no names or
 * content. A code no document has gets the 404 page beside this one (./not-found.tsx),
 * the same for a mistyped code, so nothing hints at which codes exist.
 */
import Link from "next/link";
import { notFound } from "next/navigation";
import { SummaryList } from "@/components/SummaryList";
import { Tag } from "@/components/Tag";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { formatDate } from "@/lib/deadlines";
import { lookupDocumentByCode } from "@/lib/platform/documents/lookup-document-by-code";
import { VerifyUploadForm } from "./VerifyUploadForm";

/** The form renders the title ("Error: " first after an upload with a problem, JavaScript or not). */
export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

const TITLE = "Check a document";

/** The segment as typed (a code copied with spaces arrives as %20); a malformed escape is left as it is. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export default async function VerifyPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const doc = await lookupDocumentByCode(decoded(code));
  if (!doc) notFound();
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
        <VerifyUploadForm code={doc.code} title={TITLE} current={current} />
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
}
