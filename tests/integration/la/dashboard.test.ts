/**
 * The LA officer's dashboard (issue 12, lib/la/list-la-deadlines.ts): the open deadline rows and
 * open agreed actions of their own LA, soonest first, with working days left by the date engine,
 * the counts, each filter and pages; another LA's rows never; an officer with no LA: nothing.
 * Dated from a fixed Monday (2 March 2026), so working days are those of a plain week.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import type { SessionUser } from "@/lib/auth/types";
import { addCalendarDays, addWorkingDays, dbDateFromIso, todayInLondon, workingDaysUntil } from "@/lib/deadlines";
import { dueDateFor } from "@/lib/cases/deadlines/definitions";
import { listLaDeadlines } from "@/lib/la/list-la-deadlines";
import { makeLa, makeUser, uid } from "../helpers";
import { la, laOfficer, makeCase, otherLa, setUpCaseFixtures } from "../cases/fixtures";

setUpCaseFixtures();

const NOW = new Date("2026-03-02T12:00:00Z");
const TODAY = todayInLondon(NOW); // Monday 2 March 2026

async function obligation(caseId: string, laId: string, o: { dueOn: string; what: string; responsible?: "LA" | "ICB" | "SCHOOL" | "FAMILY" | "OTHER"; status?: "OPEN" | "DONE" }) {
  return db().obligation.create({
    data: { caseId, localAuthorityId: laId, what: o.what, responsible: o.responsible ?? "LA", dueOn: dbDateFromIso(o.dueOn), howChecked: "Checked by the caseworker", status: o.status ?? "OPEN", sourceActionId: `a-${uid()}` },
    select: { id: true },
  });
}

const c = {} as Record<"mediation" | "certificate" | "health" | "icbNotice" | "monitoring" | "other", { id: string; reference: string }>;
const ids = {} as Record<"overdueAction" | "laterAction" | "doneAction" | "otherAction", string>;

beforeAll(async () => {
  // Told 20 days ago: mediation must take place 10 days from now; a meeting is not booked.
  c.mediation = await makeCase({ status: "ALLOCATED", deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: addCalendarDays(TODAY, -20) } });
  // Held last Tuesday: the certificate was due 3 working days later, on Friday: overdue.
  c.certificate = await makeCase({ status: "MEETING_HELD", deadlines: { names: ["CERTIFICATE_AFTER_MEDIATION"], triggerOn: addCalendarDays(TODAY, -6) } });
  // Health issue told on Friday: the LA must tell the ICB within 3 working days.
  c.health = await makeCase({ status: "CONTACTING_PARTIES", issues: ["HEALTH"], deadlines: { names: ["HEALTH_NOTIFICATION"], triggerOn: addCalendarDays(TODAY, -3) } });
  // Health-only agreement today: the ICB tells the LA within a week.
  c.icbNotice = await makeCase({ status: "MONITORING", agreement: "FULL", issues: ["HEALTH"], deadlines: { names: ["ICB_AGREEMENT_NOTICE"], triggerOn: TODAY } });
  c.monitoring = await makeCase({ status: "MONITORING", agreement: "FULL" });
  ids.overdueAction = (await obligation(c.monitoring.id, la.id, { dueOn: addCalendarDays(TODAY, -4), what: "Issue the amended plan" })).id;
  ids.laterAction = (await obligation(c.monitoring.id, la.id, { dueOn: addCalendarDays(TODAY, 40), what: "School to review provision", responsible: "SCHOOL" })).id;
  ids.doneAction = (await obligation(c.monitoring.id, la.id, { dueOn: addCalendarDays(TODAY, 1), what: "Already done", status: "DONE" })).id;
  // A closed deadline is not outstanding.
  await db().caseDeadline.create({
    data: { caseId: c.mediation.id, name: "HEALTH_NOTIFICATION", rule: "R-21", triggerOn: dbDateFromIso(TODAY), dueOn: dbDateFromIso(TODAY), closedOn: dbDateFromIso(TODAY), outcome: "MET" },
  });
  // Another LA's case, due soonest of all.
  c.other = await makeCase({ laId: otherLa.id, status: "ALLOCATED", deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: addCalendarDays(TODAY, -40) } });
  ids.otherAction = (await obligation(c.other.id, otherLa.id, { dueOn: addCalendarDays(TODAY, -10), what: "Other LA's action" })).id;
});

const keys = (rows: { key: string }[]) => rows.map((r) => r.key);

describe("the rows", () => {
  it("lists every kind of outstanding row of the officer's LA, soonest first, with working days left from the date engine", async () => {
    const d = await listLaDeadlines(laOfficer, {}, NOW);
    const mediationDue = dueDateFor("MEDIATION_30_DAY", addCalendarDays(TODAY, -20));
    const certificateDue = dueDateFor("CERTIFICATE_AFTER_MEDIATION", addCalendarDays(TODAY, -6));
    const healthDue = dueDateFor("HEALTH_NOTIFICATION", addCalendarDays(TODAY, -3));
    const icbDue = dueDateFor("ICB_AGREEMENT_NOTICE", TODAY);
    expect(d.rows.map((r) => [r.kind, r.reference, r.dueOn])).toEqual([
      ["ACTION", c.monitoring.reference, addCalendarDays(TODAY, -4)],
      ["CERTIFICATE", c.certificate.reference, certificateDue],
      ["ICB", c.health.reference, healthDue],
      ["ICB", c.icbNotice.reference, icbDue],
      ["MEDIATION", c.mediation.reference, mediationDue],
      ["ACTION", c.monitoring.reference, addCalendarDays(TODAY, 40)],
    ]);
    // Soonest first, whatever the kind.
    expect(d.rows.map((r) => r.dueOn)).toEqual(d.rows.map((r) => r.dueOn).sort());

    const mediation = d.rows.find((r) => r.kind === "MEDIATION")!;
    expect(mediationDue).toBe(addCalendarDays(TODAY, 10)); // day 30
    expect(mediation.workingDaysLeft).toBe(workingDaysUntil(TODAY, mediationDue));
    expect(mediation.workingDaysLeft).toBe(8); // Tue 3 … Thu 12 March 2026: 8 working days
    expect(mediation).toMatchObject({ workingDaysText: "8 working days left", what: "Mediation must take place", responsible: "Local authority", stateLabel: "On track", statusLabel: "Allocated" });
    expect(mediation.note).toBe("No meeting booked");

    const certificate = d.rows.find((r) => r.kind === "CERTIFICATE")!;
    expect(certificate).toMatchObject({ state: "OVERDUE", workingDaysLeft: workingDaysUntil(TODAY, certificateDue), responsible: "Mediation service" });
    expect(certificate.workingDaysLeft).toBeLessThan(0);
    expect(certificate.workingDaysText).toMatch(/^\d+ working days? overdue$/);

    const [overdue, later] = d.rows.filter((r) => r.kind === "ACTION");
    expect(overdue).toMatchObject({ what: "Issue the amended plan", responsible: "Local authority", state: "OVERDUE", href: `/cases/${c.monitoring.id}/actions/${ids.overdueAction}` });
    expect(later).toMatchObject({ what: "School to review provision", responsible: "School or college", state: "ON_TRACK" });
  });

  it("never holds another LA's rows, a done action or a closed deadline", async () => {
    const d = await listLaDeadlines(laOfficer, {}, NOW);
    expect(d.rows.some((r) => r.caseId === c.other.id)).toBe(false);
    expect(keys(d.rows)).not.toContain(`O:${ids.otherAction}`);
    expect(keys(d.rows)).not.toContain(`O:${ids.doneAction}`);
    expect(d.rows.filter((r) => r.caseId === c.mediation.id)).toHaveLength(1);
    // Asking for the other LA's stage or page changes nothing about whose rows they are.
    const asked = await listLaDeadlines(laOfficer, { status: "ALLOCATED", la: otherLa.id }, NOW);
    expect(asked.rows.map((r) => r.caseId)).toEqual([c.mediation.id]);
  });

  it("a mediation that can no longer be given 5 working days' notice says so; a booked one gives its date (R-22)", async () => {
    const ownLa = await makeLa();
    const officer = await makeUser("LA_OFFICER", { localAuthorityId: ownLa.id });
    // Due in 4 days: a meeting booked today could not give 5 working days' notice.
    await makeCase({ laId: ownLa.id, status: "ALLOCATED", deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: addCalendarDays(TODAY, -26) } });
    await makeCase({ laId: ownLa.id, status: "MEETING_SCHEDULED", dates: { meetingOn: addCalendarDays(TODAY, 3) }, deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: addCalendarDays(TODAY, -25) } });
    const d = await listLaDeadlines(officer, {}, NOW);
    expect(d.rows.map((r) => r.note)).toEqual(["No meeting booked: too late to give the family 5 working days’ notice unless they agree to less", "Meeting booked for Thursday 5 March 2026"]);
  });
});

describe("the counts", () => {
  it("count the whole LA whatever the filters: overdue, due in 5 working days, and each kind", async () => {
    const d = await listLaDeadlines(laOfficer, { kind: "certificate" }, NOW);
    const weekEnd = addWorkingDays(TODAY, 6);
    const all = (await listLaDeadlines(laOfficer, {}, NOW)).rows;
    expect(d.counts).toEqual({
      overdue: all.filter((r) => r.dueOn < TODAY).length,
      week: all.filter((r) => r.dueOn >= TODAY && r.dueOn < weekEnd).length,
      mediation: 1,
      certificate: 1,
      icb: 2,
      action: 2,
      all: 6,
    });
    expect(d.counts.overdue).toBe(2);
    expect(d.total).toBe(1);
  });
});

describe("the filters", () => {
  it("by kind", async () => {
    for (const [kind, expected] of [
      ["mediation", [c.mediation.id]],
      ["certificate", [c.certificate.id]],
      ["icb", [c.health.id, c.icbNotice.id]],
      ["action", [c.monitoring.id, c.monitoring.id]],
    ] as const) {
      const d = await listLaDeadlines(laOfficer, { kind }, NOW);
      expect(d.rows.map((r) => r.caseId), kind).toEqual(expected);
      expect(d.params.kind).toBe(kind.toUpperCase());
    }
  });

  it("by stage", async () => {
    const d = await listLaDeadlines(laOfficer, { status: "MONITORING" }, NOW);
    expect(d.rows.map((r) => [r.kind, r.caseId])).toEqual([
      ["ACTION", c.monitoring.id],
      ["ICB", c.icbNotice.id],
      ["ACTION", c.monitoring.id],
    ]);
  });

  it("by due window: overdue, the next 5 working days, the next 30 days, any time", async () => {
    const by = async (due: string) => (await listLaDeadlines(laOfficer, { due }, NOW)).rows;
    expect((await by("overdue")).map((r) => r.kind)).toEqual(["ACTION", "CERTIFICATE"]);
    expect((await by("overdue")).every((r) => r.dueOn < TODAY)).toBe(true);
    // Health notice due Wednesday and ICB notice due next Monday: both within 5 working days.
    expect((await by("week")).map((r) => r.caseId)).toEqual([c.health.id, c.icbNotice.id]);
    expect((await by("month")).map((r) => r.caseId)).toEqual([c.health.id, c.icbNotice.id, c.mediation.id]);
    expect(await by("all")).toHaveLength(6);
    expect(await by("nonsense")).toHaveLength(6);
  });

  it("combined, and a bad value falls back to no filter", async () => {
    expect((await listLaDeadlines(laOfficer, { kind: "action", due: "overdue" }, NOW)).rows.map((r) => r.key)).toEqual([`O:${ids.overdueAction}`]);
    expect((await listLaDeadlines(laOfficer, { kind: "DROP TABLE", status: "nope" }, NOW)).total).toBe(6);
  });
});

describe("pages", () => {
  let officer: SessionUser;
  beforeAll(async () => {
    const big = await makeLa();
    officer = await makeUser("LA_OFFICER", { localAuthorityId: big.id });
    const k = await makeCase({ laId: big.id, status: "MONITORING", agreement: "FULL" });
    await db().obligation.createMany({
      data: Array.from({ length: 27 }, (_, i) => ({
        caseId: k.id,
        localAuthorityId: big.id,
        what: `Action ${String(i).padStart(2, "0")}`,
        responsible: "LA" as const,
        dueOn: dbDateFromIso(addCalendarDays(TODAY, i)),
        howChecked: "Checked",
        position: i,
      })),
    });
  });

  it("25 a page, soonest first across pages; past the last page shows the last", async () => {
    const one = await listLaDeadlines(officer, {}, NOW);
    expect(one).toMatchObject({ total: 27, page: 1, perPage: 25 });
    expect(one.rows).toHaveLength(25);
    const two = await listLaDeadlines(officer, { page: "2" }, NOW);
    expect(two.rows.map((r) => r.what)).toEqual(["Action 25", "Action 26"]);
    expect(one.rows[24]!.what).toBe("Action 24");
    const past = await listLaDeadlines(officer, { page: "99" }, NOW);
    expect(past.page).toBe(2);
    expect(past.rows.map((r) => r.what)).toEqual(["Action 25", "Action 26"]);
    expect((await listLaDeadlines(officer, { page: "-3" }, NOW)).page).toBe(1);
  });
});

describe("who sees what", () => {
  it("an LA officer with no LA sees nothing; other roles are refused (404)", async () => {
    const none = await makeUser("LA_OFFICER");
    const d = await listLaDeadlines(none, {}, NOW);
    expect(d).toMatchObject({ rows: [], total: 0, counts: { all: 0, overdue: 0 } });
    for (const role of ["CASEWORKER", "ADMIN", "MEDIATOR", "PARENT"] as const) {
      await expect(listLaDeadlines(await makeUser(role), {}, NOW)).rejects.toMatchObject({ name: "NotFoundError" });
    }
  });

  it("the other LA's officer sees their own rows only", async () => {
    const other = await makeUser("LA_OFFICER", { localAuthorityId: otherLa.id });
    const d = await listLaDeadlines(other, {}, NOW);
    expect(new Set(d.rows.map((r) => r.caseId))).toEqual(new Set([c.other.id]));
  });
});
