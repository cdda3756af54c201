/**
 * Sends a meeting's invitations through the outbox (issue 10): every attendee with an email gets
 * the plain-English email and its .ics (./invitation-email.ts) — a REQUEST when the meeting is
 * booked or moved (the new SEQUENCE to everyone) or when they are added; a CANCEL when it is
 * cancelled (to everyone) or when they are taken off the list (to them).
 *
 * On the job queue (lib/platform/jobs): each command enqueues a `meeting-invitations` job in its
 * own transaction (`enqueueMeetingInvitations`), so a booking that rolls back invites nobody. The
 * job reads everything it needs by the meeting's id and sends what the meeting is NOW; a job whose
 * SEQUENCE is no longer the meeting's (booked, then moved before the job ran) does nothing, the
 * newer job sending the newer time (a cancellation or a removal is always sent). In one
 * transaction, under the effect key `invitations:<meeting>:<kind>:<sequence>[:<parties>]` (a
 * second delivery of the job sends nothing): the emails (outbox rows with their delivery jobs),
 * each invitee's `invitedAt`, the meeting's `noticeSentOn` when the family is given notice of a
 * date and place (R-22: booked or moved), and an audit row with no actor (the system sent them).
 *
 * R-80: reads only what an invitation may say (the select below): never staff notes, anyone's
 * access needs or adjustments, consent notes or reasons.
 */
import "server-only";
import { z } from "zod";
import { transaction, type Prisma, type Tx } from "@/lib/platform/db";
import { writeAudit } from "@/lib/platform/audit";
import { MAIL_FROM, type SendResult } from "@/lib/platform/email";
import { enqueue } from "@/lib/platform/jobs/boss";
import { claimEffect } from "@/lib/platform/jobs/effects";
import { queueEmail } from "@/lib/platform/outbox/queue-email";
import { dbDateFromIso, todayInLondon } from "@/lib/deadlines";
import { invitationMessage, mailbox, methodOf, type InvitationKind, type InvitationMeeting, type InvitationRecipient } from "./invitation-email";

export type { InvitationKind } from "./invitation-email";

/** The phone number invitations give for asking about adjustments, when the deployment sets one (SERVICE_PHONE). */
export function servicePhone(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.SERVICE_PHONE?.trim() || null;
}

export type InvitationRun = {
  /** One per email written to the outbox. */
  sent: { partyId: string; to: string; status: SendResult["status"] }[];
  /** Invitees with no email address: staff tell them another way (the meeting page lists them). */
  withoutEmail: string[];
};

const NOTHING: InvitationRun = { sent: [], withoutEmail: [] };

const PARTY = { id: true, name: true, email: true } as const satisfies Prisma.PartySelect;

/**
 * What an invitation is built from (R-80: never staff notes, anyone's needs or adjustments, consent
 * notes or reasons). Shared with the family's own .ics download (lib/family/meeting, issue 12).
 */
export const INVITATION_MEETING_SELECT = {
  id: true,
  caseId: true,
  status: true,
  sequence: true,
  startsAt: true,
  endsAt: true,
  mode: true,
  videoLink: true,
  venue: { select: { name: true, address: true, stepFreeAccess: true, hearingLoop: true, parking: true, notes: true } },
  case: { select: { reference: true, kind: true, allocatedMediator: { select: { name: true } } } },
  attendees: { select: { partyId: true, response: true, party: { select: { ...PARTY, kind: true } } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
} satisfies Prisma.MeetingSelect;

export function toInvitationMeeting(m: Prisma.MeetingGetPayload<{ select: typeof INVITATION_MEETING_SELECT }>): InvitationMeeting {
  return {
    id: m.id,
    sequence: m.sequence,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    caseReference: m.case.reference,
    caseKind: m.case.kind,
    mode: m.mode,
    videoLink: m.videoLink,
    venue: m.venue,
    mediatorName: m.case.allocatedMediator?.name ?? null,
    attendees: m.attendees.map((a) => ({ partyId: a.partyId, kind: a.party.kind, response: a.response })),
  };
}

const INVITATION_KINDS = ["BOOKED", "MOVED", "CANCELLED", "ADDED", "REMOVED"] as const satisfies readonly InvitationKind[];

export const meetingInvitationsJobSchema = z.object({
  meetingId: z.string().min(1).max(100),
  kind: z.enum(INVITATION_KINDS),
  sequence: z.number().int().min(0),
  partyIds: z.array(z.string().min(1).max(100)).max(100).optional(),
});
export type MeetingInvitationsJob = z.infer<typeof meetingInvitationsJobSchema>;

/** Called by a command inside its transaction: the invitations go once it has committed. */
export async function enqueueMeetingInvitations(tx: Tx, job: MeetingInvitationsJob): Promise<void> {
  await enqueue(tx, "meeting-invitations", meetingInvitationsJobSchema.parse(job));
}

/** The `meeting-invitations` job. */
export async function sendMeetingInvitationsJob(data: unknown): Promise<InvitationRun> {
  const job = meetingInvitationsJobSchema.parse(data);
  return sendMeetingInvitations(job.meetingId, job.kind, { partyIds: job.partyIds, sequence: job.sequence });
}

/** What a second delivery of the same job finds done. */
export function invitationsKey(meetingId: string, kind: InvitationKind, sequence: number, partyIds?: readonly string[]): string {
  return `invitations:${meetingId}:${kind}:${sequence}${partyIds?.length ? `:${[...partyIds].sort().join(",")}` : ""}`;
}

export async function sendMeetingInvitations(
  meetingId: string,
  kind: InvitationKind,
  opts: { partyIds?: readonly string[]; sequence?: number; now?: Date } = {},
): Promise<InvitationRun> {
  return transaction((tx) => sendInTransaction(tx, meetingId, kind, opts));
}

async function sendInTransaction(tx: Tx, meetingId: string, kind: InvitationKind, opts: { partyIds?: readonly string[]; sequence?: number; now?: Date }): Promise<InvitationRun> {
  const now = opts.now ?? new Date();
  const m = await tx.meeting.findUnique({
    where: { id: meetingId },
    select: INVITATION_MEETING_SELECT,
  });
  // A cancellation only for a cancelled meeting; anything else only while it is booked.
  if (!m || (kind === "CANCELLED" ? m.status !== "CANCELLED" : m.status !== "SCHEDULED")) return NOTHING;
  // Moved since this job was queued: the newer job sends the newer time to everyone.
  const stillCurrent = kind === "CANCELLED" || kind === "REMOVED" || opts.sequence === undefined || opts.sequence === m.sequence;
  if (!stillCurrent) return NOTHING;
  if (!(await claimEffect(tx, invitationsKey(m.id, kind, opts.sequence ?? m.sequence, opts.partyIds), "meeting-invitations"))) return NOTHING;

  let recipients: { partyId: string; name: string; email: string | null }[];
  if (kind === "ADDED") {
    recipients = m.attendees.filter((a) => opts.partyIds?.includes(a.partyId)).map((a) => ({ partyId: a.partyId, name: a.party.name, email: a.party.email }));
  } else if (kind === "REMOVED") {
    // Taken off the list: still a party of the case, no longer an attendee.
    const ids = (opts.partyIds ?? []).filter((id) => !m.attendees.some((a) => a.partyId === id));
    const parties = ids.length ? await tx.party.findMany({ where: { id: { in: ids }, caseId: m.caseId }, select: PARTY }) : [];
    recipients = parties.map((p) => ({ partyId: p.id, name: p.name, email: p.email }));
  } else {
    recipients = m.attendees.map((a) => ({ partyId: a.partyId, name: a.party.name, email: a.party.email }));
  }

  const meeting = toInvitationMeeting(m);
  const contact = { organizer: mailbox(MAIL_FROM), phone: servicePhone() };
  const run: InvitationRun = { sent: [], withoutEmail: [] };
  for (const r of recipients) {
    if (!r.email) {
      run.withoutEmail.push(r.partyId);
      continue;
    }
    const msg = invitationMessage(meeting, r as InvitationRecipient, kind, contact);
    const result = await queueEmail(tx, { ...msg, caseId: m.caseId });
    run.sent.push({ partyId: r.partyId, to: r.email, status: result.status });
  }

  const method = methodOf(kind);
  // R-22: notice of the date and place is given when the invitations go (booked or moved).
  const notice = (kind === "BOOKED" || kind === "MOVED") && run.sent.length > 0 ? todayInLondon(now) : null;
  if (method === "REQUEST" && run.sent.length > 0) {
    await tx.meetingAttendee.updateMany({ where: { meetingId: m.id, partyId: { in: run.sent.map((s) => s.partyId) } }, data: { invitedAt: now } });
  }
  if (notice) await tx.meeting.update({ where: { id: m.id }, data: { noticeSentOn: dbDateFromIso(notice) } });
  await writeAudit(tx, {
    actor: null,
    action: "meeting.invitations_sent",
    entityType: "Meeting",
    entityId: m.id,
    caseId: m.caseId,
    after: { kind, method, sequence: m.sequence, sent: run.sent.length, withoutEmail: run.withoutEmail.length, ...(notice ? { noticeSentOn: notice } : {}) },
  });
  return run;
}
