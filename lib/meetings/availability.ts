/**
 * A mediator's availability for "find a time": their working week, days off, cap of joint meetings
 * a day and travel time, or the defaults below until they record their own.
 */
import "server-only";
import type { Tx } from "@/lib/platform/db";
import { dbDateFromIso, isoFromDbDate } from "@/lib/deadlines";
import type { WeeklyHours } from "./find-a-time";

/** Until a mediator records their own: Monday to Friday, 9:00 to 17:00, two joint meetings a day. */
export const DEFAULT_WEEKLY_HOURS: WeeklyHours = Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: "09:00", end: "17:00" }]]));
export const DEFAULT_MAX_JOINT_MEETINGS_PER_DAY = 2;
export const DEFAULT_TRAVEL_MINUTES = 60;

export type Availability = { hours: WeeklyHours; daysOff: string[]; maxJointMeetingsPerDay: number; travelMinutes: number; recorded: boolean };

type Client = Pick<Tx, "mediatorAvailability" | "mediatorDayOff">;

export async function availabilityOf(client: Client, mediatorId: string, from: string, to: string): Promise<Availability> {
  const [a, off] = await Promise.all([
    client.mediatorAvailability.findUnique({ where: { userId: mediatorId } }),
    client.mediatorDayOff.findMany({ where: { userId: mediatorId, date: { gte: dbDateFromIso(from), lte: dbDateFromIso(to) } }, select: { date: true } }),
  ]);
  return {
    hours: (a?.weeklyHours as WeeklyHours | undefined) ?? DEFAULT_WEEKLY_HOURS,
    daysOff: off.map((d) => isoFromDbDate(d.date)),
    maxJointMeetingsPerDay: a?.maxJointMeetingsPerDay ?? DEFAULT_MAX_JOINT_MEETINGS_PER_DAY,
    travelMinutes: a?.travelMinutes ?? DEFAULT_TRAVEL_MINUTES,
    recorded: !!a,
  };
}
