/**
 * Who is reminded of a joint meeting: every party of the case with an email address (the family,
 * the LA and ICB representatives, supporters and interpreters recorded as parties) and the
 * meeting's mediator. One email per address.
 *
 * SEAM: this is the one place that decides. When meetings have attendees (MeetingAttendee, issue
 * 10), it should read the meeting's attendees who have not declined instead of the case's parties.
 */
import "server-only";
import type { Tx } from "@/lib/platform/db";

export type ReminderRecipient = { name: string; email: string; role: "PARTY" | "MEDIATOR" };

export async function meetingReminderRecipients(tx: Tx, meetingId: string): Promise<ReminderRecipient[]> {
  const m = await tx.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: {
      mediatorId: true,
      case: {
        select: {
          allocatedMediator: { select: { name: true, email: true, active: true } },
          parties: { where: { email: { not: null } }, orderBy: { createdAt: "asc" }, select: { name: true, email: true } },
        },
      },
    },
  });
  const mediator = m.mediatorId ? await tx.user.findUnique({ where: { id: m.mediatorId }, select: { name: true, email: true, active: true } }) : m.case.allocatedMediator;
  const all: ReminderRecipient[] = [
    ...m.case.parties.map((p) => ({ name: p.name, email: p.email!.trim(), role: "PARTY" as const })),
    ...(mediator?.active ? [{ name: mediator.name, email: mediator.email, role: "MEDIATOR" as const }] : []),
  ];
  const seen = new Set<string>();
  return all.filter((r) => r.email !== "" && !seen.has(r.email.toLowerCase()) && seen.add(r.email.toLowerCase()));
}
