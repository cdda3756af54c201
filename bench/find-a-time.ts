/**
 * Bench: "find a time" (lib/meetings/find-a-time.ts) for a mediator with 200 booked meetings over
 * the 30 days, against the same search with an empty diary (the floor). Target (issue 10): under
 * 50 ms a call.
 */
import { findATime, type Booking, type WeeklyHours } from "../lib/meetings/find-a-time";
import { londonInstant } from "../lib/meetings/london-time";
import { addCalendarDays } from "../lib/deadlines/calendar";
import { measure, prng, type BenchSuite, type Comparison } from "./harness";

const TARGET_MS = 50;
const BOOKINGS = 200;
const HOURS: WeeklyHours = Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: "08:30", end: "18:00" }]]));

function diary(n: number): Booking[] {
  const rnd = prng(20261129);
  const out: Booking[] = [];
  for (let i = 0; i < n; i++) {
    const date = addCalendarDays("2026-01-06", Math.floor(rnd() * 35));
    const start = 8 * 60 + Math.floor(rnd() * 18) * 30;
    const length = 30 + Math.floor(rnd() * 4) * 30;
    out.push({ start: londonInstant(date, start), end: londonInstant(date, start + length), venueId: rnd() < 0.5 ? `venue-${Math.floor(rnd() * 5)}` : null, joint: rnd() < 0.2 });
  }
  return out;
}

export const findATimeBench: BenchSuite = {
  name: "find-a-time",
  run(): Comparison[] {
    const busy = diary(BOOKINGS);
    const input = (bookings: Booking[]) => ({
      noticeSentOn: "2026-01-05",
      noticeApplies: true,
      lastDay: "2026-02-04",
      hours: HOURS,
      daysOff: ["2026-01-16"],
      maxJointMeetingsPerDay: 2,
      mediatorBookings: bookings,
      venueId: "venue-1",
      venueBookings: bookings.filter((b) => b.venueId === "venue-1"),
      travelMinutes: 45,
      limit: 10,
    });
    const round = (bookings: Booking[]) => (n: number) => {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += findATime(input(bookings)).slots.length;
      return sum;
    };
    const ours = measure(`findATime, ${BOOKINGS} bookings, 30 days`, 200, round(busy), { warmupCalls: 20, budgetMs: 2_000 });
    const baseline = measure("findATime, empty diary (floor)", 200, round([]), { warmupCalls: 20, budgetMs: 2_000 });
    const perCall = ours.ms / ours.calls;
    return [
      {
        title: `"Find a time" with ${BOOKINGS} booked meetings (issue 10)`,
        ours,
        baseline,
        ratio: ours.callsPerSecond / baseline.callsPerSecond,
        target: 0,
        targetText: `under ${TARGET_MS} ms a call`,
        pass: perCall < TARGET_MS,
        extra: [],
      },
    ];
  },
};
