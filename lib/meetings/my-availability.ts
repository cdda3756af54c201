/**
 * A mediator records their own availability for "find a time" (issue 10): working hours for each
 * day of the week (Europe/London), the most joint meetings they take in a day, the travel time
 * they need between two venues, and days off. Only their own; audited.
 */
import "server-only";
import { db, transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { DomainError } from "@/lib/platform/errors";
import { fieldError, VALIDATION_MESSAGE } from "@/lib/platform/validation";
import { dbDateFromIso, isIsoDate, todayInLondon, weekdayName } from "@/lib/deadlines";
import { availabilityOf } from "./availability";
import { minutesOf } from "./london-time";
import type { WeeklyHours } from "./find-a-time";

/** Monday first, as people read a week; 0 = Sunday in the date engine's numbering. */
export const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;
export const WEEKDAY_NAMES: Record<number, string> = { 0: "Sunday", 1: "Monday", 2: "Tuesday", 3: "Wednesday", 4: "Thursday", 5: "Friday", 6: "Saturday" };
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export async function getMyAvailability(user: SessionUser) {
  authorize(user, "mediator:workspace");
  const today = todayInLondon();
  const a = await availabilityOf(db(), user.id, today, "2100-01-01");
  const values: Record<string, string> = { maxJointMeetingsPerDay: String(a.maxJointMeetingsPerDay), travelMinutes: String(a.travelMinutes) };
  for (const d of WEEK) {
    const w = a.hours[d]?.[0];
    values[`start${d}`] = w?.start ?? "";
    values[`end${d}`] = w?.end ?? "";
  }
  return { recorded: a.recorded, values, daysOff: a.daysOff.sort() };
}

/** The posted form: `start1`/`end1` … (blank: not working that day), the cap and the travel time. */
export async function updateMyAvailability(user: SessionUser, form: Record<string, string | undefined>, ip: string | null = null) {
  authorize(user, "mediator:workspace", { hide: false });
  const errors: Record<string, string> = {};
  const hours: WeeklyHours = {};
  for (const d of WEEK) {
    const start = (form[`start${d}`] ?? "").trim();
    const end = (form[`end${d}`] ?? "").trim();
    const day = WEEKDAY_NAMES[d]!;
    if (start === "" && end === "") continue;
    if (!TIME.test(start)) errors[`start${d}`] = `Enter the time you start on ${day} like 09:00, or leave both times blank`;
    else if (!TIME.test(end)) errors[`end${d}`] = `Enter the time you finish on ${day} like 17:00, or leave both times blank`;
    else if (minutesOf(end) - minutesOf(start) < 120) errors[`end${d}`] = `On ${day} you must work at least 2 hours (the shortest joint meeting) after you start`;
    else hours[d as 0] = [{ start, end }];
  }
  if (Object.keys(hours).length === 0 && Object.keys(errors).length === 0) errors.start1 = "Enter the hours of at least one day you work";
  const whole = (raw: string | undefined, min: number, max: number, field: string, message: string): number => {
    const n = Number((raw ?? "").trim());
    if ((raw ?? "").trim() === "" || !Number.isInteger(n) || n < min || n > max) errors[field] = message;
    return n;
  };
  const numbers = {
    maxJointMeetingsPerDay: whole(form.maxJointMeetingsPerDay, 1, 4, "maxJointMeetingsPerDay", "Enter a whole number from 1 to 4"),
    travelMinutes: whole(form.travelMinutes, 0, 240, "travelMinutes", "Enter whole minutes from 0 to 240"),
  };
  if (Object.keys(errors).length > 0) throw new DomainError(VALIDATION_MESSAGE, "VALIDATION", errors);
  await transaction(async (tx) => {
    const before = await tx.mediatorAvailability.findUnique({ where: { userId: user.id } });
    const data = { weeklyHours: hours, ...numbers };
    await tx.mediatorAvailability.upsert({ where: { userId: user.id }, create: { userId: user.id, ...data }, update: data });
    await writeAudit(tx, {
      actor: user,
      action: "mediator.availability_updated",
      entityType: "User",
      entityId: user.id,
      before: before ? { weeklyHours: before.weeklyHours as object, maxJointMeetingsPerDay: before.maxJointMeetingsPerDay, travelMinutes: before.travelMinutes } : null,
      after: { weeklyHours: hours, ...numbers },
      ip,
    });
  });
}

export async function addDayOff(user: SessionUser, date: string, ip: string | null = null) {
  authorize(user, "mediator:workspace", { hide: false });
  const d = (date ?? "").trim();
  if (!isIsoDate(d)) fieldError("dayOff", "Enter a real date, like 27 3 2027");
  if (d < todayInLondon()) fieldError("dayOff", "The day off must be today or in the future");
  await transaction(async (tx) => {
    await tx.mediatorDayOff.upsert({ where: { userId_date: { userId: user.id, date: dbDateFromIso(d) } }, create: { userId: user.id, date: dbDateFromIso(d) }, update: {} });
    await writeAudit(tx, { actor: user, action: "mediator.day_off_added", entityType: "User", entityId: user.id, after: { date: d, weekday: weekdayName(d) }, ip });
  });
}

export async function removeDayOff(user: SessionUser, date: string, ip: string | null = null) {
  authorize(user, "mediator:workspace", { hide: false });
  if (!isIsoDate(date)) fieldError("dayOff", "That day off is not recognised");
  await transaction(async (tx) => {
    const r = await tx.mediatorDayOff.deleteMany({ where: { userId: user.id, date: dbDateFromIso(date) } });
    if (r.count > 0) await writeAudit(tx, { actor: user, action: "mediator.day_off_removed", entityType: "User", entityId: user.id, before: { date }, ip });
  });
}
