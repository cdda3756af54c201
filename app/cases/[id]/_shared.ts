/**
 * Server-side helpers for the case pages under /cases/[id].
 */
import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/auth/types";
import { getTransition, TRANSITIONS } from "@/lib/cases/lifecycle";
import { alreadyDoneMessage } from "@/lib/cases/transition/apply-transition";

/** A record outside the user's scope (or a page their role may not use) is a 404, never a 403. */
export async function orNotFound<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}

/** The success banner shown on the case page after an action (`?done=<key>`); unknown keys show nothing. */
const DONE_MESSAGES: Record<string, string> = {
  // A transition's banner is in its row of the transition table.
  ...Object.fromEntries(TRANSITIONS.map((t) => [t.name, t.done])),
  details: "The case details have been saved.",
  partyAdded: "The party has been added.",
  partyUpdated: "The party's details have been saved.",
  consent: "Their answer has been recorded.",
  about: "What the disagreement is about has been saved.",
  meetingBooked: "The joint meeting has been booked. Everyone invited is being sent the invitation.",
  meetingMoved: "The joint meeting has been moved. Everyone invited is being sent the new date.",
  // Case notes (issue 10, R-80, R-81).
  noteAdded: "Your note has been saved. Only you can read it until you share it.",
  noteShared: "The note has been shared with the case team.",
  noteUnshared: "The note is no longer shared with the case team.",
  noteSafeguarding: "The note has been marked as a safeguarding concern. The safeguarding lead can now read it.",
  aboutHealthStarted: "What the disagreement is about has been saved. With a health issue, the LA must tell the health commissioning body within 3 working days (R-21).",
  // allowed, but the 30-day deadline will be missed (the case page's deadline says so),
  // and mediation could not take place within 30 days (the case page says so, with the certificate).
  meetingAfterDeadline:
    "The meeting date has been saved. It is after the day mediation must take place by, so the 30-day deadline will be missed (R-20) and mediation could not take place within 30 days (R-23).",
  // Issue 11, R-31.
  certificateCorrected: "The corrected certificate has been issued and is being sent to the family and the local authority. The old one is marked as replaced.",
  meetingBookedAfterDeadline: "The joint meeting has been booked. It is after the day mediation must take place by, so mediation could not take place within 30 days (R-23).",
  // Issue 12: the LA officer named their LA's attendee (no rule id: an LA officer reads it).
  laAttendee: "Who attends for the local authority has been saved. If the meeting is booked, anyone newly named is being sent the invitation.",
};

export function doneMessage(done: string | string[] | undefined): string | null {
  const key = Array.isArray(done) ? done[0] : done;
  if (!key || !Object.hasOwn(DONE_MESSAGES, key)) return null;
  return DONE_MESSAGES[key]!;
}

/** `?already=<transition>`: the same action was posted again after it was done (issue 9 item 15). */
export function alreadyMessage(already: string | string[] | undefined): string | null {
  const name = Array.isArray(already) ? already[0] : already;
  const t = name ? getTransition(name) : undefined;
  return t ? alreadyDoneMessage(t.name) : null;
}

export function transitionLabel(name: string): string | null {
  return getTransition(name)?.label ?? null;
}

export { formatInstant } from "@/lib/platform/dates/format-instant";
