/**
 * What the pre-meeting commands share: the pre-meeting of a case in the user's scope (the
 * allocated mediator's cases, every case for caseworkers and admins: lib/auth/scope.ts), or 404;
 * and how a pre-meeting is described in the case timeline.
 */
import "server-only";
import type { Tx } from "@/lib/platform/db";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { formatLongDate } from "@/lib/deadlines/calendar";
import { describeParty } from "@/lib/cases/options";
import { findCaseOrThrow } from "@/lib/cases/store";
import { hhmm, londonWallClock } from "../london-time";
import { PRE_MEETING_MODE_LABELS, type PreMeetingMode } from "./pre-meeting-rules";

export async function findPreMeetingOrThrow(tx: Tx, user: SessionUser, caseId: string, meetingId: string) {
  await findCaseOrThrow(user, caseId, { id: true }, tx);
  const m = await tx.meeting.findFirst({
    where: { id: meetingId, caseId, kind: "PRE_MEETING" },
    select: { id: true, status: true, mode: true, startsAt: true, endsAt: true, party: { select: { id: true, name: true, kind: true } } },
  });
  if (!m) throw new NotFoundError("pre-meeting");
  return m;
}

/** "Jane Family (parent), 3 April 2025 at 10:00 (phone call)": staff words for the timeline. */
export function describePreMeeting(m: { startsAt: Date; mode: string; party: { name: string; kind: string } | null }): string {
  const at = londonWallClock(m.startsAt);
  const who = m.party ? describeParty(m.party) : "a party";
  return `${who}, ${formatLongDate(at.date)} at ${hhmm(at.minutes)} (${(PRE_MEETING_MODE_LABELS[m.mode as PreMeetingMode] ?? m.mode).toLowerCase()})`;
}
