/**
 * The iCalendar invitation sent with each meeting email (issue 10), built by `ics`. One event per
 * meeting: its UID never changes (`<meetingId>@send-mediation`), so a calendar replaces its copy
 * when the meeting moves (SEQUENCE = Meeting.sequence, raised on every change) and removes it on
 * METHOD:CANCEL. Times are written in UTC (the instants the meeting row holds), so no calendar
 * needs our time zone. Each recipient's file names only them as an attendee: nobody receives
 * another person's email address. The description holds only what every invitee may read:
 * never a note, a reason or anyone's needs. Pure.
 */
import { createEvent, type EventAttributes } from "ics";

/** The domain part of every meeting's UID: stable, so that a UID is the same on every server. */
export const ICS_UID_DOMAIN = "send-mediation";
export const ICS_PRODUCT_ID = "send-mediation/meetings";

export type IcsMeeting = {
  id: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  title: string;
  /** The venue's name and address, the video link, or how a phone meeting is joined. */
  location: string;
  description: string;
  organizer: { name: string; email: string };
};

export function meetingUid(meetingId: string): string {
  return `${meetingId}@${ICS_UID_DOMAIN}`;
}

export function invitationIcs(m: IcsMeeting, to: { name: string; email: string }, method: "REQUEST" | "CANCEL"): string {
  const event: EventAttributes = {
    uid: meetingUid(m.id),
    sequence: m.sequence,
    method,
    productId: ICS_PRODUCT_ID,
    status: method === "CANCEL" ? "CANCELLED" : "CONFIRMED",
    start: m.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: m.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    title: m.title,
    description: m.description,
    location: m.location,
    organizer: m.organizer,
    attendees: [{ name: to.name, email: to.email, role: "REQ-PARTICIPANT", partstat: "NEEDS-ACTION" }],
  };
  const { error, value } = createEvent(event);
  if (error || !value) throw new Error(`The calendar invitation could not be built: ${error?.message ?? "no content"}`);
  return value;
}
