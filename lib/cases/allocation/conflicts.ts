/**
 * Conflicts of interest: the mediator must be independent of the LA and the ICB, so a
 * mediator with a recorded conflict (MediatorConflict) matching the case's LA or any of its
 * parties cannot be allocated. A conflict matches a party by email (case-insensitive) or by name /
 * organisation (case-insensitive, spaces normalised).
 */
import "server-only";
import type { Tx } from "@/lib/platform/db";
import { NotFoundError } from "@/lib/auth/types";
import { fieldError } from "@/lib/platform/validation";
import { isoFromDbDate, todayInLondon } from "@/lib/deadlines";
import { accreditationStatus } from "@/lib/admin/reference/accreditation";

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

/** A mediator's recorded conflicts. */
export const CONFLICT_SELECT = { localAuthorityId: true, partyName: true, partyEmail: true, reason: true } as const;

export const CONFLICT_CASE_SELECT = {
  localAuthority: { select: { id: true, name: true } },
  parties: { select: { name: true, organisation: true, email: true } },
} as const;

/** A mediator's accreditation expiry (issue 13, /admin/mediators). */
export const ACCREDITATION_SELECT = { mediatorProfile: { select: { accreditationExpiresOn: true } } } as const;

/**
 * Decision 0029: why a mediator whose recorded accreditation has expired cannot be allocated, as a
 * sentence; null when it has not (or no expiry is recorded).
 */
export function expiredAccreditation(m: { mediatorProfile: { accreditationExpiresOn: Date | null } | null }, today: string): string | null {
  const expiresOn = m.mediatorProfile?.accreditationExpiresOn ? isoFromDbDate(m.mediatorProfile.accreditationExpiresOn) : null;
  return accreditationStatus(expiresOn, today) === "EXPIRED" ? "Their accreditation has expired: an admin records the renewed one on the mediator panel" : null;
}

/** The active mediators with no recorded conflict of interest with the case and an accreditation not expired, by id. */
export async function eligibleMediatorIds(client: Pick<Tx, "user">, c: CaseForConflicts, today = todayInLondon()): Promise<string[]> {
  const mediators = await client.user.findMany({ where: { role: "MEDIATOR", active: true }, select: { id: true, conflicts: { select: CONFLICT_SELECT }, ...ACCREDITATION_SELECT } });
  return mediators.filter((m) => matchConflict(m.conflicts, c) === null && expiredAccreditation(m, today) === null).map((m) => m.id);
}

/**
 * Inside the allocation transaction, after the case was found in the user's scope: the chosen
 * user must be an active mediator without a conflict with this case, whose recorded
 * accreditation has not expired (decision 0029). Throws DomainError with a
 * field error on `mediatorId`.
 */
export async function assertMediatorCanBeAllocated(tx: Tx, caseId: string, mediatorId: string): Promise<{ id: string; name: string }> {
  // Sequential: queries in one interactive transaction share one connection.
  const m = await tx.user.findUnique({
    where: { id: mediatorId },
    select: { id: true, name: true, role: true, active: true, conflicts: { select: CONFLICT_SELECT }, ...ACCREDITATION_SELECT },
  });
  const c = await tx.case.findUnique({ where: { id: caseId }, select: CONFLICT_CASE_SELECT });
  if (!c) throw new NotFoundError("case");
  if (!m || m.role !== "MEDIATOR" || !m.active) {
    fieldError("mediatorId", "Choose a mediator from the list: the person chosen is not an active mediator.", "NOT_A_MEDIATOR");
  }
  const conflict = matchConflict(m.conflicts, c);
  if (conflict) {
    fieldError("mediatorId", `${m.name} cannot be allocated to this case. ${conflict}.`, "MEDIATOR_CONFLICT");
  }
  const expired = expiredAccreditation(m, todayInLondon());
  if (expired) fieldError("mediatorId", `${m.name} cannot be allocated to this case. ${expired}.`, "ACCREDITATION_EXPIRED");
  return { id: m.id, name: m.name };
}

