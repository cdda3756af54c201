/**
 * For the allocation page (caseworkers and admins): every active mediator with their workload,
 * next free working days and any conflict of interest with this case.
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { dbDateFromIso, isDeadlineInputError, isoFromDbDate, nextWorkingDay, todayInLondon } from "@/lib/deadlines";
import { checkTransition, STATUS_LABELS } from "../lifecycle";
import { findCaseOrThrow, SNAPSHOT_SELECT, toSnapshot } from "../store";
import { ACCREDITATION_SELECT, CONFLICT_CASE_SELECT, CONFLICT_SELECT, expiredAccreditation, matchConflict } from "./conflicts";
import { accreditationStatus, accreditationWarning } from "@/lib/admin/reference/accreditation";
import { allocationsInMonth } from "@/lib/admin/reference/monthly-allocations";
import { allocationTransitionFor } from "./allocate-mediator";

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
  /** Decision 0029: why they cannot be chosen because their accreditation has expired; null when it has not. */
  expired: string | null;
  /**
   * Issue 13: worth knowing before choosing them (the panel's details, /admin/mediators): an
   * accreditation expiring soon, their monthly capacity reached, the case's LA not among their areas.
   */
  warnings: string[];
  /** Already allocated to this case. */
  current: boolean;
};

/**
 * For the allocation page (caseworkers and admins): every active mediator with their workload,
 * next free working days and any conflict with this case. NotFoundError outside scope.
 */
export async function listMediatorOptions(user: SessionUser, caseId: string) {
  authorize(user, "case:allocate");
  const c = await findCaseOrThrow(user, caseId, {
      ...SNAPSHOT_SELECT,
      reference: true,
      localAuthority: CONFLICT_CASE_SELECT.localAuthority,
      parties: { select: { ...SNAPSHOT_SELECT.parties.select, organisation: true, email: true }, orderBy: { createdAt: "asc" } },
      allocatedMediator: { select: { name: true } },
  });
  const mediators = await db().user.findMany({
    where: { role: "MEDIATOR", active: true },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      email: true,
      conflicts: { select: CONFLICT_SELECT },
      ...ACCREDITATION_SELECT,
      mediatorProfile: { select: { accreditationExpiresOn: true, monthlyCapacity: true, areas: { select: { localAuthorityId: true } } } },
    },
  });
  const ids = mediators.map((m) => m.id);
  const today = todayInLondon();
  const [counts, meetings, thisMonth] = await Promise.all([
    db().case.groupBy({ by: ["allocatedMediatorId"], where: { allocatedMediatorId: { in: ids }, status: { notIn: FINISHED } }, _count: { _all: true } }),
    db().case.findMany({
      where: { allocatedMediatorId: { in: ids }, meetingOn: { gte: dbDateFromIso(today) }, status: { notIn: FINISHED } },
      select: { allocatedMediatorId: true, meetingOn: true },
    }),
    allocationsInMonth(db(), ids, today),
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
    expired: expiredAccreditation(m, today),
    warnings: panelWarnings(m, thisMonth.get(m.id) ?? 0, c.localAuthority, today),
    current: m.id === c.allocatedMediatorId,
  }));

  // the lifecycle refuses a change of mediator when nobody else can be chosen.
  const snapshot = { ...toSnapshot(c), eligibleMediatorIds: options.filter((o) => o.conflict === null && o.expired === null).map((o) => o.id) };
  const transition = allocationTransitionFor(snapshot);
  const check = checkTransition(snapshot, transition, { id: user.id, role: user.role });

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

type PanelDetails = {
  name: string;
  mediatorProfile: { accreditationExpiresOn: Date | null; monthlyCapacity: number | null; areas: { localAuthorityId: string }[] } | null;
};

/** Issue 13: the panel's warnings about choosing this mediator (decision 0029: warnings, not refusals). */
export function panelWarnings(m: PanelDetails, allocatedThisMonth: number, la: { id: string; name: string }, today: string): string[] {
  const p = m.mediatorProfile;
  const out: string[] = [];
  const expiresOn = p?.accreditationExpiresOn ? isoFromDbDate(p.accreditationExpiresOn) : null;
  // An expired accreditation is a refusal (`expired`), not a warning.
  if (accreditationStatus(expiresOn, today) === "EXPIRING") out.push(accreditationWarning(m.name, expiresOn, today)!);
  if (p?.monthlyCapacity != null && allocatedThisMonth >= p.monthlyCapacity) {
    const cases = `${allocatedThisMonth} ${allocatedThisMonth === 1 ? "case" : "cases"}`;
    out.push(
      allocatedThisMonth > p.monthlyCapacity
        ? `Over capacity: ${cases} allocated this month, for a capacity of ${p.monthlyCapacity} a month`
        : `At capacity: ${cases} allocated this month, for a capacity of ${p.monthlyCapacity} a month, so this case would take them over it`,
    );
  }
  if (p && p.areas.length > 0 && !p.areas.some((a) => a.localAuthorityId === la.id)) out.push(`${la.name} is not one of the areas they cover`);
  return out;
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
