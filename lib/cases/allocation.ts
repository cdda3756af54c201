/**
 * Choosing a mediator for a case: conflicts of interest and workload.
 *
 * the mediator must be independent of the LA and the ICB, so a mediator with a recorded
 * conflict (MediatorConflict) matching the case's LA or any of its parties cannot be allocated.
 * A conflict matches a party by email (case-insensitive) or by name / organisation
 * (case-insensitive, spaces normalised).
 *
 * The allocation itself is the lifecycle's `allocate` / `reallocate` transition, done by
 * `allocateMediator` in ./commands.ts, which calls `assertMediatorCanBeAllocated` inside its
 * transaction.
 */
import { db, type Tx } from "@/lib/db/client";
import { authorize } from "@/lib/auth/policy";
import { caseScope } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { dbDateFromIso, isDeadlineInputError, isoFromDbDate, nextWorkingDay, todayInLondon } from "@/lib/deadlines";
import { DomainError } from "@/lib/errors";
import { checkTransition, STATUS_LABELS, type CaseSnapshot, type TransitionName } from "./lifecycle";
import { SNAPSHOT_SELECT, toSnapshot } from "./queries";

export type ConflictRecord = { localAuthorityId: string | null; partyName: string | null; partyEmail: string | null; reason: string };
export type CaseForConflicts = {
  localAuthority: { id: string; name: string };
  parties: readonly { name: string; organisation: string | null; email: string | null }[];
};

const norm = (s: string | null | undefined) => (s ?? "").trim().replace(/\s+/g, " ").toLowerCase();

/** The first recorded conflict that matches the case, as a sentence; null when there is none. */
export function matchConflict(conflicts: readonly ConflictRecord[], c: CaseForConflicts): string | null {
  for (const k of conflicts) {
    if (k.localAuthorityId && k.localAuthorityId === c.localAuthority.id) {
      return `Conflict of interest with ${c.localAuthority.name}: ${k.reason}`;
    }
    const email = norm(k.partyEmail);
    if (email) {
      const p = c.parties.find((x) => norm(x.email) === email);
      if (p) return `Conflict of interest with ${p.name}: ${k.reason}`;
    }
    const name = norm(k.partyName);
    if (name) {
      const p = c.parties.find((x) => norm(x.name) === name || norm(x.organisation) === name);
      if (p) return `Conflict of interest with ${p.organisation && norm(p.organisation) === name ? p.organisation : p.name}: ${k.reason}`;
    }
  }
  return null;
}

const CONFLICT_CASE_SELECT = {
  localAuthority: { select: { id: true, name: true } },
  parties: { select: { name: true, organisation: true, email: true } },
} as const;

/**
 * Inside the allocation transaction: the chosen user must be an active mediator without a
 * conflict with this case. Throws DomainError with a field error on `mediatorId`.
 */
export async function assertMediatorCanBeAllocated(tx: Tx, caseId: string, mediatorId: string): Promise<{ id: string; name: string }> {
  // Sequential: queries in one interactive transaction share one connection.
  const m = await tx.user.findUnique({
    where: { id: mediatorId },
    select: { id: true, name: true, role: true, active: true, conflicts: { select: { localAuthorityId: true, partyName: true, partyEmail: true, reason: true } } },
  });
  const c = await tx.case.findUnique({ where: { id: caseId }, select: CONFLICT_CASE_SELECT });
  if (!c) throw new NotFoundError("case");
  if (!m || m.role !== "MEDIATOR" || !m.active) {
    const message = "Choose a mediator from the list: the person chosen is not an active mediator.";
    throw new DomainError(message, "NOT_A_MEDIATOR", { mediatorId: message });
  }
  const conflict = matchConflict(m.conflicts, c);
  if (conflict) {
    const message = `${m.name} cannot be allocated to this case. ${conflict}.`;
    throw new DomainError(message, "MEDIATOR_CONFLICT", { mediatorId: message });
  }
  return { id: m.id, name: m.name };
}

/** Which allocation transition applies: a first allocation, or a change of mediator. */
export function allocationTransitionFor(snapshot: Pick<CaseSnapshot, "allocatedMediatorId">): TransitionName {
  return snapshot.allocatedMediatorId ? "reallocate" : "allocate";
}

/** Statuses in which a case no longer needs its mediator's time. */
const FINISHED: ("CLOSED" | "NOT_PROCEEDING" | "WITHDRAWN" | "ADVICE_ONLY")[] = ["CLOSED", "NOT_PROCEEDING", "WITHDRAWN", "ADVICE_ONLY"];

export const FREE_DAYS_SHOWN = 3;
/** How far ahead to look for free working days before giving up (about three months). */
const FREE_DAY_SEARCH_LIMIT = 65;

export type MediatorOption = {
  id: string;
  name: string;
  email: string;
  /** Open cases allocated to them (closed / not proceeding / withdrawn / advice-only not counted). */
  openCases: number;
  /** The next working days (ISO) with no meeting of theirs booked. */
  nextFreeDays: string[];
  /** Why they cannot be chosen (conflict of interest); null when they can. */
  conflict: string | null;
  /** Already allocated to this case. */
  current: boolean;
};

/**
 * For the allocation page (caseworkers and admins): every active mediator with their workload,
 * next free working days and any conflict with this case. NotFoundError outside scope.
 */
export async function listMediatorOptions(user: SessionUser, caseId: string) {
  authorize(user, "case:allocate");
  const c = await db().case.findFirst({
    where: { AND: [{ id: caseId }, caseScope(user)] },
    select: {
      ...SNAPSHOT_SELECT,
      reference: true,
      localAuthority: CONFLICT_CASE_SELECT.localAuthority,
      parties: { select: { id: true, name: true, kind: true, consent: true, organisation: true, email: true }, orderBy: { createdAt: "asc" } },
      allocatedMediator: { select: { name: true } },
    },
  });
  if (!c) throw new NotFoundError("case");
  const snapshot = toSnapshot(c);
  const transition = allocationTransitionFor(snapshot);
  const check = checkTransition(snapshot, transition, { id: user.id, role: user.role });

  const mediators = await db().user.findMany({
    where: { role: "MEDIATOR", active: true },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true, conflicts: { select: { localAuthorityId: true, partyName: true, partyEmail: true, reason: true } } },
  });
  const ids = mediators.map((m) => m.id);
  const today = todayInLondon();
  const [counts, meetings] = await Promise.all([
    db().case.groupBy({ by: ["allocatedMediatorId"], where: { allocatedMediatorId: { in: ids }, status: { notIn: FINISHED } }, _count: { _all: true } }),
    db().case.findMany({
      where: { allocatedMediatorId: { in: ids }, meetingOn: { gte: dbDateFromIso(today) }, status: { notIn: FINISHED } },
      select: { allocatedMediatorId: true, meetingOn: true },
    }),
  ]);
  const countBy = new Map(counts.map((r) => [r.allocatedMediatorId, r._count._all]));
  const busy = new Map<string, Set<string>>();
  for (const m of meetings) {
    if (!m.allocatedMediatorId || !m.meetingOn) continue;
    const set = busy.get(m.allocatedMediatorId) ?? new Set<string>();
    set.add(isoFromDbDate(m.meetingOn));
    busy.set(m.allocatedMediatorId, set);
  }

  const options: MediatorOption[] = mediators.map((m) => ({
    id: m.id,
    name: m.name,
    email: m.email,
    openCases: countBy.get(m.id) ?? 0,
    nextFreeDays: nextFreeDays(today, busy.get(m.id) ?? new Set()),
    conflict: matchConflict(m.conflicts, c),
    current: m.id === c.allocatedMediatorId,
  }));

  return {
    case: {
      id: c.id,
      reference: c.reference,
      version: c.version,
      status: c.status,
      statusLabel: STATUS_LABELS[c.status],
      currentMediator: c.allocatedMediator?.name ?? null,
    },
    transition,
    /** Why the case cannot be (re)allocated now; null when it can. */
    refusal: check.ok ? null : check.message,
    mediators: options,
  };
}

/** The next FREE_DAYS_SHOWN working days after `today` not in `busy` (lib/deadlines calendar, R-60). */
export function nextFreeDays(today: string, busy: ReadonlySet<string>): string[] {
  const out: string[] = [];
  let d = today;
  try {
    for (let i = 0; i < FREE_DAY_SEARCH_LIMIT && out.length < FREE_DAYS_SHOWN; i++) {
      d = nextWorkingDay(d);
      if (!busy.has(d)) out.push(d);
    }
  } catch (e) {
    // beyond the years the holiday data covers, show what we have rather than guess.
    if (!isDeadlineInputError(e)) throw e;
  }
  return out;
}
