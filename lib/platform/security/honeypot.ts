/**
 * The honeypot of public forms: a visually hidden field a person never fills in; bots do.
 * Client-safe (the forms render the field by this name).
 */
export const HONEYPOT_FIELD = "website";

/** True when the hidden honeypot field holds anything. */
export function isBot(values: unknown): boolean {
  const v = values && typeof values === "object" ? (values as Record<string, unknown>)[HONEYPOT_FIELD] : undefined;
  return typeof v === "string" && v.trim() !== "";
}
