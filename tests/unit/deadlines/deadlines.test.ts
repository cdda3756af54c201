import { describe, expect, it } from "vitest";

import {
  ADVISER_CONTACT_MONTHS,
  APPEAL_R53_AFTER_R52_ROLL,
  AGREEMENT_ACTION_KINDS,
  AGREEMENT_ACTION_WEEKS,
  CERTIFICATE_WORKING_DAYS,
  DeadlineInputError,
  HOLIDAY_YEAR_RANGE,
  MEDIATION_WINDOW_DAYS,
  MEETING_NOTICE_CLEAR_DAYS,
  MEETING_NOTICE_WORKING_DAYS,
  addCalendarMonths,
  addWorkingDays,
  adviserContactDeadline,
  agreementActionDueDate,
  appealDeadline,
  appealDeadlineDetail,
  bankHolidays,
  certificateDueDate,
  daysBetween,
  dbDateFromIso,
  earliestMeetingDate,
  explainAddWorkingDays,
  explainAdviserContactDeadline,
  explainAgreementActionDueDate,
  explainAppealDeadline,
  explainCertificateDueDate,
  explainEarliestMeetingDate,
  explainHealthNotificationDueDate,
  explainIcbAgreementNoticeDueDate,
  explainMediationDeadline,
  formatLongDate,
  hasRequiredMeetingNotice,
  healthNotificationDueDate,
  icbAgreementNoticeDueDate,
  isWorkingDay,
  isoFromDbDate,
  mediationDeadline,
  todayInLondon,
  workingDaysBetween,
  workingDaysUntil,
  type AgreementActionKind,
} from "@/lib/deadlines";

import {
  GOV_UK_BANK_HOLIDAYS,
  easterSunday,
  eachDay,
  expectDeadlineError,
  isWeekendUtc,
  plusDays,
  utcWeekday,
} from "./helpers";

describe("R-54 worked example", () => {
  it("notice sent Monday 3 February 2025", () => {
    expect(formatLongDate("2025-02-03")).toBe("Monday 3 February 2025");
  });

  it("mediation requested 26 March (LA told that day) must take place by Friday 25 April 2025 (R-20)", () => {
    expect(mediationDeadline("2025-03-26")).toBe("2025-04-25");
    expect(formatLongDate(mediationDeadline("2025-03-26"))).toBe("Friday 25 April 2025");
  });

  it("mediation held Thursday 24 April → certificate due Tuesday 29 April 2025 (R-30)", () => {
    expect(formatLongDate("2025-04-24")).toBe("Thursday 24 April 2025");
    expect(certificateDueDate("2025-04-24")).toBe("2025-04-29");
    expect(formatLongDate("2025-04-29")).toBe("Tuesday 29 April 2025");
  });

  it("certificate issued 29 April → appeal deadline Thursday 29 May 2025, later than 3 April (R-50)", () => {
    expect(appealDeadline("2025-02-03")).toBe("2025-04-03");
    expect(appealDeadline("2025-02-03", "2025-04-29")).toBe("2025-05-29");
    expect(formatLongDate("2025-05-29")).toBe("Thursday 29 May 2025");
  });

  it("certificate issued Thursday 3 July 2025 → 3 August is in August → Monday 1 September 2025 (R-53)", () => {
    expect(appealDeadline("2025-02-03", "2025-07-03")).toBe("2025-09-01");
    expect(formatLongDate("2025-09-01")).toBe("Monday 1 September 2025");
    const detail = appealDeadlineDetail("2025-02-03", "2025-07-03");
    expect(detail.unadjusted).toBe("2025-08-03");
    expect(detail.basis).toBe("CERTIFICATE");
    expect(detail.adjustment).toBe("AUGUST");
  });

  it("adviser must be contacted within 2 months of 3 February: 3 April 2025 (R-10)", () => {
    expect(adviserContactDeadline("2025-02-03")).toBe("2025-04-03");
  });

  it("explanations of the worked example say what was applied", () => {
    const aug = explainAppealDeadline("2025-02-03", "2025-07-03");
    expect(aug.date).toBe("2025-09-01");
    expect(aug.text.startsWith("Monday 1 September 2025: ")).toBe(true);
    expect(aug.text).toContain("3 August 2025 is in August");
    expect(aug.text).toContain("first working day after 31 August");
    expect(aug.rule).toContain("R-53");

    const may = explainAppealDeadline("2025-02-03", "2025-04-29");
    expect(may.date).toBe("2025-05-29");
    expect(may.text).toContain("3 April 2025");
    expect(may.text).toContain("29 May 2025");
    expect(may.rule).toBe("R-50, R-51");

    const med = explainMediationDeadline("2025-03-26");
    expect(med.date).toBe("2025-04-25");
    expect(med.text.startsWith("Friday 25 April 2025: ")).toBe(true);
    expect(med.text).toContain("30 calendar days");
    expect(med.rule).toContain("R-20");

    const cert = explainCertificateDueDate("2025-04-24", "AFTER_MEDIATION");
    expect(cert.date).toBe("2025-04-29");
    expect(cert.text).toContain("3 working days after the mediation ended on Thursday 24 April 2025");
    expect(cert.rule).toContain("R-30");
  });
});

describe("bank holidays and working days (R-60, R-64)", () => {
  for (const [yearText, listed] of Object.entries(GOV_UK_BANK_HOLIDAYS)) {
    const year = Number(yearText);

    it(`${year}: the bank holidays match the gov.uk list exactly`, () => {
      expect(bankHolidays(year).map((h) => h.date)).toEqual(listed);
    });

    it(`${year}: every day is a working day exactly when it is a weekday not on the gov.uk list`, () => {
      const listedSet = new Set(listed);
      for (const day of eachDay(`${year}-01-01`, `${year}-12-31`)) {
        const expected = !isWeekendUtc(day) && !listedSet.has(day);
        if (isWorkingDay(day) !== expected) throw new Error(`${day}: expected isWorkingDay = ${expected}`);
      }
    });

    it(`${year}: each bank holiday is not a working day, and the nearest ordinary weekdays around it are`, () => {
      const listedSet = new Set(listed);
      const nearest = (from: string, step: 1 | -1) => {
        let d = plusDays(from, step);
        while (isWeekendUtc(d) || listedSet.has(d)) d = plusDays(d, step);
        return d;
      };
      for (const h of listed) {
        expect(isWorkingDay(h), h).toBe(false);
        expect(isWorkingDay(nearest(h, -1)), `before ${h}`).toBe(true);
        expect(isWorkingDay(nearest(h, 1)), `after ${h}`).toBe(true);
      }
    });
  }

  it("weekends are never working days", () => {
    expect(isWorkingDay("2025-05-31")).toBe(false); // Saturday
    expect(isWorkingDay("2025-06-01")).toBe(false); // Sunday
    expect(isWorkingDay("2025-06-02")).toBe(true); // Monday
  });

  it("substitute days: Boxing Day 2026 (Saturday) → Monday 28 December; Christmas and Boxing Day 2027 → 27 and 28 December", () => {
    expect(isWorkingDay("2026-12-25")).toBe(false);
    expect(isWorkingDay("2026-12-28")).toBe(false);
    expect(isWorkingDay("2026-12-29")).toBe(true);
    expect(addWorkingDays("2026-12-24", 1)).toBe("2026-12-29");
    expect(isWorkingDay("2027-12-24")).toBe(true);
    expect(isWorkingDay("2027-12-27")).toBe(false);
    expect(isWorkingDay("2027-12-28")).toBe(false);
    expect(addWorkingDays("2027-12-24", 1)).toBe("2027-12-29");
  });

  it("substitute days in earlier years (2020-12-28, 2021-12-27/28, 2022-01-03, 2022-12-27, 2023-01-02)", () => {
    for (const d of ["2020-12-28", "2021-12-27", "2021-12-28", "2022-01-03", "2022-12-27", "2023-01-02"]) {
      expect(isWorkingDay(d), d).toBe(false);
    }
  });

  it("2020: the early May bank holiday moved from Monday 4 May to Friday 8 May (VE day)", () => {
    expect(isWorkingDay("2020-05-04")).toBe(true);
    expect(isWorkingDay("2020-05-08")).toBe(false);
    expect(addWorkingDays("2020-05-07", 1)).toBe("2020-05-11");
  });

  it("2022: spring bank holiday moved to 2 June, Platinum Jubilee 3 June, the Queen's funeral 19 September", () => {
    expect(isWorkingDay("2022-05-30")).toBe(true);
    expect(isWorkingDay("2022-06-02")).toBe(false);
    expect(isWorkingDay("2022-06-03")).toBe(false);
    expect(addWorkingDays("2022-06-01", 1)).toBe("2022-06-06");
    expect(isWorkingDay("2022-09-19")).toBe(false);
    expect(addWorkingDays("2022-09-16", 1)).toBe("2022-09-20");
  });

  it("2023: the coronation bank holiday, Monday 8 May", () => {
    expect(isWorkingDay("2023-05-01")).toBe(false);
    expect(isWorkingDay("2023-05-08")).toBe(false);
    expect(isWorkingDay("2023-05-09")).toBe(true);
  });

  it("every covered year (2016–2029): Good Friday, Easter Monday and Christmas Day are not working days; Easter Sunday's observance is not listed", () => {
    expect(HOLIDAY_YEAR_RANGE).toEqual({ first: 2016, last: 2029 });
    for (let year = 2016; year <= 2029; year++) {
      const easter = easterSunday(year);
      expect(isWorkingDay(plusDays(easter, -2)), `Good Friday ${year}`).toBe(false);
      expect(isWorkingDay(plusDays(easter, 1)), `Easter Monday ${year}`).toBe(false);
      expect(isWorkingDay(`${year}-12-25`), `Christmas ${year}`).toBe(false);
      const list = bankHolidays(year);
      expect(list.length, `${year}`).toBeGreaterThanOrEqual(8);
      // only days off: no weekend dates, no observances such as Mother's Day
      for (const h of list) {
        expect(isWeekendUtc(h.date), h.date).toBe(false);
        expect(h.name).not.toMatch(/Mother|Father|Easter Sunday/);
      }
    }
  });

  it("the first and last covered days work; the days just outside raise OUT_OF_RANGE (R-64)", () => {
    expect(isWorkingDay("2016-01-01")).toBe(false); // New Year's Day, Friday
    expect(isWorkingDay("2016-01-04")).toBe(true);
    expect(isWorkingDay("2029-12-31")).toBe(true); // Monday
    expect(addWorkingDays("2029-12-28", 1)).toBe("2029-12-31");
    const before = expectDeadlineError(() => isWorkingDay("2015-12-31"), "OUT_OF_RANGE");
    expect(before.message).toContain("2016 to 2029");
    expectDeadlineError(() => isWorkingDay("2030-01-02"), "OUT_OF_RANGE");
    const crossing = expectDeadlineError(() => addWorkingDays("2029-12-28", 3), "OUT_OF_RANGE");
    expect(crossing.message).toContain("2030");
    expectDeadlineError(() => bankHolidays(2030), "OUT_OF_RANGE");
    expectDeadlineError(() => certificateDueDate("2031-03-03"), "OUT_OF_RANGE");
    // a deadline whose R-52 check would need 2030 holidays
    expectDeadlineError(() => appealDeadline("2029-11-15"), "OUT_OF_RANGE");
  });
});

describe("addWorkingDays (R-61)", () => {
  it("n = 0 returns the date itself, even on a non-working day", () => {
    expect(addWorkingDays("2025-04-24", 0)).toBe("2025-04-24");
    expect(addWorkingDays("2025-04-19", 0)).toBe("2025-04-19");
  });

  it("counts from day 0 and skips weekends and bank holidays", () => {
    expect(addWorkingDays("2025-04-24", 1)).toBe("2025-04-25");
    expect(addWorkingDays("2025-04-24", 2)).toBe("2025-04-28");
    // over Easter 2025: Thu 17 (1), Good Friday 18, Easter Monday 21 skipped, Tue 22 (2), Wed 23 (3)
    expect(addWorkingDays("2025-04-16", 3)).toBe("2025-04-23");
    // from a Saturday, the first working day is Monday
    expect(addWorkingDays("2025-06-07", 1)).toBe("2025-06-09");
  });

  it("crosses a year end with Christmas and New Year", () => {
    // Tue 23 Dec 2025: 24 (1), 25-26 holidays, 27-28 weekend, 29 (2), 30 (3), 31 (4), 1 Jan holiday, 2 Jan (5)
    expect(addWorkingDays("2025-12-23", 5)).toBe("2026-01-02");
  });

  it("a whole year: 2025 has its weekdays less the 8 gov.uk bank holidays as working days", () => {
    const weekdays = eachDay("2025-01-01", "2025-12-31").filter((d) => !isWeekendUtc(d)).length;
    const expected = weekdays - GOV_UK_BANK_HOLIDAYS[2025]!.length;
    expect(addWorkingDays("2024-12-31", expected)).toBe("2025-12-31");
    expect(workingDaysUntil("2024-12-31", "2025-12-31")).toBe(expected);
  });
});

describe("working-day and calendar-day distances", () => {
  it("workingDaysUntil is signed: positive ahead, negative when overdue, 0 on the day", () => {
    expect(workingDaysUntil("2025-04-24", "2025-04-29")).toBe(3);
    expect(workingDaysUntil("2025-04-29", "2025-04-24")).toBe(-3);
    expect(workingDaysUntil("2025-04-29", "2025-04-29")).toBe(0);
    // due Friday 25 April, today Monday 28 April: 1 working day overdue
    expect(workingDaysUntil("2025-04-28", "2025-04-25")).toBe(-1);
    // Friday 2 May → Tuesday 6 May 2025 (Monday 5 May is a bank holiday)
    expect(workingDaysUntil("2025-05-02", "2025-05-06")).toBe(1);
    expect(workingDaysBetween("2025-05-06", "2025-05-02")).toBe(-1);
    // across the year end: 1 Jan holiday, Fri 2 Jan, Mon 5 Jan
    expect(workingDaysUntil("2025-12-31", "2026-01-05")).toBe(2);
  });

  it("daysBetween counts calendar days", () => {
    expect(daysBetween("2025-03-26", "2025-04-25")).toBe(30);
    expect(daysBetween("2025-04-25", "2025-03-26")).toBe(-30);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2025-02-28", "2025-03-01")).toBe(1);
  });
});

describe("month arithmetic and month-end clamping (R-51)", () => {
  it("31 December + 2 months is the last day of February", () => {
    expect(adviserContactDeadline("2024-12-31")).toBe("2025-02-28");
    expect(adviserContactDeadline("2027-12-31")).toBe("2028-02-29"); // 2028 is a leap year
    expect(addCalendarMonths("2023-12-31", 2)).toBe("2024-02-29");
    expect(addCalendarMonths("2099-12-31", 2)).toBe("2100-02-28"); // 2100 is not a leap year
  });

  it("clamps to 30-day months and keeps the day when it exists", () => {
    expect(addCalendarMonths("2025-03-31", 1)).toBe("2025-04-30");
    expect(addCalendarMonths("2025-01-30", 1)).toBe("2025-02-28");
    expect(addCalendarMonths("2025-02-28", 1)).toBe("2025-03-28");
    expect(addCalendarMonths("2025-11-15", 2)).toBe("2026-01-15");
  });

  it("the appeal deadline clamps too, then applies R-52/R-53", () => {
    expect(appealDeadline("2024-12-31")).toBe("2025-02-28"); // Friday
    expect(appealDeadline("2023-12-31")).toBe("2024-02-29"); // Thursday
    expect(appealDeadline("2027-12-31")).toBe("2028-02-29"); // Tuesday
    // 31 March + 2 months = 31 May 2025, a Saturday → Monday 2 June
    expect(appealDeadline("2025-03-31")).toBe("2025-06-02");
    // certificate 31 January 2025 + 1 month = 28 February (later than 20 February)
    expect(appealDeadline("2024-12-20", "2025-01-31")).toBe("2025-02-28");
    const text = explainAppealDeadline("2024-12-31").text;
    expect(text).toContain("there is no 31 February 2025");
    expect(explainAdviserContactDeadline("2027-12-31").text).toContain("last day of February");
    expect(ADVISER_CONTACT_MONTHS).toBe(2);
  });
});

describe("appeal deadline (R-50 … R-53)", () => {
  it("without a certificate: 2 months after the decision notice", () => {
    expect(appealDeadline("2025-02-03", undefined)).toBe("2025-04-03");
    expect(appealDeadline("2025-02-03", null)).toBe("2025-04-03");
  });

  it("takes the later of the two limits", () => {
    // certificate + 1 month (2025-03-10) is earlier than decision + 2 months (2025-04-03)
    expect(appealDeadline("2025-02-03", "2025-02-10")).toBe("2025-04-03");
    expect(appealDeadlineDetail("2025-02-03", "2025-02-10").basis).toBe("DECISION");
    // a certificate issued the day the decision was sent is allowed
    expect(appealDeadline("2025-02-03", "2025-02-03")).toBe("2025-04-03");
  });

  it("R-52: a weekend or bank holiday moves to the next working day", () => {
    // 18 April 2026 is a Saturday
    expect(appealDeadline("2026-02-18")).toBe("2026-04-20");
    // 18 April 2025 is Good Friday, 21 April Easter Monday
    expect(appealDeadline("2025-02-18")).toBe("2025-04-22");
    const e = explainAppealDeadline("2025-02-18");
    expect(e.text).toContain("Good Friday");
    expect(e.rule).toContain("R-52");
  });

  it("R-53: 25 December – 1 January → first working day after 1 January", () => {
    expect(appealDeadline("2025-10-25")).toBe("2026-01-02"); // 25 Dec 2025
    expect(appealDeadline("2025-10-29")).toBe("2026-01-02"); // Mon 29 Dec 2025 is a working day, still moved
    expect(appealDeadline("2025-11-01")).toBe("2026-01-02"); // 1 Jan 2026
    expect(appealDeadline("2026-10-30")).toBe("2027-01-04"); // 30 Dec 2026 → Mon 4 Jan 2027
    // 27 Dec 2027 → first working day after Sat 1 Jan 2028; Mon 3 Jan 2028 is the substitute New Year's Day
    expect(appealDeadline("2027-10-27")).toBe("2028-01-04");
    // just outside the window: 24 December (a working day) and 2 January stay put
    expect(appealDeadline("2025-10-24")).toBe("2025-12-24");
    expect(appealDeadline("2026-11-02")).toBe("2027-01-04"); // Sat 2 Jan 2027: R-52, not R-53
    expect(appealDeadlineDetail("2026-11-02").adjustment).toBe("NON_WORKING_DAY");
    const e = explainAppealDeadline("2025-10-29");
    expect(e.text).toContain("between 25 December and 1 January");
    expect(e.rule).toContain("R-53");
  });

  it("R-53: a deadline in August → first working day after 31 August", () => {
    expect(appealDeadline("2024-06-30")).toBe("2024-09-02"); // 30 Aug 2024; 1 Sep 2024 is a Sunday
    expect(appealDeadline("2026-06-10")).toBe("2026-09-01"); // 31 Aug 2026 is itself a bank holiday
    expect(appealDeadline("2027-06-15")).toBe("2027-09-01");
    expect(appealDeadline("2025-02-03", "2025-07-31")).toBe("2025-09-01"); // 31 August
    expect(appealDeadline("2025-07-01")).toBe("2025-09-01"); // 1 September itself: no move needed
    expect(appealDeadlineDetail("2025-07-01").adjustment).toBe("NONE");
  });

  it("R-52/R-53 order: R-53 is tested on the month-based date only, then R-52 applies", () => {
    expect(APPEAL_R53_AFTER_R52_ROLL).toBe(false);
    // Sat 24 Dec 2022 is outside the window → next working day, Wed 28 Dec (25 Sun, 26 and 27 holidays)
    expect(appealDeadline("2022-10-24")).toBe("2022-12-28");
    // Sat 31 July 2027 is not in August → next working day, Mon 2 August
    expect(appealDeadline("2027-05-31")).toBe("2027-08-02");
  });

  it("R-53 applies to the appeal deadline only, never to mediation timings", () => {
    expect(mediationDeadline("2025-07-10")).toBe("2025-08-09"); // a Saturday in August: unchanged
    expect(adviserContactDeadline("2025-06-10")).toBe("2025-08-10"); // a Sunday in August: unchanged
    expect(mediationDeadline("2025-11-26")).toBe("2025-12-26"); // Boxing Day: unchanged
    // Tue 23 Dec 2025: 24 (1), 29 (2), 30 (3): inside the Christmas window but not moved
    expect(certificateDueDate("2025-12-23")).toBe("2025-12-30");
    expect(healthNotificationDueDate("2025-07-29")).toBe("2025-08-01");
    expect(agreementActionDueDate("2025-07-17", "SECTION_I_ONLY")).toBe("2025-07-31");
    expect(agreementActionDueDate("2025-07-24", "SECTION_I_ONLY")).toBe("2025-08-07");
  });
});

describe("mediation timings (R-10 … R-43)", () => {
  it("R-20: notified + 30 calendar days", () => {
    expect(MEDIATION_WINDOW_DAYS).toBe(30);
    expect(mediationDeadline("2025-01-31")).toBe("2025-03-02");
    expect(mediationDeadline("2024-01-31")).toBe("2024-03-01");
    expect(mediationDeadline("2025-12-15")).toBe("2026-01-14");
  });

  it("R-21: health commissioning body told within 3 working days", () => {
    expect(healthNotificationDueDate("2025-03-26")).toBe("2025-03-31");
    expect(healthNotificationDueDate("2025-04-16")).toBe("2025-04-23");
    const e = explainHealthNotificationDueDate("2025-04-16");
    expect(e.date).toBe("2025-04-23");
    expect(e.text).toContain("Good Friday");
    expect(e.text).toContain("Easter Monday");
    expect(e.rule).toContain("R-21");
  });

  it("R-30 (R-11, R-23): certificates due 3 working days after the trigger", () => {
    expect(CERTIFICATE_WORKING_DAYS).toBe(3);
    expect(certificateDueDate("2025-05-01")).toBe("2025-05-07"); // Fri 2, [Mon 5 bank holiday], Tue 6, Wed 7
    expect(certificateDueDate("2022-06-01")).toBe("2022-06-08"); // Jubilee: 2 and 3 June skipped
    expect(explainCertificateDueDate("2025-05-01", "ADVICE_ONLY").rule).toContain("R-11");
    expect(explainCertificateDueDate("2025-05-01", "NOT_ARRANGED").rule).toContain("R-23");
    expect(explainCertificateDueDate("2025-05-01").text).toContain("Early May bank holiday");
  });

  it("R-22: at least 5 clear working days' notice before the meeting", () => {
    expect(MEETING_NOTICE_WORKING_DAYS).toBe(5);
    expect(MEETING_NOTICE_CLEAR_DAYS).toBe(true);
    // Mon 1 Sep 2025: Tue 2 … Mon 8 are the 5 clear working days → Tuesday 9 September
    expect(earliestMeetingDate("2025-09-01")).toBe("2025-09-09");
    // Fri 19 Dec 2025: 22, 23, 24, 29, 30 → Wednesday 31 December
    expect(earliestMeetingDate("2025-12-19")).toBe("2025-12-31");
    // Tue 15 Apr 2025: 16, 17, 22, 23, 24 (Easter skipped) → Friday 25 April
    expect(earliestMeetingDate("2025-04-15")).toBe("2025-04-25");
    expect(hasRequiredMeetingNotice("2025-09-01", "2025-09-08")).toBe(false);
    expect(hasRequiredMeetingNotice("2025-09-01", "2025-09-09")).toBe(true);
    expect(hasRequiredMeetingNotice("2025-09-01", "2025-10-01")).toBe(true);
    const e = explainEarliestMeetingDate("2025-09-01");
    expect(e.date).toBe("2025-09-09");
    expect(e.text).toContain("Tuesday 2 September 2025 to Monday 8 September 2025");
    expect(e.rule).toContain("R-22");
  });

  it("R-41/R-42: agreed actions are due a number of weeks after the agreement date", () => {
    const expected: Record<AgreementActionKind, string> = {
      ASSESS_NOTIFY: "2025-06-05", // 2 weeks
      ASSESS_NO_PLAN: "2025-07-31", // 10 weeks
      ASSESS_FINAL_PLAN: "2025-08-28", // 14 weeks
      PLAN_DRAFT: "2025-06-26", // 5 weeks
      PLAN_FINAL: "2025-08-07", // 11 weeks
      AMEND_B_F: "2025-06-26", // 5 weeks
      SECTION_I_ONLY: "2025-06-05", // 2 weeks
      NON_APPEALABLE: "2025-06-05", // 2 weeks
    };
    expect([...AGREEMENT_ACTION_KINDS].sort()).toEqual(Object.keys(expected).sort());
    for (const kind of AGREEMENT_ACTION_KINDS) {
      expect(agreementActionDueDate("2025-05-22", kind), kind).toBe(expected[kind]);
      const e = explainAgreementActionDueDate("2025-05-22", kind);
      expect(e.date).toBe(expected[kind]);
      expect(e.text).toContain(`${AGREEMENT_ACTION_WEEKS[kind]} week`);
      expect(e.rule).toContain(kind === "NON_APPEALABLE" ? "R-42" : "R-41");
    }
    // calendar weeks: no roll off the New Year bank holiday
    expect(agreementActionDueDate("2025-12-18", "ASSESS_NOTIFY")).toBe("2026-01-01");
  });

  it("R-43: the ICB tells the LA of a health-only agreement within 1 week", () => {
    expect(icbAgreementNoticeDueDate("2025-05-22")).toBe("2025-05-29");
    expect(explainIcbAgreementNoticeDueDate("2025-05-22").rule).toContain("R-43");
  });
});

describe("explanations", () => {
  const cases = [
    () => explainAddWorkingDays("2025-04-16", 3),
    () => explainAdviserContactDeadline("2025-02-03"),
    () => explainMediationDeadline("2025-03-26"),
    () => explainHealthNotificationDueDate("2025-03-26"),
    () => explainEarliestMeetingDate("2025-09-01"),
    () => explainCertificateDueDate("2025-04-24"),
    () => explainAppealDeadline("2025-02-03", "2025-04-29"),
    () => explainAgreementActionDueDate("2025-05-22", "PLAN_FINAL"),
    () => explainIcbAgreementNoticeDueDate("2025-05-22"),
  ];

  it("each starts with the long form of its date, names a rule and is one sentence", () => {
    for (const make of cases) {
      const e = make();
      expect(e.text.startsWith(`${formatLongDate(e.date)}: `), e.text).toBe(true);
      expect(e.rule).toMatch(/^R-\d\d(, R-\d\d)*$/);
      expect(e.text.endsWith(".")).toBe(true);
      expect(e.text.slice(0, -1)).not.toContain(". ");
    }
  });

  it("explainAddWorkingDays names the skipped bank holidays", () => {
    const e = explainAddWorkingDays("2026-12-23", 2);
    expect(e.date).toBe("2026-12-29");
    expect(e.text).toContain("Christmas Day");
    expect(e.text).toContain("28 December 2026");
    expect(explainAddWorkingDays("2025-04-24", 0).date).toBe("2025-04-24");
  });

  it("a Christmas-window appeal explanation says so; a Saturday one says Saturday", () => {
    expect(explainAppealDeadline("2025-10-27").text).toContain("27 December 2025 falls between 25 December and 1 January");
    expect(explainAppealDeadline("2026-02-18").text).toContain("18 April 2026 is a Saturday");
  });
});

describe("dates and instants (R-63)", () => {
  it("formatLongDate", () => {
    expect(formatLongDate("2025-09-01")).toBe("Monday 1 September 2025");
    expect(formatLongDate("2024-02-29")).toBe("Thursday 29 February 2024");
    expect(formatLongDate("2028-02-29")).toBe("Tuesday 29 February 2028");
    expect(formatLongDate("2030-01-01")).toBe("Tuesday 1 January 2030"); // formatting needs no holidays
  });

  it("todayInLondon gives the Europe/London calendar date of an instant", () => {
    // 00:30 BST on 1 April
    expect(todayInLondon(new Date("2025-03-31T23:30:00Z"))).toBe("2025-04-01");
    // 23:30 GMT in winter is still the same day
    expect(todayInLondon(new Date("2025-01-15T23:30:00Z"))).toBe("2025-01-15");
    // clocks go forward at 01:00 UTC on 30 March 2025
    expect(todayInLondon(new Date("2025-03-29T23:59:00Z"))).toBe("2025-03-29");
    // still BST late on 25 October 2025 (clocks go back 01:00 UTC on 26 October)
    expect(todayInLondon(new Date("2025-10-25T23:30:00Z"))).toBe("2025-10-26");
    expect(todayInLondon(new Date("2025-10-26T23:30:00Z"))).toBe("2025-10-26");
  });

  it("DATE columns (a Date at 00:00 UTC) convert to and from ISO dates", () => {
    expect(dbDateFromIso("2025-04-29").toISOString()).toBe("2025-04-29T00:00:00.000Z");
    expect(isoFromDbDate(new Date("2025-04-29T00:00:00.000Z"))).toBe("2025-04-29");
    expect(isoFromDbDate(dbDateFromIso("0099-12-31"))).toBe("0099-12-31");
    expectDeadlineError(() => isoFromDbDate(new Date(Number.NaN)), "INVALID_INSTANT");
  });

  it("todayInLondon() with no argument returns today's date as YYYY-MM-DD", () => {
    const today = todayInLondon();
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Math.abs(daysBetween(new Date().toISOString().slice(0, 10), today))).toBeLessThanOrEqual(1);
  });
});

describe("invalid input raises DeadlineInputError", () => {
  it("a date that does not exist", () => {
    const e = expectDeadlineError(() => addWorkingDays("2025-02-30", 1), "INVALID_DATE");
    expect(e.message).toContain("2025-02-30 is not a real date");
    expect(e.input).toBe("2025-02-30");
    expectDeadlineError(() => mediationDeadline("2025-02-29"), "INVALID_DATE"); // 2025 is not a leap year
    expectDeadlineError(() => adviserContactDeadline("2100-02-29"), "INVALID_DATE"); // nor is 2100
    expectDeadlineError(() => appealDeadline("2025-13-01"), "INVALID_DATE");
    expectDeadlineError(() => appealDeadline("2025-00-10"), "INVALID_DATE");
    expectDeadlineError(() => isWorkingDay("2025-01-00"), "INVALID_DATE");
    expectDeadlineError(() => certificateDueDate("2025-04-31"), "INVALID_DATE");
    // while real leap days are fine
    expect(isWorkingDay("2024-02-29")).toBe(true);
    expect(adviserContactDeadline("2000-02-29")).toBe("2000-04-29");
  });

  it("a date not in the form YYYY-MM-DD", () => {
    const e = expectDeadlineError(() => addWorkingDays("3/2/2025", 1), "INVALID_FORMAT");
    expect(e.message).toContain("3/2/2025");
    expect(e.message).toContain("YYYY-MM-DD");
    for (const bad of ["2025-2-3", "", " 2025-02-03", "2025-02-03T00:00:00Z", "2025/02/03", "20250203", "2025-02-0a", "２０２５-02-03"]) {
      expectDeadlineError(() => isWorkingDay(bad), "INVALID_FORMAT");
    }
    expectDeadlineError(() => isWorkingDay(new Date(Date.UTC(2025, 1, 3)) as unknown as string), "INVALID_FORMAT");
    expectDeadlineError(() => formatLongDate(undefined as unknown as string), "INVALID_FORMAT");
  });

  it("a negative, fractional or non-numeric number of working days", () => {
    const e = expectDeadlineError(() => addWorkingDays("2025-02-03", -1), "INVALID_COUNT");
    expect(e.message).toContain("-1");
    expectDeadlineError(() => addWorkingDays("2025-02-03", 1.5), "INVALID_COUNT");
    expectDeadlineError(() => addWorkingDays("2025-02-03", Number.NaN), "INVALID_COUNT");
    expectDeadlineError(() => addWorkingDays("2025-02-03", Number.POSITIVE_INFINITY), "INVALID_COUNT");
    expectDeadlineError(() => addWorkingDays("2025-02-03", "3" as unknown as number), "INVALID_COUNT");
  });

  it("an unknown agreement action kind", () => {
    const e = expectDeadlineError(() => agreementActionDueDate("2025-05-22", "ASSESS" as AgreementActionKind), "UNKNOWN_KIND");
    expect(e.message).toContain("ASSESS_NOTIFY");
    expectDeadlineError(() => agreementActionDueDate("2025-05-22", "toString" as AgreementActionKind), "UNKNOWN_KIND");
    expectDeadlineError(() => explainCertificateDueDate("2025-05-22", "OTHER" as "ADVICE_ONLY"), "UNKNOWN_KIND");
  });

  it("a certificate dated before the decision", () => {
    const e = expectDeadlineError(() => appealDeadline("2025-02-03", "2025-02-02"), "CERTIFICATE_BEFORE_DECISION");
    expect(e.message).toContain("2 February 2025");
    expect(e.message).toContain("3 February 2025");
    expectDeadlineError(() => explainAppealDeadline("2025-02-03", "2024-12-31"), "CERTIFICATE_BEFORE_DECISION");
    // an empty string is not "no certificate"
    expectDeadlineError(() => appealDeadline("2025-02-03", ""), "INVALID_FORMAT");
  });

  it("an invalid instant", () => {
    expectDeadlineError(() => todayInLondon(new Date(Number.NaN)), "INVALID_INSTANT");
  });

  it("errors are real Error instances with a name", () => {
    try {
      addWorkingDays("2025-02-30", 1);
      throw new Error("expected a throw");
    } catch (e) {
      expect(e).toBeInstanceOf(Error);
      expect((e as DeadlineInputError).name).toBe("DeadlineInputError");
    }
  });
});

describe("helpers used by the tests agree with known weekdays", () => {
  it("utcWeekday", () => {
    expect(utcWeekday("2025-02-03")).toBe(1);
    expect(utcWeekday("2025-05-31")).toBe(6);
  });
});
