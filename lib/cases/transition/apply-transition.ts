/**
 * Carrying out a lifecycle transition (lib/cases/lifecycle) inside one transaction: everything the
 * plan implies — the status and the case columns its inputs write, the deadlines it starts and
 * stops (dated by lib/deadlines; one done after its due date is recorded as missed),
 * Case.nextDeadlineOn, a timeline entry and an audit row — guarded by the case version. Used by
 * `transitionCase` and `allocateMediator`.
 */
import "server-only";
import type { Prisma, Tx } from "@/lib/platform/db";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { ConflictError } from "@/lib/platform/errors";
import { fieldError } from "@/lib/platform/validation";
import { dbDateFromIso, earliestMeetingDate, formatDate, formatLongDate, hasRequiredMeetingNotice, isDeadlineInputError, todayInLondon } from "@/lib/deadlines";
import { getTransition, planTransition, stopDate, type Agreement, type CaseSnapshot, type CaseStatus, type TransitionName, type TransitionPlan } from "../lifecycle";
import { dueDateFor } from "../deadlines/definitions";
import { MEETING_DEADLINES, willBeMissed } from "../deadlines/state";
import { transitionDateProblem } from "../date-order";
import { closeDeadlines, openDeadlines, refreshNextDeadline, type MissedDeadline } from "../deadlines/open-close";
import { recordEvent } from "../timeline";
import { bumpVersion, CONFLICT_MESSAGE, findCaseOrThrow, SNAPSHOT_SELECT, toSnapshot } from "../store";
import { DomainError } from "@/lib/platform/errors";

/**
 * Everything that can be checked before writing: the lifecycle plan (status, role, guards,
 * inputs) plus the checks that need the calendar (past and future dates, the case dates each date
 * must not precede, the R-22 notice where the row's `notice` binds this kind of case, R-64 range).
 * Throws DomainError (with a field error when one input is at fault).
 */
export function checkPlan(snapshot: CaseSnapshot, user: SessionUser, name: TransitionName, input: Record<string, unknown>, today = todayInLondon()): TransitionPlan {
  const plan = planTransition(snapshot, name, { id: user.id, role: user.role }, input);
  if (!plan.ok) throw new DomainError(plan.message, plan.code, plan.field ? { [plan.field]: plan.message } : undefined);
  const t = getTransition(name)!;
  for (const spec of [...t.requires, ...(t.accepts ?? [])]) {
    const v = plan.record[spec.name];
    if (spec.past && typeof v === "string" && v > today) fieldError(spec.name, `${spec.label} must be today or in the past.`);
    if (spec.future && typeof v === "string" && v < today) fieldError(spec.name, `${spec.label} must be today or in the future.`);
  }
  // Issue 8: decision sent ≤ LA told ≤ consent ≤ meeting held ≤ certificate, and a certificate never
  // before its trigger: each date input's `notBefore` in the table.
  const order = transitionDateProblem(t, snapshot, plan.record);
  if (order) fieldError(order.field, order.message);
  const notice = t.notice;
  if (notice && notice.kinds.includes(snapshot.kind) && plan.record[notice.agreed] !== true) {
    // R-22: at least 5 working days' notice of the meeting (notice sent today), unless the family
    // agreed to less. Not for DRS meetings (the row's `notice.kinds`).
    const meetingOn = plan.record[notice.date] as string;
    try {
      if (!hasRequiredMeetingNotice(today, meetingOn)) {
        fieldError(
          notice.date,
          `The family must get at least 5 working days' notice, so the meeting can be on ${formatLongDate(earliestMeetingDate(today))} or later. ` +
            "Choose a later date, or record that the family agreed to shorter notice (R-22).",
        );
      }
    } catch (e) {
      if (!isDeadlineInputError(e)) throw e;
      fieldError(notice.date, e.message);
    }
  }
  // the date engine refuses dates outside the holiday data; say so before anything is written.
  if (plan.triggerDate) {
    for (const dl of plan.starts) {
      try {
        dueDateFor(dl, plan.triggerDate);
      } catch (e) {
        if (!isDeadlineInputError(e)) throw e;
        fieldError(t.trigger ?? "form", e.message);
      }
    }
  }
  return plan;
}

/**
 * What the user should know about a plan that is allowed: a meeting booked after the day mediation
 * must take place by is still allowed, because the family may mediate after day 30,
 * but the 30-day deadline will then be missed.
 */
export function planWarnings(snapshot: CaseSnapshot, plan: TransitionPlan): string[] {
  const meetingOn = plan.record.meetingOn;
  const clock = MEETING_DEADLINES.find((dl) => snapshot.dates?.openDeadlineDates[dl]);
  const due = clock && snapshot.dates?.openDeadlineDates[clock]?.dueOn;
  if (plan.transition !== "scheduleMeeting" || typeof meetingOn !== "string" || !clock || !due || !willBeMissed(clock, due, meetingOn)) return [];
  return [meetingAfterDeadlineWarning(meetingOn, due)];
}

/** the warning for a meeting booked after the day mediation must take place by. */
export function meetingAfterDeadlineWarning(meetingOn: string, dueOn: string): string {
  return (
    `The meeting on ${formatDate(meetingOn)} is after ${formatDate(dueOn)}, the day mediation must take place by, so the 30-day deadline will be missed (R-20). ` +
    "The family may still mediate after day 30 (R-23)."
  );
}

/** What an issued certificate holds beyond the case's own facts: its kind, date and issuer. */
function certificateOf(plan: TransitionPlan): Record<string, string> | null {
  const { certificateKind, issuedOn, issuerId } = plan.record;
  if (typeof certificateKind !== "string") return null;
  return { kind: certificateKind, issuedOn: String(issuedOn), issuerId: String(issuerId) };
}

/** The case as the lifecycle sees it, with its dates, at the version the user saw (else ConflictError). */
export async function loadForTransition(user: SessionUser, caseId: string, expectedVersion: number, client?: Tx) {
  const row = await findCaseOrThrow(user, caseId, SNAPSHOT_SELECT, client);
  if (row.version !== expectedVersion) throw new ConflictError(CONFLICT_MESSAGE, { currentVersion: row.version });
  return row;
}

export type TransitionResult = {
  caseId: string;
  transition: TransitionName;
  version: number;
  status: CaseStatus;
  statusChanged: boolean;
  /** Allowed, but worth saying (e.g. a meeting after day 30 means the 30-day deadline will be missed). */
  warnings: string[];
  /** Deadlines this closed after their due date: recorded as MISSED, with how late. */
  missed: MissedDeadline[];
};

export async function applyTransition(
  tx: Tx,
  user: SessionUser,
  caseId: string,
  pick: (snapshot: CaseSnapshot) => TransitionName,
  expectedVersion: number,
  input: Record<string, unknown>,
  ip: string | null,
  beforeWrite?: (plan: TransitionPlan) => Promise<void>,
): Promise<TransitionResult> {
  const row = await loadForTransition(user, caseId, expectedVersion, tx);
  const snapshot = toSnapshot(row);
  const name = pick(snapshot);
  const t = getTransition(name)!;
  const today = todayInLondon();
  const plan = checkPlan(snapshot, user, name, input, today);
  await beforeWrite?.(plan);

  // The case columns this transition's inputs write (the `column` of each input in the table).
  const data: Prisma.CaseUncheckedUpdateManyInput = {};
  const before: Record<string, string | number | null> = { status: plan.from, version: expectedVersion };
  const after: Record<string, string> = {};
  const dates = snapshot.dates!;
  const current: Record<string, string | null> = {
    laNotifiedOn: dates.laNotifiedOn,
    meetingOn: dates.meetingOn,
    heldOn: dates.heldOn,
    allocatedMediatorId: row.allocatedMediatorId,
    agreement: row.agreement,
    appealLodgedOn: dates.appealLodgedOn ?? null,
    appealReference: row.appealReference,
  };
  for (const spec of [...t.requires, ...(t.accepts ?? [])]) {
    const v = plan.record[spec.name];
    if (!spec.column || typeof v !== "string") continue;
    if (spec.column === "agreement") data.agreement = v as Agreement;
    else data[spec.column] = spec.type === "date" ? dbDateFromIso(v) : v;
    before[spec.column] = current[spec.column] ?? null;
    after[spec.column] = v;
  }
  // Closing keeps the status it leaves, so re-opening returns there; re-opening forgets it.
  if (t.remembersFrom) data.statusBeforeClose = plan.from;
  if (plan.from === "CLOSED" && plan.statusChanged) data.statusBeforeClose = null;
  const newVersion = await bumpVersion(tx, caseId, expectedVersion, { ...data, ...(plan.statusChanged ? { status: plan.to } : {}) });

  if (plan.starts.length > 0 && plan.triggerDate) await openDeadlines(tx, caseId, plan.starts, plan.triggerDate);
  const missed = plan.stops.length > 0 ? await closeDeadlines(tx, caseId, plan.stops, stopDate(plan, today), t.stopOutcome) : [];
  await refreshNextDeadline(tx, caseId);

  // a SHARED entry carries only the shared words; staff free text stays in `data`.
  await recordEvent(tx, {
    caseId,
    actorId: user.id,
    type: plan.event.type,
    summary: t.visibility === "SHARED" ? plan.event.sharedSummary : plan.event.summary,
    rule: plan.event.rule ?? null,
    visibility: t.visibility,
    data: { transition: name, from: plan.from, to: plan.to, ...plan.record },
  });
  const certificate = certificateOf(plan);
  await writeAudit(tx, {
    actor: user,
    action: t.audit,
    entityType: "Case",
    entityId: caseId,
    caseId,
    before,
    after: {
      status: plan.to,
      version: newVersion,
      ...after,
      ...(plan.starts.length ? { deadlinesStarted: plan.starts } : {}),
      ...(plan.stops.length ? { deadlinesStopped: plan.stops } : {}),
      ...(missed.length ? { deadlinesMissed: missed.map((m) => ({ name: m.name, dueOn: m.dueOn, daysLate: m.daysLate })) } : {}),
      ...(certificate ? { certificate } : {}),
    },
    ip,
  });
  return { caseId, transition: name, version: newVersion, status: plan.to, statusChanged: plan.statusChanged, warnings: planWarnings(snapshot, plan), missed };
}
