/**
 * The words of a meeting, shared by its page, its history and the invitations: when (Europe/London
 * wall clock, R-63), where, the venue's access details, and attendees' answers. Pure and
 * client-safe.
 */
import { formatLongDate } from "@/lib/deadlines/calendar";
import type { AttendeeResponse, MeetingMode } from "@/lib/platform/db/generated/enums";
import { hhmm, londonWallClock } from "./london-time";

export const ATTENDEE_RESPONSES = ["INVITED", "ACCEPTED", "TENTATIVE", "DECLINED"] as const satisfies readonly AttendeeResponse[];

export const RESPONSE_LABELS: Record<AttendeeResponse, string> = {
  INVITED: "Invited, no answer yet",
  ACCEPTED: "Coming",
  TENTATIVE: "Might come",
  DECLINED: "Not coming",
};

/** The longest interpreter language and adjustments an attendee's needs may hold. */
export const ATTENDEE_LIMITS = { interpreterLanguage: 100, adjustments: 2000, supporterName: 200 } as const;

/** "Tuesday 8 December 2026, 10:00 to 12:30" in Europe/London, whatever the server's time zone. */
export function meetingWhen(startsAt: Date, endsAt: Date): string {
  const start = londonWallClock(startsAt);
  const end = londonWallClock(endsAt);
  const endText = end.date === start.date ? hhmm(end.minutes) : `${formatLongDate(end.date)}, ${hhmm(end.minutes)}`;
  return `${formatLongDate(start.date)}, ${hhmm(start.minutes)} to ${endText}`;
}

/** Where, in a few words: the venue's name, "Video call" or "Phone call" (the history, the mediator's lists). */
export function placeName(mode: MeetingMode, venueName: string | null | undefined): string {
  if (mode === "VENUE") return venueName ?? "A venue";
  return mode === "VIDEO" ? "Video call" : mode === "PHONE" ? "Phone call" : "Visit";
}

export type VenueAccess = { stepFreeAccess: boolean; hearingLoop: boolean; parking: boolean; notes: string | null };

/** The venue's access details as plain sentences (the invitation says what there is and what there is not). */
export function accessLines(v: VenueAccess): string[] {
  return [
    v.stepFreeAccess ? "There is step-free access." : "There is no step-free access.",
    v.hearingLoop ? "There is a hearing loop." : "There is no hearing loop.",
    v.parking ? "There is parking." : "There is no parking at the venue.",
    ...(v.notes?.trim() ? [v.notes.trim()] : []),
  ];
}
