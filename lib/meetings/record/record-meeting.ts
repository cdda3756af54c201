/**
 * Writes the record of the joint (or DRS) meeting (issue 10) and, in the same transaction, the
 * lifecycle's "meeting held" with its outcome (R-30 starts the certificate deadline, R-20 stops the
 * 30-day clock; the agreement), so a meeting is never held without its record. The
 * generic transition form refuses "meeting held" (its row's `ownPage`): this is the way to do it.
 *
 * What is recorded: who attended, in what capacity, and the LA's and the ICB's authority;
 * when it really started and ended (entered in Europe/London, stored as instants, R-63); the
 * child's or young person's views and how they were gathered; the family's expenses claim
 * the mediator's private notes, written as a MEDIATOR_PRIVATE case note behind the
 * confidentiality wall (R-80: lib/auth/scope.ts caseNoteScope), never on the record itself.
 *
 * The joint meeting booked in the system becomes HELD; a case whose date was recorded some other
 * way gets its meeting row now (how it was held is then asked). `checkMeetingRecord` is the dry run
 * for the "check your answers" step: the same checks, nothing written.
 */
import "server-only";
import { transaction, type Tx } from "@/lib/platform/db";
import { authorize, can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { ConflictError, DomainError } from "@/lib/platform/errors";
import { fieldError, parseInput } from "@/lib/platform/validation";
import { checkTransition, type CaseStatus } from "@/lib/cases/lifecycle";
import { caseCommandSchema, toSnapshot } from "@/lib/cases/store";
import { AlreadyDoneError, alreadyDoneMessage, applyTransition, checkPlan, inputDigest, loadForTransition } from "@/lib/cases/transition/apply-transition";
import { trimmed } from "@/lib/cases/fields";
import type { MissedDeadline } from "@/lib/cases/deadlines/open-close";
import { londonInstant, minutesOf } from "../london-time";
import {
  CAPACITIES_WITH_AUTHORITY,
  RECORD_FIELD_ORDER,
  meetingRecordSchema,
  penceFromText,
  type CapacityValue,
  type MeetingRecordInput,
  type MeetingRecordValues,
} from "./meeting-record-schema";

const FORM_UNREADABLE = "The form could not be read. Reload the page and try again.";

/** The meetings a record is written for: the joint meeting, or a DRS meeting. */
export const RECORDED_MEETING_KINDS = ["JOINT_MEETING", "DRS_MEETING"] as const;

export type MeetingRecordResult = {
  caseId: string;
  /** Null when nothing was written (this user's identical record was already saved). */
  recordId: string | null;
  version: number;
  status: CaseStatus;
  /** The 30-day deadline closed after its due date: recorded as MISSED, with how late. */
  missed: MissedDeadline[];
  /** "This was already done: …" when the same form was posted again (issue 9 item 15). */
  alreadyDone: string | null;
};

type Prepared = {
  caseId: string;
  expectedVersion: number;
  kind: "MEDIATION" | "ADVICE_ONLY" | "DRS";
  mediatorId: string | null;
  meeting: { id: string } | null;
  v: MeetingRecordValues;
  start: Date;
  end: Date;
  /** What "meeting held" records (the same object both times, so a repeated post is recognised). */
  transitionInput: { heldOn: string; agreement: string };
};

/** What "meeting held" records: the date and the outcome, as posted. */
const transitionInputOf = (input: MeetingRecordInput) => ({ heldOn: trimmed(input.heldOn), agreement: trimmed(input.agreement) });

/**
 * Issue 9 item 15: the case moved on from the version the user saw only by this user's own
 * identical record (the form posted again): its "meeting held" audit row is theirs, with the same
 * inputs, taking the case from that version to the one it has now. (The lifecycle's own check looks
 * at the case's last audit row, which here is the record's.)
 */
async function recordedAlready(tx: Tx, user: SessionUser, caseId: string, expectedVersion: number, transitionInput: Record<string, unknown>): Promise<boolean> {
  const c = await tx.case.findUnique({ where: { id: caseId }, select: { version: true } });
  if (!c || c.version !== expectedVersion + 1) return false;
  const held = await tx.auditEvent.findFirst({ where: { caseId, action: "case.meeting_held" }, orderBy: [{ at: "desc" }, { id: "desc" }], select: { actorId: true, before: true, after: true } });
  const before = (held?.before ?? {}) as { version?: unknown };
  const after = (held?.after ?? {}) as { version?: unknown; inputDigest?: unknown };
  return held?.actorId === user.id && before.version === expectedVersion && after.version === c.version && after.inputDigest === inputDigest(transitionInput);
}

async function prepare(tx: Tx, user: SessionUser, input: MeetingRecordInput, now: Date): Promise<Prepared> {
  const env = parseInput(caseCommandSchema, { caseId: input.caseId, expectedVersion: input.expectedVersion });
  authorize(user, "case:transition", { hide: false });
  const transitionInput = transitionInputOf(input);
  const { row, alreadyDone } = await loadForTransition(user, env.caseId, env.expectedVersion, "recordMeetingHeld", transitionInput, tx).catch(async (e: unknown) => {
    if (e instanceof ConflictError && (await recordedAlready(tx, user, env.caseId, env.expectedVersion, transitionInput))) throw new AlreadyDoneError(env.caseId, "recordMeetingHeld");
    throw e;
  });
  if (alreadyDone) throw new AlreadyDoneError(env.caseId, alreadyDone);
  const snapshot = toSnapshot(row);
  // The status, the role and the allocation first: no point listing the form's problems otherwise.
  const allowed = checkTransition(snapshot, "recordMeetingHeld", { id: user.id, role: user.role });
  if (!allowed.ok) throw new DomainError(allowed.message, allowed.code);

  const meeting = await tx.meeting.findFirst({
    where: { caseId: env.caseId, kind: { in: [...RECORDED_MEETING_KINDS] }, status: "SCHEDULED" },
    orderBy: { startsAt: "desc" },
    select: { id: true },
  });
  const v = parseInput(meetingRecordSchema(!meeting), input, { order: RECORD_FIELD_ORDER });
  // the private notes are the allocated mediator's own (a caseworker recording the meeting has no such field).
  if (v.privateNotes !== "" && !can(user, "case:write-notes")) fieldError("privateNotes", "Only the mediator can write private notes.");
  const start = londonInstant(v.heldOn, minutesOf(v.startTime));
  const end = londonInstant(v.heldOn, minutesOf(v.endTime));
  if (start > now) fieldError("startTime", "The meeting cannot have started later than now. Check the date and the time it started.");
  // The lifecycle's own checks of the date: in the past, not before the LA was told, consent, ….
  checkPlan(snapshot, user, "recordMeetingHeld", transitionInput);
  // A party's row names a party of this case (else the form was tampered with or is stale).
  const partyIds = new Set(row.parties.map((p) => p.id));
  if (v.attendees.some((a) => a.attended && a.partyId !== "" && !partyIds.has(a.partyId))) throw new DomainError(FORM_UNREADABLE, "INVALID_INPUT");
  return { caseId: env.caseId, expectedVersion: env.expectedVersion, kind: row.kind, mediatorId: row.allocatedMediatorId, meeting, v, start, end, transitionInput };
}

/**
 * The "check your answers" step: every check of `recordMeeting`, nothing written. Throws
 * AlreadyDoneError when this user's identical record was already saved.
 */
export async function checkMeetingRecord(user: SessionUser, input: MeetingRecordInput, now = new Date()): Promise<void> {
  await transaction((tx) => prepare(tx, user, input, now));
}

export async function recordMeeting(user: SessionUser, input: MeetingRecordInput, ip: string | null = null, now = new Date()): Promise<MeetingRecordResult> {
  return transaction(async (tx) => {
    let p: Prepared;
    try {
      p = await prepare(tx, user, input, now);
    } catch (e) {
      // Issue 9 item 15: posted again after it was saved (Back, then Save): say so, write nothing.
      if (!(e instanceof AlreadyDoneError)) throw e;
      const c = await tx.case.findUniqueOrThrow({ where: { id: e.caseId }, select: { version: true, status: true } });
      return { caseId: e.caseId, recordId: null, version: c.version, status: c.status, missed: [], alreadyDone: alreadyDoneMessage(e.transition) };
    }
    const { v } = p;
    const r = await applyTransition(tx, user, p.caseId, "recordMeetingHeld", p.expectedVersion, p.transitionInput, ip).catch(async (e: unknown) => {
      // The same form posted twice at once: the other post has just committed (the statement sees it).
      if (e instanceof ConflictError && (await recordedAlready(tx, user, p.caseId, p.expectedVersion, p.transitionInput))) {
        return { version: p.expectedVersion + 1, status: "MEETING_HELD" as const, missed: [], alreadyDone: alreadyDoneMessage("recordMeetingHeld") };
      }
      throw e;
    });
    if (r.alreadyDone) return { caseId: p.caseId, recordId: null, version: r.version, status: r.status, missed: [], alreadyDone: r.alreadyDone };

    // The meeting booked in the system is now held; one recorded some other way gets its row now.
    const meeting = p.meeting
      ? await tx.meeting.update({ where: { id: p.meeting.id }, data: { status: "HELD" }, select: { id: true } })
      : await tx.meeting.create({
          data: {
            caseId: p.caseId,
            kind: p.kind === "DRS" ? "DRS_MEETING" : "JOINT_MEETING",
            mode: v.mode as "VENUE" | "VIDEO" | "PHONE",
            startsAt: p.start,
            endsAt: p.end,
            status: "HELD",
            mediatorId: p.mediatorId,
            createdById: user.id,
          },
          select: { id: true },
        });

    const attended = v.attendees.filter((a) => a.attended);
    const claimed = v.expensesClaimed === "yes";
    const record = await tx.meetingRecord.create({
      data: {
        caseId: p.caseId,
        meetingId: meeting.id,
        startedAt: p.start,
        endedAt: p.end,
        childViewsHow: v.childViewsHow as ("ATTENDED" | "WRITTEN_STATEMENT" | "DRAWING" | "SPOKEN_TO_BEFOREHAND" | "NOT_POSSIBLE")[],
        // the views when they were gathered; why not, when it was not possible.
        childViews: v.childViewsHow.includes("NOT_POSSIBLE") ? null : v.childViews,
        childViewsNotPossibleReason: v.childViewsHow.includes("NOT_POSSIBLE") ? v.childViewsNotPossibleReason : null,
        // the claim is recorded; the cap is not computed.
        expensesClaimed: claimed,
        expensesAmountPence: claimed ? penceFromText(v.expensesAmount) : null,
        expensesFor: claimed ? v.expensesFor : null,
        expensesPayer: claimed ? (v.expensesPayer as "LA" | "ICB") : null,
        expensesStatus: claimed ? (v.expensesStatus as "PENDING" | "PAID") : null,
        recordedById: user.id,
        attendees: {
          create: attended.map((a, position) => ({
            partyId: a.partyId || null,
            name: a.name,
            capacity: a.capacity as CapacityValue,
            organisation: a.organisation || null,
            // asked of the LA's and the ICB's representatives only.
            hasAuthority: CAPACITIES_WITH_AUTHORITY.includes(a.capacity as CapacityValue) ? a.hasAuthority === "yes" : null,
            position,
          })),
        },
      },
      select: { id: true },
    });
    // the private notes are a note behind the wall (the allocated mediator only, unless shared).
    const note = v.privateNotes
      ? await tx.caseNote.create({ data: { caseId: p.caseId, kind: "MEDIATOR_PRIVATE", meetingRecordId: record.id, body: v.privateNotes, authorId: user.id }, select: { id: true } })
      : null;
    await writeAudit(tx, {
      actor: user,
      action: "meeting.record_written",
      entityType: "Meeting",
      entityId: meeting.id,
      caseId: p.caseId,
      after: {
        recordId: record.id,
        startedAt: p.start.toISOString(),
        endedAt: p.end.toISOString(),
        attendees: attended.length,
        capacities: attended.map((a) => a.capacity),
        childViewsHow: v.childViewsHow,
        expensesClaimed: claimed,
        ...(claimed ? { expensesStatus: v.expensesStatus } : {}),
        agreement: v.agreement,
        privateNoteId: note?.id ?? null,
      },
      ip,
    });
    return { caseId: p.caseId, recordId: record.id, version: r.version, status: r.status, missed: r.missed, alreadyDone: null };
  });
}
