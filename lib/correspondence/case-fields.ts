/**
 * Issue 13 (decision 0030): the values of the placeholders (./placeholders.ts) for one case and one
 * recipient. R-80: the one place correspondence reads a case, and it selects only the shared facts
 * the fields name — never staffNotes, summary, notes, meeting records, the family's views or
 * uploads, access needs, or anyone's contact details (the recipient's address is the letter's, read
 * by the send command, not a field).
 */
import "server-only";
import type { Tx } from "@/lib/platform/db";
import { formatLongDate, isoFromDbDate, todayInLondon } from "@/lib/deadlines/calendar";
import { MEDIATION_CLOCKS } from "@/lib/cases/lifecycle/vocabulary";
import { hhmm, londonWallClock } from "@/lib/meetings/london-time";
import type { PlaceholderValues } from "./placeholders";

type Client = Pick<Tx, "case" | "caseDeadline" | "meeting" | "certificate">;

const date = (d: Date | null | undefined) => (d ? formatLongDate(isoFromDbDate(d)) : null);

/** The first word of a name ("Zoë Clarke" → "Zoë"), for a friendlier greeting. */
export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] ?? "";
}

/** Where the joint meeting is, in words a family can use; never the video link or a visit's address. */
function placeOf(m: { mode: string; venue: { name: string; address: string } | null }): string {
  if (m.mode === "VENUE" && m.venue) return `${m.venue.name}, ${m.venue.address.replace(/\s*\n\s*/g, ", ")}`;
  if (m.mode === "VIDEO") return "By video call. We will send you the link to join.";
  if (m.mode === "PHONE") return "By phone. We will tell you how to join the call.";
  return "To be confirmed";
}

/**
 * The values for `caseId` (already found through the user's scope by the caller), `recipient` (a
 * party of the case) and `sender` (the signed-in user). Null for what the case does not have yet.
 */
export async function caseFieldValues(
  client: Client,
  caseId: string,
  recipient: { name: string },
  sender: { name: string },
  now: Date = new Date(),
): Promise<PlaceholderValues> {
  const [c, clock, meeting, certificate] = await Promise.all([
    client.case.findUniqueOrThrow({ where: { id: caseId }, select: { reference: true, child: { select: { name: true } }, localAuthority: { select: { name: true } } } }),
    // the date mediation must take place by — the running clock, else the last one.
    client.caseDeadline.findFirst({
      where: { caseId, name: { in: [...MEDIATION_CLOCKS] } },
      orderBy: [{ closedOn: { sort: "asc", nulls: "first" } }, { dueOn: "desc" }],
      select: { dueOn: true },
    }),
    // The joint (or DRS) meeting booked or held, the latest.
    client.meeting.findFirst({
      where: { caseId, kind: { in: ["JOINT_MEETING", "DRS_MEETING"] }, status: { in: ["SCHEDULED", "HELD"] } },
      orderBy: { startsAt: "desc" },
      select: { startsAt: true, endsAt: true, mode: true, venue: { select: { name: true, address: true } } },
    }),
    // the certificate in force (not replaced by a correction), the latest.
    client.certificate.findFirst({ where: { caseId, supersededBy: { is: null } }, orderBy: { issuedOn: "desc" }, select: { issuedOn: true, appealDeadlineOn: true } }),
  ]);
  const start = meeting ? londonWallClock(meeting.startsAt) : null;
  const end = meeting ? londonWallClock(meeting.endsAt) : null;
  return {
    "recipient.name": recipient.name,
    "case.reference": c.reference,
    "child.name": c.child?.name ?? null,
    "child.firstName": c.child ? firstNameOf(c.child.name) || null : null,
    "la.name": c.localAuthority.name,
    "deadlines.mediationBy": date(clock?.dueOn),
    "meeting.date": start ? formatLongDate(start.date) : null,
    "meeting.time": start && end ? `${hhmm(start.minutes)} to ${hhmm(end.minutes)}` : null,
    "meeting.place": meeting ? placeOf(meeting) : null,
    "certificate.issuedOn": date(certificate?.issuedOn),
    "certificate.appealBy": date(certificate?.appealDeadlineOn),
    "sender.name": sender.name,
    today: formatLongDate(todayInLondon(now)),
  };
}
