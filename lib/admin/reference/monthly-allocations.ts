/**
 * Issue 13 (decision 0029): a mediator's capacity is counted in cases allocated to them per
 * calendar month (Europe/London, R-63). A case counts in the month it was allocated to them, a
 * first allocation or a change of mediator (the timeline entries of the lifecycle's `allocate` and
 * `reallocate`, lib/cases/lifecycle/wording.ts, whose data carries the chosen `mediatorId`); a case
 * later moved to someone else still took a place that month.
 */
import "server-only";
import type { Tx } from "@/lib/platform/db";
import { addCalendarMonths, parseIsoDate } from "@/lib/deadlines";
import { isoFromParts } from "@/lib/deadlines/calendar";
import { londonInstant } from "@/lib/meetings/london-time";

/** The timeline entry types of an allocation (EVENTS.allocate / EVENTS.reallocate). */
export const ALLOCATION_EVENT_TYPES = ["MEDIATOR_ALLOCATED", "MEDIATOR_CHANGED"] as const;

/** The first day of `today`'s month and of the next, as ISO dates. */
export function monthOf(today: string): { from: string; to: string } {
  const { year, month } = parseIsoDate(today);
  const from = isoFromParts(year, month, 1);
  return { from, to: addCalendarMonths(from, 1) };
}

/** How many cases were allocated to each of `mediatorIds` in the calendar month of `today`. */
export async function allocationsInMonth(client: Pick<Tx, "caseEvent">, mediatorIds: readonly string[], today: string): Promise<Map<string, number>> {
  const out = new Map<string, number>(mediatorIds.map((id) => [id, 0]));
  if (mediatorIds.length === 0) return out;
  const { from, to } = monthOf(today);
  const events = await client.caseEvent.findMany({
    where: {
      type: { in: [...ALLOCATION_EVENT_TYPES] },
      at: { gte: londonInstant(from, 0), lt: londonInstant(to, 0) },
      OR: mediatorIds.map((id) => ({ data: { path: ["mediatorId"], equals: id } })),
    },
    select: { caseId: true, data: true },
  });
  const seen = new Set<string>();
  for (const e of events) {
    const id = (e.data as { mediatorId?: unknown } | null)?.mediatorId;
    if (typeof id !== "string" || !out.has(id) || seen.has(`${id}:${e.caseId}`)) continue;
    seen.add(`${id}:${e.caseId}`);
    out.set(id, (out.get(id) ?? 0) + 1);
  }
  return out;
}
