/**
 * The field rules themselves (lib/cases/fields): what counts as a phone number, an email, a typed
 * date, and a date of birth for a child or a young person.
 */
import { describe, expect, it } from "vitest";
import { compulsorySchoolAgeEnds, dateOfBirthProblem, isEmail, isOverCompulsorySchoolAge, isPhone, isTypedDate, isUnder25, optionalDate, optionalPastDate, parentForOlderChildWarning } from "@/lib/cases/fields";

describe("phone numbers", () => {
  it("accepts UK and international ways of writing one", () => {
    for (const p of ["01632 960 001", "07700 900 982", "+44 808 157 0192", "0044 (0) 20 7946 0958", "020-7946-0958"]) expect(isPhone(p), p).toBe(true);
  });
  it("refuses words, too few or too many digits", () => {
    for (const p of ["call me", "01632", "+44 808 157 0192 0192 01", "0800 FLOWERS"]) expect(isPhone(p), p).toBe(false);
  });
});

describe("email addresses", () => {
  it("accepts a normal address and refuses a partial one", () => {
    expect(isEmail("name@example.com")).toBe(true);
    expect(isEmail("name@")).toBe(false);
  });
});

describe("typed dates", () => {
  it("are real calendar dates from 1900 on", () => {
    expect(isTypedDate("2024-02-29")).toBe(true);
    expect(isTypedDate("2025-02-29")).toBe(false);
    expect(isTypedDate("1899-12-31")).toBe(false);
    expect(isTypedDate("1900-01-01")).toBe(true);
  });
});

describe("dates of birth (R-01)", () => {
  it("must be in the past and under 25, worded for who is asking", () => {
    expect(isUnder25("2001-04-02", "2026-04-01")).toBe(true);
    expect(isUnder25("2001-04-01", "2026-04-01")).toBe(false);
    expect(dateOfBirthProblem("2026-04-02", "2026-04-01", "child")).toBe("The date of birth must be in the past");
    expect(dateOfBirthProblem("2001-04-01", "2026-04-01", "child")).toBe("The child must be under 25. Check the date of birth");
    expect(dateOfBirthProblem("2001-04-01", "2026-04-01", "young person")).toBe("A young person must be under 25. Check the date of birth");
    expect(dateOfBirthProblem("2001-04-01", "2026-04-01", "yourself")).toBe("You must be under 25 to ask for mediation yourself. Check the date of birth");
    expect(dateOfBirthProblem("2010-01-01", "2026-04-01", "child")).toBeNull();
  });
});

describe("compulsory school age (R-01)", () => {
  it("ends on the last Friday in June of the school year the child turns 16", () => {
    expect(compulsorySchoolAgeEnds("2010-03-15")).toBe("2026-06-26"); // 16 in March 2026
    expect(compulsorySchoolAgeEnds("2009-09-01")).toBe("2026-06-26"); // 16 in September 2025: same school year
    expect(compulsorySchoolAgeEnds("2009-08-31")).toBe("2025-06-27"); // 16 on 31 August 2025: the year before
    expect(isOverCompulsorySchoolAge("2010-03-15", "2026-06-26")).toBe(false);
    expect(isOverCompulsorySchoolAge("2010-03-15", "2026-06-27")).toBe(true);
  });

  it("a young person must be over it; a child need not be", () => {
    expect(dateOfBirthProblem("2012-01-01", "2026-04-01", "young person")).toBe(
      "A young person must be over compulsory school age, which for this date of birth ends on 30 June 2028. Choose parent or carer instead, or check the date of birth",
    );
    expect(dateOfBirthProblem("2012-01-01", "2026-04-01", "yourself")).toMatch(/^You can ask for mediation yourself once you are over compulsory school age, after 30 June 2028/);
    expect(dateOfBirthProblem("2012-01-01", "2026-04-01", "child")).toBeNull();
    expect(dateOfBirthProblem("2005-01-01", "2026-04-01", "young person")).toBeNull();
  });

  it("warns, without blocking, when a parent acts for someone 16 or over", () => {
    expect(parentForOlderChildWarning("2010-03-31", "2026-04-01")).toMatch(/^The child is 16\./);
    expect(parentForOlderChildWarning("2010-04-02", "2026-04-01")).toBeNull();
  });
});

describe("typed dates (issue 8 item 3: day, month and year boxes)", () => {
  const message = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? null : r.error!.issues[0]!.message);
  it("explains boxes that make no real date, and never reads them as not given", () => {
    const dob = optionalDate("The date of birth");
    expect(dob.parse("")).toBe("");
    expect(dob.parse("2015-02-28")).toBe("2015-02-28");
    expect(message(dob.safeParse("day=31&month=2&year=2015"))).toBe("The date of birth must be a real date – February 2015 has 28 days");
    expect(message(dob.safeParse("day=&month=2&year=2015"))).toBe("The date of birth must include a day");
    expect(message(dob.safeParse("1899-12-31"))).toBe("The date of birth must be a real date");
  });
  it("a past date's boxes get one message: what is wrong with them", () => {
    const r = optionalPastDate("The date they told us", "2026-01-10").safeParse("day=30&month=2&year=2026");
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toEqual(["The date they told us must be a real date – February 2026 has 28 days"]);
    expect(message(optionalPastDate("The date they told us", "2026-01-10").safeParse("2026-01-11"))).toBe("The date they told us must be today or in the past");
  });
});
