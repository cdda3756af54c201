import { describe, expect, it } from "vitest";
import { MEETING_REMINDER_WORKING_DAYS, reminderDue, reminderKey } from "@/lib/meetings/reminders/reminder-schedule";

/** The first day of `days` on which the reminder of a meeting on `meeting` is due. */
const firstDue = (days: string[], meeting: string) => days.find((d) => reminderDue(d, meeting));

describe("when a meeting reminder goes (two working days before, R-60)", () => {
  it("on Thursday for a Monday meeting, and still on Friday and over the weekend if that was missed", () => {
    expect(MEETING_REMINDER_WORKING_DAYS).toBe(2);
    const meeting = "2026-03-16"; // Monday
    expect(reminderDue("2026-03-11", meeting)).toBe(false); // Wednesday: 3 working days
    expect(reminderDue("2026-03-12", meeting)).toBe(true); // Thursday
    expect(reminderDue("2026-03-13", meeting)).toBe(true);
    expect(reminderDue("2026-03-14", meeting)).toBe(true);
    expect(reminderDue("2026-03-16", meeting)).toBe(false); // the day itself: too late
    expect(reminderDue("2026-03-17", meeting)).toBe(false);
  });

  it("skips bank holidays: on Wednesday 1 April 2026 for a meeting on Tuesday 7 April (Good Friday, Easter Monday)", () => {
    expect(firstDue(["2026-03-30", "2026-03-31", "2026-04-01", "2026-04-02"], "2026-04-07")).toBe("2026-04-01");
  });

  it("over Christmas: on Wednesday 23 December 2026 for a meeting on Tuesday 29 December", () => {
    // 25 Dec (Fri) and the substitute Boxing Day, Monday 28 Dec, are not working days.
    expect(firstDue(["2026-12-21", "2026-12-22", "2026-12-23", "2026-12-24"], "2026-12-29")).toBe("2026-12-23");
  });

  it("has one key per meeting version, so a moved meeting is reminded again", () => {
    expect(reminderKey("m1", 0)).toBe("reminder:m1:TWO_WORKING_DAYS:0");
    expect(reminderKey("m1", 1)).not.toBe(reminderKey("m1", 0));
  });
});
