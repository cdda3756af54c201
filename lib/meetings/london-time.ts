/**
 * Meeting times are instants (stored in UTC) shown and entered as Europe/London wall-clock times
 * (R-63 applies the time zone at the boundary). These convert between the two without depending on
 * the machine's time zone, across the clock changes. Pure.
 */
import { LEGAL_TIME_ZONE } from "@/lib/deadlines/calendar";

const formatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: LEGAL_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The Europe/London date ("YYYY-MM-DD") and minutes after midnight of an instant. */
export function londonWallClock(instant: Date): { date: string; minutes: number } {
  const p: Record<string, string> = {};
  for (const part of formatter.formatToParts(instant)) p[part.type] = part.value;
  return { date: `${p.year}-${p.month}-${p.day}`, minutes: Number(p.hour) * 60 + Number(p.minute) };
}

/**
 * The instant at which Europe/London shows `date` at `minutes` after midnight. In the hour skipped
 * when the clocks go forward, the time after the change is used; in the hour repeated when they go
 * back, the first (BST) one.
 */
export function londonInstant(date: string, minutes: number): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const wanted = Date.UTC(y, m - 1, d, 0, minutes);
  // London is UTC or UTC+1: try both offsets, earliest first.
  for (const offset of [60, 0]) {
    const guess = new Date(wanted - offset * 60_000);
    const seen = londonWallClock(guess);
    if (seen.date === date && seen.minutes === minutes) return guess;
  }
  return new Date(wanted - 0); // the skipped hour: 01:xx GMT is 02:xx BST, after the change
}

/** "09:30" → 570. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return h * 60 + m;
}

/** 570 → "09:30". */
export function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
