import { requireUser } from "../../../_server/auth";
import { getParentAccessForStaff } from "@/lib/family/parent-access/get-parent-access-for-staff";
import { SummaryList } from "@/components/SummaryList";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { formatLongDate, todayInLondon } from "@/lib/deadlines";
import { orNotFound } from "../_shared";
import { BackLink, Notice } from "../_components/Notice";
import { RecordParentAccessForm } from "./RecordParentAccessForm";

/** The form renders the title ("Error: " first after a post with problems, JavaScript or not). */
export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

const TITLE = "Can the parent see the case";

/**
 * R-01 (decision 0022): on a young person's case, whether their parent or carer may see it; a
 * caseworker records an answer the young person gave by phone or letter. 404 on a parent's case
 * and for everyone who cannot edit cases.
 */
export default async function StaffParentAccessPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string | string[] }> }) {
  const user = await requireUser("case:update");
  const { id } = await params;
  const { done } = await searchParams;
  const c = await orNotFound(getParentAccessForStaff(user, id));
  const consent = c.consent;
  return (
    <>
      <BackLink href={`/cases/${c.caseId}`} />
      {done === "1" && (
        <Notice title="Success" success testId="parent-access-saved">
          The young person&apos;s answer has been recorded.
        </Notice>
      )}
      <span className="caption">{c.reference}</span>
      <h1 className="h-l">{TITLE}</h1>
      <p className="body">
        The young person{c.youngPerson ? ` (${c.youngPerson})` : ""} is the party in their own right. Their parent or carer can sign in and see the case only while the young person agrees (R-01).
        The young person can also answer this themselves when they sign in.
      </p>
      <SummaryList
        rows={[
          { key: "Parents or carers recorded", value: c.parents.length === 0 ? "None" : c.parents.map((p) => `${p.name}${p.hasAccount ? "" : " (no email, so cannot sign in)"}`).join(", ") },
          {
            key: "Can they see the case?",
            value: consent ? `Yes, since ${formatLongDate(todayInLondon(consent.givenAt))} (${consent.online ? "the young person said so online" : `told us ${consent.how ?? ""}`})` : "No",
          },
        ]}
      />
      <RecordParentAccessForm caseId={c.caseId} given={consent !== null} title={TITLE} />
    </>
  );
}
