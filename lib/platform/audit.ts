/**
 * Audit trail: every state change writes one row in the same transaction as the change.
 * Action names are typed, one style: `<entity>.<what_happened>` (snake_case, past tense), so a
 * report or a search never has to guess the spelling. A lifecycle transition's name is in its row
 * of the transition table (lib/cases/lifecycle/transitions.ts).
 */
import "server-only";
import type { Prisma, Tx } from "@/lib/platform/db";
import type { SessionUser } from "@/lib/auth/types";

export const AUDIT_ACTIONS = [
  // Sign-in (lib/auth)
  "auth.signed_in",
  "auth.sign_in_failed",
  "auth.locked_out",
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
  "case.not_arranged_recorded",
  "case.not_arranged_certificate_issued",
  "case.health_body_notified",
  "case.meeting_held",
  "case.certificate_issued",
  "case.monitoring_started",
  "case.closed",
  "case.reopened",
  "case.appeal_recorded",
  "meeting.booked",
  "meeting.moved",
  "mediator.availability_updated",
  "mediator.day_off_added",
  "mediator.day_off_removed",
  "case.about_updated",
  "case.advice_only_chosen",
  "case.withdrawn",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditInput = {
  actor: Pick<SessionUser, "id"> | null;
  action: AuditAction;
  entityType: "Case" | "Party" | "User" | "Meeting";
  entityId: string;
  caseId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  ip?: string | null;
};

export async function writeAudit(tx: Tx, a: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: a.actor?.id ?? null,
      action: a.action,
      entityType: a.entityType,
      entityId: a.entityId,
      caseId: a.caseId ?? null,
      before: a.before ?? undefined,
      after: a.after ?? undefined,
      ip: a.ip ?? null,
    },
  });
}
