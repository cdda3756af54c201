/**
 * Dates typed in the GOV.UK date-input pattern: three boxes, day, month and year (issue 8 item 3).
 * Pure and client-safe (no React, Next, Prisma or server-only): the forms, the server-action chain,
 * the deadline calculator and the field rules in lib/cases/fields.ts all read dates through here.
 *
 * A form posts the boxes as `${name}-day`, `${name}-month` and `${name}-year`. Wherever one string
 * is needed (a command's input, a react-hook-form value) they are joined by `joinDateParts`:
 *   - a real date           → its ISO date, "2007-03-27"
 *   - three empty boxes     → "" (not given: the only way a date is cleared)
 *   - anything else         → the boxes as typed, "day=31&month=2&year=2015", which no date rule
 *                             accepts, so nothing is saved, and which `dateValueProblem` reads back
 *                             to say what is wrong ("… must be a real date – February 2015 has 28 days").
 * So an impossible date can never turn into "" (the browser's date picker did, and the edit saved
 * "Not recorded" over the date of birth).
 */
import { daysInMonth, isIsoDate, isoFromParts, monthName } from "@/lib/deadlines/calendar";

export const DATE_PARTS = ["day", "month", "year"] as const;
export type DatePart = (typeof DATE_PARTS)[number];
export type DateParts = Record<DatePart, string>;

export const EMPTY_DATE_PARTS: DateParts = { day: "", month: "", year: "" };

/** The posted name of one box of the date input `name`. */
export const datePartName = (name: string, part: DatePart): string => `${name}-${part}`;

export type DateInputResult =
  | { kind: "date"; iso: string }
  | { kind: "empty" }
  /** `parts`: the boxes to highlight. */
  | { kind: "error"; message: string; parts: DatePart[] };

const MONTHS: readonly string[] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** "3", "03", "March", "mar", "Sept." → 3; null when it is not a month written in one of those ways. */
function monthNumber(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const word = text.toLowerCase().replace(/\.$/, "");
  if (word.length < 3) return null;
  const i = word === "sept" ? 8 : MONTHS.indexOf(word.slice(0, 3));
  if (i === -1) return null;
  // The whole word must be the month's name or its start ("febr" yes, "marble" no).
  return monthName(i + 1).toLowerCase().startsWith(word) || word === "sept" ? i + 1 : null;
}

/** A box as typed, without spaces (people type "27 " or " 3"). */
const clean = (v: string | undefined): string => (v ?? "").replace(/\s+/g, "");

/** "a month", "a day and year" (the GOV.UK wording; never all three: then the date is empty). */
const missingList = (parts: DatePart[]): string => `a ${parts.join(" and ")}`;

/**
 * The date typed in three boxes. `label` names it in messages, as the field rules do ("The date of
 * birth" → "The date of birth must include a month"). Messages follow the GOV.UK date-input pattern.
 */
export function parseDateParts(input: Partial<DateParts>, label: string): DateInputResult {
  const parts: DateParts = { day: clean(input.day), month: clean(input.month), year: clean(input.year) };
  const missing = DATE_PARTS.filter((p) => parts[p] === "");
  if (missing.length === 3) return { kind: "empty" };
  if (missing.length > 0) return { kind: "error", message: `${label} must include ${missingList(missing)}`, parts: missing };

  const notReal = (why: string | null, wrong: DatePart[]): DateInputResult => ({
    kind: "error",
    message: `${label} must be a real date${why ? ` – ${why}` : ""}`,
    parts: wrong,
  });
  const month = monthNumber(parts.month);
  const dayOk = /^\d{1,2}$/.test(parts.day);
  const wrongShape = [...(dayOk ? [] : ["day" as const]), ...(month === null ? ["month" as const] : [])];
  if (wrongShape.length > 0) return notReal(null, wrongShape);
  if (!/^\d+$/.test(parts.year)) return notReal(null, ["year"]);
  if (parts.year.length !== 4) return { kind: "error", message: `${label} must include a year with 4 numbers, like 2007`, parts: ["year"] };

  const year = Number(parts.year);
  const day = Number(parts.day);
  if (month! < 1 || month! > 12) return notReal(`there is no month ${month}`, ["month"]);
  if (year < 1) return notReal(null, ["year"]);
  if (day < 1) return notReal("there is no day 0", ["day"]);
  const days = daysInMonth(year, month!);
  if (day > days) return notReal(day > 31 ? "no month has more than 31 days" : `${monthName(month!)} ${year} has ${days} days`, ["day"]);
  return { kind: "date", iso: isoFromParts(year, month!, day) };
}

/** The boxes as one string (see the module comment): an ISO date, "" or the boxes as typed. */
export function joinDateParts(input: Partial<DateParts>): string {
  const r = parseDateParts(input, "The date");
  if (r.kind === "date") return r.iso;
  if (r.kind === "empty") return "";
  const typed = new URLSearchParams();
  for (const p of DATE_PARTS) typed.set(p, (input[p] ?? "").trim());
  return typed.toString();
}

const TYPED = /^day=[^&]*&month=[^&]*&year=[^&]*$/;

/**
 * The boxes to show for a one-string date: an ISO date as "27", "3", "2007" (no leading zeros, as
 * the GOV.UK pattern shows them), joined boxes as they were typed, anything else empty.
 */
export function splitDateValue(value: string | null | undefined): DateParts {
  const v = (value ?? "").trim();
  if (isIsoDate(v)) return { day: String(Number(v.slice(8, 10))), month: String(Number(v.slice(5, 7))), year: v.slice(0, 4) };
  if (TYPED.test(v)) {
    const typed = new URLSearchParams(v);
    return { day: typed.get("day") ?? "", month: typed.get("month") ?? "", year: typed.get("year") ?? "" };
  }
  return { ...EMPTY_DATE_PARTS };
}

/**
 * What is wrong with a one-string date, or null when it is an ISO date or "". Joined boxes are read
 * back and explained; any other text "must be a real date".
 */
export function dateValueProblem(value: string, label: string): string | null {
  const v = value.trim();
  if (v === "" || isIsoDate(v)) return null;
  if (TYPED.test(v)) {
    const r = parseDateParts(splitDateValue(v), label);
    if (r.kind === "error") return r.message;
  }
  return `${label} must be a real date`;
}

type Values = Readonly<Record<string, string | undefined>>;

/** The boxes of date input `name` as posted, or null when none of them was. */
export function datePartsFrom(values: Values, name: string): DateParts | null {
  if (DATE_PARTS.every((p) => values[datePartName(name, p)] === undefined)) return null;
  return { day: values[datePartName(name, "day")] ?? "", month: values[datePartName(name, "month")] ?? "", year: values[datePartName(name, "year")] ?? "" };
}

/**
 * Posted values with every date input's boxes also joined under its own name, ready for a command:
 * `{ "dob-day": "31", "dob-month": "2", "dob-year": "2015" }` gains `dob: "day=31&month=2&year=2015"`.
 * The boxes stay (so a form can show them again as typed). A date posted as one value (a hidden
 * field of a confirmation step, a shared link) is left as it is.
 */
export function withJoinedDates<V extends Values>(values: V): V & Record<string, string> {
  const out: Record<string, string | undefined> = { ...values };
  const names = new Set<string>();
  for (const key of Object.keys(values)) {
    const m = /^(.+)-(day|month|year)$/.exec(key);
    if (m) names.add(m[1]!);
  }
  for (const name of names) out[name] = joinDateParts(datePartsFrom(values, name)!);
  return out as V & Record<string, string>;
}

/** The boxes to show for `name`: as posted when they were, else from its one-string value. */
export function datePartsToShow(values: Values | undefined, name: string): DateParts {
  if (!values) return { ...EMPTY_DATE_PARTS };
  return datePartsFrom(values, name) ?? splitDateValue(values[name]);
}
