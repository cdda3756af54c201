/**
 * For /cases/[id]/meeting/record (issue 10): the meeting record of the case, or the form to write
 * it. Staff who record meetings only (the allocated mediator, caseworkers, admins; the case scope);
 * the LA officer and the family get a 404 (R-80: the record is staff only).
 *  - Recorded: the record as a summary; its private notes only through caseNoteScope (the
 *    allocated mediator, or caseworkers once shared, R-80).
 *  - Not yet, and "meeting held" is possible: the form, filled in from the booked meeting (its date
 *    and times in Europe/London) and the case's parties (R-24: the LA's and the ICB's authority as
 *    recorded on the party), with what each invited party answered beside their row.
 *  - Otherwise: why not (the lifecycle's reason).
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize, can } from "@/lib/auth/policy";
import { caseNoteScope, caseScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import { todayInLondon } from "@/lib/deadlines";
import { checkTransition, STATUS_LABELS } from "@/lib/cases/lifecycle";
import { describeParty, type PartyKindValue } from "@/lib/cases/options";
import { findCaseOrThrow, SNAPSHOT_SELECT, toSnapshot } from "@/lib/cases/store";
import { hhmm, londonWallClock } from "../london-time";
import { RECORDED_MEETING_KINDS } from "./record-meeting";
import { CAPACITY_OF_PARTY, EXTRA_ATTENDEE_ROWS, recordSummary, type MeetingRecordInput, type RecordSummary } from "./meeting-record-schema";

/** One row of the attendee list: a party of the case, or an empty row for someone else. */
export type AttendeeRow = { partyId: string; label: string; name: string; capacity: string; organisation: string; hasAuthority: string; hint: string | null };

/** What each invited party answered (lib/meetings invitations), beside their row: a reminder, never a tick. */
const RESPONSE_HINTS: Record<string, string> = {
  INVITED: "Invited: no answer recorded",
  ACCEPTED: "Invited: said they would come",
  TENTATIVE: "Invited: said they might come",
  DECLINED: "Invited: said they would not come",
};

export type MeetingRecordPage = {
  case: { id: string; reference: string; kind: string; statusLabel: string; version: number; childName: string | null };
  /** The saved record. */
  record: (RecordSummary & { recordedBy: string | null; recordedAt: string }) | null;
  /** The form, when the meeting can be recorded now. */
  form: {
    rows: AttendeeRow[];
    /** No meeting was booked in the system: ask how it was held. */
    askMode: boolean;
    /** The allocated mediator: may write private notes. */
    privateNotes: boolean;
    /** The form's starting values. */
    defaults: Record<string, string>;
  } | null;
  /** Why the meeting cannot be recorded now (neither a record nor the form). */
  refusal: string | null;
};

export async function getMeetingRecordPage(user: SessionUser, caseId: string): Promise<MeetingRecordPage> {
  authorize(user, "case:transition");
  const c = await findCaseOrThrow(user, caseId, { ...SNAPSHOT_SELECT, reference: true, child: { select: { name: true } } });
  const head = { id: c.id, reference: c.reference, kind: c.kind, statusLabel: STATUS_LABELS[c.status], version: c.version, childName: c.child?.name ?? null };

  const saved = await db().meetingRecord.findFirst({
    where: { caseId: c.id, case: caseScope(user) },
    orderBy: { createdAt: "desc" },
    include: { attendees: { orderBy: { position: "asc" } }, meeting: { select: { mode: true } } },
  });
  if (saved) {
    // R-80: the private notes through the notes' wall, like every other note.
    const notes = await db().caseNote.findMany({ where: { AND: [caseNoteScope(user), { meetingRecordId: saved.id }] }, select: { body: true }, orderBy: { createdAt: "asc" } });
    const recordedBy = await db().user.findUnique({ where: { id: saved.recordedById }, select: { name: true } });
    const start = londonWallClock(saved.startedAt);
    const input: MeetingRecordInput = {
      caseId: c.id,
      expectedVersion: c.version,
      heldOn: start.date,
      startTime: hhmm(start.minutes),
      endTime: hhmm(londonWallClock(saved.endedAt).minutes),
      mode: "",
      attendees: saved.attendees.map((a) => ({
        attended: true,
        partyId: a.partyId ?? "",
        name: a.name,
        capacity: a.capacity,
        organisation: a.organisation ?? "",
        hasAuthority: a.hasAuthority === null ? "" : a.hasAuthority ? "yes" : "no",
      })),
      childViewsHow: saved.childViewsHow,
      childViews: saved.childViews ?? "",
      childViewsNotPossibleReason: saved.childViewsNotPossibleReason ?? "",
      expensesClaimed: saved.expensesClaimed ? "yes" : "no",
      expensesAmount: saved.expensesAmountPence === null ? "" : (saved.expensesAmountPence / 100).toFixed(2),
      expensesFor: saved.expensesFor ?? "",
      expensesPayer: saved.expensesPayer ?? "",
      expensesStatus: saved.expensesStatus ?? "",
      agreement: c.agreement ?? "",
      privateNotes: notes.map((n) => n.body).join("\n\n"),
    };
    return { case: head, record: { ...recordSummary(input), recordedBy: recordedBy?.name ?? null, recordedAt: saved.createdAt.toISOString() }, form: null, refusal: null };
  }

  const check = checkTransition(toSnapshot(c), "recordMeetingHeld", { id: user.id, role: user.role });
  if (!check.ok) {
    const refusal = c.status === "MEETING_HELD" ? "The meeting was recorded as held before meeting records were kept, so there is no record to show." : check.message;
    return { case: head, record: null, form: null, refusal };
  }

  const [meeting, parties] = await Promise.all([
    db().meeting.findFirst({
      where: { caseId: c.id, case: caseScope(user), kind: { in: [...RECORDED_MEETING_KINDS] }, status: "SCHEDULED" },
      orderBy: { startsAt: "desc" },
      select: { startsAt: true, endsAt: true, attendees: { select: { partyId: true, response: true } } },
    }),
    db().party.findMany({
      where: { caseId: c.id, case: caseScope(user) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, kind: true, name: true, organisation: true, hasAuthority: true },
    }),
  ]);
  const invited = new Map((meeting?.attendees ?? []).map((a) => [a.partyId, a.response as string]));
  const rows: AttendeeRow[] = [
    ...parties.map((p) => ({
      partyId: p.id,
      label: describeParty(p),
      name: p.name,
      capacity: CAPACITY_OF_PARTY[p.kind as PartyKindValue] ?? "OTHER",
      organisation: p.organisation ?? "",
      hasAuthority: p.hasAuthority === null ? "" : p.hasAuthority ? "yes" : "no",
      hint: invited.has(p.id) ? RESPONSE_HINTS[invited.get(p.id)!]! : invited.size > 0 ? "Not invited" : null,
    })),
    ...Array.from({ length: EXTRA_ATTENDEE_ROWS }, () => ({ partyId: "", label: "", name: "", capacity: "", organisation: "", hasAuthority: "", hint: null })),
  ];
  const defaults: Record<string, string> = {};
  // The booked meeting's date and times (London), or the case's meeting date when booked some other way.
  const heldOn = meeting ? londonWallClock(meeting.startsAt).date : (toSnapshot(c).dates?.meetingOn ?? "");
  if (heldOn && heldOn <= todayInLondon()) defaults.heldOn = heldOn;
  if (meeting) {
    defaults.startTime = hhmm(londonWallClock(meeting.startsAt).minutes);
    defaults.endTime = hhmm(londonWallClock(meeting.endsAt).minutes);
  }
  rows.forEach((r, i) => {
    if (!r.partyId) return;
    defaults[`attendees.${i}.partyId`] = r.partyId;
    defaults[`attendees.${i}.name`] = r.name;
    defaults[`attendees.${i}.capacity`] = r.capacity;
    defaults[`attendees.${i}.organisation`] = r.organisation;
    if (r.hasAuthority) defaults[`attendees.${i}.hasAuthority`] = r.hasAuthority;
  });
  return { case: head, record: null, form: { rows, askMode: !meeting, privateNotes: can(user, "case:write-notes"), defaults }, refusal: null };
}
