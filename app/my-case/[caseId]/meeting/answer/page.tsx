import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "../../../../_server/auth";
import { NotFoundError } from "@/lib/auth/types";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { getFamilyMeeting, type FamilyMeetingPage } from "@/lib/family/meeting/get-family-meeting";
import { MeetingAnswerForm } from "../_components/MeetingAnswerForm";

/** The form renders the title ("Error: " first after a post with problems, JavaScript or not). */
export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

/**
 * Issue 12: the family answers the meeting invitation — one question on its own page. Only a
 * family user who is invited (their own attendee row) on their own case; anyone else: 404. With
 * no meeting booked any more, back to the meeting page, which says why.
 */
export default async function AnswerMeeting({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const user = await requireUser("meeting:respond", { returnTo: `/my-case/${caseId}/meeting/answer` });
  let p: FamilyMeetingPage;
  try {
    p = await getFamilyMeeting(user, caseId);
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
  if (p.state === "BOOKED" && !p.mine) notFound();
  if (!p.canAnswer || !p.meeting || !p.mine) redirect(`/my-case/${p.case.id}/meeting`);
  const mine = p.mine;
  const initial: Record<string, string> = {
    answer: mine.answer ?? "",
    interpreterLanguage: mine.needs.interpreterLanguage ?? "",
    adjustments: mine.needs.adjustments ?? "",
    supporterName: mine.needs.supporterName ?? "",
  };
  return (
    <>
      <p className="body">
        <Link href={`/my-case/${p.case.id}/meeting`}>Back to your meeting</Link>
      </p>
      <MeetingAnswerForm
        caseId={p.case.id}
        initial={initial}
        title="Can you come to the meeting?"
        caption={`Case ${p.case.reference}`}
        question="Can you come to the meeting?"
        hint={`The meeting is on ${p.meeting.when} (UK time).`}
      />
    </>
  );
}
