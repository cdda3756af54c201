/**
 * "Find a time" for the joint meeting (issue 10): the earliest slots that are
 *  (a) on or after the earliest date that gives the family 5 clear working days' notice from the
 *      day notice is sent (R-22; not for DRS, R-70),
 *  (b) on or before the day mediation must take place by (R-20; the ICB's for health only, R-21),
 *  (c) inside the mediator's working hours and not on their days off,
 *  (d) on a working day (no weekend or bank holiday, R-60),
 *  (e) clear of the mediator's other bookings — with travel time between different venues — and
 *      of the venue's own bookings, under the mediator's cap of joint meetings a day, and
 *  (f) long enough (2–3 hours; configurable).
 * Every day in the range gets a verdict with the reason it is unavailable, so the page can say
 * why. Pure: dates from the date engine, times as Europe/London wall clock (./london-time).
 */
import { addCalendarDays, dayOfWeek, formatLongDate } from "@/lib/deadlines/calendar";
import { earliestMeetingDate, isWorkingDay, nonWorkingReason } from "@/lib/deadlines";
import { hhmm, londonInstant, londonWallClock, minutesOf } from "./london-time";

/** A joint mediation meeting usually lasts 2–3 hours (the seeds of issue 10): the default length. */
export const DEFAULT_JOINT_MEETING_MINUTES = 150;
/** Slots start on the hour or half past. */
export const SLOT_STEP_MINUTES = 30;
/** How many slots "find a time" offers. */
export const DEFAULT_SLOT_LIMIT = 5;
/** Without a statutory clock (DRS), how many days ahead to look. */
export const DEFAULT_HORIZON_DAYS = 30;

/** A working window on a weekday, Europe/London wall clock ("09:00"–"17:00"). */
export type Window = { start: string; end: string };
/** Working windows by weekday: 0 = Sunday … 6 = Saturday (the date engine's numbering). */
export type WeeklyHours = Partial<Record<0 | 1 | 2 | 3 | 4 | 5 | 6, readonly Window[]>>;

export type Booking = { start: Date; end: Date; venueId: string | null; joint: boolean };

/**
 * Where a booked meeting is, for the travel time between two places: its venue, or for a visit
 * (a pre-meeting at a party's home) a place of its own, different from every other; none for a
 * phone or video meeting (no travel to or from it).
 */
export function placeOf(m: { id: string; venueId: string | null; mode: string }): string | null {
  return m.venueId ?? (m.mode === "VISIT" ? `visit:${m.id}` : null);
}

export type FindTimeInput = {
  /** The day the invitation (the notice) will be sent: today. */
  noticeSentOn: string;
  /** R-22 binds mediation meetings, not DRS ones (R-70). */
  noticeApplies: boolean;
  /** The day the mediation must take place by (R-20/R-21); null when no clock runs. */
  lastDay: string | null;
  /** Look only from this day (times after the last day, R-23: the day after it); default the day after notice. */
  from?: string;
  horizonDays?: number;
  hours: WeeklyHours;
  daysOff: readonly string[];
  maxJointMeetingsPerDay: number;
  mediatorBookings: readonly Booking[];
  /** Where the meeting will be: a venue id, or null for a video or phone meeting. */
  venueId: string | null;
  venueBookings: readonly Booking[];
  /** Travel time needed between bookings at two different venues. */
  travelMinutes: number;
  durationMinutes?: number;
  stepMinutes?: number;
  limit?: number;
  /** Slots never start before this instant. */
  now?: Date;
};

export type Slot = { date: string; start: Date; end: Date; startTime: string; endTime: string };
export type DayVerdict = { date: string; available: boolean; reason: string | null };
export type FindTimeResult = {
  /** The first day a meeting may be held (R-22), or the day after notice for DRS. */
  earliest: string;
  lastDay: string | null;
  /** The clock ends before the first day that gives enough notice: no slot can be in time (R-20, R-22, R-23). */
  clockTooShort: boolean;
  slots: Slot[];
  days: DayVerdict[];
};

const overlaps = (aStart: number, aEnd: number, bStart: number, bEnd: number) => aStart < bEnd && bStart < aEnd;

export function findATime(input: FindTimeInput): FindTimeResult {
  const duration = input.durationMinutes ?? DEFAULT_JOINT_MEETING_MINUTES;
  const step = input.stepMinutes ?? SLOT_STEP_MINUTES;
  const limit = input.limit ?? DEFAULT_SLOT_LIMIT;
  const earliest = input.noticeApplies ? earliestMeetingDate(input.noticeSentOn) : addCalendarDays(input.noticeSentOn, 1);
  const last = input.lastDay ?? addCalendarDays(input.noticeSentOn, input.horizonDays ?? DEFAULT_HORIZON_DAYS);
  const daysOff = new Set(input.daysOff);
  const now = input.now?.getTime() ?? -Infinity;
  const travel = input.travelMinutes * 60_000;

  // Bookings by the London date they start on (a meeting does not run past midnight).
  const byDate = new Map<string, Booking[]>();
  for (const b of input.mediatorBookings) {
    const d = londonWallClock(b.start).date;
    byDate.set(d, [...(byDate.get(d) ?? []), b]);
  }
  const venueByDate = new Map<string, Booking[]>();
  for (const b of input.venueBookings) {
    const d = londonWallClock(b.start).date;
    venueByDate.set(d, [...(venueByDate.get(d) ?? []), b]);
  }

  const slots: Slot[] = [];
  const days: DayVerdict[] = [];
  const first = addCalendarDays(input.noticeSentOn, 1);
  for (let date = input.from && input.from > first ? input.from : first; date <= last; date = addCalendarDays(date, 1)) {
    const verdict = (reason: string | null) => days.push({ date, available: reason === null, reason });
    if (date < earliest) {
      verdict(`Too soon: the family must get 5 clear working days' notice, so the first possible day is ${formatLongDate(earliest)}.`);
      continue;
    }
    if (!isWorkingDay(date)) {
      verdict(`Not a working day: it is ${nonWorkingReason(date)}.`);
      continue;
    }
    if (daysOff.has(date)) {
      verdict("The mediator is not working that day.");
      continue;
    }
    const windows = input.hours[dayOfWeek(date) as 0 | 1 | 2 | 3 | 4 | 5 | 6] ?? [];
    if (windows.length === 0) {
      verdict("The mediator does not work on that day of the week.");
      continue;
    }
    const mine = byDate.get(date) ?? [];
    const joint = mine.filter((b) => b.joint).length;
    if (joint >= input.maxJointMeetingsPerDay) {
      verdict(`The mediator already has ${joint} joint meeting${joint === 1 ? "" : "s"} that day, the most they take.`);
      continue;
    }
    const venue = venueByDate.get(date) ?? [];
    let fits = 0;
    let mediatorFree = 0;
    for (const w of windows) {
      for (let start = minutesOf(w.start); start + duration <= minutesOf(w.end); start += step) {
        const s = londonInstant(date, start).getTime();
        const e = s + duration * 60_000;
        if (s < now) continue;
        const clash = mine.some((b) => {
          // Travel between two different venues; none to or from a video or phone meeting.
          const gap = b.venueId && input.venueId && b.venueId !== input.venueId ? travel : 0;
          return overlaps(s - gap, e + gap, b.start.getTime(), b.end.getTime());
        });
        if (clash) continue;
        mediatorFree++;
        if (input.venueId && venue.some((b) => overlaps(s, e, b.start.getTime(), b.end.getTime()))) continue;
        fits++;
        if (slots.length < limit) slots.push({ date, start: new Date(s), end: new Date(e), startTime: hhmm(start), endTime: hhmm(start + duration) });
      }
    }
    if (fits > 0) verdict(null);
    else if (mediatorFree > 0) verdict("The venue is booked at every time the mediator is free.");
    else verdict(`No free ${durationText(duration)} in the mediator's working hours.`);
  }
  return { earliest, lastDay: input.lastDay, clockTooShort: input.lastDay !== null && input.lastDay < earliest, slots, days };
}

function durationText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h} hour${h === 1 ? "" : "s"}${m ? ` ${m} minutes` : ""}`;
}
