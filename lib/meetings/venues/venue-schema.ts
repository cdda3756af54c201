/**
 * One definition of a venue's fields (issue 10), used by adding and changing a venue: its name,
 * address, the local authority it serves (none: offered for every LA's cases) and its access
 * details, which go into every invitation for a meeting there. The limits and labels are in
 * ./venue-access (client-safe, no zod), re-exported here.
 */
import { z } from "zod";
import { MAX_VENUE_ADDRESS, MAX_VENUE_NAME, MAX_VENUE_NOTES } from "./venue-access";

export * from "./venue-access";

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
