/**
 * Scope builders: the signed-in user as a Prisma `where`. Every read of a case or of anything that
 * belongs to a case goes through these, so a record outside the scope simply is not found (404).
 *  - ADMIN, CASEWORKER: every case of the provider;
 *  - MEDIATOR: cases allocated to them;
 *  - LA_OFFICER: cases of their own local authority;
 *  - PARENT (family user): the cases where they are a party.
 * Venues (issue 10) are the office's: ADMIN and CASEWORKER see them all, nobody else any.
 */
import type { Prisma } from "@/lib/platform/db";
import { can } from "./policy";
import type { SessionUser } from "./types";

const NOTHING = { id: { in: [] as string[] } } satisfies Prisma.CaseWhereInput;

export function caseScope(user: SessionUser): Prisma.CaseWhereInput {
  switch (user.role) {
    case "ADMIN":
    case "CASEWORKER":
      return {};
    case "MEDIATOR":
      return { allocatedMediatorId: user.id };
    case "LA_OFFICER":
      return user.localAuthorityId ? { localAuthorityId: user.localAuthorityId } : NOTHING;
    case "PARENT":
      return { parties: { some: { userId: user.id } } };
    default:
      return NOTHING;
  }
}

/** Local authorities a user may filter by / see. */
export function localAuthorityScope(user: SessionUser): Prisma.LocalAuthorityWhereInput {
  if (user.role === "LA_OFFICER") return user.localAuthorityId ? { id: user.localAuthorityId } : { id: { in: [] } };
  if (user.role === "PARENT") return { cases: { some: caseScope(user) } };
  return {};
}

const NO_VENUE = { id: { in: [] as string[] } } satisfies Prisma.VenueWhereInput;

/** Venues a user may list and change: the office's (admins and caseworkers), every LA's. */
export function venueScope(user: SessionUser): Prisma.VenueWhereInput {
  return user.role === "ADMIN" || user.role === "CASEWORKER" ? {} : NO_VENUE;
}

/**
 * Sealed documents (lib/platform/documents) a user may open: those of the cases in their
 * scope — only SHARED ones unless they are the mediation service's staff ("document:read-staff").
 * A document of no case is seen only by users whose case scope is every case (admin, caseworker).
 */
export function documentScope(user: SessionUser): Prisma.DocumentWhereInput {
  if (!can(user, "document:read")) return { id: { in: [] } };
  const cases = caseScope(user);
  const ofCases: Prisma.DocumentWhereInput = Object.keys(cases).length === 0 ? {} : { case: { is: cases } };
  return can(user, "document:read-staff") ? ofCases : { AND: [ofCases, { visibility: "SHARED" }] };
}

/**
 * Certificates (lib/certificates, R-30): shared facts, so those of every case in the user's
 * scope — the family's own, the LA officer's own LA's, the allocated mediator's, staff all.
 */
export function certificateScope(user: SessionUser): Prisma.CertificateWhereInput {
  if (!can(user, "case:read")) return { id: { in: [] } };
  const cases = caseScope(user);
  return Object.keys(cases).length === 0 ? {} : { case: { is: cases } };
}

/**
 * Agreements and outcome statements being drafted and signed (lib/agreements, R-40, R-72): the
 * mediation service only (the allocated mediator by caseScope). The LA officer and the family see
 * the sealed document (documentScope), never the draft.
 */
export function agreementScope(user: SessionUser): Prisma.CaseAgreementWhereInput {
  if (!can(user, "agreement:draft")) return { id: { in: [] } };
  return { case: { is: caseScope(user) } };
}

const NO_NOTE = { id: { in: [] as string[] } } satisfies Prisma.CaseNoteWhereInput;

/**
 * the case notes (pre-meeting notes, the mediator's private notes, the meeting
 * record's private notes) a user may read. The one choke point: every read of CaseNote goes
 * through this (lib/cases/notes), so a note outside it simply is not found.
 *  - MEDIATOR: every note on the cases allocated to them (written by them, or by the mediator
 *    before them on a reallocated case);
 *  - CASEWORKER, ADMIN: a note the mediator shared with the case team; and, for a safeguarding
 *    lead (`case:read-safeguarding`), a note marked as a safeguarding concern — that note only,
 *    never the rest;
 *  - LA_OFFICER, PARENT: none, ever.
 */
export function caseNoteScope(user: SessionUser): Prisma.CaseNoteWhereInput {
  switch (user.role) {
    case "MEDIATOR":
      return { case: { allocatedMediatorId: user.id } };
    case "ADMIN":
    case "CASEWORKER":
      return {
        case: caseScope(user),
        OR: [{ sharedAt: { not: null } }, ...(can(user, "case:read-safeguarding") ? [{ safeguardingAt: { not: null } }] : [])],
      };
    default:
      return NO_NOTE;
  }
}

/**
 * Issue 11: the agreed actions (obligations) a user may see — those of the cases in their scope
 * (the LA officer: their own LA's; the family: their own case's). What of them each may see (the
 * family never sees a note not shared with them) is `obligationUpdateScope`.
 */
export function obligationScope(user: SessionUser): Prisma.ObligationWhereInput {
  if (!can(user, "case:read")) return { id: { in: [] } };
  if (user.role === "LA_OFFICER") return user.localAuthorityId ? { localAuthorityId: user.localAuthorityId } : { id: { in: [] } };
  const cases = caseScope(user);
  return Object.keys(cases).length === 0 ? {} : { case: { is: cases } };
}

/** The progress notes a user may read: the family only those shared with them (decision 0018). */
export function obligationUpdateScope(user: SessionUser): Prisma.ObligationUpdateWhereInput {
  const of: Prisma.ObligationUpdateWhereInput = { obligation: { is: obligationScope(user) } };
  return user.role === "PARENT" ? { AND: [of, { sharedWithFamily: true }] } : of;
}

/**
 * Issue 13 (/admin/users): the accounts an admin manages — staff only (family accounts are made and
 * linked through their case, lib/auth/family-accounts.ts). Nobody else sees any.
 */
export function staffUserScope(user: SessionUser): Prisma.UserWhereInput {
  return can(user, "user:manage") ? { role: { in: ["ADMIN", "CASEWORKER", "MEDIATOR", "LA_OFFICER"] } } : { id: { in: [] } };
}
