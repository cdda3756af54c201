/**
 * results must not depend on the machine's time zone. Node honours changes to
 * process.env.TZ at run time, so this runs a representative set of computations under several
 * zones in turn (reloading the holiday data each time) and compares the results.
 */
import { afterAll, describe, expect, it } from "vitest";

import {
  AGREEMENT_ACTION_KINDS,
  HOLIDAY_YEAR_RANGE,
  addWorkingDays,
  adviserContactDeadline,
  agreementActionDueDate,
  appealDeadline,
  bankHolidays,
  certificateDueDate,
  clearHolidayCache,
  dbDateFromIso,
  earliestMeetingDate,
  explainAppealDeadline,
  explainCertificateDueDate,
  formatLongDate,
  isoFromDbDate,
  healthNotificationDueDate,
  isWorkingDay,
  mediationDeadline,
  todayInLondon,
  workingDaysUntil,
} from "@/lib/deadlines";

import { eachDay } from "./helpers";

const ZONES = ["UTC", "Europe/London", "Pacific/Auckland", "America/Los_Angeles"] as const;
const originalTz = process.env.TZ;

function setTz(zone: string | undefined): void {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
}

/** Inputs around the year ends, the Easter and August holidays and DST changes. */
const SAMPLE_DATES = [
  ...eachDay("2020-03-20", "2020-05-15"),
  ...eachDay("2022-05-25", "2022-06-10"),
  ...eachDay("2024-03-25", "2024-04-05"),
  ...eachDay("2025-01-25", "2025-02-05"),
  ...eachDay("2025-03-25", "2025-04-30"),
  ...eachDay("2025-06-25", "2025-08-05"),
  ...eachDay("2025-10-20", "2025-12-31"),
  ...eachDay("2026-10-20", "2026-12-31"),
  ...eachDay("2027-10-20", "2027-12-31"),
];

const INSTANTS = [
  "2025-03-29T23:59:59Z",
  "2025-03-30T00:59:59Z",
  "2025-03-30T01:00:00Z",
  "2025-03-31T23:30:00Z",
  "2025-10-25T23:30:00Z",
  "2025-10-26T00:59:59Z",
  "2025-10-26T01:00:00Z",
  "2025-12-31T23:59:59Z",
  "2026-06-30T23:00:00Z",
];

function snapshot(): unknown {
  const holidays: Record<number, readonly string[]> = {};
  for (let y = HOLIDAY_YEAR_RANGE.first; y <= HOLIDAY_YEAR_RANGE.last; y++) holidays[y] = bankHolidays(y).map((h) => h.date);
  return {
    holidays,
    perDate: SAMPLE_DATES.map((d) => [
      d,
      isWorkingDay(d),
      addWorkingDays(d, 1),
      addWorkingDays(d, 5),
      addWorkingDays(d, 23),
      certificateDueDate(d),
      healthNotificationDueDate(d),
      earliestMeetingDate(d),
      mediationDeadline(d),
      adviserContactDeadline(d),
      appealDeadline(d),
      appealDeadline(d, addWorkingDays(d, 30)),
      workingDaysUntil(d, "2026-01-05"),
      formatLongDate(d),
      dbDateFromIso(d).toISOString(),
      isoFromDbDate(new Date(`${d}T00:00:00Z`)),
      ...AGREEMENT_ACTION_KINDS.map((k) => agreementActionDueDate(d, k)),
    ]),
    explanations: [explainAppealDeadline("2025-02-03", "2025-07-03"), explainCertificateDueDate("2025-12-23")],
    london: INSTANTS.map((i) => todayInLondon(new Date(i))),
  };
}

describe("time-zone independence (R-63)", () => {
  afterAll(() => {
    setTz(originalTz);
    clearHolidayCache();
  });

  it("the process time zone really changes at run time (so the comparison below means something)", () => {
    const june = new Date("2025-06-15T12:00:00Z");
    const offsets = ZONES.map((zone) => {
      setTz(zone);
      return june.getTimezoneOffset();
    });
    expect(offsets).toEqual([0, -60, -720, 420]);
    setTz(originalTz);
  });

  it("gives identical results under UTC, Europe/London, Pacific/Auckland and America/Los_Angeles", () => {
    const results = ZONES.map((zone) => {
      setTz(zone);
      clearHolidayCache(); // reload the holiday data under this zone
      const snap = snapshot();
      // and the known answers hold in every zone
      expect(mediationDeadline("2025-03-26"), zone).toBe("2025-04-25");
      expect(certificateDueDate("2025-04-24"), zone).toBe("2025-04-29");
      expect(appealDeadline("2025-02-03", "2025-04-29"), zone).toBe("2025-05-29");
      expect(appealDeadline("2025-02-03", "2025-07-03"), zone).toBe("2025-09-01");
      expect(isWorkingDay("2026-12-28"), zone).toBe(false);
      expect(todayInLondon(new Date("2025-03-31T23:30:00Z")), zone).toBe("2025-04-01");
      return JSON.stringify(snap);
    });
    setTz(originalTz);
    for (let i = 1; i < results.length; i++) expect(results[i], ZONES[i]).toBe(results[0]);
  });
});
