/**
 * One definition of a venue's fields (issue 10), used by adding and changing a venue: its name,
 * address, the local authority it serves (none: offered for every LA's cases) and its access
 * details, which go into every invitation for a meeting there. Client-safe (the form reads the
 * limits and labels).
 */
import { z } from "zod";

export const MAX_VENUE_NAME = 120;
export const MAX_VENUE_ADDRESS = 500;
export const MAX_VENUE_NOTES = 1000;

/** The access details, in the order the form and the list show them. */
export const ACCESS_FEATURES = ["stepFreeAccess", "hearingLoop", "parking"] as const;
export type AccessFeature = (typeof ACCESS_FEATURES)[number];
export const ACCESS_LABELS: Record<AccessFeature, string> = {
  stepFreeAccess: "Step-free access",
  hearingLoop: "Hearing loop",
  parking: "Parking",
};

/** The form posts "yes" for a ticked box and nothing for an empty one; commands may pass booleans. */
const ticked = z.union([z.boolean(), z.string()]).optional().transform((v) => v === true || v === "yes");

export const venueSchema = z.object({
  name: z
    .string({ error: "Enter the venue's name" })
    .trim()
    .min(1, "Enter the venue's name")
    .max(MAX_VENUE_NAME, `The name must be at most ${MAX_VENUE_NAME} characters`),
  address: z
    .string({ error: "Enter the venue's address" })
    .trim()
    .min(1, "Enter the venue's address")
    .max(MAX_VENUE_ADDRESS, `The address must be at most ${MAX_VENUE_ADDRESS} characters`),
  /** "" (or absent): the venue is offered for the cases of every local authority. */
  localAuthorityId: z
    .string()
    .trim()
    .max(200, "Choose a local authority from the list")
    .optional()
    .transform((v) => (v ? v : null)),
  stepFreeAccess: ticked,
  hearingLoop: ticked,
  parking: ticked,
  notes: z
    .string()
    .trim()
    .max(MAX_VENUE_NOTES, `The notes must be at most ${MAX_VENUE_NOTES} characters`)
    .optional()
    .transform((v) => (v ? v : null)),
});
export type VenueInput = z.input<typeof venueSchema>;
export type VenueValues = z.output<typeof venueSchema>;

/** The order of the form's fields, for the error summary. */
export const VENUE_FIELD_ORDER = ["name", "address", "localAuthorityId", "stepFreeAccess", "hearingLoop", "parking", "notes"] as const;

/** "Step-free access, hearing loop" — or "No step-free access" when it has none of them. */
export function accessText(v: Record<AccessFeature, boolean>): string {
  const has = ACCESS_FEATURES.filter((f) => v[f]).map((f) => ACCESS_LABELS[f]);
  const text = has.length > 0 ? has.join(", ").toLowerCase() : "no step-free access, hearing loop or parking";
  return text.charAt(0).toUpperCase() + text.slice(1);
}
