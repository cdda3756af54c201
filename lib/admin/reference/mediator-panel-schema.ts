/**
 * Issue 13 (decision 0029): one definition of a mediator's panel details (accreditation, its
 * expiry, cases a month, the local authorities they cover) and of a conflict of interest (R-13:
 * a local authority, or a party by name or email, with the reason). The limits are in
 * ./mediator-panel-limits (client-safe, no zod), re-exported here.
 */
import { z } from "zod";
import { LIMITS, optionalDate, optionalEmail, optionalText, requiredText, tooLong } from "@/lib/cases/fields";
import { MAX_ACCREDITATION_BODY, MAX_ACCREDITATION_NUMBER, MAX_CONFLICT_PARTY, MAX_CONFLICT_REASON, MAX_MONTHLY_CAPACITY } from "./mediator-panel-limits";

export * from "./mediator-panel-limits";

const CAPACITY_MESSAGE = `Enter the number of cases a month as a whole number from 1 to ${MAX_MONTHLY_CAPACITY}, like 6, or leave it empty`;

export const mediatorPanelSchema = z.object({
  accreditationBody: optionalText(MAX_ACCREDITATION_BODY, tooLong("The accrediting body", MAX_ACCREDITATION_BODY)).transform((v) => v || null),
  accreditationNumber: optionalText(MAX_ACCREDITATION_NUMBER, tooLong("The accreditation number", MAX_ACCREDITATION_NUMBER)).transform((v) => v || null),
  accreditationExpiresOn: optionalDate("The accreditation expiry date").transform((v) => v || null),
  monthlyCapacity: z
    .preprocess((v) => (v === undefined || v === null ? "" : String(v).trim()), z.string())
    .refine((v) => v === "" || (/^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_MONTHLY_CAPACITY), { message: CAPACITY_MESSAGE })
    .transform((v) => (v === "" ? null : Number(v))),
  /** The local authorities they cover: ids (the form posts them joined by commas). */
  areas: z
    .preprocess((v) => (Array.isArray(v) ? v : typeof v === "string" ? v.split(",") : []), z.array(z.string().trim().max(200)))
    .transform((ids) => [...new Set(ids.filter(Boolean))]),
});
/** Every field optional: a missing one is "not recorded". */
export type MediatorPanelInput = Partial<Record<keyof z.input<typeof mediatorPanelSchema>, unknown>>;
export type MediatorPanelValues = z.output<typeof mediatorPanelSchema>;
export const MEDIATOR_PANEL_FIELD_ORDER = ["accreditationBody", "accreditationNumber", "accreditationExpiresOn", "monthlyCapacity", "areas"] as const;

const CONFLICT_WITH_MESSAGE = "Choose a local authority, or enter the name or email of the person or organisation";

export const conflictSchema = z
  .object({
    localAuthorityId: optionalText(200, "Choose a local authority from the list").transform((v) => v || null),
    partyName: optionalText(MAX_CONFLICT_PARTY, tooLong("The name", MAX_CONFLICT_PARTY)).transform((v) => v || null),
    partyEmail: optionalEmail(tooLong("The email address", LIMITS.email)).transform((v) => (v ? v.toLowerCase() : null)),
    reason: requiredText(MAX_CONFLICT_REASON, "Enter the reason for the conflict of interest", tooLong("The reason", MAX_CONFLICT_REASON)),
  })
  .superRefine((v, ctx) => {
    if (!v.localAuthorityId && !v.partyName && !v.partyEmail) ctx.addIssue({ code: "custom", path: ["localAuthorityId"], message: CONFLICT_WITH_MESSAGE });
  });
export type ConflictInput = Partial<Record<keyof z.input<typeof conflictSchema>, unknown>>;
export const CONFLICT_FIELD_ORDER = ["localAuthorityId", "partyName", "partyEmail", "reason"] as const;
