/**
 * The one way a zod failure becomes messages for a form: the first message per field, keyed by the
 * field's path ("child.name", "issues.0.category"), in the order the fields appear on the page.
 * Client-safe (the referral form orders its error summary with the same functions).
 */
import type { z } from "zod";
import { DomainError } from "./errors";

/** The summary message of a form with field errors (shown when no field-level message is). */
export const VALIDATION_MESSAGE = "Some answers need changing. Check the answers marked below.";

/**
 * Orders field paths as the fields appear on the page (`order` lists them, with "N" for a row
 * number: "issues.N.category"), so an error summary reads top to bottom. Unknown paths go last.
 */
export function compareFieldPaths(order: readonly string[]) {
  const key = (path: string): number[] => {
    const parts = path.split(".");
    const rows = parts.filter((p) => /^\d+$/.test(p)).map(Number);
    const template = parts.map((p) => (/^\d+$/.test(p) ? "N" : p)).join(".");
    const group = order.findIndex((o) => o.split(".")[0] === parts[0]);
    const field = order.indexOf(template);
    return [group === -1 ? order.length : group, ...(rows.length > 0 ? rows : [-1]), field === -1 ? order.length : field];
  };
  return (a: string, b: string): number => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
      const d = (ka[i] ?? -1) - (kb[i] ?? -1);
      if (d !== 0) return d;
    }
    return 0;
  };
}

/** Field errors in page order (see `compareFieldPaths`). */
export function sortFieldErrors(errors: Record<string, string>, order: readonly string[]): Record<string, string> {
  const compare = compareFieldPaths(order);
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => compare(a, b)));
}

/** A zod error as `{ "child.name": "Enter the child's full name" }`: the first message per field, in page order. */
export function fieldErrorsFromZod(error: z.ZodError, order: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    if (!out[key]) out[key] = issue.message;
  }
  return order.length > 0 ? sortFieldErrors(out, order) : out;
}

/**
 * Validates with zod; on failure throws a DomainError ("VALIDATION") carrying one message per
 * field. `summary` is the error summary's message; by default the first field's own message.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, opts: { order?: readonly string[]; summary?: string } = {}): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const fieldErrors = fieldErrorsFromZod(r.error, opts.order);
  throw new DomainError(opts.summary ?? Object.values(fieldErrors)[0] ?? "Check the details and try again.", "VALIDATION", fieldErrors);
}

/** A rule that needs more than the schema (the database, the calendar) refused one field. */
export function fieldError(field: string, message: string, code = "INVALID_INPUT"): never {
  throw new DomainError(message, code, { [field]: message });
}
