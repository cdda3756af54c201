/**
 * The family's "Add to calendar" download (issue 12): the booked joint meeting's .ics, built by
 * the same code as the emailed invitation (lib/meetings/invitation-email.ts `calendarEvent`,
 * lib/meetings/invitation-ics.ts), so a calendar that already holds the emailed copy sees the same
 * UID and SEQUENCE and keeps one event; times in UTC. Through the family user's case scope: any
 * other case, or a case with no booked meeting, is a 404. R-80: built only from what an invitation
 * may say (INVITATION_MEETING_SELECT); the file names only the family user as an attendee.
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { MAIL_FROM } from "@/lib/platform/email";
import { findCaseOrThrow } from "@/lib/cases/store";
import { calendarEvent, mailbox } from "@/lib/meetings/invitation-email";
import { invitationIcs } from "@/lib/meetings/invitation-ics";
import { INVITATION_MEETING_SELECT, servicePhone, toInvitationMeeting } from "@/lib/meetings/send-meeting-invitations";
import { JOINT_KINDS } from "./get-family-meeting";

export type MeetingInviteFile = { fileName: string; content: string };

export async function getMeetingInvite(user: SessionUser, caseId: string): Promise<MeetingInviteFile> {
  authorize(user, "family:workspace");
  const c = await findCaseOrThrow(user, caseId, { id: true, reference: true });
  const m = await db().meeting.findFirst({
    where: { caseId: c.id, kind: { in: [...JOINT_KINDS] }, status: "SCHEDULED" },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: INVITATION_MEETING_SELECT,
  });
  if (!m) throw new NotFoundError("meeting");
  // Their own party's name and address when they are invited, else their account's.
  const own = await db().party.findFirst({ where: { caseId: c.id, userId: user.id, meetingsInvited: { some: { meetingId: m.id } } }, select: { name: true, email: true } });
  const to = { name: own?.name ?? user.name, email: own?.email ?? user.email };
  const event = calendarEvent(toInvitationMeeting(m), "BOOKED", { organizer: mailbox(MAIL_FROM), phone: servicePhone() }, "download");
  return { fileName: `meeting-${c.reference}.ics`, content: invitationIcs(event, to, "REQUEST") };
}
