/**
 * The public self-referral: a parent or young person asks for mediation without signing in. Makes
 * a REFERRED mediation case with the family party, links it to their sign-in account
 * (lib/auth/family-accounts.ts) and emails them the reference. Goes through the public-form steps
 * (honeypot → answers → per-address rate limit) before writing. The answer never depends on other
 * cases or accounts: nothing is revealed, whatever is entered.
 */
import "server-only";
import { transaction } from "@/lib/platform/db";
import { writeAudit } from "@/lib/platform/audit";
import { linkFamilyAccount } from "@/lib/auth/family-accounts";
import { sendEmail, type SendResult } from "@/lib/platform/email";
import { screenPublicSubmission, type RateLimit } from "@/lib/platform/security/public-form";
import { parseInput, VALIDATION_MESSAGE } from "@/lib/platform/validation";
import { addWorkingDays, dbDateFromIso, formatLongDate, todayInLondon } from "@/lib/deadlines";
import { recordEvent } from "../timeline";
import { nextReference } from "../reference";
import { SELF_REFERRAL_FIELD_ORDER, selfReferralSchema, type SelfReferralInput } from "./self-referral-schema";
import { assertLocalAuthority } from "./local-authorities";
import type { IssueCategoryValue } from "../options";

/** The issue recorded for each category a family chose; a caseworker refines the wording. */
export const SELF_REFERRAL_ISSUE_DESCRIPTIONS: Record<IssueCategoryValue, string> = {
  EDUCATION: "Education (from the family's request)",
  HEALTH: "Health (from the family's request)",
  SOCIAL_CARE: "Social care (from the family's request)",
};

/** Per-address limit on public self-referrals: 5 an hour. */
export const SELF_REFERRAL_LIMIT = 5;
export const SELF_REFERRAL_WINDOW_MS = 3_600_000;
export const SELF_REFERRAL_RATE_LIMITED_MESSAGE = "You have sent too many requests from this device in the last hour. Wait an hour, then try again.";
const RATE_LIMIT: RateLimit = { bucket: "self-referral", limit: SELF_REFERRAL_LIMIT, windowMs: SELF_REFERRAL_WINDOW_MS, message: SELF_REFERRAL_RATE_LIMITED_MESSAGE };

/**
 * The service's promise to a family who asked for mediation: a caseworker contacts them within this
 * many working days. Not a statutory limit (the 30 days of R-20 run only once the LA is told); a
 * provider's own standard, so check it with the provider before relying on it.
 */
export const SELF_REFERRAL_CONTACT_WORKING_DAYS = 3;

/** The day by which a caseworker contacts a family who asked on `today` (working days, R-60). */
export function selfReferralContactBy(today: string): string {
  return addWorkingDays(today, SELF_REFERRAL_CONTACT_WORKING_DAYS);
}

export type SelfReferralResult =
  | { status: "created"; id: string; reference: string; email: SendResult["status"] }
  /** The honeypot was filled in: nothing was written, and the caller shows the same confirmation. */
  | { status: "ignored" };

/** `origin` is the service's public address, for the sign-in link in the email (e.g. https://mediation.example.org). */
export async function createSelfReferral(input: unknown, ip: string | null, now: Date = new Date(), origin = ""): Promise<SelfReferralResult> {
  const today = todayInLondon(now);
  const r = await screenPublicSubmission(input, {
    parse: (values) => parseInput(selfReferralSchema(today), values, { order: SELF_REFERRAL_FIELD_ORDER, summary: VALIDATION_MESSAGE }),
    rateLimit: RATE_LIMIT,
    ip,
    now,
  });
  if (r === null) return { status: "ignored" };
  await assertLocalAuthority(r.localAuthorityId, "localAuthorityId", "Select your local authority");

  const created = await transaction(async (tx) => {
    const reference = await nextReference(tx, today);
    const c = await tx.case.create({
      data: {
        reference,
        kind: "MEDIATION",
        status: "REFERRED",
        localAuthorityId: r.localAuthorityId,
        requestedBy: r.familyParty,
        familyParty: r.familyParty,
        disputedDecisions: r.disputedDecisions,
        decisionUnknown: r.decisionUnknown,
        decisionSentOn: r.decisionSentOn ? dbDateFromIso(r.decisionSentOn) : null,
        // one issue per category the family chose, in their words; staff refine them.
        issues: { create: r.issueCategories.map((category) => ({ category, description: SELF_REFERRAL_ISSUE_DESCRIPTIONS[category] })) },
        // the family wrote this for us (phone times, an interpreter, worries), not for the
        // LA: staff-only notes. The shared summary is left for a caseworker to write.
        staffNotes: r.details,
        createdById: null,
        child: { create: { name: r.childName, dateOfBirth: r.childDateOfBirth ? dbDateFromIso(r.childDateOfBirth) : null, hasEhcPlan: r.hasEhcPlan } },
        parties: { create: { kind: r.familyParty, name: r.name, email: r.email, phone: r.phone, preferredContact: "EMAIL", consent: "PENDING" } },
      },
      select: { id: true, reference: true, parties: { select: { id: true } } },
    });
    await recordEvent(tx, {
      caseId: c.id,
      actorId: null,
      type: "SELF_REFERRAL_RECEIVED",
      summary: `Request for mediation received from the ${r.familyParty === "YOUNG_PERSON" ? "young person" : "parent or carer"} through the website`,
      data: { familyParty: r.familyParty, decisionKnown: !r.decisionUnknown, issues: r.issueCategories },
    });
    await writeAudit(tx, {
      actor: null,
      action: "case.self_referral_received",
      entityType: "Case",
      entityId: c.id,
      caseId: c.id,
      after: {
        reference,
        status: "REFERRED",
        kind: "MEDIATION",
        localAuthorityId: r.localAuthorityId,
        requestedBy: r.familyParty,
        familyParty: r.familyParty,
        disputedDecisions: r.disputedDecisions,
        decisionUnknown: r.decisionUnknown,
        issues: r.issueCategories,
        decisionSentOn: r.decisionSentOn,
      },
      ip,
    });
    // Issue 8: they can sign in to follow their case. Same answer whether or not they had an account.
    for (const p of c.parties) await linkFamilyAccount(tx, p.id, { actor: null, ip });
    return { id: c.id, reference: c.reference };
  });

  const mail = await sendEmail({ ...selfReferralEmail(created.reference, r, selfReferralContactBy(today), origin), caseId: created.id });
  return { status: "created", id: created.id, reference: created.reference, email: mail.status };
}

/** The confirmation email: the reference and what happens next, nothing about any other case. */
export function selfReferralEmail(reference: string, r: Pick<SelfReferralInput, "name" | "email">, contactBy: string, origin: string) {
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
      `A caseworker will contact you by ${formatLongDate(contactBy)} to talk about your request and explain your options. Mediation is free and you do not have to take part.`,
      "",
      "Follow your case online",
      `Ask for a sign-in link at ${origin.replace(/\/$/, "")}/sign-in/family using this email address. We will email you a link that works once.`,
      "",
      "If you did not ask for mediation, please tell us by replying to this email.",
    ].join("\n"),
  };
}
