/**
 * Audit trail: every state change writes one row in the same transaction as the change, and
 * (issue 13) reads of case records, documents and exports write one too (./audit/read.ts). Rows are
 * append-only, enforced by a database trigger (decision 0026): ./audit/redact-case-audit.ts is the
 * one change allowed.
 * Action names are typed, one style: `<entity>.<what_happened>` (snake_case, past tense), so a
 * report or a search never has to guess the spelling. A lifecycle transition's name is in its row
 * of the transition table (lib/cases/lifecycle/transitions.ts).
 *
 * Personal data (issue 9, item 11) — one rule, applied here to every row so purges and
 * subject-access exports can rely on it:
 *  - `before` / `after` keep field names and non-personal values (ids, statuses, versions, enum
 *    choices, process dates); the value of a personal field (a top-level key in PERSONAL_KEYS:
 *    names, contact details, dates of birth, free text written about the family) is replaced by
 *    REDACTED. A row still says *which* personal fields changed, never what they say. Nested
 *    values are process records (deadlines, certificates: `name` there is a deadline's name) and
 *    must not hold personal data.
 *  - a person is referred to by their id; where there is none (a sign-in with an unknown email),
 *    by `personalDigest` of the email, never the email itself.
 *  - the `ip` column is kept as it is (security evidence, purged with the row).
 */
import "server-only";
import { createHash } from "node:crypto";
import type { Prisma, Tx } from "@/lib/platform/db";
import type { SessionUser } from "@/lib/auth/types";
import { claimSubmission } from "@/lib/platform/idempotency/submission";

export const AUDIT_ACTIONS = [
  // Sign-in (lib/auth)
  "auth.signed_in",
  "auth.sign_in_failed",
  /** Rows written before issue 9 (five failures locked the account); no longer written. */
  "auth.locked_out",
  "auth.signed_out",
  "auth.sign_in_unlocked",
  "auth.family_link_requested",
  // Family accounts (lib/auth/family-accounts.ts)
  "user.family_account_created",
  "party.account_linked",
  "party.account_unlinked",
  // Intake (lib/cases/intake)
  "case.referral_logged",
  "case.self_referral_received",
  // Case details and parties
  "case.details_updated",
  "party.added",
  "party.updated",
  "party.consent_recorded",
  // Lifecycle transitions (one per row of the transition table)
  "case.contacting_started",
  "case.consent_requested",
  "case.mediator_allocated",
  "case.mediator_changed",
  "case.drs_declined",
  "case.preparation_started",
  "case.meeting_scheduled",
  "case.meeting_cancelled",
  "case.not_arranged_recorded",
  "case.not_arranged_certificate_issued",
  "case.health_body_notified",
  "case.icb_told_la",
  "case.meeting_held",
  "case.certificate_issued",
  "case.monitoring_started",
  "case.closed",
  "case.reopened",
  "case.appeal_recorded",
  "meeting.booked",
  "meeting.moved",
  "meeting.cancelled",
  "meeting.attendee_added",
  "meeting.attendee_removed",
  "meeting.attendee_updated",
  "meeting.invitations_sent",
  // The meeting record and case notes (lib/meetings/record, lib/cases/notes; ). A note's
  // text is never copied into the audit trail: only its id, kind and who did what.
  "meeting.record_written",
  "note.added",
  "note.shared",
  "note.unshared",
  "note.marked_safeguarding",
  "mediator.availability_updated",
  "mediator.day_off_added",
  "mediator.day_off_removed",
  // Venues and pre-meetings (issue 10: lib/meetings/venues, lib/meetings/pre-meetings)
  "venue.added",
  "venue.updated",
  "venue.deactivated",
  "venue.reactivated",
  "venue.deleted",
  "pre_meeting.booked",
  "pre_meeting.held",
  "pre_meeting.cancelled",
  "case.about_updated",
  "case.advice_only_chosen",
  "case.withdrawn",
  // Sealed documents (lib/platform/documents)
  "document.stored",
  // Agreements and outcome statements (lib/agreements; ). No text, names or reasons: ids,
  // kinds, hashes and counts only.
  "agreement.drafted",
  "agreement.updated",
  "agreement.action_saved",
  "agreement.action_removed",
  "agreement.signatures_requested",
  "agreement.signed",
  "agreement.declined",
  "agreement.signing_link_sent",
  "agreement.sealed",
  "agreement.correction_started",
  // Certificates (lib/certificates, R-30, R-31)
  "certificate.issued",
  "certificate.corrected",
  // Agreed actions tracked to done (lib/obligations). Notes, evidence and reasons are never copied.
  "obligation.created",
  "obligation.progress_recorded",
  "obligation.done",
  "obligation.closed",
  // Jobs (lib/platform/jobs; the actor is null: the job, not a person)
  "meeting.reminder_sent",
  "case.clock_alert_sent",
  "obligation.overdue_alert_sent",
  /** An admin ran a failed job again (/admin/jobs). */
  "job.retried",
  // The family's views and uploads (lib/family/views, issue 12, R-25, R-80). Never the text or a
  // file's name: ids, sizes, hashes, the scan result and whether it is shared.
  "family_views.sent",
  "family_upload.stored",
  "family_views.shared",
  "family_upload.shared",
  "family_upload.removed",
  // R-01 (decision 0022): the young person's consent to a parent seeing their case (lib/family/parent-access).
  "case.parent_access_given",
  "case.parent_access_withdrawn",
  // The LA officer (issue 12): the dashboard's CSV export (the filters and the row count, never
  // the rows), and naming the LA's attendee at the meeting.
  "la.deadlines_exported",
  "meeting.la_attendee_named",
  // Staff accounts (issue 13: lib/admin/users, lib/auth/totp; decision 0027). No names or emails:
  // ids, roles, flags and versions only.
  "user.invited",
  "user.invitation_resent",
  "user.password_set",
  "user.role_changed",
  "user.deactivated",
  "user.reactivated",
  "user.safeguarding_lead_changed",
  "user.second_factor_enrolment_started",
  "user.second_factor_enabled",
  "user.second_factor_reset",
  "auth.second_factor_failed",
  // Reads by a signed-in user (issue 13: lib/platform/audit/read.ts; who viewed what, when). Public
  // reads (the /verify page) are not a user's and are not recorded.
  "case.viewed",
  "document.downloaded",
  "family_upload.downloaded",
  "export.downloaded",
  // Reference data kept by admins (issue 13, lib/admin/reference, decision 0029). Deactivated,
  // never deleted while a case refers to it; a conflict's party name, email and reason are redacted.
  "local_authority.added",
  "local_authority.updated",
  "local_authority.deactivated",
  "local_authority.reactivated",
  "health_body.added",
  "health_body.updated",
  "health_body.deactivated",
  "health_body.reactivated",
  "mediator.panel_updated",
  "mediator.conflict_added",
  "mediator.conflict_removed",
  // Correspondence (issue 13, lib/correspondence): a template saved (its version), and an email or
  // letter sent from a case (the template, its version, the channel and ids, never the text).
  "correspondence_template.updated",
  "correspondence.sent",
  // Data protection (lib/data-protection, decision 0028). Whose data was exported is the entity
  // (a User or Party id), never their name or email; a purge or an erasure records counts only.
  "data_protection.subject_access_exported",
  "case.legal_hold_placed",
  "case.legal_hold_released",
  "case.purged",
  "party.anonymised",
  "user.anonymised",
  "erasure.requested",
  "erasure.approved",
  "erasure.refused",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditInput = {
  actor: Pick<SessionUser, "id"> | null;
  action: AuditAction;
  entityType: "Case" | "Party" | "User" | "Meeting" | "Venue" | "Document" | "CaseNote" | "Job" | "Agreement" | "Certificate" | "Obligation" | "FamilySubmission" | "FamilyUpload" | "LocalAuthority" | "Export" | "HealthBody" | "MediatorProfile" | "MediatorConflict" | "CorrespondenceTemplate" | "ErasureRequest";
  entityId: string;
  caseId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  ip?: string | null;
};

/** Top-level keys of before/after whose values are personal data. */
export const PERSONAL_KEYS: ReadonlySet<string> = new Set([
  "name",
  "email",
  "phone",
  "address",
  "postcode",
  "accessNeeds",
  "childName",
  "childDateOfBirth",
  "dateOfBirth",
  "childSetting",
  // free text written about the family or the case
  "summary",
  "staffNotes",
  "reason",
  "notes",
  // what a meeting attendee needs to take part (issue 10)
  "interpreterLanguage",
  "adjustments",
  // who they bring to support them (issue 12)
  "supporterName",
]);

export const REDACTED = "[redacted]";

/** `value` with each personal field's value replaced by REDACTED (null and "" stay: "was empty"). */
export function redactPersonal<T extends Prisma.InputJsonValue | null | undefined>(value: T): T {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, PERSONAL_KEYS.has(k) && v !== null && v !== undefined && v !== "" ? REDACTED : v])) as T;
}

/**
 * A stable pseudonym for a personal value (an email, an address): `sha256:` and the SHA-256 of the
 * trimmed, lower-cased value. A subject-access search computes it the same way; it hides the value
 * from someone reading the table, not from someone who already guesses it.
 */
export function personalDigest(value: string): string {
  return `sha256:${createHash("sha256").update(value.trim().toLowerCase()).digest("hex")}`;
}

export async function writeAudit(tx: Tx, a: AuditInput): Promise<void> {
  // A create form's submission key is claimed with the change's first audit row (decision 0035).
  await claimSubmission(tx, a);
  await tx.auditEvent.create({
    data: {
      actorId: a.actor?.id ?? null,
      action: a.action,
      entityType: a.entityType,
      entityId: a.entityId,
      caseId: a.caseId ?? null,
      before: redactPersonal(a.before) ?? undefined,
      after: redactPersonal(a.after) ?? undefined,
      ip: a.ip ?? null,
    },
  });
}
