/**
 * Carrying out a lifecycle transition (lib/cases/lifecycle) inside one transaction: everything the
 * plan implies — the status and the case columns its inputs write, the deadlines it starts and
 * stops (dated by lib/deadlines; one done after its due date is recorded as missed),
 * Case.nextDeadlineOn, a timeline entry and an audit row — guarded by the case version. Used by
 * `transitionCase` and `allocateMediator`.
 */
import "server-only";
import { createHash } from "node:crypto";
import { db, type Prisma, type Tx } from "@/lib/platform/db";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { ConflictError } from "@/lib/platform/errors";
import { fieldError } from "@/lib/platform/validation";
import { dbDateFromIso, earliestWorkingMeetingDate, formatDate, formatLongDate, hasRequiredMeetingNotice, isDeadlineInputError, todayInLondon } from "@/lib/deadlines";
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
  const planned = planTransition(snapshot, name, { id: user.id, role: user.role }, input);
  if (!planned.ok) throw new DomainError(planned.message, planned.code, planned.field ? { [planned.field]: planned.message } : undefined);
  // A row without a `trigger` input starts its deadlines on the day it is recorded (R-23: booking
  // the meeting after the last day tells the adviser today).
  const plan = planned.starts.length > 0 && planned.triggerDate === null ? { ...planned, triggerDate: today } : planned;
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
          // The date suggested is a working day (issue 9 item 16), not the Saturday after a Friday.
          `The family must get at least 5 working days' notice, so the meeting can be on ${formatLongDate(earliestWorkingMeetingDate(today))} or later. ` +
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
  const warnings = [meetingAfterDeadlineWarning(meetingOn, due)];
  // the "could not be arranged" certificate falls due (once: not if it runs or was issued).
  if (plan.starts.includes("CERTIFICATE_NOT_ARRANGED") && plan.triggerDate) {
    warnings.push(`Mediation could not take place within 30 days, so a “could not be arranged” certificate is due by ${formatLongDate(dueDateFor("CERTIFICATE_NOT_ARRANGED", plan.triggerDate))} (R-23).`);
  }
  return warnings;
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

/**
 * Which transition a command does: one by name (`transitionCase`), or one of several picked from
 * the case as it is (`allocateMediator`: a first allocation or a change of mediator).
 */
export type TransitionCommand = TransitionName | { among: readonly TransitionName[]; pick: (snapshot: CaseSnapshot) => TransitionName };

const namesOf = (command: TransitionCommand): readonly TransitionName[] => (typeof command === "string" ? [command] : command.among);

/**
 * A fingerprint of a command's inputs, kept in its audit row (`after.inputDigest`): the same inputs
 * give the same digest, whatever order they came in. A digest, so no personal value (a reason, a
 * name) is copied into the audit trail by it.
 */
export function inputDigest(input: Record<string, unknown>): string {
  const canonical = JSON.stringify(Object.keys(input).sort().map((k) => [k, input[k] ?? null]));
  return createHash("sha256").update(canonical).digest("hex");
}

/** "This was already done: the meeting date has been saved." (issue 9 item 15) */
export function alreadyDoneMessage(name: TransitionName): string {
  const done = getTransition(name)!.done;
  return `This was already done: ${done.charAt(0).toLowerCase()}${done.slice(1)}`;
}

/** Nothing was done because this user's identical action already had been (issue 9 item 15). */
export class AlreadyDoneError extends DomainError {
  constructor(
    public readonly caseId: string,
    public readonly transition: TransitionName,
  ) {
    super(alreadyDoneMessage(transition), "ALREADY_DONE", undefined, { caseId, transition });
    this.name = "AlreadyDoneError";
  }
}

/**
 * Issue 9 item 15: the case has moved on from the version the user saw, because of this user's own
 * identical action (a form submitted again after going Back, or twice at once): the case's last
 * audit row is theirs, for the same transition, with the same inputs, taking the case from the
 * version they saw to the one it has now, exactly one more. Returns that transition, else null (the
 * case really was changed by someone or something else).
 */
export async function alreadyApplied(
  client: Tx,
  user: SessionUser,
  caseId: string,
  expectedVersion: number,
  currentVersion: number,
  command: TransitionCommand,
  input: Record<string, unknown>,
): Promise<TransitionName | null> {
  if (currentVersion !== expectedVersion + 1) return null;
  const last = await client.auditEvent.findFirst({
    where: { caseId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { actorId: true, action: true, before: true, after: true },
  });
  if (!last || last.actorId !== user.id) return null;
  const name = namesOf(command).find((n) => getTransition(n)!.audit === last.action);
  const before = (last.before ?? {}) as { version?: unknown };
  const after = (last.after ?? {}) as { version?: unknown; inputDigest?: unknown };
  if (!name || before.version !== expectedVersion || after.version !== currentVersion) return null;
  return after.inputDigest === inputDigest(input) ? name : null;
}

/**
 * The case as the lifecycle sees it, with its dates, at the version the user saw. When it has moved
 * on: `alreadyDone` names the transition if that was this user's identical action (see
 * `alreadyApplied`), else ConflictError.
 */
export async function loadForTransition(
  user: SessionUser,
  caseId: string,
  expectedVersion: number,
  command: TransitionCommand,
  input: Record<string, unknown>,
  client?: Tx,
) {
  const row = await findCaseOrThrow(user, caseId, SNAPSHOT_SELECT, client);
  if (row.version === expectedVersion) return { row, alreadyDone: null };
  const alreadyDone = await alreadyApplied(client ?? db(), user, caseId, expectedVersion, row.version, command, input);
  if (alreadyDone) return { row, alreadyDone };
  throw new ConflictError(CONFLICT_MESSAGE, { currentVersion: row.version });
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
  /**
   * Set when nothing was done because this user's identical action already had been (issue 9
   * item 15): "This was already done: …". The rest describes the case as it is.
   */
  alreadyDone: string | null;
};

function alreadyDoneResult(caseId: string, name: TransitionName, row: { version: number; status: CaseStatus }): TransitionResult {
  return { caseId, transition: name, version: row.version, status: row.status, statusChanged: false, warnings: [], missed: [], alreadyDone: alreadyDoneMessage(name) };
}

export async function applyTransition(
  tx: Tx,
  user: SessionUser,
  caseId: string,
  command: TransitionCommand,
  expectedVersion: number,
  input: Record<string, unknown>,
  ip: string | null,
  beforeWrite?: (plan: TransitionPlan) => Promise<void>,
): Promise<TransitionResult> {
  const { row, alreadyDone } = await loadForTransition(user, caseId, expectedVersion, command, input, tx);
  if (alreadyDone) return alreadyDoneResult(caseId, alreadyDone, row);
  const snapshot = toSnapshot(row);
  const name = typeof command === "string" ? command : command.pick(snapshot);
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
  // Columns the transition empties (cancelling the joint meeting empties its date).
  for (const column of t.clears ?? []) {
    data[column] = null;
    before[column] = current[column] ?? null;
  }
  // Closing keeps the status it leaves, so re-opening returns there; re-opening forgets it.
  if (t.remembersFrom) data.statusBeforeClose = plan.from;
  if (plan.from === "CLOSED" && plan.statusChanged) data.statusBeforeClose = null;
  let newVersion: number;
  try {
    newVersion = await bumpVersion(tx, caseId, expectedVersion, { ...data, ...(plan.statusChanged ? { status: plan.to } : {}) });
  } catch (e) {
    // Saved by someone else between the read and this write: perhaps the same form posted twice
    // at once, whose first post has just committed (the statement sees it).
    if (!(e instanceof ConflictError)) throw e;
    const now = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true, status: true } });
    const same = await alreadyApplied(tx, user, caseId, expectedVersion, now.version, command, input);
    if (same) return alreadyDoneResult(caseId, same, now);
    throw e;
  }

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
      // Issue 9 item 15: lets the same form posted again be recognised (see alreadyApplied).
      inputDigest: inputDigest(input),
    },
    ip,
  });
  return { caseId, transition: name, version: newVersion, status: plan.to, statusChanged: plan.statusChanged, warnings: planWarnings(snapshot, plan), missed, alreadyDone: null };
}
