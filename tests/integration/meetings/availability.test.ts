/** Issue 10: a mediator records their own hours, cap, travel time and days off; "find a time" uses them. */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { DomainError } from "@/lib/platform/errors";
import { NotFoundError } from "@/lib/auth/types";
import { addCalendarDays, dayOfWeek, earliestMeetingDate, rollForwardToWorkingDay, todayInLondon } from "@/lib/deadlines";
import { addDayOff, getMyAvailability, removeDayOff, updateMyAvailability } from "@/lib/meetings/my-availability";
import { getFindATime } from "@/lib/meetings/get-find-a-time";
import { caseworker, makeCase, refusal, setUpCaseFixtures } from "../cases/fixtures";
import { makeUser, uid } from "../helpers";

setUpCaseFixtures();
const today = todayInLondon();

describe("a mediator's availability", () => {
  it("explains every bad answer at once and saves nothing", async () => {
    const me = await makeUser("MEDIATOR", { name: `Avail ${uid()}` });
    const e = await refusal(updateMyAvailability(me, { start1: "9am", end1: "17:00", start2: "10:00", end2: "11:00", maxJointMeetingsPerDay: "9", travelMinutes: "" }));
    expect((e as DomainError).fieldErrors).toEqual({
      start1: "Enter the time you start on Monday like 09:00, or leave both times blank",
      end2: "On Tuesday you must work at least 2 hours (the shortest joint meeting) after you start",
      maxJointMeetingsPerDay: "Enter a whole number from 1 to 4",
      travelMinutes: "Enter whole minutes from 0 to 240",
    });
    expect(await db().mediatorAvailability.findUnique({ where: { userId: me.id } })).toBeNull();
    expect((await getMyAvailability(me)).recorded).toBe(false);
  });

  it("saves the week, audited, and 'find a time' offers only those hours and never a day off", async () => {
    const me = await makeUser("MEDIATOR", { name: `Avail ${uid()}` });
    const first = rollForwardToWorkingDay(earliestMeetingDate(today));
    // Works only on the weekday of the first possible day, 13:00–16:00; that first day is a day off.
    const wd = dayOfWeek(first);
    await updateMyAvailability(me, { [`start${wd}`]: "13:00", [`end${wd}`]: "16:00", maxJointMeetingsPerDay: "1", travelMinutes: "30" });
    await addDayOff(me, first);
    expect(await db().auditEvent.count({ where: { actorId: me.id, action: { in: ["mediator.availability_updated", "mediator.day_off_added"] } } })).toBe(2);
    const saved = await getMyAvailability(me);
    expect(saved).toMatchObject({ recorded: true, daysOff: [first] });
    expect(saved.values[`start${wd}`]).toBe("13:00");

    const told = addCalendarDays(today, -2);
    const c = await makeCase({ status: "ALLOCATED", mediatorId: me.id, dates: { laNotifiedOn: told }, deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: told } });
    const r = (await getFindATime(me, c.id, { durationMinutes: 120 })).result!;
    expect(r.days.find((d) => d.date === first)?.reason).toBe("The mediator is not working that day.");
    expect(r.slots.length).toBeGreaterThan(0);
    for (const s of r.slots) {
      expect(dayOfWeek(s.date)).toBe(wd);
      expect(s.startTime >= "13:00" && s.endTime <= "16:00").toBe(true);
      expect(s.date).not.toBe(first);
    }
    await removeDayOff(me, first);
    expect((await getMyAvailability(me)).daysOff).toEqual([]);
  });

  it("refuses a day off in the past, and is only for mediators", async () => {
    const me = await makeUser("MEDIATOR");
    expect((await refusal(addDayOff(me, addCalendarDays(today, -1))) as DomainError).fieldErrors?.dayOff).toBe("The day off must be today or in the future");
    await expect(getMyAvailability(caseworker)).rejects.toBeInstanceOf(NotFoundError);
  });
});
