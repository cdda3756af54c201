/**
 * Who is reminded of a joint meeting: the meeting's attendees (MeetingAttendee, R-24) with an email
 * address who have not declined, and the meeting's mediator. A meeting booked before attendees
 * were kept has none: then every party of the case with an email address. One email per address.
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
      attendees: { orderBy: { createdAt: "asc" }, select: { response: true, party: { select: { name: true, email: true } } } },
    },
  });
  const people = m.attendees.length
    ? m.attendees.filter((a) => a.response !== "DECLINED" && a.party.email).map((a) => a.party)
    : m.case.parties;
  const mediator = m.mediatorId ? await tx.user.findUnique({ where: { id: m.mediatorId }, select: { name: true, email: true, active: true } }) : m.case.allocatedMediator;
  const all: ReminderRecipient[] = [
    ...people.map((p) => ({ name: p.name, email: p.email!.trim(), role: "PARTY" as const })),
    ...(mediator?.active ? [{ name: mediator.name, email: mediator.email, role: "MEDIATOR" as const }] : []),
  ];
  const seen = new Set<string>();
  return all.filter((r) => r.email !== "" && !seen.has(r.email.toLowerCase()) && seen.add(r.email.toLowerCase()));
}
