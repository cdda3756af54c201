import Link from "next/link";
import { PageTitle } from "@/components/PageTitle";

/**
 * /verify/<code> for a code no document has, or that cannot be a code: one answer for both (404),
 * so the page gives no hint about which codes exist.
 */
export default function NoDocument() {
  return (
    <>
      <PageTitle title="No document with this code" />
      <h1 className="h-l">No document with this code</h1>
      <p className="body">We have not issued a document with this verification code.</p>
      <p className="body">Check the code printed at the bottom of each page of the document. It has 16 letters and numbers, in groups of 4, for example 7KQ3-M9XD-2HPA-WT4C.</p>
      <p className="body">If the code is right and it still is not found, the document was not issued by this mediation service.</p>
      <p className="body">
        <Link href="/verify">Enter the code again</Link>
      </p>
    </>
  );
}
