/**
 * A caseworker logs a referral. Validates with the referral form's own schema
 * (./referral-schema.ts), then writes the case, its child, issues, parties, the first timeline
 * entries, its opening deadlines, the audit row and the family party's sign-in account
 * (lib/auth/family-accounts.ts) in ONE transaction, so a failure leaves nothing behind. Every
 * date is worked out by the date engine (lib/deadlines).
 */
import "server-only";
import { transaction, type Tx } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { linkFamilyAccount } from "@/lib/auth/family-accounts";
import { DomainError } from "@/lib/platform/errors";
import { parseInput, VALIDATION_MESSAGE } from "@/lib/platform/validation";
import { dbDateFromIso, formatLongDate, isDeadlineInputError, todayInLondon } from "@/lib/deadlines";
import type { DeadlineName } from "../lifecycle/vocabulary";
import { dueDateFor } from "../deadlines/definitions";
import { openDeadlines, refreshNextDeadline } from "../deadlines/open-close";
import { recordEvent } from "../timeline";
import { nextReference } from "../reference";
import { REFERRAL_FIELD_ORDER, referralSchema, type ContactInput, type ReferralInput } from "./referral-schema";
import { assertLocalAuthority } from "./local-authorities";
import { deadlinesForNewReferral } from "./preview-referral-dates";
import { isHealthOnly } from "../about/rules";

export type CreatedCase = { id: string; reference: string };

export type CreateReferralOptions = {
  /** Runs last in the same transaction (./referral-draft.ts uses up the draft); throwing undoes everything. */
  inTransaction?: (tx: Tx, created: CreatedCase) => Promise<void>;
};

/**
 * Creates a case from a caseworker's referral. Throws DomainError (with `fieldErrors` keyed by the
 * form's field paths) when an answer is not acceptable; nothing is written then.
 */
export async function createReferral(user: SessionUser, input: unknown, ip: string | null, now: Date = new Date(), opts: CreateReferralOptions = {}): Promise<CreatedCase> {
  authorize(user, "case:create", { hide: false });
  const today = todayInLondon(now);
  const r = parseInput(referralSchema(today), input, { order: REFERRAL_FIELD_ORDER, summary: VALIDATION_MESSAGE });
  await assertLocalAuthority(r.localAuthorityId, "localAuthorityId", "Select the local authority");

  // R-20 (+ R-21 when any issue is about health): work the dates out before writing anything, so a
  // date the engine cannot handle is a message on the field, not a half-made case.
  const categories = r.issues.map((i) => i.category);
  const deadlineNames = deadlinesForNewReferral(r.kind, r.laNotifiedOn, categories.includes("HEALTH"), isHealthOnly(categories));
  const dueDates: { name: DeadlineName; dueOn: string }[] = [];
  for (const name of deadlineNames) {
    try {
      dueDates.push({ name, dueOn: dueDateFor(name, r.laNotifiedOn!) });
    } catch (e) {
      if (isDeadlineInputError(e)) throw new DomainError(VALIDATION_MESSAGE, "VALIDATION", { laNotifiedOn: e.message });
      throw e;
    }
  }

  return transaction(async (tx) => {
    const reference = await nextReference(tx, today);
    const created = await tx.case.create({
      data: {
        reference,
        kind: r.kind,
        localAuthorityId: r.localAuthorityId,
        requestedBy: r.requestedBy,
        familyParty: r.familyParty,
        disputedDecisions: r.disputedDecisions,
        decisionUnknown: r.decisionUnknown,
        drsScope: r.drsScope,
        decisionSentOn: r.decisionSentOn ? dbDateFromIso(r.decisionSentOn) : null,
        laNotifiedOn: r.laNotifiedOn ? dbDateFromIso(r.laNotifiedOn) : null,
        summary: r.summary,
        staffNotes: r.staffNotes,
        createdById: user.id,
        child: {
          create: {
            name: r.child.name,
            dateOfBirth: r.child.dateOfBirth ? dbDateFromIso(r.child.dateOfBirth) : null,
            setting: r.child.setting,
            hasEhcPlan: r.child.hasEhcPlan,
          },
        },
        // one or more issues, each tagged education, health or social care.
        issues: { create: r.issues.map((i) => ({ category: i.category, description: i.description })) },
        parties: {
          create: [
            // the family party is the parent or the young person. Consent starts PENDING.
            { kind: r.familyParty, ...contactData(r.family), organisation: null, hasAuthority: null, consent: "PENDING" as const },
            ...r.parties.map((p) => ({ kind: p.kind, ...contactData(p), organisation: p.organisation, hasAuthority: p.hasAuthority, consent: "PENDING" as const })),
          ],
        },
      },
      select: { id: true, reference: true, parties: { select: { id: true }, orderBy: { createdAt: "asc" } } },
    });

    await recordEvent(tx, {
      caseId: created.id,
      actorId: user.id,
      type: "REFERRAL_LOGGED",
      summary: "Referral logged",
      data: { kind: r.kind, requestedBy: r.requestedBy, familyParty: r.familyParty, issues: r.issues.length, parties: r.parties.length + 1 },
    });

    if (r.laNotifiedOn && deadlineNames.length > 0) {
      await openDeadlines(tx, created.id, deadlineNames, r.laNotifiedOn);
      await refreshNextDeadline(tx, created.id);
      const mediation = dueDates.find((d) => d.name === "MEDIATION_30_DAY");
      const health = dueDates.find((d) => d.name === "HEALTH_NOTIFICATION");
      await recordEvent(tx, {
        caseId: created.id,
        actorId: user.id,
        type: "DEADLINES_OPENED",
        summary: mediation
          ? [
              `The local authority was told on ${formatLongDate(r.laNotifiedOn)}: mediation must take place by ${formatLongDate(mediation.dueOn)}`,
              health ? `, and the local authority must tell the health commissioning body by ${formatLongDate(health.dueOn)}` : "",
              ".",
            ].join("")
          : // health only — the ICB arranges the mediation, within 30 days of being told.
            `The local authority was told on ${formatLongDate(r.laNotifiedOn)}: it must tell the health commissioning body by ${formatLongDate(health!.dueOn)}, which then arranges this health-only mediation within 30 days of being told.`,
        rule: !mediation ? "R-21" : health ? "R-20, R-21" : "R-20",
        data: { laNotifiedOn: r.laNotifiedOn, deadlines: dueDates },
      });
    }

    await writeAudit(tx, { actor: user, action: "case.referral_logged", entityType: "Case", entityId: created.id, caseId: created.id, after: auditSnapshot(reference, r), ip });
    // Issue 8: the family party with an email can sign in to this case (the others get no account).
    for (const p of created.parties) await linkFamilyAccount(tx, p.id, { actor: user, ip });
    const made = { id: created.id, reference: created.reference };
    await opts.inTransaction?.(tx, made);
    return made;
  });
}

function contactData(c: ContactInput) {
  return { name: c.name, email: c.email, phone: c.phone, address: c.address, preferredContact: c.preferredContact, accessNeeds: c.accessNeeds };
}

/** What the audit row keeps: the case's facts, not the family's personal details. */
function auditSnapshot(reference: string, r: ReferralInput) {
  return {
    reference,
    status: "REFERRED",
    kind: r.kind,
    localAuthorityId: r.localAuthorityId,
    requestedBy: r.requestedBy,
    familyParty: r.familyParty,
    disputedDecisions: r.disputedDecisions,
    decisionUnknown: r.decisionUnknown,
    drsScope: r.drsScope,
    decisionSentOn: r.decisionSentOn,
    laNotifiedOn: r.laNotifiedOn,
    issues: r.issues.map((i) => i.category),
    parties: [r.familyParty, ...r.parties.map((p) => p.kind)],
  };
}
