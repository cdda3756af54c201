/**
 * The day-30 alert: an open case whose mediation must take place within CLOCK_ALERT_WORKING_DAYS
 * working days (R-20; the ICB's clock for health only, R-21) and has no joint meeting booked
 * alerts its mediator and caseworker, once per case per clock.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/platform/db";
import { addCalendarDays, addWorkingDays, formatLongDate, todayInLondon } from "@/lib/deadlines";
import { CLOCK_ALERT_WORKING_DAYS, clockAlertKey } from "@/lib/cases/alerts/clock-alert-schedule";
import { clockAlertRecipients } from "@/lib/cases/alerts/clock-alert-recipients";
import { scanClockAlerts } from "@/lib/cases/alerts/scan-clock-alerts";
import { sendClockAlert } from "@/lib/cases/alerts/send-clock-alert";
import type { DeadlineName } from "@/lib/cases/lifecycle";
import { startCaptureSmtp } from "../smtp";
import { makeUser } from "../helpers";
import { admin, caseworker, makeCase, mediator, setUpCaseFixtures } from "../cases/fixtures";
import { jobsWith } from "./helpers";

setUpCaseFixtures();

let smtp: Awaited<ReturnType<typeof startCaptureSmtp>>;
const savedSmtp = process.env.SMTP_URL;
beforeAll(async () => {
  smtp = await startCaptureSmtp();
  process.env.SMTP_URL = smtp.url;
});
afterAll(async () => {
  process.env.SMTP_URL = savedSmtp;
  await smtp.close();
});

const today = todayInLondon();

/** An open case whose 30-day clock ends `workingDaysLeft` working days from today, created by `createdById`. */
async function caseNearDay30(workingDaysLeft: number, o: { createdById?: string | null; clock?: DeadlineName; status?: "ALLOCATED" | "CLOSED" } = {}) {
  const lastDay = addWorkingDays(today, workingDaysLeft);
  const c = await makeCase({ status: o.status ?? "ALLOCATED", mediatorId: mediator.id, consent: "GIVEN", deadlines: { names: [o.clock ?? "MEDIATION_30_DAY"], triggerOn: addCalendarDays(lastDay, -30) } });
  await db().case.update({ where: { id: c.id }, data: { createdById: o.createdById === undefined ? caseworker.id : o.createdById } });
  const d = await db().caseDeadline.findFirstOrThrow({ where: { caseId: c.id, name: o.clock ?? "MEDIATION_30_DAY" } });
  return { ...c, deadlineId: d.id, lastDay };
}

describe("the day-30 alert", () => {
  it("tells the mediator and the caseworker who created the case, once, with the last day and what to do", async () => {
    const c = await caseNearDay30(3);
    expect(await sendClockAlert({ caseId: c.id, deadlineId: c.deadlineId })).toEqual({ status: "SENT", recipients: 2 });
    const rows = await db().outboxEmail.findMany({ where: { caseId: c.id } });
    expect(rows.map((r) => r.to).sort()).toEqual([caseworker.email, mediator.email].sort());
    for (const r of rows) {
      expect(r.subject).toBe(`No meeting booked: case ${c.reference} must be mediated by ${formatLongDate(c.lastDay)}`);
      expect(r.body).toContain(`must take place by ${formatLongDate(c.lastDay)}, the end of the 30 days (R-20). That is 3 working days from today, and no joint meeting is booked.`);
      expect(r.body).toContain(`/cases/${c.id}`);
    }
    const event = await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id, type: "CLOCK_ALERT_SENT" } });
    expect(event).toMatchObject({ visibility: "STAFF", actorId: null, rule: "R-20" });
    expect(await db().auditEvent.count({ where: { caseId: c.id, action: "case.clock_alert_sent" } })).toBe(1);

    // Delivered again: nothing more.
    expect(await sendClockAlert({ caseId: c.id, deadlineId: c.deadlineId })).toEqual({ status: "ALREADY_SENT" });
    expect(await db().outboxEmail.count({ where: { caseId: c.id } })).toBe(2);
    expect(await db().jobEffect.count({ where: { key: clockAlertKey(c.id, "MEDIATION_30_DAY", c.lastDay) } })).toBe(1);
  });

  it("goes to every active caseworker when no caseworker owns the case (a family's own request, or created by an admin)", async () => {
    const fresh = await makeUser("CASEWORKER");
    const gone = await makeUser("CASEWORKER");
    await db().user.update({ where: { id: gone.id }, data: { active: false } });
    for (const createdById of [null, admin.id]) {
      const c = await caseNearDay30(2, { createdById });
      const to = await transaction((tx) => clockAlertRecipients(tx, c.id));
      const active = await db().user.findMany({ where: { role: "CASEWORKER", active: true }, select: { email: true } });
      expect(to[0]).toEqual({ name: mediator.name, email: mediator.email, role: "MEDIATOR" });
      expect(to.slice(1).map((r) => r.email).sort()).toEqual(active.map((u) => u.email).sort());
      expect(to.map((r) => r.email)).toContain(fresh.email);
      expect(to.map((r) => r.email)).not.toContain(gone.email);
    }
  });

  it("for a health-only case names the ICB's 30 days (R-21)", async () => {
    const c = await caseNearDay30(1, { clock: "ICB_MEDIATION_30_DAY" });
    expect((await sendClockAlert({ caseId: c.id, deadlineId: c.deadlineId })).status).toBe("SENT");
    const body = (await db().outboxEmail.findFirstOrThrow({ where: { caseId: c.id } })).body;
    expect(body).toContain("the end of the integrated care board's 30 days (R-21). That is 1 working day from today");
  });

  it("is not needed once a joint meeting is booked, or the case is closed", async () => {
    const booked = await caseNearDay30(3);
    const start = new Date(Date.now() + 86_400_000);
    await db().meeting.create({ data: { caseId: booked.id, kind: "JOINT_MEETING", mode: "PHONE", startsAt: start, endsAt: new Date(start.getTime() + 7_200_000), mediatorId: mediator.id } });
    expect(await sendClockAlert({ caseId: booked.id, deadlineId: booked.deadlineId })).toEqual({ status: "NOT_NEEDED" });
    const closed = await caseNearDay30(3, { status: "CLOSED" });
    expect(await sendClockAlert({ caseId: closed.id, deadlineId: closed.deadlineId })).toEqual({ status: "NOT_NEEDED" });
    expect(await db().outboxEmail.count({ where: { caseId: { in: [booked.id, closed.id] } } })).toBe(0);
  });
});

describe("the daily day-30 scan", () => {
  it(`queues an alert from ${CLOCK_ALERT_WORKING_DAYS} working days before the last day, not earlier, not for a booked meeting, and once`, async () => {
    const due = await caseNearDay30(CLOCK_ALERT_WORKING_DAYS);
    const early = await caseNearDay30(CLOCK_ALERT_WORKING_DAYS + 1);
    const booked = await caseNearDay30(2);
    await db().case.update({ where: { id: booked.id }, data: { meetingOn: new Date(`${addWorkingDays(today, 1)}T00:00:00Z`) } });

    await scanClockAlerts();
    expect(await jobsWith("case-clock-alert", "caseId", due.id)).toHaveLength(1);
    expect(await jobsWith("case-clock-alert", "caseId", early.id)).toEqual([]);
    expect(await jobsWith("case-clock-alert", "caseId", booked.id)).toEqual([]);

    await sendClockAlert({ caseId: due.id, deadlineId: due.deadlineId });
    await scanClockAlerts();
    expect(await jobsWith("case-clock-alert", "caseId", due.id)).toHaveLength(1);
  });
});
