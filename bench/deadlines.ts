/**
 * Bench: lib/deadlines addWorkingDays (R-61, with England and Wales bank holidays) against
 * date-fns addBusinessDays (weekends only), one million calls each over the same spread of
 * start dates and day counts. Target: ours ≥ 0.5× the date-fns speed.
 */
import { addBusinessDays, format, parseISO } from "date-fns";

import { addWorkingDays } from "../lib/deadlines";
import { measure, prng, type BenchSuite, type Comparison } from "./harness";

const CALLS = 1_000_000;
const TARGET_RATIO = 0.5;
/** Start dates: every day from 2016-01-01 to 2029-06-30 (the end leaves room for n ≤ 65 within the holiday range). */
const FIRST_START = Date.UTC(2016, 0, 1);
const LAST_START = Date.UTC(2029, 5, 30);
const MAX_N = 65;

function buildWorkload() {
  const days = Math.round((LAST_START - FIRST_START) / 86_400_000) + 1;
  const isoPool: string[] = [];
  const datePool: Date[] = [];
  for (let i = 0; i < days; i++) {
    const utc = new Date(FIRST_START + i * 86_400_000);
    const iso = utc.toISOString().slice(0, 10);
    isoPool.push(iso);
    // date-fns works on local-time Dates: midnight local time of the same calendar date.
    datePool.push(new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate()));
  }
  const rnd = prng(20250203);
  const dateIndex = new Int32Array(CALLS);
  const counts = new Int32Array(CALLS);
  for (let i = 0; i < CALLS; i++) {
    dateIndex[i] = Math.floor(rnd() * days);
    // Mostly the statutory counts (3 and 5 working days), plus a uniform spread up to MAX_N.
    const r = rnd();
    counts[i] = r < 0.3 ? 3 : r < 0.5 ? 5 : Math.floor(rnd() * (MAX_N + 1));
  }
  return { isoPool, datePool, dateIndex, counts };
}

function runAddWorkingDays(): Comparison[] {
  const { isoPool, datePool, dateIndex, counts } = buildWorkload();

  const ours = measure("lib/deadlines addWorkingDays(iso, n) → iso", CALLS, (calls) => {
    let sum = 0;
    for (let i = 0; i < calls; i++) {
      sum += addWorkingDays(isoPool[dateIndex[i] as number] as string, counts[i] as number).charCodeAt(9);
    }
    return sum;
  });

  const dateFns = measure("date-fns addBusinessDays(Date, n) → Date (no holidays)", CALLS, (calls) => {
    let sum = 0;
    for (let i = 0; i < calls; i++) {
      sum += addBusinessDays(datePool[dateIndex[i] as number] as Date, counts[i] as number).getDate();
    }
    return sum;
  });

  // For information: date-fns doing the same string-in/string-out job as ours (fewer calls: it is slow).
  const dateFnsIso = measure("date-fns parseISO + addBusinessDays + format (iso → iso)", CALLS / 5, (calls) => {
    let sum = 0;
    for (let i = 0; i < calls; i++) {
      sum += format(addBusinessDays(parseISO(isoPool[dateIndex[i] as number] as string), counts[i] as number), "yyyy-MM-dd").charCodeAt(9);
    }
    return sum;
  }, { maxRounds: 1, warmupCalls: 20_000 });

  const ratio = ours.callsPerSecond / dateFns.callsPerSecond;
  return [
    {
      title: `addWorkingDays: ${CALLS.toLocaleString("en-GB")} calls, start dates 2016-01-01…2029-06-30, n = 0…${MAX_N} (30% n=3, 20% n=5)`,
      ours,
      baseline: dateFns,
      ratio,
      target: TARGET_RATIO,
      pass: ratio >= TARGET_RATIO,
      extra: [dateFnsIso],
    },
  ];
}

export const deadlinesBench: BenchSuite = { name: "deadlines", run: runAddWorkingDays };
