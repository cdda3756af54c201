/**
 * A meeting's history (issue 10): one MeetingChange row per booking, move (from and to: time and
 * place) and cancellation (with its reason, staff only, R-80), written by the command that makes
 * the change, in its transaction.
 */
import "server-only";
import type { Tx } from "@/lib/platform/db";
import type { MeetingChangeKind } from "@/lib/platform/db/generated/enums";

export type MeetingSlot = { startsAt: Date; endsAt: Date; place: string };

export async function recordMeetingChange(
  tx: Tx,
  c: { caseId: string; meetingId: string; kind: MeetingChangeKind; from: MeetingSlot | null; to: MeetingSlot | null; sequence: number; actorId: string | null; reason?: string | null },
): Promise<void> {
  await tx.meetingChange.create({
    data: {
      caseId: c.caseId,
      meetingId: c.meetingId,
      kind: c.kind,
      fromStartsAt: c.from?.startsAt ?? null,
      fromEndsAt: c.from?.endsAt ?? null,
      fromPlace: c.from?.place ?? null,
      toStartsAt: c.to?.startsAt ?? null,
      toEndsAt: c.to?.endsAt ?? null,
      toPlace: c.to?.place ?? null,
      reason: c.reason ?? null,
      sequence: c.sequence,
      actorId: c.actorId,
    },
  });
}
