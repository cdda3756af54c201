import Link from "next/link";
import { requireUser } from "../../../../_server/auth";
import { getMeetingRecordPage } from "@/lib/meetings/record/get-meeting-record-page";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { PageTitle } from "@/components/PageTitle";
import { formatInstant, orNotFound } from "../../_shared";
import { BackLink, Notice } from "../../_components/Notice";
import { MeetingRecordForm } from "../../_components/MeetingRecordForm";
import { RecordSummaryList } from "../../_components/RecordSummaryList";

/** The form renders the title ("Error: " first after a post with problems, JavaScript or not); the other views, the page. */
export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";
const TITLE = "Record the meeting";

/**
 * Issue 10: the record of the joint meeting, written by the allocated mediator (or a caseworker)
 * after it was held; saving it records the meeting as held. Staff only: a 404 for the LA officer
 * and the family.
 */
export default async function MeetingRecordPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string; already?: string }> }) {
  const user = await requireUser("case:transition");
  const { id } = await params;
  const { done, already } = await searchParams;
  const p = await orNotFound(getMeetingRecordPage(user, id));
  const caption = (
    <span className="caption">
      {p.case.reference}: {p.case.statusLabel}
    </span>
  );
  if (p.record) {
    return (
      <>
        <PageTitle title="Meeting record" />
        <BackLink href={`/cases/${p.case.id}`} />
        {caption}
        <h1 className="h-l">Meeting record</h1>
        {done && (
          <Notice title="Success" success testId="done-banner">
            <p className="body">The meeting record has been saved and the meeting recorded as held.</p>
          </Notice>
        )}
        {already && !done && (
          <Notice title="Important" alert testId="already-done-banner">
            <p className="body">This was already done: the meeting record had been saved. Nothing was changed.</p>
          </Notice>
        )}
        <RecordSummaryList summary={p.record} />
        <p className="hint">
          Recorded{p.record.recordedBy ? ` by ${p.record.recordedBy}` : ""} on {formatInstant(p.record.recordedAt)}. Staff only: the local authority and the family see the outcome, not
          this record (R-80).
        </p>
        <p className="body">
          <Link href={`/cases/${p.case.id}`}>Return to the case</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <BackLink href={`/cases/${p.case.id}`} />
      {caption}
      <h1 className="h-l">{TITLE}</h1>
      {p.form ? (
        <MeetingRecordForm
          caseId={p.case.id}
          version={p.case.version}
          rows={p.form.rows.map((r) => ({ partyId: r.partyId, label: r.label, name: r.name, capacity: r.capacity, hint: r.hint }))}
          askMode={p.form.askMode}
          privateNotes={p.form.privateNotes}
          childName={p.case.childName}
          defaults={p.form.defaults}
          title={TITLE}
        />
      ) : (
        <>
          <PageTitle title={TITLE} />
          <p className="body" data-testid="refusal">
            {p.refusal}
          </p>
        </>
      )}
    </>
  );
}
