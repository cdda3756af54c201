/** Issue 10: the mediator's home — this week's meetings, joint meetings still to book by days left, meetings to record. */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { NotFoundError } from "@/lib/auth/types";
import { addCalendarDays, todayInLondon } from "@/lib/deadlines";
import { getMediatorHome } from "@/lib/meetings/get-mediator-home";
import { londonInstant } from "@/lib/meetings/london-time";
import { caseworker, makeCase, setUpCaseFixtures } from "../cases/fixtures";
import { makeUser, uid } from "../helpers";

setUpCaseFixtures();

const today = todayInLondon();

describe("the mediator's home", () => {
  it("lists only their own: meetings this week, cases to book with the fewest days left first, and meetings to record", async () => {
    const me = await makeUser("MEDIATOR", { name: `Home Mediator ${uid()}` });
    const other = await makeUser("MEDIATOR", { name: `Other Mediator ${uid()}` });
    // Two cases to book: LA told 25 days ago (5 days left) and 10 days ago (20 days left).
    const later = await makeCase({ status: "ALLOCATED", mediatorId: me.id, deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: addCalendarDays(today, -10) } });
    const sooner = await makeCase({ status: "PREPARING", mediatorId: me.id, deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: addCalendarDays(today, -25) } });
    const drs = await makeCase({ kind: "DRS", status: "ALLOCATED", mediatorId: me.id });
    await makeCase({ status: "ALLOCATED", mediatorId: other.id, deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: addCalendarDays(today, -29) } });
    // A meeting in 3 days, and one in 3 weeks (not this week); another mediator's meeting.
    const booked = await makeCase({ status: "MEETING_SCHEDULED", mediatorId: me.id, dates: { meetingOn: addCalendarDays(today, 3) } });
    await db().meeting.create({ data: { caseId: booked.id, kind: "JOINT_MEETING", mode: "VIDEO", startsAt: londonInstant(addCalendarDays(today, 3), 600), endsAt: londonInstant(addCalendarDays(today, 3), 750), mediatorId: me.id } });
    const far = await makeCase({ status: "MEETING_SCHEDULED", mediatorId: me.id, dates: { meetingOn: addCalendarDays(today, 21) } });
    await db().meeting.create({ data: { caseId: far.id, kind: "JOINT_MEETING", mode: "PHONE", startsAt: londonInstant(addCalendarDays(today, 21), 600), endsAt: londonInstant(addCalendarDays(today, 21), 750), mediatorId: me.id } });
    // A meeting that was due yesterday and is not recorded yet.
    const held = await makeCase({ status: "MEETING_SCHEDULED", mediatorId: me.id, dates: { meetingOn: addCalendarDays(today, -1) } });

    const home = await getMediatorHome(me);
    expect(home.meetings.map((m) => [m.caseId, m.time, m.place])).toEqual([[booked.id, "10:00", "Video call"]]);
    expect(home.toBook.map((c) => [c.id, c.daysLeft])).toEqual([
      [sooner.id, 5],
      [later.id, 20],
      [drs.id, null],
    ]);
    expect(home.toRecord.map((c) => c.id)).toEqual([held.id]);
  });

  it("is only for mediators", async () => {
    await expect(getMediatorHome(caseworker)).rejects.toBeInstanceOf(NotFoundError);
  });
});
