/**
 * Creating cases (issue 4): a caseworker logs a referral, or a family asks for mediation on the
 * public form. Each command validates with lib/cases/schemas (the same schemas as the forms), then
 * writes the case, its child, issues, parties, the first timeline entry and the audit row in ONE
 * transaction, so a failure leaves nothing behind.
 *
 * Domain rules: /work/shared/domain/send-mediation-rules.md (R-xx cited where applied). Every date
 * is worked out by the date engine (lib/deadlines) through lib/cases/case-deadlines.
 */
import { db } from "@/lib/db/client";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/audit";
import { sendEmail, type SendResult } from "@/lib/email";
import { DomainError } from "@/lib/errors";
import { hit } from "@/lib/security/rate-limit";
import { adviserContactDeadline, dbDateFromIso, formatLongDate, isDeadlineInputError, isIsoDate, todayInLondon } from "@/lib/deadlines";
import { DEADLINE_RULES, type DeadlineName } from "./lifecycle";
import { dueDateFor, openDeadlines, refreshNextDeadline } from "./case-deadlines";
import { recordEvent } from "./events";
import { nextReference } from "./reference";
import {
  EARLIEST_DATE,
  HONEYPOT_FIELD,
  REFERRAL_FIELD_ORDER,
  SELF_REFERRAL_FIELD_ORDER,
  fieldErrorsFromZod,
  referralSchema,
  selfReferralSchema,
  type ReferralInput,
  type SelfReferralInput,
} from "./schemas";

/** Interactive transactions queue for a pooled connection under load (e.g. many referrals at once). */
const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

/** Per-IP limit on public self-referrals: 5 an hour. */
export const SELF_REFERRAL_LIMIT = 5;
export const SELF_REFERRAL_WINDOW_MS = 3_600_000;
export const SELF_REFERRAL_RATE_LIMITED_MESSAGE =
  "You have sent too many requests from this device in the last hour. Wait an hour, then try again.";

export const VALIDATION_MESSAGE = "Some answers need changing. Check the answers marked below.";

export type LocalAuthorityOption = { id: string; name: string };

/** The local authorities a case can be for (public information: also shown on /refer). */
export async function listLocalAuthoritiesForIntake(): Promise<LocalAuthorityOption[]> {
  return db().localAuthority.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}

// ---------------------------------------------------------------------------------------------
// Dates shown while the referral is filled in
// ---------------------------------------------------------------------------------------------

export type DatePreview = { date: string; long: string; rule: string };
export type ReferralDatesPreview = {
  /** last day to contact a mediation adviser (2 months after the decision was sent). */
  adviserContactBy: DatePreview | null;
  /** set when today is after `adviserContactBy` — a warning, never a block. */
  lateDecisionWarning: string | null;
  /** the mediation must take place by this date. */
  mediationBy: DatePreview | null;
  /** the LA must tell the health commissioning body by this date. */
  healthNotificationBy: DatePreview | null;
  /** A date the engine cannot work with (e.g. outside the bank-holiday data, R-64). */
  fieldErrors: Record<string, string>;
};

function preview(date: string, rule: string): DatePreview {
  return { date, long: formatLongDate(date), rule };
}

/**
 * R-10: the warning shown when the decision was sent more than 2 months ago. The referral can
 * still be made (the family may still mediate, or use R-50's later appeal date).
 */
export function lateDecisionWarning(decisionSentOn: string, today: string = todayInLondon()): string | null {
  const by = adviserContactDeadline(decisionSentOn);
  if (today <= by) return null;
  return `The decision was sent more than 2 months ago: the family needed to contact a mediation adviser by ${formatLongDate(by)}. Check whether they can still appeal. You can still create the referral.`;
}

/** The deadlines a new referral opens (R-20; R-21 when any issue is about health). */
export function deadlinesForNewReferral(kind: ReferralInput["kind"], laNotifiedOn: string | null, hasHealthIssue: boolean): DeadlineName[] {
  if (kind !== "MEDIATION" || !laNotifiedOn) return [];
  return hasHealthIssue ? ["MEDIATION_30_DAY", "HEALTH_NOTIFICATION"] : ["MEDIATION_30_DAY"];
}

/**
 * The statutory dates for the answers so far (the form shows them live and on "Check your
 * answers"). Dates that are not valid yet are simply left out: the form's own checks explain them.
 */
export function previewReferralDates(
  user: SessionUser,
  input: { kind?: string; decisionSentOn?: string; laNotifiedOn?: string; hasHealthIssue?: boolean },
  today: string = todayInLondon(),
): ReferralDatesPreview {
  authorize(user, "case:create", { hide: false });
  const out: ReferralDatesPreview = { adviserContactBy: null, lateDecisionWarning: null, mediationBy: null, healthNotificationBy: null, fieldErrors: {} };
  const kind = input.kind === "DRS" || input.kind === "ADVICE_ONLY" ? input.kind : "MEDIATION";
  const sent = input.decisionSentOn;
  if (sent && kind !== "DRS" && isValidPast(sent, today)) {
    out.adviserContactBy = preview(adviserContactDeadline(sent), "R-10");
    out.lateDecisionWarning = lateDecisionWarning(sent, today);
  }
  const told = input.laNotifiedOn;
  if (told && kind === "MEDIATION" && isValidPast(told, today)) {
    for (const name of deadlinesForNewReferral(kind, told, !!input.hasHealthIssue)) {
      try {
        const p = preview(dueDateFor(name, told), DEADLINE_RULES[name].rule);
        if (name === "MEDIATION_30_DAY") out.mediationBy = p;
        else out.healthNotificationBy = p;
      } catch (e) {
        if (!isDeadlineInputError(e)) throw e;
        out.fieldErrors.laNotifiedOn = e.message;
      }
    }
  }
  return out;
}

/** The schemas own the messages; here a date that is not valid yet just means "nothing to show". */
function isValidPast(iso: string, today: string): boolean {
  return isIsoDate(iso) && iso >= EARLIEST_DATE && iso <= today;
}

// ---------------------------------------------------------------------------------------------
// Caseworker: log a referral
// ---------------------------------------------------------------------------------------------

export type CreatedCase = { id: string; reference: string };

async function assertLocalAuthority(id: string, field: string, message: string) {
  const la = await db().localAuthority.findUnique({ where: { id }, select: { id: true } });
  if (!la) throw new DomainError(VALIDATION_MESSAGE, "VALIDATION", { [field]: message });
}

/**
 * Creates a case from a caseworker's referral. Throws DomainError (with `fieldErrors` keyed by the
 * form's field paths) when an answer is not acceptable; nothing is written then.
 */
export async function createReferral(user: SessionUser, input: unknown, ip: string | null, now: Date = new Date()): Promise<CreatedCase> {
  authorize(user, "case:create", { hide: false });
  const today = todayInLondon(now);
  const parsed = referralSchema(today).safeParse(input);
  if (!parsed.success) throw new DomainError(VALIDATION_MESSAGE, "VALIDATION", fieldErrorsFromZod(parsed.error, REFERRAL_FIELD_ORDER));
  const r = parsed.data;
  await assertLocalAuthority(r.localAuthorityId, "localAuthorityId", "Select the local authority");

  // R-20 (+ R-21 when any issue is about health): work the dates out before writing anything, so a
  // date the engine cannot handle is a message on the field, not a half-made case.
  const deadlineNames = deadlinesForNewReferral(r.kind, r.laNotifiedOn, r.issues.some((i) => i.category === "HEALTH"));
  const dueDates: { name: DeadlineName; dueOn: string }[] = [];
  for (const name of deadlineNames) {
    try {
      dueDates.push({ name, dueOn: dueDateFor(name, r.laNotifiedOn!) });
    } catch (e) {
      if (isDeadlineInputError(e)) throw new DomainError(VALIDATION_MESSAGE, "VALIDATION", { laNotifiedOn: e.message });
      throw e;
    }
  }

  return db().$transaction(async (tx) => {
    const reference = await nextReference(tx, today);
    const created = await tx.case.create({
      data: {
        reference,
        kind: r.kind,
        localAuthorityId: r.localAuthorityId,
        requestedBy: r.requestedBy,
        familyParty: r.familyParty,
        disputedDecision: r.disputedDecision,
        drsScope: r.drsScope,
        decisionSentOn: r.decisionSentOn ? dbDateFromIso(r.decisionSentOn) : null,
        laNotifiedOn: r.laNotifiedOn ? dbDateFromIso(r.laNotifiedOn) : null,
        summary: r.summary,
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
      select: { id: true, reference: true },
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
        summary: [
          `The local authority was told on ${formatLongDate(r.laNotifiedOn)}: mediation must take place by ${formatLongDate(mediation!.dueOn)}`,
          health ? `, and the local authority must tell the health commissioning body by ${formatLongDate(health.dueOn)}` : "",
          ".",
        ].join(""),
        rule: health ? "R-20, R-21" : "R-20",
        data: { laNotifiedOn: r.laNotifiedOn, deadlines: dueDates },
      });
    }

    await writeAudit(tx, {
      actor: user,
      action: "case.created",
      entityType: "Case",
      entityId: created.id,
      caseId: created.id,
      after: auditSnapshot(reference, r),
      ip,
    });
    return created;
  }, TX_OPTIONS);
}

function contactData(c: ReferralInput["family"]) {
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
    disputedDecision: r.disputedDecision,
    drsScope: r.drsScope,
    decisionSentOn: r.decisionSentOn,
    laNotifiedOn: r.laNotifiedOn,
    issues: r.issues.map((i) => i.category),
    parties: [r.familyParty, ...r.parties.map((p) => p.kind)],
  };
}

// ---------------------------------------------------------------------------------------------
// Public: a family asks for mediation
// ---------------------------------------------------------------------------------------------

export type SelfReferralResult =
  | { status: "created"; id: string; reference: string; email: SendResult["status"] }
  /** The honeypot was filled in: nothing was written, and the caller shows the same confirmation. */
  | { status: "ignored" };

/**
 * The public self-referral: a REFERRED mediation case with the family party. No sign-in.
 * In order: the honeypot (a bot: write nothing), the answers, the per-IP rate limit, then the case.
 * The answer never depends on other cases (nothing is revealed, whatever is entered).
 */
export async function createSelfReferral(input: unknown, ip: string | null, now: Date = new Date()): Promise<SelfReferralResult> {
  const raw = input && typeof input === "object" ? (input as Record<string, unknown>) : {};
  const honeypot = raw[HONEYPOT_FIELD];
  if (typeof honeypot === "string" && honeypot.trim() !== "") return { status: "ignored" };

  const today = todayInLondon(now);
  const parsed = selfReferralSchema(today).safeParse(raw);
  if (!parsed.success) throw new DomainError(VALIDATION_MESSAGE, "VALIDATION", fieldErrorsFromZod(parsed.error, SELF_REFERRAL_FIELD_ORDER));
  const r = parsed.data;

  if (!(await hit(`self-referral:${ip ?? "unknown"}`, SELF_REFERRAL_LIMIT, SELF_REFERRAL_WINDOW_MS, now))) {
    throw new DomainError(SELF_REFERRAL_RATE_LIMITED_MESSAGE, "RATE_LIMITED");
  }
  await assertLocalAuthority(r.localAuthorityId, "localAuthorityId", "Select your local authority");

  const created = await db().$transaction(async (tx) => {
    const reference = await nextReference(tx, today);
    const c = await tx.case.create({
      data: {
        reference,
        kind: "MEDIATION",
        status: "REFERRED",
        localAuthorityId: r.localAuthorityId,
        requestedBy: r.familyParty,
        familyParty: r.familyParty,
        disputedDecision: r.disputedDecision,
        decisionSentOn: r.decisionSentOn ? dbDateFromIso(r.decisionSentOn) : null,
        summary: r.details,
        createdById: null,
        child: { create: { name: r.childName, dateOfBirth: r.childDateOfBirth ? dbDateFromIso(r.childDateOfBirth) : null } },
        parties: {
          create: { kind: r.familyParty, name: r.name, email: r.email, phone: r.phone, preferredContact: "EMAIL", consent: "PENDING" },
        },
      },
      select: { id: true, reference: true },
    });
    await recordEvent(tx, {
      caseId: c.id,
      actorId: null,
      type: "SELF_REFERRAL_RECEIVED",
      summary: `Request for mediation received from the ${r.familyParty === "YOUNG_PERSON" ? "young person" : "parent or carer"} through the website`,
      data: { familyParty: r.familyParty, decisionKnown: r.disputedDecision !== null },
    });
    await writeAudit(tx, {
      actor: null,
      action: "case.self_referral",
      entityType: "Case",
      entityId: c.id,
      caseId: c.id,
      after: selfReferralAuditSnapshot(reference, r),
      ip,
    });
    return c;
  }, TX_OPTIONS);

  const mail = await sendEmail(selfReferralEmail(created.reference, r));
  return { status: "created", id: created.id, reference: created.reference, email: mail.status };
}

function selfReferralAuditSnapshot(reference: string, r: SelfReferralInput) {
  return {
    reference,
    status: "REFERRED",
    kind: "MEDIATION",
    localAuthorityId: r.localAuthorityId,
    requestedBy: r.familyParty,
    familyParty: r.familyParty,
    disputedDecision: r.disputedDecision,
    decisionSentOn: r.decisionSentOn,
  };
}

/** The confirmation email: the reference and what happens next, nothing about any other case. */
export function selfReferralEmail(reference: string, r: Pick<SelfReferralInput, "name" | "email">) {
  return {
    to: r.email,
    subject: `We have your request for mediation: reference ${reference}`,
    body: [
      `Hello ${r.name},`,
      "",
      "Thank you for asking for SEND mediation. We have your request.",
      "",
      `Your reference number is ${reference}. Please use it whenever you contact us.`,
      "",
      "What happens next",
      "A caseworker will contact you to talk about your request and explain your options. Mediation is free and you do not have to take part.",
      "",
      "If you did not ask for mediation, please tell us by replying to this email.",
    ].join("\n"),
  };
}
