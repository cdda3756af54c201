/**
 * Scope builders: the signed-in user as a Prisma `where`. Every read of a case or of anything that
 * belongs to a case goes through these, so a record outside the scope simply is not found (404).
 *  - ADMIN, CASEWORKER: every case of the provider;
 *  - MEDIATOR: cases allocated to them;
 *  - LA_OFFICER: cases of their own local authority;
 *  - PARENT (family user, a parent or a young person): the cases where they are the family party
 *    (R-01: the party whose kind is the case's `familyParty`) and, on a young person's case, a
 *    parent recorded on it while the young person's consent is recorded (familyCaseScope).
 * Venues (issue 10) are the office's: ADMIN and CASEWORKER see them all, nobody else any.
 */
import { Prisma } from "@/lib/platform/db";
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
      return familyCaseScope(user.id);
    default:
      return NOTHING;
  }
}

/**
 * Issue 14 (decision 0033): `caseScope` as a SQL condition on a "Case" row aliased `c`, for the hot
 * reads written in SQL (the case list, lib/cases/list/list-cases.ts). It selects exactly the cases
 * caseScope selects, role by role (tests/integration/auth/scope.test.ts compares the two).
 */
export function caseScopeSql(user: SessionUser): Prisma.Sql {
  switch (user.role) {
    case "ADMIN":
    case "CASEWORKER":
      return Prisma.sql`TRUE`;
    case "MEDIATOR":
      return Prisma.sql`c."allocatedMediatorId" = ${user.id}`;
    case "LA_OFFICER":
      return user.localAuthorityId ? Prisma.sql`c."localAuthorityId" = ${user.localAuthorityId}` : Prisma.sql`FALSE`;
    case "PARENT": {
      const party = (kind: string) => Prisma.sql`EXISTS (SELECT 1 FROM "Party" p WHERE p."caseId" = c."id" AND p."userId" = ${user.id} AND p."kind" = ${kind}::"PartyKind")`;
      return Prisma.sql`((c."familyParty" = 'PARENT' AND ${party("PARENT")})
        OR (c."familyParty" = 'YOUNG_PERSON' AND ${party("YOUNG_PERSON")})
        OR (c."familyParty" = 'YOUNG_PERSON' AND c."parentAccessConsentAt" IS NOT NULL AND ${party("PARENT")}))`;
    }
    default:
      return Prisma.sql`FALSE`;
  }
}

/**
 * Issue 14 (decision 0033): "the row's case is in the user's scope" for a row with a case (`caseId`,
 * the row's own column, e.g. ct."caseId") — what Prisma's `case: { is: caseScope(user) }` selects.
 * For the roles whose case scope is every case (ADMIN, CASEWORKER) that is every row: the foreign
 * key gives each its case. The case is aliased `c` inside, so caseScopeSql applies to it as is.
 */
function inCaseScopeSql(user: SessionUser, caseId: Prisma.Sql): Prisma.Sql {
  if (user.role === "ADMIN" || user.role === "CASEWORKER") return Prisma.sql`TRUE`;
  return Prisma.sql`EXISTS (SELECT 1 FROM "Case" c WHERE c."id" = ${caseId} AND ${caseScopeSql(user)})`;
}

/**
 * R-01 (decision 0022): the cases a family account sees. A young person (16-25) is the party in
 * their own right; a parent sees their case only while the young person's consent is recorded
 * (`Case.parentAccessConsentAt`), read on every request, so a withdrawal takes effect at once.
 * A parent's own case (familyParty PARENT) is theirs as always.
 */
function familyCaseScope(userId: string): Prisma.CaseWhereInput {
  return {
    OR: [
      ...familyPartyOf(userId),
      // A parent on a young person's case, only with the young person's recorded consent.
      { familyParty: "YOUNG_PERSON", parentAccessConsentAt: { not: null }, parties: { some: { userId, kind: "PARENT" } } },
    ],
  };
}

/** The family party: the parent on a parent's case, the young person on a young person's case. */
function familyPartyOf(userId: string): Prisma.CaseWhereInput[] {
  return [
    { familyParty: "PARENT", parties: { some: { userId, kind: "PARENT" } } },
    { familyParty: "YOUNG_PERSON", parties: { some: { userId, kind: "YOUNG_PERSON" } } },
  ];
}

/**
 * R-01: the cases on which the family user is the family party itself — the young person on a
 * young person's case, never a parent who sees it by consent. Only the family party decides who
 * else may see the case (lib/family/parent-access).
 */
export function familyPartyCaseScope(user: SessionUser): Prisma.CaseWhereInput {
  return user.role === "PARENT" ? { OR: familyPartyOf(user.id) } : NOTHING;
}

/** Local authorities a user may filter by / see. */
export function localAuthorityScope(user: SessionUser): Prisma.LocalAuthorityWhereInput {
  if (user.role === "LA_OFFICER") return user.localAuthorityId ? { id: user.localAuthorityId } : { id: { in: [] } };
  if (user.role === "PARENT") return { cases: { some: caseScope(user) } };
  return {};
}

/**
 * Issue 14 (decision 0033): `localAuthorityScope` as a SQL condition on a "LocalAuthority" row
 * aliased `la` (the case list's filter choices, lib/cases/list/list-filter-options.ts). It selects
 * exactly the LAs localAuthorityScope selects (tests/integration/auth/scope.test.ts compares them).
 */
export function localAuthorityScopeSql(user: SessionUser): Prisma.Sql {
  if (user.role === "LA_OFFICER") return user.localAuthorityId ? Prisma.sql`la."id" = ${user.localAuthorityId}` : Prisma.sql`FALSE`;
  if (user.role === "PARENT") return Prisma.sql`EXISTS (SELECT 1 FROM "Case" c WHERE c."localAuthorityId" = la."id" AND ${caseScopeSql(user)})`;
  return Prisma.sql`TRUE`;
}

const NO_VENUE = { id: { in: [] as string[] } } satisfies Prisma.VenueWhereInput;

/** Venues a user may list and change: the office's (admins and caseworkers), every LA's. */
export function venueScope(user: SessionUser): Prisma.VenueWhereInput {
  return user.role === "ADMIN" || user.role === "CASEWORKER" ? {} : NO_VENUE;
}

/**
 * Sealed documents (lib/platform/documents) a user may open (R-80): those of the cases in their
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
 * Certificates (lib/certificates, R-30): shared facts (R-80), so those of every case in the user's
 * scope — the family's own, the LA officer's own LA's, the allocated mediator's, staff all.
 */
export function certificateScope(user: SessionUser): Prisma.CertificateWhereInput {
  if (!can(user, "case:read")) return { id: { in: [] } };
  const cases = caseScope(user);
  return Object.keys(cases).length === 0 ? {} : { case: { is: cases } };
}

/**
 * Issue 14 (decision 0033): `certificateScope` as a SQL condition on a "Certificate" row aliased
 * `ct` (the case page's certificates, lib/certificates/list-case-certificates.ts). It selects
 * exactly what certificateScope selects (tests/integration/auth/scope.test.ts compares the two).
 */
export function certificateScopeSql(user: SessionUser): Prisma.Sql {
  if (!can(user, "case:read")) return Prisma.sql`FALSE`;
  return inCaseScopeSql(user, Prisma.sql`ct."caseId"`);
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
 * R-80, R-81: the case notes (pre-meeting notes, the mediator's private notes, the meeting
 * record's private notes) a user may read. The one choke point: every read of CaseNote goes
 * through this (lib/cases/notes), so a note outside it simply is not found.
 *  - MEDIATOR: every note on the cases allocated to them (written by them, or by the mediator
 *    before them on a reallocated case);
 *  - CASEWORKER, ADMIN: a note the mediator shared with the case team; and, for a safeguarding
 *    lead (`case:read-safeguarding`), a note marked as a safeguarding concern — that note only,
 *    never the rest (R-81);
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
 * Issue 14 (decision 0033): `caseNoteScope` as a SQL condition on a "CaseNote" row aliased `n`
 * (the case page's notes, lib/cases/notes/list-case-notes.ts). It selects exactly what
 * caseNoteScope selects, role by role — shared notes, and safeguarding concerns for a safeguarding
 * lead only (R-80, R-81); none for the LA officer or the family (tests/integration/auth/scope.test.ts).
 */
export function caseNoteScopeSql(user: SessionUser): Prisma.Sql {
  switch (user.role) {
    case "MEDIATOR":
      return Prisma.sql`EXISTS (SELECT 1 FROM "Case" c WHERE c."id" = n."caseId" AND c."allocatedMediatorId" = ${user.id})`;
    case "ADMIN":
    case "CASEWORKER": {
      const safeguarding = can(user, "case:read-safeguarding") ? Prisma.sql` OR n."safeguardingAt" IS NOT NULL` : Prisma.empty;
      return Prisma.sql`(${inCaseScopeSql(user, Prisma.sql`n."caseId"`)} AND (n."sharedAt" IS NOT NULL${safeguarding}))`;
    }
    default:
      return Prisma.sql`FALSE`;
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

/**
 * Issue 14 (decision 0033): `obligationScope` as a SQL condition on an "Obligation" row aliased `o`
 * (the case page's agreed actions, lib/obligations/list-case-obligations.ts). It selects exactly
 * what obligationScope selects — the LA officer by the obligation's own LA, as there
 * (tests/integration/auth/scope.test.ts compares the two).
 */
export function obligationScopeSql(user: SessionUser): Prisma.Sql {
  if (!can(user, "case:read")) return Prisma.sql`FALSE`;
  if (user.role === "LA_OFFICER") return user.localAuthorityId ? Prisma.sql`o."localAuthorityId" = ${user.localAuthorityId}` : Prisma.sql`FALSE`;
  return inCaseScopeSql(user, Prisma.sql`o."caseId"`);
}

/** The progress notes a user may read: the family only those shared with them (decision 0018). */
export function obligationUpdateScope(user: SessionUser): Prisma.ObligationUpdateWhereInput {
  const of: Prisma.ObligationUpdateWhereInput = { obligation: { is: obligationScope(user) } };
  return user.role === "PARENT" ? { AND: [of, { sharedWithFamily: true }] } : of;
}

const NO_FAMILY_ITEM = { id: { in: [] as string[] } };

/**
 * Issue 12 (R-25, R-80, decision 0021): what the family wrote and uploaded (FamilySubmission and
 * FamilyUpload: the same `where` fits both). The one choke point for every read of them:
 *  - MEDIATOR: everything on the cases allocated to them;
 *  - CASEWORKER, ADMIN: only what the family chose to share with the case team (sharedAt);
 *  - PARENT: what they sent themselves, on a case in their scope;
 *  - LA_OFFICER (and anyone else): nothing, ever — not on /la, in exports or in emails.
 */
export function familySubmissionScope(user: SessionUser): Prisma.FamilySubmissionWhereInput & Prisma.FamilyUploadWhereInput {
  if (!can(user, "family-views:read")) return NO_FAMILY_ITEM;
  switch (user.role) {
    case "MEDIATOR":
      return { case: { is: { allocatedMediatorId: user.id } } };
    case "ADMIN":
    case "CASEWORKER":
      return { case: { is: caseScope(user) }, sharedAt: { not: null } };
    case "PARENT":
      return { userId: user.id, case: { is: caseScope(user) } };
    default:
      return NO_FAMILY_ITEM;
  }
}

/**
 * Issue 14 (decision 0033): `familySubmissionScope` as a SQL condition on a "FamilySubmission" or
 * "FamilyUpload" row aliased `f` (the family's views, lib/family/views/list-family-views.ts). It
 * selects exactly what familySubmissionScope selects, role by role — what the family shared for
 * the office, their own for the family, nothing for the LA officer (R-25, R-80;
 * tests/integration/auth/scope.test.ts compares the two).
 */
export function familySubmissionScopeSql(user: SessionUser): Prisma.Sql {
  if (!can(user, "family-views:read")) return Prisma.sql`FALSE`;
  switch (user.role) {
    case "MEDIATOR":
      return Prisma.sql`EXISTS (SELECT 1 FROM "Case" c WHERE c."id" = f."caseId" AND c."allocatedMediatorId" = ${user.id})`;
    case "ADMIN":
    case "CASEWORKER":
      return Prisma.sql`(${inCaseScopeSql(user, Prisma.sql`f."caseId"`)} AND f."sharedAt" IS NOT NULL)`;
    case "PARENT":
      return Prisma.sql`(f."userId" = ${user.id} AND ${inCaseScopeSql(user, Prisma.sql`f."caseId"`)})`;
    default:
      return Prisma.sql`FALSE`;
  }
}

/**
 * Issue 12: the one local authority whose outstanding deadlines a user may list and export (/la,
 * /la/export.csv) — the LA officer's own; nobody else's (null: nothing, e.g. an LA officer not yet
 * given an LA). The dashboard reads in SQL, so it gets the LA's id rather than a Prisma `where`.
 */
export function laDashboardScope(user: SessionUser): { localAuthorityId: string } | null {
  if (!can(user, "la:workspace") || !user.localAuthorityId) return null;
  return { localAuthorityId: user.localAuthorityId };
}

/**
 * Issue 12 (R-24): the parties an LA officer may name or change as their LA's attendee at the
 * meeting: the LA representatives (kind LA) on their own LA's cases, nobody else.
 */
export function laAttendeeScope(user: SessionUser): Prisma.PartyWhereInput {
  if (!can(user, "meeting:name-la-attendee") || !user.localAuthorityId) return { id: { in: [] } };
  return { kind: "LA", case: { is: { localAuthorityId: user.localAuthorityId } } };
}

/**
 * Issue 13: the local authorities whose figures a user may see in the reports — every LA for the
 * mediation service's office, their own for an LA officer, none for anyone else ("report:read").
 * The report queries (lib/reports) count only cases of these LAs.
 */
export function reportLocalAuthorityScope(user: SessionUser): Prisma.LocalAuthorityWhereInput {
  if (!can(user, "report:read")) return { id: { in: [] } };
  return localAuthorityScope(user);
}

/**
 * Issue 13 (/admin/users): the accounts an admin manages — staff only (family accounts are made and
 * linked through their case, lib/auth/family-accounts.ts). Nobody else sees any.
 */
export function staffUserScope(user: SessionUser): Prisma.UserWhereInput {
  return can(user, "user:manage") ? { role: { in: ["ADMIN", "CASEWORKER", "MEDIATOR", "LA_OFFICER"] } } : { id: { in: [] } };
}

/**
 * Issue 13 (decision 0029): the reference data an admin keeps — every local authority and ICB
 * (active or not) for "reference-data:manage", none for anyone else. Fits LocalAuthority and
 * HealthBody alike.
 */
export function referenceDataScope(user: SessionUser): { id?: { in: string[] } } {
  return can(user, "reference-data:manage") ? {} : { id: { in: [] } };
}

/** Issue 13: the mediator panel (/admin/mediators): every mediator user, for those who keep it. */
export function mediatorPanelScope(user: SessionUser): Prisma.UserWhereInput {
  return can(user, "reference-data:manage") ? { role: "MEDIATOR" } : { id: { in: [] } };
}

/**
 * Issue 13 (decision 0028): the cases (and the people in them) an admin may search, export, hold
 * or erase for data protection — every case of the provider for "data-protection:manage"; none
 * for anyone else. Purged cases are still found (their rows remain, anonymised).
 */
export function dataProtectionScope(user: SessionUser): Prisma.CaseWhereInput {
  return can(user, "data-protection:manage") ? {} : NOTHING;
}
