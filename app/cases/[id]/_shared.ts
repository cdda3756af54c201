/**
 * Server-side helpers for the case pages under /cases/[id].
 */
import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/auth/types";
import { getTransition } from "@/lib/cases/lifecycle";

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
  startContacting: "You have started contacting the parties.",
  requestConsent: "You have asked the parties to agree to take part.",
  allocate: "The mediator has been allocated.",
  reallocate: "The mediator has been changed.",
  declineDrs: "You have recorded that a party declined. The case is not proceeding.",
  startPreparing: "Preparation for the meeting has started.",
  scheduleMeeting: "The meeting date has been saved.",
  recordNotArranged: "You have recorded that mediation cannot be arranged within 30 days. A certificate is now due.",
  issueNotArrangedCertificate: "The certificate has been recorded as issued.",
  recordHealthNotified: "You have recorded that the health commissioning body was told.",
  recordMeetingHeld: "The meeting has been recorded as held.",
  issueCertificate: "The certificate has been recorded as issued.",
  startMonitoring: "Monitoring of the agreed actions has started.",
  close: "The case has been closed.",
  chooseAdviceOnly: "You have recorded that the family does not want mediation. The certificate is now due.",
  withdraw: "The case has been withdrawn.",
  details: "The case details have been saved.",
  partyAdded: "The party has been added.",
  partyUpdated: "The party's details have been saved.",
  consent: "Their answer has been recorded.",
};

export function doneMessage(done: string | string[] | undefined): string | null {
  const key = Array.isArray(done) ? done[0] : done;
  if (!key || !Object.hasOwn(DONE_MESSAGES, key)) return null;
  return DONE_MESSAGES[key]!;
}

export function transitionLabel(name: string): string | null {
  return getTransition(name)?.label ?? null;
}

const AT_FORMAT = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** An instant shown in UK time (R-63: the time zone is applied at the boundary), e.g. "1 April 2025, 14:05". */
export function formatInstant(iso: string): string {
  return AT_FORMAT.format(new Date(iso));
}
