/**
 * The demo data (issue: "demo data a newcomer can learn from"): a dozen SM-DEMO cases across both
 * demo LAs, one at each stage, dated from today so the demo is always live; re-created on demand
 * with `npm run db:seed -- --reset`. The test database is shared with other files, so this file
 * only touches cases whose reference starts with SM-DEMO- (and its own SM-T-/SM-DEMOTEST- cases).
 */
import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import type { SessionUser } from "@/lib/auth/types";
import { addCalendarDays, hasRequiredMeetingNotice, isoFromDbDate, isWorkingDay, todayInLondon } from "@/lib/deadlines";
import { deadlineState } from "@/lib/cases/deadlines/state";
import { dueDateFor } from "@/lib/cases/deadlines/definitions";
import { availableTransitions, checkTransition, type CaseSnapshot, type DeadlineName } from "@/lib/cases/lifecycle";
import { transitionCase } from "@/lib/cases/transition/transition-case";
import { DEMO_CASE_REFERENCES, DEMO_LAS, DEMO_REFERENCE_PREFIX, DEMO_USERS, DemoDataInProductionError, resetDemoData, seedDemo } from "@/lib/seed/demo";
import { DEMO_STAGES, demoCasePlans, type DemoCasePlan, type DemoStage } from "@/lib/seed/demo-cases";
import { makeCase, makeLa, uid } from "../helpers";

const DEMO = { reference: { startsWith: DEMO_REFERENCE_PREFIX } };
const READY = `Demo data ready: ${DEMO_USERS.length} users, ${DEMO_LAS.length} local authorities, ${DEMO_CASE_REFERENCES.length} cases.`;
const CERTIFICATES: DeadlineName[] = ["CERTIFICATE_ADVICE_ONLY", "CERTIFICATE_AFTER_MEDIATION", "CERTIFICATE_NOT_ARRANGED"];
/** Timeline entries the lifecycle (or the website) writes: the only ones that may be SHARED. */
const LIFECYCLE_EVENTS = [
  "REFERRAL_LOGGED",
  "SELF_REFERRAL_RECEIVED",
  "CONTACTING_STARTED",
  "CONSENT_REQUESTED",
  "MEDIATOR_ALLOCATED",
  "PREPARATION_STARTED",
  "MEETING_SCHEDULED",
  "MEETING_HELD",
  "CERTIFICATE_ISSUED",
  "MONITORING_STARTED",
  "CASE_CLOSED",
  "ADVICE_ONLY_CHOSEN",
  "CASE_WITHDRAWN",
];

function loadDemoCases() {
  return db().case.findMany({
    where: DEMO,
    orderBy: { reference: "asc" },
    include: {
      localAuthority: { select: { code: true } },
      allocatedMediator: { select: { email: true } },
      child: true,
      issues: { orderBy: { id: "asc" } },
      parties: { orderBy: { createdAt: "asc" } },
      deadlines: { orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }] },
      events: { orderBy: [{ at: "asc" }, { id: "asc" }] },
    },
  });
}
type DemoCase = Awaited<ReturnType<typeof loadDemoCases>>[number];

const iso = (d: Date | null) => (d ? isoFromDbDate(d) : null);
const openDeadlines = (c: DemoCase) => c.deadlines.filter((d) => d.closedOn === null);
const deadlineOf = (c: DemoCase, name: DeadlineName) => c.deadlines.find((d) => d.name === name);
const family = (c: DemoCase) => c.parties.find((p) => p.kind === "PARENT" || p.kind === "YOUNG_PERSON")!;

/** What a person sees of a case, without ids: used to compare a re-created case with the seeded one. */
function describeCase(c: DemoCase) {
  return {
    reference: c.reference,
    la: c.localAuthority.code,
    kind: c.kind,
    status: c.status,
    summary: c.summary,
    laNotifiedOn: iso(c.laNotifiedOn),
    meetingOn: iso(c.meetingOn),
    nextDeadlineOn: iso(c.nextDeadlineOn),
    nextDeadlineName: c.nextDeadlineName,
    mediator: c.allocatedMediator?.email ?? null,
    child: c.child && { name: c.child.name, dateOfBirth: iso(c.child.dateOfBirth), setting: c.child.setting },
    issues: c.issues.map((i) => `${i.category}: ${i.description}`),
    parties: c.parties.map((p) => `${p.kind} ${p.name} ${p.consent} ${iso(p.consentOn)}`),
    deadlines: c.deadlines.map((d) => `${d.name} ${iso(d.triggerOn)} → ${iso(d.dueOn)} ${iso(d.closedOn)} ${d.outcome}`),
    events: c.events.map((e) => `${e.at.toISOString()} ${e.visibility} ${e.type}: ${e.summary}`),
  };
}

function snapshotOf(c: DemoCase): CaseSnapshot {
  return {
    id: c.id,
    kind: c.kind,
    status: c.status,
    allocatedMediatorId: c.allocatedMediatorId,
    hasHealthIssue: c.issues.some((i) => i.category === "HEALTH"),
    parties: c.parties.map((p) => ({ id: p.id, name: p.name, kind: p.kind, consent: p.consent })),
    openDeadlines: openDeadlines(c).map((d) => d.name as DeadlineName),
  };
}

async function sessionUser(email: string): Promise<SessionUser> {
  const u = await db().user.findUniqueOrThrow({ where: { email } });
  return { id: u.id, email: u.email, name: u.name, role: u.role, localAuthorityId: u.localAuthorityId };
}

let today: string;
let cases: DemoCase[];
const byReference = (reference: string) => cases.find((c) => c.reference === reference)!;
const planOf = (stage: DemoStage) => demoCasePlans(today).find((p) => p.stage === stage)!;
const caseAt = (stage: DemoStage) => byReference(planOf(stage).reference);

beforeAll(async () => {
  // Start from the demo as seeded today, whatever another file (or an earlier day) left behind.
  await resetDemoData(db());
  today = todayInLondon();
  cases = await loadDemoCases();
}, 120_000);

describe("seedDemo", () => {
  it("creates a dozen cases across both LAs, one at each named stage", () => {
    expect(cases.map((c) => c.reference)).toEqual([...DEMO_CASE_REFERENCES]);
    const plans = demoCasePlans(today);
    expect(plans.map((p) => p.reference)).toEqual(DEMO_CASE_REFERENCES.slice(2));
    expect(plans.map((p) => p.stage).sort()).toEqual([...DEMO_STAGES].sort());
    expect(cases.filter((c) => c.localAuthority.code === "DEMO1").length).toBeGreaterThanOrEqual(5);
    expect(cases.filter((c) => c.localAuthority.code === "DEMO2").length).toBeGreaterThanOrEqual(5);

    // Each stage, read from the database.
    const referred = caseAt("REFERRED");
    expect(referred).toMatchObject({ status: "REFERRED", requestedBy: "YOUNG_PERSON", familyParty: "YOUNG_PERSON", laNotifiedOn: null, createdById: null, nextDeadlineOn: null });
    expect(referred.deadlines).toEqual([]);
    expect(referred.events[0]!.type).toBe("SELF_REFERRAL_RECEIVED");

    const awaiting = caseAt("AWAITING_CONSENT");
    expect(awaiting).toMatchObject({ kind: "MEDIATION", status: "AWAITING_CONSENT", allocatedMediatorId: null });
    expect(family(awaiting).consent).toBe("PENDING");
    expect(awaiting.parties.find((p) => p.kind === "LA")).toMatchObject({ consent: "GIVEN", hasAuthority: true });

    for (const stage of ["ALLOCATED", "MEETING_SCHEDULED", "CLOSE_TO_DAY_30", "CLOSED"] as const) {
      const c = caseAt(stage);
      expect(c.allocatedMediator?.email, stage).toBe("mediator@demo.test");
      expect(family(c).consent, stage).toBe("GIVEN");
    }
    expect(caseAt("ALLOCATED").status).toBe("ALLOCATED");

    const meeting = caseAt("MEETING_SCHEDULED");
    expect(meeting.status).toBe("MEETING_SCHEDULED");
    const meetingOn = iso(meeting.meetingOn)!;
    const bookedOn = (meeting.events.find((e) => e.type === "MEETING_SCHEDULED")!.data as { noticeSentOn: string }).noticeSentOn;
    expect(isWorkingDay(meetingOn)).toBe(true);
    expect(hasRequiredMeetingNotice(bookedOn, meetingOn)).toBe(true); // R-22, from the day it was booked
    expect(hasRequiredMeetingNotice(today, meetingOn)).toBe(true); // and still ≥ 5 working days ahead today
    expect(meetingOn <= iso(deadlineOf(meeting, "MEDIATION_30_DAY")!.dueOn)!).toBe(true); // inside the 30 days

    const adviceOnly = caseAt("ADVICE_ONLY");
    expect(adviceOnly).toMatchObject({ kind: "ADVICE_ONLY", status: "ADVICE_ONLY", laNotifiedOn: null });
    expect(family(adviceOnly).consent).toBe("DECLINED");
    expect(openDeadlines(adviceOnly).map((d) => d.name)).toEqual(["CERTIFICATE_ADVICE_ONLY"]);

    const withdrawn = caseAt("WITHDRAWN");
    expect(withdrawn.status).toBe("WITHDRAWN");
    expect(family(withdrawn).consent).toBe("DECLINED");
    const certificate = deadlineOf(withdrawn, "CERTIFICATE_ADVICE_ONLY")!;
    expect(certificate.closedOn).toBeNull();
    expect(deadlineOf(withdrawn, "MEDIATION_30_DAY")).toMatchObject({ outcome: "CANCELLED", closedOn: certificate.triggerOn });

    const drs = caseAt("DRS");
    expect(drs).toMatchObject({ kind: "DRS", drsScope: "SETTING_PROVISION", disputedDecisions: [], laNotifiedOn: null });
    expect(drs.parties.find((p) => p.kind === "SCHOOL")!.consent).toBe("PENDING");

    const closed = caseAt("CLOSED");
    expect(closed).toMatchObject({ status: "CLOSED", nextDeadlineOn: null, nextDeadlineName: null });
    expect(closed.deadlines.map((d) => `${d.name} ${d.outcome}`).sort()).toEqual(["CERTIFICATE_AFTER_MEDIATION MET", "MEDIATION_30_DAY MET"]);
    for (const d of closed.deadlines) expect(d.closedOn! <= d.dueOn, d.name).toBe(true);
    expect(deadlineOf(closed, "MEDIATION_30_DAY")!.closedOn).toEqual(closed.heldOn);
    expect(closed.events.at(-1)!.type).toBe("CASE_CLOSED");

    const health = caseAt("HEALTH");
    expect(health.issues.map((i) => i.category)).toContain("HEALTH");
    expect(health.parties.find((p) => p.kind === "HEALTH")).toMatchObject({ hasAuthority: true, organisation: "NHS Northshire Integrated Care Board" });
    expect(health.nextDeadlineName).toBe("HEALTH_NOTIFICATION"); // due before day 30
    expect(deadlineOf(health, "HEALTH_NOTIFICATION")!.triggerOn).toEqual(health.laNotifiedOn);
  });

  it("gives every case a child, issues and parties, with LA and health representatives who have authority (R-03, R-24)", async () => {
    for (const c of cases.slice(2)) {
      expect(c.child?.name, c.reference).toBeTruthy();
      expect(c.issues.length, c.reference).toBeGreaterThan(0);
      expect(family(c).kind, c.reference).toBe(c.familyParty);
      for (const p of c.parties.filter((x) => x.kind === "LA" || x.kind === "HEALTH")) expect(p.hasAuthority, `${c.reference} ${p.name}`).toBe(true);
    }
    expect(cases.slice(2).some((c) => c.parties.some((p) => p.kind === "SUPPORTER"))).toBe(true);
    // SM-DEMO-00001 is linked to the family user (parent@demo.test); on SM-DEMO-00003 the young
    // person and her mum have their own family accounts (decision 0022); no other case has any.
    expect(cases.filter((c) => c.parties.some((p) => p.userId !== null)).map((c) => c.reference)).toEqual(["SM-DEMO-00001", "SM-DEMO-00003"]);
    const youngPersons = cases.find((c) => c.reference === "SM-DEMO-00003")!;
    const accounts = await db().user.findMany({ where: { id: { in: youngPersons.parties.flatMap((p) => (p.userId ? [p.userId] : [])) } }, select: { email: true, role: true } });
    expect(accounts.sort((a, b) => a.email.localeCompare(b.email))).toEqual([
      { email: "helen.clarke@example.com", role: "PARENT" },
      { email: "zoe.clarke@example.com", role: "PARENT" },
    ]);
    expect(youngPersons.parentAccessConsentAt).toBeNull();
  });

  it("keeps every case's next deadline equal to its earliest open deadline", () => {
    for (const c of cases) {
      const earliest = openDeadlines(c).sort((a, b) => a.dueOn.getTime() - b.dueOn.getTime())[0];
      expect(iso(c.nextDeadlineOn), c.reference).toBe(earliest ? iso(earliest.dueOn) : null);
      expect(c.nextDeadlineName, c.reference).toBe(earliest?.name ?? null);
      // Every deadline is dated by the date engine from its trigger.
      for (const d of c.deadlines) expect(iso(d.dueOn), `${c.reference} ${d.name}`).toBe(dueDateFor(d.name as DeadlineName, iso(d.triggerOn)!));
    }
  });

  it("has the close-to-day-30 case due soon and the overdue case overdue, and nothing else overdue", () => {
    const close = caseAt("CLOSE_TO_DAY_30");
    const closeDue = iso(deadlineOf(close, "MEDIATION_30_DAY")!.dueOn)!;
    expect(deadlineState(closeDue, today)).toBe("DUE_SOON");
    expect(close.nextDeadlineName).toBe("MEDIATION_30_DAY");
    expect(close.meetingOn).toBeNull();

    const overdue = caseAt("OVERDUE");
    const overdueDeadline = deadlineOf(overdue, "MEDIATION_30_DAY")!;
    expect(overdueDeadline.closedOn).toBeNull();
    expect(deadlineState(iso(overdueDeadline.dueOn)!, today)).toBe("OVERDUE");
    expect(["CLOSED", "NOT_PROCEEDING"]).not.toContain(overdue.status);

    const others = cases.filter((c) => c.id !== overdue.id).flatMap((c) => openDeadlines(c).map((d) => ({ c: c.reference, state: deadlineState(iso(d.dueOn)!, today) })));
    expect(others.filter((o) => o.state === "OVERDUE")).toEqual([]);
  });

  it("gives the DRS case no certificate and no 30-day deadline (R-71)", () => {
    const drs = caseAt("DRS");
    const names = drs.deadlines.map((d) => d.name);
    expect(names).not.toContain("MEDIATION_30_DAY");
    for (const n of CERTIFICATES) expect(names).not.toContain(n);
    expect(drs.events.map((e) => e.type)).not.toContain("CERTIFICATE_ISSUED");
    expect(drs.nextDeadlineOn).toBeNull();
  });

  it("writes each case's history as a dated timeline; shared entries are lifecycle facts without staff free text (R-80)", () => {
    for (const plan of demoCasePlans(today)) {
      const c = byReference(plan.reference);
      expect(c.events.map((e) => e.type), c.reference).toEqual(plan.history.map((s) => s.type));
      // Each entry is on the day it happened (Europe/London), in the past, in history order.
      expect(c.events.map((e) => todayInLondon(e.at)), c.reference).toEqual(plan.history.map((s) => s.on));
      for (const e of c.events) {
        expect(todayInLondon(e.at) < today, `${c.reference} ${e.type}`).toBe(true);
        if (e.visibility === "SHARED") {
          expect(LIFECYCLE_EVENTS, `${c.reference} ${e.type}`).toContain(e.type);
          const reason = (e.data as { reason?: string } | null)?.reason;
          if (reason) expect(e.summary).not.toContain(reason);
        }
        if (e.type === "NOTE" || e.type === "CONSENT_RECORDED") expect(e.visibility, `${c.reference} ${e.type}`).toBe("STAFF");
      }
      expect(c.events.some((e) => e.visibility === "SHARED"), c.reference).toBe(true);
    }
  });

  it("sets consent and status so that the lifecycle allows each case's next step", async () => {
    const caseworker = await sessionUser("caseworker@demo.test");
    const mediator = await sessionUser("mediator@demo.test");
    const cw = { id: caseworker.id, role: caseworker.role };
    const check = (stage: DemoStage, name: string, actor = cw) => checkTransition(snapshotOf(caseAt(stage)), name, actor);

    expect(check("REFERRED", "startContacting").ok).toBe(true);
    expect(check("AWAITING_CONSENT", "allocate")).toMatchObject({ ok: false, code: "GUARD_FAILED", message: "Consent is still needed from: Łukasz Nowak (parent or carer)." });
    expect(check("ALLOCATED", "scheduleMeeting", { id: mediator.id, role: "MEDIATOR" }).ok).toBe(true);
    expect(check("MEETING_SCHEDULED", "recordMeetingHeld", { id: mediator.id, role: "MEDIATOR" }).ok).toBe(true);
    expect(check("CLOSE_TO_DAY_30", "scheduleMeeting").ok).toBe(true);
    expect(check("CLOSE_TO_DAY_30", "recordNotArranged").ok).toBe(true);
    expect(check("OVERDUE", "recordNotArranged").ok).toBe(true);
    expect(check("ADVICE_ONLY", "issueCertificate").ok).toBe(true);
    expect(check("WITHDRAWN", "issueCertificate").ok).toBe(true);
    expect(check("DRS", "allocate")).toMatchObject({ ok: false, code: "GUARD_FAILED" });
    expect(check("DRS", "issueCertificate")).toMatchObject({ ok: false, code: "KIND_NOT_APPLICABLE" });
    expect(check("HEALTH", "recordHealthNotified").ok).toBe(true);
    // A closed case can only be re-opened, or have an appeal recorded.
    expect(availableTransitions(snapshotOf(caseAt("CLOSED")), cw).map((t) => t.name)).toEqual(["recordAppeal", "reopen"]);
  });

  it("does not duplicate or overwrite anything when run again", async () => {
    const counts = async () => {
      const caseIds = (await db().case.findMany({ where: DEMO, select: { id: true } })).map((c) => c.id);
      const inDemo = { caseId: { in: caseIds } };
      return {
        users: await db().user.count(),
        las: await db().localAuthority.count(),
        cases: caseIds.length,
        children: await db().child.count({ where: inDemo }),
        issues: await db().caseIssue.count({ where: inDemo }),
        parties: await db().party.count({ where: inDemo }),
        events: await db().caseEvent.count({ where: inDemo }),
        deadlines: await db().caseDeadline.count({ where: inDemo }),
      };
    };
    const before = await counts();
    const target = caseAt("ALLOCATED");
    await db().case.update({ where: { id: target.id }, data: { summary: "Changed by a demo user" } });
    await seedDemo(db());
    await seedDemo(db());
    expect(await counts()).toEqual(before);
    expect((await db().case.findUniqueOrThrow({ where: { id: target.id } })).summary).toBe("Changed by a demo user");
    await db().case.update({ where: { id: target.id }, data: { summary: target.summary } });
  }, 60_000);
});

describe("the plans", () => {
  it("keep every stage live on every day from 2026 to 2028", () => {
    const problems: string[] = [];
    for (let day = "2026-01-01"; day <= "2028-12-31"; day = addCalendarDays(day, 1)) {
      const plans = demoCasePlans(day);
      const stageOf = (p: DemoCasePlan, what: string) => problems.push(`${day} ${p.reference} (${p.stage}): ${what}`);
      for (const p of plans) {
        // History in order, all before today; every deadline dated from its step, as seeding does.
        const open = new Map<string, { trigger: string; due: string }>();
        let previous = "";
        for (const s of p.history) {
          if (s.on < previous) stageOf(p, `step ${s.type} on ${s.on} is before ${previous}`);
          if (s.on >= day) stageOf(p, `step ${s.type} on ${s.on} is not in the past`);
          previous = s.on;
          for (const n of s.opens ?? []) open.set(n, { trigger: s.on, due: dueDateFor(n, s.on) });
          for (const n of s.closes?.names ?? []) {
            const d = open.get(n);
            if (!d) stageOf(p, `closes ${n}, which is not open`);
            else if (s.closes!.outcome === "MET" && s.on > d.due) stageOf(p, `${n} met late`);
            open.delete(n);
          }
        }
        const thirty = open.get("MEDIATION_30_DAY");
        if (thirty && thirty.trigger !== p.laNotifiedOn) stageOf(p, "the 30-day clock does not start on laNotifiedOn");
        for (const q of p.parties) if (q.consentOn && q.consentOn >= day) stageOf(p, `${q.name}'s consent is not in the past`);
        const states = [...open.entries()].map(([n, d]) => ({ n, state: deadlineState(d.due, day) }));
        if (p.stage === "CLOSE_TO_DAY_30" && (!thirty || deadlineState(thirty.due, day) !== "DUE_SOON")) stageOf(p, `day 30 ${thirty?.due} is not due soon`);
        if (p.stage === "OVERDUE" && (!thirty || deadlineState(thirty.due, day) !== "OVERDUE")) stageOf(p, `day 30 ${thirty?.due} is not overdue`);
        if (p.stage !== "OVERDUE" && states.some((s) => s.state === "OVERDUE")) stageOf(p, "has an overdue deadline");
        if (p.stage === "HEALTH" && [...open.entries()].sort((a, b) => (a[1].due < b[1].due ? -1 : 1))[0]?.[0] !== "HEALTH_NOTIFICATION") stageOf(p, "health notification is not the next deadline");
        if (p.stage === "MEETING_SCHEDULED") {
          const m = p.meetingOn!;
          const booked = p.history.find((s) => s.type === "MEETING_SCHEDULED")!.on;
          if (!isWorkingDay(m) || !hasRequiredMeetingNotice(booked, m) || !hasRequiredMeetingNotice(day, m)) stageOf(p, `meeting ${m} gives too little notice`);
          if (!thirty || m > thirty.due) stageOf(p, `meeting ${m} is after day 30`);
        }
        if (p.stage === "CLOSED" && open.size > 0) stageOf(p, "still has open deadlines");
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  }, 120_000);
});

describe("resetDemoData (npm run db:seed -- --reset)", () => {
  it("re-creates a demo case a user changed as seeded, with nothing left of the old one but its audit rows, and leaves other cases alone", async () => {
    const la = await makeLa();
    const other = await makeCase(la.id, { reference: `SM-T-${uid()}` });
    const lookalike = await makeCase(la.id, { reference: `SM-DEMOTEST-${uid()}` });
    await db().auditEvent.create({ data: { action: "test.other", entityType: "Case", entityId: other.id, caseId: other.id } });

    const seeded = caseAt("AWAITING_CONSENT");
    // A demo user withdraws the case: status, deadlines, timeline and an audit row all change.
    const caseworker = await sessionUser("caseworker@demo.test");
    await transitionCase(caseworker, seeded.id, "withdraw", seeded.version, { toldOn: today, reason: "Changed in a test", certificateRequested: true });
    expect(await db().auditEvent.count({ where: { caseId: seeded.id } })).toBe(1);
    const demoCount = await db().case.count({ where: DEMO });

    const log: string[] = [];
    expect(await resetDemoData(db(), (m) => log.push(m))).toEqual({ removed: demoCount });
    expect(log).toEqual([`Removed ${demoCount} demo cases.`, READY]);

    // Nothing of the old case is left but its audit trail, which is append-only (decision 0026).
    const gone = { caseId: seeded.id };
    expect(await db().auditEvent.count({ where: gone })).toBe(1);
    expect(await db().case.count({ where: { id: seeded.id } })).toBe(0);
    for (const n of await Promise.all([
      db().caseEvent.count({ where: gone }),
      db().caseDeadline.count({ where: gone }),
      db().party.count({ where: gone }),
      db().caseIssue.count({ where: gone }),
      db().child.count({ where: gone }),
    ]))
      expect(n).toBe(0);

    // The case is back as seeded (a new row), and so is every other demo case.
    const after = await loadDemoCases();
    expect(after.map((c) => c.reference)).toEqual([...DEMO_CASE_REFERENCES]);
    const recreated = after.find((c) => c.reference === seeded.reference)!;
    expect(recreated.id).not.toBe(seeded.id);
    expect(describeCase(recreated)).toEqual(describeCase(seeded));

    // Other cases, and their audit rows, are untouched.
    expect(await db().case.findUnique({ where: { id: other.id }, select: { reference: true } })).toEqual({ reference: other.reference });
    expect(await db().case.findUnique({ where: { id: lookalike.id }, select: { reference: true } })).toEqual({ reference: lookalike.reference });
    expect(await db().auditEvent.count({ where: { caseId: other.id } })).toBe(1);
    cases = after;
  }, 120_000);

  it("refuses when NODE_ENV=production and deletes nothing", async () => {
    const env = process.env as Record<string, string | undefined>;
    const saved = env.NODE_ENV;
    const before = (await db().case.findMany({ where: DEMO, select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id);
    env.NODE_ENV = "production";
    try {
      await expect(resetDemoData(db())).rejects.toThrow(DemoDataInProductionError);
      await expect(resetDemoData(db())).rejects.toThrow("Demo data cannot be created when NODE_ENV=production.");
    } finally {
      env.NODE_ENV = saved;
    }
    expect((await db().case.findMany({ where: DEMO, select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id)).toEqual(before);
  });

  it("is what `npm run db:seed -- --reset` does (the flag passes through scripts/with-db.ts), and it refuses in production", () => {
    const run = (nodeEnv: "development" | "production", ...args: string[]) =>
      spawnSync("npm", ["run", "--silent", "db:seed", "--", ...args], { env: { ...process.env, NODE_ENV: nodeEnv }, encoding: "utf8", timeout: 120_000 });

    const ok = run("development", "--reset");
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`Removed ${DEMO_CASE_REFERENCES.length} demo cases.`);
    expect(ok.stdout).toContain(READY);

    const refused = run("production", "--reset");
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toBe("Demo data cannot be created when NODE_ENV=production.");

    const unknown = run("development", "--rest");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Unknown option --rest.");
  }, 300_000);
});
