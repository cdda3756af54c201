import { describe, expect, it } from "vitest";
import { CLOCK_ALERT_WORKING_DAYS, clockAlertDue, clockAlertKey } from "@/lib/cases/alerts/clock-alert-schedule";

describe("when staff are alerted of a case near its last day with no meeting (R-20, R-21)", () => {
  it(`from ${CLOCK_ALERT_WORKING_DAYS} working days before the last day up to the day itself, not after`, () => {
    const lastDay = "2025-04-25"; // Friday (R-54's example)
    expect(clockAlertDue("2025-04-15", lastDay)).toBe(false); // Tuesday: 6 working days (Good Friday and Easter Monday do not count)
    expect(clockAlertDue("2025-04-16", lastDay)).toBe(true); // Wednesday before Easter: 5
    expect(clockAlertDue("2025-04-19", lastDay)).toBe(true);
    expect(clockAlertDue("2025-04-25", lastDay)).toBe(true);
    expect(clockAlertDue("2025-04-26", lastDay)).toBe(false);
  });

  it("is once per case per clock and last day", () => {
    expect(clockAlertKey("c1", "MEDIATION_30_DAY", "2025-04-25")).toBe("clock-alert:c1:MEDIATION_30_DAY:2025-04-25");
    expect(clockAlertKey("c1", "ICB_MEDIATION_30_DAY", "2025-04-25")).not.toBe(clockAlertKey("c1", "MEDIATION_30_DAY", "2025-04-25"));
  });
});
