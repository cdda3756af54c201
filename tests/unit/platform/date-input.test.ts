/**
 * Issue 8 item 3: dates typed in three boxes (day, month, year). Every real date is read back as
 * its ISO date; an impossible or incomplete one is an error that says why, never "" (which the
 * browser's date picker sent for 31 February, and the edit then saved as "Not recorded").
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dateValueProblem,
  datePartsToShow,
  joinDateParts,
  parseDateParts,
  splitDateValue,
  withJoinedDates,
  type DateParts,
} from "@/lib/platform/dates/date-input";

const L = "The date of birth";
const parse = (day: string, month: string, year: string) => parseDateParts({ day, month, year }, L);
/** Independent oracle: the number of days in a month, from Date.UTC. */
const oracleDaysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

describe("parseDateParts", () => {
  it("reads a real date, with or without leading zeros and with spaces around the numbers", () => {
    expect(parse("27", "3", "2007")).toEqual({ kind: "date", iso: "2007-03-27" });
    expect(parse("05", "03", "2015")).toEqual({ kind: "date", iso: "2015-03-05" });
    expect(parse(" 5 ", " 3", "2015 ")).toEqual({ kind: "date", iso: "2015-03-05" });
    expect(parse("29", "2", "2024")).toEqual({ kind: "date", iso: "2024-02-29" });
  });

  it("accepts the month as a name or its abbreviation", () => {
    expect(parse("3", "February", "2025")).toEqual({ kind: "date", iso: "2025-02-03" });
    expect(parse("3", "feb", "2025")).toEqual({ kind: "date", iso: "2025-02-03" });
    expect(parse("3", "Sept", "2025")).toEqual({ kind: "date", iso: "2025-09-03" });
    expect(parse("3", "sep.", "2025")).toEqual({ kind: "date", iso: "2025-09-03" });
    expect(parse("3", "marble", "2025")).toMatchObject({ kind: "error", message: `${L} must be a real date`, parts: ["month"] });
  });

  it("three empty boxes are an empty date (not an error: the rules decide whether it is needed)", () => {
    expect(parse("", "", "")).toEqual({ kind: "empty" });
    expect(parse(" ", "", "  ")).toEqual({ kind: "empty" });
    expect(parseDateParts({}, L)).toEqual({ kind: "empty" });
  });

  it("names what is missing, and highlights those boxes", () => {
    expect(parse("27", "", "2007")).toEqual({ kind: "error", message: "The date of birth must include a month", parts: ["month"] });
    expect(parse("", "3", "")).toEqual({ kind: "error", message: "The date of birth must include a day and year", parts: ["day", "year"] });
    expect(parse("", "", "2007")).toEqual({ kind: "error", message: "The date of birth must include a day and month", parts: ["day", "month"] });
    expect(parse("27", "", "")).toEqual({ kind: "error", message: "The date of birth must include a month and year", parts: ["month", "year"] });
    expect(parse("27", "3", "")).toEqual({ kind: "error", message: "The date of birth must include a year", parts: ["year"] });
  });

  it("31 February is not a real date, and the message says why", () => {
    expect(parse("31", "2", "2015")).toEqual({ kind: "error", message: "The date of birth must be a real date – February 2015 has 28 days", parts: ["day"] });
    expect(parse("30", "2", "2024")).toEqual({ kind: "error", message: "The date of birth must be a real date – February 2024 has 29 days", parts: ["day"] });
    expect(parse("31", "4", "2025")).toMatchObject({ message: "The date of birth must be a real date – April 2025 has 30 days" });
    expect(parse("32", "1", "2025")).toMatchObject({ message: "The date of birth must be a real date – no month has more than 31 days", parts: ["day"] });
    expect(parse("0", "1", "2025")).toMatchObject({ message: "The date of birth must be a real date – there is no day 0", parts: ["day"] });
    expect(parse("1", "13", "2025")).toMatchObject({ message: "The date of birth must be a real date – there is no month 13", parts: ["month"] });
    expect(parse("1", "0", "2025")).toMatchObject({ message: "The date of birth must be a real date – there is no month 0", parts: ["month"] });
  });

  it("refuses letters and other text in the boxes", () => {
    expect(parse("1st", "1", "2025")).toEqual({ kind: "error", message: "The date of birth must be a real date", parts: ["day"] });
    expect(parse("x", "y", "2025")).toMatchObject({ parts: ["day", "month"] });
    expect(parse("1", "1", "20x5")).toMatchObject({ message: "The date of birth must be a real date", parts: ["year"] });
    expect(parse("123", "1", "2025")).toMatchObject({ parts: ["day"] });
    expect(parse("-1", "1", "2025")).toMatchObject({ parts: ["day"] });
  });

  it("the year must have 4 numbers", () => {
    for (const year of ["15", "215", "20155"]) {
      expect(parse("1", "1", year)).toEqual({ kind: "error", message: "The date of birth must include a year with 4 numbers, like 2007", parts: ["year"] });
    }
  });

  it("every real date round-trips through its boxes, however they are written (property)", () => {
    const realDate = fc
      .record({ year: fc.integer({ min: 1000, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
      .filter(({ year, month, day }) => day <= oracleDaysInMonth(year, month));
    const write = (n: number, pad: boolean, space: boolean) => (space ? " " : "") + (pad ? String(n).padStart(2, "0") : String(n));
    fc.assert(
      fc.property(realDate, fc.boolean(), fc.boolean(), fc.boolean(), ({ year, month, day }, pad, space, byName) => {
        const iso = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
        const monthText = byName ? new Date(Date.UTC(2001, month - 1, 1)).toLocaleString("en-GB", { month: "long", timeZone: "UTC" }) : write(month, pad, space);
        expect(parseDateParts({ day: write(day, pad, space), month: monthText, year: String(year) }, L)).toEqual({ kind: "date", iso });
        // Shown again as boxes and joined: the same date.
        expect(joinDateParts(splitDateValue(iso))).toBe(iso);
        expect(splitDateValue(iso)).toEqual({ day: String(day), month: String(month), year: String(year) });
      }),
      { numRuns: 2000 },
    );
  });

  it("every impossible day of a month is an error saying how many days it has (property)", () => {
    const impossible = fc
      .record({ year: fc.integer({ min: 1000, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 29, max: 31 }) })
      .filter(({ year, month, day }) => day > oracleDaysInMonth(year, month));
    fc.assert(
      fc.property(impossible, ({ year, month, day }) => {
        const r = parseDateParts({ day: String(day), month: String(month), year: String(year) }, L);
        expect(r.kind).toBe("error");
        expect(r.kind === "error" && r.message).toMatch(new RegExp(`^The date of birth must be a real date – \\w+ ${year} has ${oracleDaysInMonth(year, month)} days$`));
        // Never "", so it can never clear a saved date.
        expect(joinDateParts({ day: String(day), month: String(month), year: String(year) })).not.toBe("");
      }),
    );
  });
});

describe("one-string dates (commands, react-hook-form values)", () => {
  it("joins real dates as ISO, empty boxes as \"\", anything else as the boxes typed", () => {
    expect(joinDateParts({ day: "27", month: "3", year: "2007" })).toBe("2007-03-27");
    expect(joinDateParts({ day: "", month: "", year: "" })).toBe("");
    expect(joinDateParts({ day: "31", month: "2", year: "2015" })).toBe("day=31&month=2&year=2015");
    expect(joinDateParts({ day: "1&x=2", month: "", year: "" })).toBe("day=1%26x%3D2&month=&year=");
  });

  it("typed boxes round-trip exactly, whatever was typed (property)", () => {
    fc.assert(
      fc.property(fc.record({ day: fc.string(), month: fc.string(), year: fc.string() }), (parts: DateParts) => {
        const joined = joinDateParts(parts);
        const back = splitDateValue(joined);
        const r = parseDateParts(parts, L);
        if (r.kind === "date") expect(joined).toBe(r.iso);
        else if (r.kind === "empty") expect(joined).toBe("");
        else {
          expect(back).toEqual({ day: parts.day.trim(), month: parts.month.trim(), year: parts.year.trim() });
          expect(dateValueProblem(joined, L)).toBe(r.message);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("dateValueProblem: none for ISO dates and \"\"; the boxes' own message; other text must be a real date", () => {
    expect(dateValueProblem("2015-02-28", L)).toBeNull();
    expect(dateValueProblem("", L)).toBeNull();
    expect(dateValueProblem("day=31&month=2&year=2015", L)).toBe("The date of birth must be a real date – February 2015 has 28 days");
    expect(dateValueProblem("day=31&month=&year=2015", L)).toBe("The date of birth must include a month");
    expect(dateValueProblem("2015-02-31", L)).toBe("The date of birth must be a real date");
    expect(dateValueProblem("31/02/2015", L)).toBe("The date of birth must be a real date");
  });

  it("withJoinedDates adds each date input's joined value and keeps its boxes; a date posted whole is left alone", () => {
    const v = withJoinedDates({ caseId: "c1", "dob-day": "31", "dob-month": "2", "dob-year": "2015", "heldOn-day": "1", "heldOn-month": "4", "heldOn-year": "2025", laNotifiedOn: "2025-03-03" });
    expect(v).toMatchObject({ caseId: "c1", dob: "day=31&month=2&year=2015", "dob-day": "31", heldOn: "2025-04-01", laNotifiedOn: "2025-03-03" });
    expect(withJoinedDates({ "x-day": "", "x-month": "", "x-year": "" }).x).toBe("");
    // One box missing from the post counts as empty.
    expect(withJoinedDates({ "x-day": "1", "x-year": "2025" }).x).toBe("day=1&month=&year=2025");
  });

  it("datePartsToShow: the boxes as typed when posted, else the saved date", () => {
    expect(datePartsToShow({ dob: "2015-03-05" }, "dob")).toEqual({ day: "5", month: "3", year: "2015" });
    expect(datePartsToShow({ dob: "day=31&month=2&year=2015", "dob-day": "31", "dob-month": "2", "dob-year": "2015" }, "dob")).toEqual({ day: "31", month: "2", year: "2015" });
    expect(datePartsToShow({ "dob-day": "31" }, "dob")).toEqual({ day: "31", month: "", year: "" });
    expect(datePartsToShow(undefined, "dob")).toEqual({ day: "", month: "", year: "" });
    expect(datePartsToShow({ dob: "not a date" }, "dob")).toEqual({ day: "", month: "", year: "" });
  });
});
