/**
 * A venue's field lengths and access details (issue 10), with their labels and the sentence the
 * list and invitations show. Client-safe and free of zod: the venue form reads these without
 * bundling the validation (issue 14). The schema is in ./venue-schema, which re-exports these.
 */
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

/** "Step-free access, hearing loop" — or "No step-free access" when it has none of them. */
export function accessText(v: Record<AccessFeature, boolean>): string {
  const has = ACCESS_FEATURES.filter((f) => v[f]).map((f) => ACCESS_LABELS[f]);
  const text = has.length > 0 ? has.join(", ").toLowerCase() : "no step-free access, hearing loop or parking";
  return text.charAt(0).toUpperCase() + text.slice(1);
}
