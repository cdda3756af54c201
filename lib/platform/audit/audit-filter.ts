/**
 * /admin/audit's filters, as its GET form and links carry them (and its CSV export, the same query):
 * `case` (a case reference), `user` (an email), `action` (one of AUDIT_ACTIONS), `from` and `to`
 * (GOV.UK date boxes, `from-day` …, Europe/London days, both included) and `page`. A bad action or
 * page falls back to "any" / 1, as a hand-edited URL should; a date that is not a real date is an
 * error the page shows next to its boxes (and then nothing is listed).
 */
import { z } from "zod";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/platform/audit";
import { DATE_PARTS, datePartName, joinDateParts, parseDateParts, type DateParts } from "@/lib/platform/dates/date-input";

export const AUDIT_PAGE_SIZE = 50;
const MAX_REFERENCE_LENGTH = 40;
const MAX_EMAIL_LENGTH = 254;

export type AuditFilterParams = {
  /** Case reference as typed (trimmed), "" for any case. */
  case: string;
  /** The user's email as typed (trimmed), "" for anyone. */
  user: string;
  action: AuditAction | null;
  /** ISO dates ("" when not given), or the boxes as typed when they are not a real date. */
  from: string;
  to: string;
  page: number;
};

export type AuditFilterErrors = Partial<Record<"from" | "to", string>>;

export type RawAuditParams = Record<string, string | string[] | undefined>;

const single = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const text = (max: number) => z.preprocess((v) => single(v) ?? "", z.string().transform((s) => s.trim().slice(0, max))).catch("");

const schema = z.object({
  case: text(MAX_REFERENCE_LENGTH),
  user: text(MAX_EMAIL_LENGTH),
  action: z.preprocess((v) => single(v) || null, z.enum(AUDIT_ACTIONS).nullable()).catch(null),
  page: z.preprocess((v) => single(v) ?? 1, z.coerce.number().int().min(1).max(1_000_000)).catch(1),
});

function dateParts(raw: RawAuditParams, name: string): DateParts {
  return Object.fromEntries(DATE_PARTS.map((p) => [p, String(single(raw[datePartName(name, p)]) ?? "")])) as DateParts;
}

/** The filters in a query string (or a page's searchParams), with what is wrong with the dates. */
export function parseAuditParams(raw: RawAuditParams): { params: AuditFilterParams; errors: AuditFilterErrors } {
  const base = schema.parse(raw);
  const errors: AuditFilterErrors = {};
  const dates = { from: "", to: "" };
  for (const [name, label] of [
    ["from", "The start date"],
    ["to", "The end date"],
  ] as const) {
    const parts = dateParts(raw, name);
    const r = parseDateParts(parts, label);
    if (r.kind === "error") errors[name] = r.message;
    dates[name] = r.kind === "date" ? r.iso : r.kind === "empty" ? "" : joinDateParts(parts);
  }
  if (!errors.from && !errors.to && dates.from && dates.to && dates.to < dates.from) errors.to = "The end date must be the same as or after the start date";
  return { params: { ...base, ...dates }, errors };
}

/** The query string of these filters (page 1 unless given), "" when there are none: for links. */
export function auditQueryString(p: AuditFilterParams, overrides: { page?: number } = {}): string {
  const q = new URLSearchParams();
  if (p.case) q.set("case", p.case);
  if (p.user) q.set("user", p.user);
  if (p.action) q.set("action", p.action);
  for (const name of ["from", "to"] as const) {
    if (!p[name]) continue;
    const iso = /^\d{4}-\d{2}-\d{2}$/.test(p[name]);
    const parts = iso ? { year: p[name].slice(0, 4), month: String(Number(p[name].slice(5, 7))), day: String(Number(p[name].slice(8, 10))) } : Object.fromEntries(new URLSearchParams(p[name]));
    for (const part of DATE_PARTS) q.set(datePartName(name, part), parts[part] ?? "");
  }
  const page = overrides.page ?? 1;
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `?${s}` : "";
}

export function hasAuditFilters(p: AuditFilterParams): boolean {
  return !!(p.case || p.user || p.action || p.from || p.to);
}
