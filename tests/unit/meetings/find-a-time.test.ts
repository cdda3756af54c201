import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { findATime, type Booking, type FindTimeInput, type WeeklyHours } from "@/lib/meetings/find-a-time";
import { londonInstant, londonWallClock } from "@/lib/meetings/london-time";
import { isWorkingDay } from "@/lib/deadlines";

const WEEKDAYS_9_TO_5: WeeklyHours = { 1: [{ start: "09:00", end: "17:00" }], 2: [{ start: "09:00", end: "17:00" }], 3: [{ start: "09:00", end: "17:00" }], 4: [{ start: "09:00", end: "17:00" }], 5: [{ start: "09:00", end: "17:00" }] };

const base = (over: Partial<FindTimeInput> = {}): FindTimeInput => ({
  noticeSentOn: "2025-03-26", // Wednesday
  noticeApplies: true,
  lastDay: "2025-04-25",
  hours: WEEKDAYS_9_TO_5,
  daysOff: [],
  maxJointMeetingsPerDay: 2,
  mediatorBookings: [],
  venueId: "venue-a",
  venueBookings: [],
  travelMinutes: 60,
  durationMinutes: 150,
  ...over,
});

const at = (date: string, time: string) => {
  const [h, m] = time.split(":").map(Number) as [number, number];
  return londonInstant(date, h * 60 + m);
};
const booking = (date: string, from: string, to: string, venueId: string | null = "venue-a", joint = true): Booking => ({ start: at(date, from), end: at(date, to), venueId, joint });
const reasonOn = (r: ReturnType<typeof findATime>, date: string) => r.days.find((d) => d.date === date)?.reason;

describe("London wall-clock times", () => {
  it("turns a London time into the right instant either side of the clock changes", () => {
    expect(londonInstant("2025-03-28", 9 * 60).toISOString()).toBe("2025-03-28T09:00:00.000Z"); // GMT
    expect(londonInstant("2025-04-01", 9 * 60).toISOString()).toBe("2025-04-01T08:00:00.000Z"); // BST
    expect(londonWallClock(new Date("2025-10-27T09:30:00Z"))).toEqual({ date: "2025-10-27", minutes: 570 });
  });
});

describe("find a time for the joint meeting", () => {
  it("offers the earliest slots that give 5 clear working days' notice and are before day 30 (R-20, R-22)", () => {
    const r = findATime(base());
    // Notice sent Wednesday 26 March: 5 working days are 27 Mar – 2 Apr, so Thursday 3 April is the first day.
    expect(r.earliest).toBe("2025-04-03");
    expect(r.slots.map((s) => `${s.date} ${s.startTime}-${s.endTime}`)).toEqual([
      "2025-04-03 09:00-11:30",
      "2025-04-03 09:30-12:00",
      "2025-04-03 10:00-12:30",
      "2025-04-03 10:30-13:00",
      "2025-04-03 11:00-13:30",
    ]);
    expect(reasonOn(r, "2025-04-02")).toContain("Too soon: the family must get 5 clear working days' notice");
    expect(r.days.at(-1)?.date).toBe("2025-04-25");
    expect(r.slots.every((s) => s.start.toISOString() === at(s.date, s.startTime).toISOString())).toBe(true);
  });

  it("skips weekends and bank holidays, saying which (R-60): Easter 2025", () => {
    const r = findATime(base({ noticeSentOn: "2025-04-09", lastDay: "2025-04-30", limit: 1 }));
    expect(reasonOn(r, "2025-04-18")).toBe("Not a working day: it is a bank holiday (Good Friday).");
    expect(reasonOn(r, "2025-04-19")).toBe("Not a working day: it is a Saturday.");
    expect(reasonOn(r, "2025-04-21")).toBe("Not a working day: it is a bank holiday (Easter Monday).");
    // 5 working days from Wed 9 April: 10, 11, 14, 15, 16 April → Thursday 17 April.
    expect(r.slots[0]?.date).toBe("2025-04-17");
  });

  it("never offers a day over Christmas, and none at all when the clock ends before the first day with notice (R-23)", () => {
    // Notice sent Friday 19 December: the 5 working days are 22, 23, 24, 29 and 30 December.
    const r = findATime(base({ noticeSentOn: "2025-12-19", lastDay: "2025-12-30" }));
    expect(r.earliest).toBe("2025-12-31");
    expect(r.clockTooShort).toBe(true);
    expect(r.slots).toEqual([]);
    expect(reasonOn(r, "2025-12-25")).toContain("Too soon");
  });

  it("keeps clear of the mediator's bookings with travel time between venues, and of the venue's bookings", () => {
    const day = "2025-04-03";
    // The mediator is at another venue 09:00–10:00: with an hour's travel, nothing here before 11:00.
    const r = findATime(base({ mediatorBookings: [booking(day, "09:00", "10:00", "venue-b", false)], limit: 1 }));
    expect(r.slots[0]).toMatchObject({ date: day, startTime: "11:00" });
    // At the same venue, no travel is needed: 10:00.
    expect(findATime(base({ mediatorBookings: [booking(day, "09:00", "10:00", "venue-a", false)], limit: 1 })).slots[0]?.startTime).toBe("10:00");
    // The venue is taken all morning by someone else.
    expect(findATime(base({ venueBookings: [booking(day, "08:00", "14:00")], limit: 1 })).slots[0]?.startTime).toBe("14:00");
    // The venue is taken all day: that day is explained.
    const full = findATime(base({ venueBookings: [booking(day, "08:00", "18:00")] }));
    expect(reasonOn(full, day)).toBe("The venue is booked at every time the mediator is free.");
    // A video meeting needs no venue and no travel.
    expect(findATime(base({ venueId: null, venueBookings: [booking(day, "08:00", "18:00")], limit: 1 })).slots[0]?.startTime).toBe("09:00");
  });

  it("respects days off, working days of the week and the cap of joint meetings a day", () => {
    const r = findATime(base({ daysOff: ["2025-04-03"], hours: { ...WEEKDAYS_9_TO_5, 5: [] }, limit: 1 }));
    expect(reasonOn(r, "2025-04-03")).toBe("The mediator is not working that day.");
    expect(reasonOn(r, "2025-04-04")).toBe("The mediator does not work on that day of the week.");
    expect(r.slots[0]?.date).toBe("2025-04-07");
    const capped = findATime(base({ maxJointMeetingsPerDay: 1, mediatorBookings: [booking("2025-04-03", "09:00", "11:30")], limit: 1 }));
    expect(reasonOn(capped, "2025-04-03")).toBe("The mediator already has 1 joint meeting that day, the most they take.");
  });

  it("needs a slot long enough: a 3-hour meeting does not fit a 2-hour gap", () => {
    const day = "2025-04-03";
    const busy = [booking(day, "09:00", "11:00", null, false), booking(day, "13:00", "17:00", null, false)];
    const r = findATime(base({ mediatorBookings: busy, durationMinutes: 180, venueId: null }));
    expect(reasonOn(r, day)).toBe("No free 3 hours in the mediator's working hours.");
  });

  it("DRS meetings are not bound by the notice rule (R-70): the next working day can be offered", () => {
    const r = findATime(base({ noticeApplies: false, lastDay: null, limit: 1 }));
    expect(r.slots[0]?.date).toBe("2025-03-27");
  });

  it("for a health-only case, uses the ICB's last day that it is given (R-21)", () => {
    const r = findATime(base({ lastDay: "2025-04-04" }));
    expect(r.days.at(-1)?.date).toBe("2025-04-04");
    expect(r.slots.every((s) => s.date <= "2025-04-04")).toBe(true);
  });

  it("every slot offered is on a working day, after the notice, by the last day, and inside the hours", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1400 }), fc.integer({ min: 5, max: 40 }), (offset, span) => {
        const noticeSentOn = new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const lastDay = new Date(Date.UTC(2026, 0, 1) + (offset + span) * 86_400_000).toISOString().slice(0, 10);
        const r = findATime(base({ noticeSentOn, lastDay, limit: 20 }));
        for (const s of r.slots) {
          expect(isWorkingDay(s.date)).toBe(true);
          expect(s.date >= r.earliest && s.date <= lastDay).toBe(true);
          expect(s.startTime >= "09:00" && s.endTime <= "17:00").toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});
