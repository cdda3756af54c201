/**
 * Size limits on what a signed-out visitor sends, checked before anything is parsed or stored
 * (issue 9 item 8: a 6,014-character email once became a throttle key and an audit row). Each
 * field's own rule (lib/cases/fields LIMITS, at most 5,000 characters) still gives its specific
 * message below these limits; above them the whole submission is refused with one message, and
 * nothing of it is echoed back. Pure.
 */

export const PUBLIC_INPUT_LIMITS = {
  /** Characters in one field: twice the longest public field (the self-referral's 5,000). */
  fieldChars: 10_000,
  /** Characters in all the fields together. */
  totalChars: 60_000,
  /** Fields in one submission (the self-referral has about 25). */
  fields: 100,
} as const;

export const INPUT_TOO_LARGE_MESSAGE = "What you entered is too long to send. Shorten your answers and try again.";

export type BoundsCheck = { ok: true } | { ok: false; oversized: string[] };

type Entry = readonly [string, unknown];

/** Next's own fields of a server action ($ACTION_…) are its business, bounded by the body limit. */
const isFrameworkField = (name: string) => name.startsWith("$ACTION");

/**
 * Checks a submission's fields (FormData entries or a plain record): every value a string within
 * the per-field limit (a file is never expected), within the total and the number of fields.
 * `oversized` names the fields over the per-field limit (or that are not text).
 */
export function checkPublicInput(input: Iterable<Entry> | Record<string, unknown>, limits: typeof PUBLIC_INPUT_LIMITS = PUBLIC_INPUT_LIMITS): BoundsCheck {
  const entries: Iterable<Entry> = Symbol.iterator in Object(input) ? (input as Iterable<Entry>) : Object.entries(input as Record<string, unknown>);
  const oversized: string[] = [];
  let fields = 0;
  let total = 0;
  let tooMany = false;
  for (const [name, value] of entries) {
    if (isFrameworkField(name)) continue;
    fields++;
    if (fields > limits.fields) {
      tooMany = true;
      break;
    }
    if (value === undefined || value === null) continue;
    const length = typeof value === "string" ? value.length : Infinity;
    total += name.length + Math.min(length, limits.totalChars + 1);
    if (length > limits.fieldChars || name.length > 200) oversized.push(name.slice(0, 200));
  }
  return oversized.length > 0 || tooMany || total > limits.totalChars ? { ok: false, oversized } : { ok: true };
}

/** What an oversized query value becomes: no field accepts it, so the field's own error shows. */
export const OVERSIZED_VALUE = "?";

/**
 * A query string's values, for the named parameters only (the first of a repeated one). A value
 * over `maxChars` becomes OVERSIZED_VALUE, so it is refused with the field's usual message and the
 * long value is neither parsed nor shown back.
 */
export function boundedQuery(params: Record<string, string | string[] | undefined>, names: readonly string[], maxChars: number): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const name of names) {
    const raw = params[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined) out[name] = value.length > maxChars ? OVERSIZED_VALUE : value;
  }
  return out;
}
