import { requireUser } from "../../../../../_server/auth";
import { getAttendee } from "@/lib/meetings/get-attendee";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { orNotFound } from "../../../_shared";
import { BackLink } from "../../../_components/Notice";
import { AttendeeResponseForm, RemoveAttendeeForm } from "../../../_components/AttendeeForms";

/** The form renders the title ("Error: " first after a post with problems, JavaScript or not). */
export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

/**
 * Issue 10: one invitee of the booked joint meeting — their answer, an interpreter, adjustments,
 * and for an LA or ICB representative their authority to resolve the issues. The allocated
 * mediator, caseworkers and admins only (404 for everyone else).
 */
export default async function AttendeePage({ params }: { params: Promise<{ id: string; attendeeId: string }> }) {
  const user = await requireUser("meeting:manage");
  const { id, attendeeId } = await params;
  const a = await orNotFound(getAttendee(user, id, attendeeId));
  const title = `${a.name}: the joint meeting`;
  return (
    <>
      <BackLink href={`/cases/${a.case.id}/meeting`}>Back to the joint meeting</BackLink>
      <span className="caption">
        {a.case.reference}: {a.roleLabel}
        {a.organisation ? `, ${a.organisation}` : ""}
      </span>
      <h1 className="h-l">{a.name}</h1>
      <p className="body">The joint meeting: {a.when}.</p>
      <AttendeeResponseForm caseId={a.case.id} attendeeId={a.id} name={a.name} withAuthority={a.withAuthority} initial={a.values} title={title} />
      <h2 className="h-m">Stop inviting them</h2>
      <p className="body">If they had the invitation, they are sent a cancellation of it.</p>
      <RemoveAttendeeForm caseId={a.case.id} attendeeId={a.id} name={a.name} />
    </>
  );
}
