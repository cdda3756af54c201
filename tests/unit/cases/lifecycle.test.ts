import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  type Actor,
  type CaseKind,
  type CaseParty,
  type CaseSnapshot,
  type CaseStatus,
  type DeadlineName,
  type Role,
  type TransitionName,
  type TransitionPlan,
  CASE_KINDS,
  CASE_STATUSES,
  DEADLINE_NAMES,
  FAMILY_STATUS_TEXT,
  ROLES,
  STATUS_LABELS,
  TERMINAL_STATUSES,
  TRANSITIONS,
  UNCHANGED,
  PREVIOUS,
  availableTransitions,
  checkTransition,
  deadlineApplies,
  fromStatusesFor,
  getTransition,
  inputsFor,
  isTerminalStatus,
  needsHealthNotification,
  partiesWhoseConsentIsRequired,
  planTransition,
  unlessOpenConditions,
} from "@/lib/cases/lifecycle";
import { isTypedDate } from "@/lib/cases/fields";
import { formatDate } from "@/lib/deadlines/calendar";
import { ICB_MEDIATION_WINDOW_DAYS } from "@/lib/deadlines";
import { dueDateFor } from "@/lib/cases/deadlines/definitions";
import { willBeMissed } from "@/lib/cases/deadlines/state";

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

const caseworker: Actor = { id: "u-cw", role: "CASEWORKER" };
const admin: Actor = { id: "u-admin", role: "ADMIN" };
const mediator: Actor = { id: "u-med", role: "MEDIATOR" };
const otherMediator: Actor = { id: "u-med-2", role: "MEDIATOR" };
const laOfficer: Actor = { id: "u-la", role: "LA_OFFICER" };
const parentUser: Actor = { id: "u-parent", role: "PARENT" };

const parent = (consent: CaseParty["consent"] = "GIVEN"): CaseParty => ({
  id: "p-parent",
  name: "Jane Smith",
  kind: "PARENT",
  consent,
});
const la = (consent: CaseParty["consent"] = "PENDING"): CaseParty => ({
  id: "p-la",
  name: "Northshire County Council",
  kind: "LA",
  consent,
});
const school = (consent: CaseParty["consent"] = "GIVEN"): CaseParty => ({
  id: "p-school",
  name: "Hillside Academy",
  kind: "SCHOOL",
  consent,
});
const supporter: CaseParty = { id: "p-sup", name: "Sam Advocate", kind: "SUPPORTER", consent: "PENDING" };

function snap(over: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    id: "case-1",
    kind: "MEDIATION",
    status: "REFERRED",
    allocatedMediatorId: null,
    hasHealthIssue: false,
    parties: [parent(), la()],
    ...over,
  };
}

function drs(over: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return snap({ kind: "DRS", parties: [parent(), la("GIVEN"), school(), supporter], ...over });
}

function expectOk(result: ReturnType<typeof planTransition>): TransitionPlan {
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.message}`);
  return result;
}

/**
 * Applies a plan to a snapshot the way the command would: the status, the mediator, the agreement
 * column, and the deadlines it starts and stops.
 */
function apply(s: CaseSnapshot, plan: TransitionPlan): CaseSnapshot {
  const mediatorId = plan.record.mediatorId;
  const agreement = plan.record.agreement;
  const open = (s.openDeadlines ?? []).filter((dl) => !plan.stops.includes(dl) && !plan.starts.includes(dl));
  const t = TRANSITIONS.find((x) => x.name === plan.transition)!;
  return {
    ...s,
    status: plan.to,
    statusBeforeClose: t.remembersFrom ? plan.from : plan.from === "CLOSED" ? null : s.statusBeforeClose,
    allocatedMediatorId: typeof mediatorId === "string" ? mediatorId : s.allocatedMediatorId,
    agreement: typeof agreement === "string" ? (agreement as CaseSnapshot["agreement"]) : s.agreement,
    openDeadlines: [...open, ...plan.starts],
  };
}

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

describe("vocabulary", () => {
  it("matches the Prisma enums CaseStatus and Role", () => {
    const schema = readFileSync(path.resolve(import.meta.dirname, "../../../prisma/schema.prisma"), "utf8");
    const enumValues = (name: string): string[] => {
      const m = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(schema);
      if (!m?.[1]) throw new Error(`enum ${name} not found`);
      return m[1]
        .split("\n")
        .map((l) => l.replace(/\/\/.*$/, "").trim())
        .filter(Boolean);
    };
    expect([...CASE_STATUSES]).toEqual(enumValues("CaseStatus"));
    expect([...ROLES].sort()).toEqual(enumValues("Role").sort());
  });

  it("has a staff label and a one-sentence family text for every status", () => {
    for (const s of CASE_STATUSES) {
      expect(STATUS_LABELS[s]).toMatch(/^[A-Z][a-z ]+$/);
      expect(FAMILY_STATUS_TEXT[s]).toMatch(/^[A-Z].*\.$/);
      // one sentence: no full stop before the final one
      expect(FAMILY_STATUS_TEXT[s].slice(0, -1)).not.toContain(".");
      // no internal codes leak to families
      expect(FAMILY_STATUS_TEXT[s]).not.toMatch(/[A-Z]{2,}_/);
    }
    expect(STATUS_LABELS.CONTACTING_PARTIES).toBe("Contacting parties");
    expect(FAMILY_STATUS_TEXT.REFERRED).toBe("We have your request and will contact you soon.");
    expect(new Set(Object.values(FAMILY_STATUS_TEXT)).size).toBe(CASE_STATUSES.length);
  });

  it("treats only CLOSED and NOT_PROCEEDING as terminal", () => {
    expect([...TERMINAL_STATUSES].sort()).toEqual(["CLOSED", "NOT_PROCEEDING"]);
    expect(isTerminalStatus("CLOSED")).toBe(true);
    expect(isTerminalStatus("NOT_PROCEEDING")).toBe(true);
    expect(isTerminalStatus("WITHDRAWN")).toBe(false);
    expect(isTerminalStatus("ADVICE_ONLY")).toBe(false);
    expect(isTerminalStatus("REFERRED")).toBe(false);
  });

  it("decides which deadlines apply to a case (R-20, R-21, R-71)", () => {
    expect(needsHealthNotification({ kind: "MEDIATION", hasHealthIssue: true })).toBe(true);
    expect(needsHealthNotification({ kind: "MEDIATION", hasHealthIssue: false })).toBe(false);
    expect(needsHealthNotification({ kind: "DRS", hasHealthIssue: true })).toBe(false);
    expect(deadlineApplies("MEDIATION_30_DAY", { kind: "DRS", hasHealthIssue: false })).toBe(false);
    expect(deadlineApplies("CERTIFICATE_AFTER_MEDIATION", { kind: "DRS", hasHealthIssue: false })).toBe(false);
    expect(deadlineApplies("CERTIFICATE_ADVICE_ONLY", { kind: "ADVICE_ONLY", hasHealthIssue: false })).toBe(true);
  });
});

describe("the date a transition records (one definition: lib/cases/fields, on the date engine's calendar)", () => {
  it("accepts only real calendar dates in YYYY-MM-DD, from 1900 on", () => {
    expect(isTypedDate("2025-03-26")).toBe(true);
    expect(isTypedDate("2024-02-29")).toBe(true);
    expect(isTypedDate("2025-02-29")).toBe(false);
    expect(isTypedDate("2025-04-31")).toBe(false);
    expect(isTypedDate("2025-13-01")).toBe(false);
    expect(isTypedDate("2025-3-26")).toBe(false);
    expect(isTypedDate("26/03/2025")).toBe(false);
    expect(isTypedDate("2025-03-26T00:00:00Z")).toBe(false);
    expect(isTypedDate(20250326)).toBe(false);
    expect(isTypedDate("0025-03-26")).toBe(false);
    expect(formatDate("2025-04-24")).toBe("24 April 2025");
  });
});

// ---------------------------------------------------------------------------------------------
// The table as a graph
// ---------------------------------------------------------------------------------------------

describe("transition table", () => {
  it("has unique names and consistent entries", () => {
    const names = TRANSITIONS.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const t of TRANSITIONS) {
      expect(t.roles).not.toContain("LA_OFFICER");
      expect(t.roles).not.toContain("PARENT");
      expect(t.kinds.length).toBeGreaterThan(0);
      expect(t.label.length).toBeGreaterThan(0);
      for (const [kind, from] of Object.entries(t.fromByKind ?? {})) {
        expect(t.kinds).toContain(kind);
        for (const s of from) expect(t.from).toContain(s);
      }
      for (const dl of [...t.starts, ...t.stops]) expect(DEADLINE_NAMES).toContain(dl);
      // Day 0 is a date input, or (R-23: a meeting booked after the last day) the day it is recorded.
      if (t.starts.length > 0 && !t.startsWhenAfterLastDay) {
        expect(t.trigger, `${t.name} starts deadlines but names no trigger date`).toBeDefined();
        expect(t.requires.map((i) => i.name)).toContain(t.trigger);
      }
      if (t.startsWhenAfterLastDay) expect(t.requires.map((i) => i.name)).toContain(t.startsWhenAfterLastDay);
      // Only recording an appeal and re-opening start from a closed case.
      if (!["recordAppeal", "reopen"].includes(t.name)) for (const s of t.from) expect(isTerminalStatus(s)).toBe(false);
      for (const [role, from] of Object.entries(t.fromByRole ?? {})) {
        expect(t.roles).toContain(role);
        for (const s of from) expect(t.from).toContain(s);
      }
      for (const dl of [...(t.whileOpen?.deadlines ?? []), ...unlessOpenConditions(t).flatMap((c) => c.deadlines), ...(t.startsUnlessOpen ?? [])]) expect(DEADLINE_NAMES).toContain(dl);
      const inputs = [...t.requires, ...(t.accepts ?? [])];
      const typeOf = (name: string) => inputs.find((i) => i.name === name)?.type;
      if (t.startsWhen) expect(typeOf(t.startsWhen), `${t.name}.startsWhen`).toBe("boolean");
      if (t.notice) {
        expect(typeOf(t.notice.date), `${t.name}.notice.date`).toBe("date");
        expect(typeOf(t.notice.agreed), `${t.name}.notice.agreed`).toBe("boolean");
      }
      for (const i of inputs) if (i.type === "choice") expect(i.options?.length, `${t.name}.${i.name}`).toBeGreaterThan(1);
    }
  });

  const moves = (kind?: CaseKind) =>
    TRANSITIONS.filter((t) => t.to !== UNCHANGED && t.to !== PREVIOUS && (!kind || t.kinds.includes(kind))).flatMap((t) =>
      (kind ? fromStatusesFor(t, kind) : t.from).map((from) => ({ from, to: t.to as CaseStatus, name: t.name })),
    );

  it("gives every non-terminal status at least one outgoing transition", () => {
    const all = moves();
    for (const s of CASE_STATUSES) {
      const out = all.filter((m) => m.from === s && m.to !== s);
      if (TERMINAL_STATUSES.includes(s)) expect(out, s).toHaveLength(0);
      else expect(out.length, `${s} has no way out`).toBeGreaterThan(0);
    }
  });

  it("makes every status other than REFERRED reachable from REFERRED", () => {
    const all = moves();
    const seen = new Set<CaseStatus>(["REFERRED"]);
    const queue: CaseStatus[] = ["REFERRED"];
    while (queue.length) {
      const s = queue.shift()!;
      for (const m of all.filter((x) => x.from === s)) {
        if (!seen.has(m.to)) {
          seen.add(m.to);
          queue.push(m.to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...CASE_STATUSES].sort());
  });

  it.each(CASE_KINDS)("has no dead ends for %s cases: every reachable status leads to a terminal one", (kind) => {
    const km = moves(kind);
    const reach = new Set<CaseStatus>(["REFERRED"]);
    const queue: CaseStatus[] = ["REFERRED"];
    while (queue.length) {
      const s = queue.shift()!;
      for (const m of km.filter((x) => x.from === s)) {
        if (!reach.has(m.to)) {
          reach.add(m.to);
          queue.push(m.to);
        }
      }
    }
    const canFinish = (start: CaseStatus): boolean => {
      const seen = new Set([start]);
      const q = [start];
      while (q.length) {
        const s = q.shift()!;
        if (TERMINAL_STATUSES.includes(s)) return true;
        for (const m of km.filter((x) => x.from === s)) {
          if (!seen.has(m.to)) {
            seen.add(m.to);
            q.push(m.to);
          }
        }
      }
      return false;
    };
    for (const s of reach) expect(canFinish(s), `${kind}: ${s} cannot reach an end`).toBe(true);
    expect(reach.has("CLOSED")).toBe(true);
    // DRS never reaches a certificate; only DRS can be "not proceeding".
    expect(reach.has("CERTIFICATE_ISSUED")).toBe(kind !== "DRS");
    expect(reach.has("NOT_PROCEEDING")).toBe(kind === "DRS");
  });
});

// ---------------------------------------------------------------------------------------------
// Happy paths
// ---------------------------------------------------------------------------------------------

describe("happy paths", () => {
  it("walks a mediation case with a health issue from referral to closure", () => {
    let s = snap({ hasHealthIssue: true });

    // startContacting
    let p = expectOk(planTransition(s, "startContacting", caseworker, { laNotifiedOn: "2025-03-26" }));
    expect(p).toMatchObject({
      from: "REFERRED",
      to: "CONTACTING_PARTIES",
      statusChanged: true,
      starts: ["MEDIATION_30_DAY", "HEALTH_NOTIFICATION"],
      stops: [],
      triggerDate: "2025-03-26",
      record: { laNotifiedOn: "2025-03-26" },
      event: { type: "CONTACTING_STARTED", rule: "R-20" },
    });
    expect(p.event.summary).toContain("26 March 2025");
    s = apply(s, p);

    // recordHealthNotified (event, R-21)
    p = expectOk(planTransition(s, "recordHealthNotified", caseworker, { notifiedOn: "2025-03-27" }));
    expect(p).toMatchObject({ to: "CONTACTING_PARTIES", statusChanged: false, stops: ["HEALTH_NOTIFICATION"], starts: [] });

    // requestConsent
    p = expectOk(planTransition(s, "requestConsent", admin, {}));
    expect(p.to).toBe("AWAITING_CONSENT");
    s = apply(s, p);

    // allocate: the LA's consent is still PENDING and does not block
    p = expectOk(planTransition(s, "allocate", caseworker, { mediatorId: "u-med" }));
    expect(p).toMatchObject({ to: "ALLOCATED", record: { mediatorId: "u-med" }, event: { summary: "Mediator allocated" } });
    s = apply(s, p);
    expect(s.allocatedMediatorId).toBe("u-med");

    // startPreparing by the allocated mediator
    p = expectOk(planTransition(s, "startPreparing", mediator));
    expect(p.to).toBe("PREPARING");
    s = apply(s, p);

    // scheduleMeeting
    p = expectOk(planTransition(s, "scheduleMeeting", mediator, { meetingOn: "2025-04-24", shortNoticeAgreed: false }));
    expect(p).toMatchObject({ to: "MEETING_SCHEDULED", record: { meetingOn: "2025-04-24", shortNoticeAgreed: false } });
    expect(p.event.summary).toBe("Meeting scheduled for 24 April 2025");
    s = apply(s, p);

    // reschedule
    p = expectOk(planTransition(s, "scheduleMeeting", caseworker, { meetingOn: "2025-04-23", shortNoticeAgreed: true }));
    expect(p.to).toBe("MEETING_SCHEDULED");
    expect(p.event.summary).toBe("Meeting moved to 23 April 2025 (family agreed to shorter notice)");

    // recordMeetingHeld: stops the 30-day clock, starts the after-mediation certificate,
    // and records whether an agreement was reached
    p = expectOk(planTransition(s, "recordMeetingHeld", mediator, { heldOn: "2025-04-24", agreement: "PARTIAL" }));
    expect(p).toMatchObject({
      to: "MEETING_HELD",
      starts: ["CERTIFICATE_AFTER_MEDIATION"],
      stops: ["MEDIATION_30_DAY"],
      triggerDate: "2025-04-24",
      record: { heldOn: "2025-04-24", agreement: "PARTIAL" },
      event: { rule: "R-30" },
    });
    s = apply(s, p);

    // issueCertificate
    p = expectOk(planTransition(s, "issueCertificate", caseworker, { issuedOn: "2025-04-29" }));
    expect(p).toMatchObject({
      to: "CERTIFICATE_ISSUED",
      // recorded by a caseworker, issued by the mediator
      record: { issuedOn: "2025-04-29", certificateKind: "AFTER_MEDIATION", issuerId: "u-med" },
      starts: [],
      triggerDate: null,
    });
    expect(p.stops).toEqual(
      expect.arrayContaining(["CERTIFICATE_AFTER_MEDIATION", "CERTIFICATE_ADVICE_ONLY", "CERTIFICATE_NOT_ARRANGED"]),
    );
    s = apply(s, p);

    // startMonitoring
    p = expectOk(planTransition(s, "startMonitoring", caseworker));
    expect(p.to).toBe("MONITORING");
    s = apply(s, p);

    // The health body was never recorded as told: closing waits for it.
    expect(planTransition(s, "close", admin, { reason: "Agreed actions completed" })).toMatchObject({ ok: false, code: "GUARD_FAILED" });
    s = apply(s, expectOk(planTransition(s, "recordHealthNotified", caseworker, { notifiedOn: "2025-04-30" })));

    // close
    p = expectOk(planTransition(s, "close", admin, { reason: "  Agreed actions completed  " }));
    expect(p).toMatchObject({ to: "CLOSED", record: { reason: "Agreed actions completed" } });
    expect(p.event.summary).toBe("Case closed: Agreed actions completed");
    s = apply(s, p);
    expect(names(s, admin)).toEqual(["reopen"]);
  });

  it("does not start the health notification when there is no health issue", () => {
    const p = expectOk(planTransition(snap(), "startContacting", caseworker, { laNotifiedOn: "2025-03-26" }));
    expect(p.starts).toEqual(["MEDIATION_30_DAY"]);
  });

  it("closes straight from CERTIFICATE_ISSUED", () => {
    const p = expectOk(planTransition(snap({ status: "CERTIFICATE_ISSUED" }), "close", caseworker, { reason: "No agreement" }));
    expect(p.to).toBe("CLOSED");
  });

  it("does not close while the LA's duty to tell the health body still runs (R-21): it is recorded first", () => {
    const s = snap({ status: "CERTIFICATE_ISSUED", hasHealthIssue: true, openDeadlines: ["HEALTH_NOTIFICATION"] });
    expect(planTransition(s, "close", caseworker, { reason: "Done" })).toMatchObject({
      ok: false,
      code: "GUARD_FAILED",
      message: "It is not recorded that the LA told the health commissioning body (R-21): record the date it was told before closing the case.",
    });
    const told = apply(s, expectOk(planTransition(s, "recordHealthNotified", caseworker, { notifiedOn: "2025-04-20" })));
    expect(told.openDeadlines).not.toContain("HEALTH_NOTIFICATION");
    expect(expectOk(planTransition(told, "close", caseworker, { reason: "Done" })).to).toBe("CLOSED");
  });

  it("allows scheduling directly from ALLOCATED", () => {
    const s = snap({ status: "ALLOCATED", allocatedMediatorId: "u-med" });
    expect(expectOk(planTransition(s, "scheduleMeeting", admin, { meetingOn: "2025-05-01" })).to).toBe("MEETING_SCHEDULED");
  });

  it("changes the mediator without changing the status", () => {
    const s = snap({ status: "PREPARING", allocatedMediatorId: "u-med" });
    const p = expectOk(planTransition(s, "reallocate", caseworker, { mediatorId: "u-med-2" }));
    expect(p).toMatchObject({ to: "PREPARING", statusChanged: false, record: { mediatorId: "u-med-2" } });
  });

  it("records mediation cannot be arranged within 30 days and issues that certificate (R-23)", () => {
    const s = snap({ status: "PREPARING", allocatedMediatorId: "u-med", openDeadlines: ["MEDIATION_30_DAY"] });
    const p = expectOk(planTransition(s, "recordNotArranged", caseworker, { toldOn: "2025-04-20" }));
    expect(p).toMatchObject({
      to: "PREPARING",
      statusChanged: false,
      starts: ["CERTIFICATE_NOT_ARRANGED"],
      stops: [],
      triggerDate: "2025-04-20",
      event: { type: "MEDIATION_NOT_ARRANGED", rule: "R-23" },
    });

    const after = { ...s, openDeadlines: ["MEDIATION_30_DAY", "CERTIFICATE_NOT_ARRANGED"] as const };
    const c = expectOk(planTransition(after, "issueNotArrangedCertificate", admin, { issuedOn: "2025-04-22" }));
    expect(c).toMatchObject({
      to: "PREPARING",
      stops: ["CERTIFICATE_NOT_ARRANGED"],
      record: { issuedOn: "2025-04-22", certificateKind: "NOT_ARRANGED" },
    });
    // The family can still mediate: the case can still be scheduled.
    expect(names(after, caseworker)).toContain("scheduleMeeting");
  });

  it("handles a family that does not want mediation (R-11) then closes", () => {
    let s = snap({ status: "CONTACTING_PARTIES" });
    const p = expectOk(planTransition(s, "chooseAdviceOnly", caseworker, { toldOn: "2025-03-28" }));
    expect(p).toMatchObject({
      to: "ADVICE_ONLY",
      starts: ["CERTIFICATE_ADVICE_ONLY"],
      stops: ["MEDIATION_30_DAY"],
      triggerDate: "2025-03-28",
      event: { rule: "R-11" },
    });
    s = apply(s, p);
    const c = expectOk(planTransition(s, "issueCertificate", caseworker, { issuedOn: "2025-04-01" }));
    expect(c.record.certificateKind).toBe("ADVICE_ONLY");
    s = apply(s, c);
    expect(expectOk(planTransition(s, "close", caseworker, { reason: "Certificate issued" })).to).toBe("CLOSED");
  });

  it("runs an advice-only case: REFERRED → ADVICE_ONLY → CERTIFICATE_ISSUED → CLOSED", () => {
    let s = snap({ kind: "ADVICE_ONLY", parties: [parent()] });
    expect(names(s, caseworker)).toEqual(["chooseAdviceOnly"]);
    const p = expectOk(planTransition(s, "chooseAdviceOnly", caseworker, { toldOn: "2025-03-28" }));
    expect(p.starts).toEqual(["CERTIFICATE_ADVICE_ONLY"]);
    expect(p.stops).toEqual([]); // no 30-day clock for advice-only
    s = apply(s, p);
    s = apply(s, expectOk(planTransition(s, "issueCertificate", caseworker, { issuedOn: "2025-04-01" })));
    expect(s.status).toBe("CERTIFICATE_ISSUED");
    expect(names(s, caseworker)).toEqual(["close"]);
  });

  it("withdraws a mediation case and starts the advice-only certificate when the family asks for one (R-12)", () => {
    const s = snap({ status: "MEETING_SCHEDULED", allocatedMediatorId: "u-med", hasHealthIssue: true, openDeadlines: ["MEDIATION_30_DAY", "HEALTH_NOTIFICATION"] });
    const p = expectOk(planTransition(s, "withdraw", caseworker, { toldOn: "2025-04-10", reason: "Family decided to appeal", certificateRequested: true }));
    expect(p).toMatchObject({
      to: "WITHDRAWN",
      starts: ["CERTIFICATE_ADVICE_ONLY"],
      stops: ["MEDIATION_30_DAY", "HEALTH_NOTIFICATION"],
      event: { type: "CASE_WITHDRAWN", rule: "R-12" },
    });
    const w = apply(s, p);
    // A withdrawn mediation case must get the certificate it asked for before it can be closed.
    expect(names(w, caseworker)).toEqual(["issueCertificate"]);
    expect(planTransition(w, "close", caseworker, { reason: "x" })).toMatchObject({ ok: false, code: "GUARD_FAILED" });
  });

  it("walks a DRS case without any certificate (R-71, R-72)", () => {
    let s = drs();
    let p = expectOk(planTransition(s, "startContacting", caseworker, {}));
    expect(p).toMatchObject({ to: "CONTACTING_PARTIES", starts: [], triggerDate: null, record: {} });
    s = apply(s, p);
    s = apply(s, expectOk(planTransition(s, "requestConsent", caseworker)));
    s = apply(s, expectOk(planTransition(s, "allocate", caseworker, { mediatorId: "u-med" })));
    s = apply(s, expectOk(planTransition(s, "startPreparing", mediator)));
    s = apply(s, expectOk(planTransition(s, "scheduleMeeting", mediator, { meetingOn: "2025-06-02" })));
    p = expectOk(planTransition(s, "recordMeetingHeld", mediator, { heldOn: "2025-06-02", agreement: "FULL" }));
    expect(p).toMatchObject({ to: "MEETING_HELD", starts: [], stops: [], event: { rule: "R-72" } });
    s = apply(s, p);
    expect(names(s, caseworker).sort()).toEqual(["close", "startMonitoring"]);
    s = apply(s, expectOk(planTransition(s, "startMonitoring", caseworker)));
    expect(s.status).toBe("MONITORING");
    expect(expectOk(planTransition(s, "close", caseworker, { reason: "Actions done" })).to).toBe("CLOSED");
  });

  it("records that a DRS party declined, so the case does not proceed (R-73)", () => {
    const s = drs({ status: "AWAITING_CONSENT", parties: [parent(), la(), school("DECLINED")] });
    const p = expectOk(
      planTransition(s, "declineDrs", caseworker, { declinedByPartyId: "p-school", reason: "School prefers a meeting with the SENCo" }),
    );
    expect(p).toMatchObject({
      to: "NOT_PROCEEDING",
      record: { declinedByPartyId: "p-school", reason: "School prefers a meeting with the SENCo" },
      event: { type: "DRS_DECLINED", summary: "Not proceeding: Hillside Academy (school, college or setting) declined to take part", rule: "R-73" },
    });
  });

  it("withdraws a DRS case without a certificate and then closes it", () => {
    const s = drs({ status: "PREPARING", allocatedMediatorId: "u-med" });
    const p = expectOk(planTransition(s, "withdraw", admin, { toldOn: "2025-05-01", reason: "LA and parent resolved it" }));
    expect(p).toMatchObject({ to: "WITHDRAWN", starts: [], stops: [], event: { rule: "R-70" } });
    const w = apply(s, p);
    expect(names(w, caseworker)).toEqual(["close"]);
  });

  it("planTransition returns the plan when allowed", () => {
    const plan = planTransition(snap({ status: "CONTACTING_PARTIES" }), "requestConsent", caseworker);
    expect(plan).toMatchObject({ ok: true, to: "AWAITING_CONSENT" });
  });
});

// ---------------------------------------------------------------------------------------------
// Refusals
// ---------------------------------------------------------------------------------------------

describe("refusals", () => {
  it("refuses an unknown transition", () => {
    expect(planTransition(snap(), "teleport", admin)).toMatchObject({ ok: false, code: "UNKNOWN_TRANSITION" });
  });

  it("refuses a transition from the wrong status with a clear message", () => {
    const r = planTransition(snap({ status: "CLOSED" }), "allocate", caseworker, { mediatorId: "u-med" });
    expect(r).toMatchObject({ ok: false, code: "NOT_ALLOWED_FROM_STATUS" });
    if (!r.ok) expect(r.message).toMatch(/^This case is Closed, so it cannot be allocated\./);

    expect(planTransition(snap({ status: "REFERRED" }), "recordMeetingHeld", admin, { heldOn: "2025-04-24" })).toMatchObject({
      ok: false,
      code: "NOT_ALLOWED_FROM_STATUS",
    });
    // Mediation needs its certificate before monitoring; DRS goes straight from the meeting.
    expect(planTransition(snap({ status: "MEETING_HELD" }), "startMonitoring", admin)).toMatchObject({
      ok: false,
      code: "NOT_ALLOWED_FROM_STATUS",
    });
    // withdraw only before the meeting is held
    expect(
      planTransition(snap({ status: "MEETING_HELD" }), "withdraw", admin, { toldOn: "2025-04-24", reason: "x" }),
    ).toMatchObject({ ok: false, code: "NOT_ALLOWED_FROM_STATUS" });
  });

  it("offers nothing from terminal statuses but re-opening a closed case and recording an appeal", () => {
    for (const status of TERMINAL_STATUSES) {
      for (const kind of CASE_KINDS) {
        const expected = [...(kind !== "DRS" ? ["recordAppeal"] : []), ...(status === "CLOSED" ? ["reopen"] : [])];
        expect(availableTransitions(snap({ status, kind }), admin).map(({ name }) => name), `${kind}/${status}`).toEqual(expected);
      }
    }
  });

  const staffOnly = TRANSITIONS.filter((t) => !t.roles.includes("MEDIATOR")).map((t) => t.name);

  it("refuses a mediator for staff-only transitions", () => {
    expect(staffOnly).toContain("allocate");
    const r = planTransition(snap({ status: "AWAITING_CONSENT" }), "allocate", mediator, { mediatorId: "u-med" });
    expect(r).toMatchObject({ ok: false, code: "ROLE_NOT_PERMITTED", message: "Only a caseworker or an admin can allocate a mediator." });
    // The mediator issues only the after-mediation certificate, not the advice-only one.
    const c = planTransition(
      snap({ status: "WITHDRAWN", allocatedMediatorId: "u-med", openDeadlines: ["CERTIFICATE_ADVICE_ONLY"] }),
      "issueCertificate",
      mediator,
      { issuedOn: "2025-04-29" },
    );
    expect(c).toMatchObject({ ok: false, code: "ROLE_NOT_PERMITTED", message: "Only a caseworker or an admin can issue a certificate." });
  });

  it.each<[Role, Actor]>([
    ["LA_OFFICER", laOfficer],
    ["PARENT", parentUser],
  ])("never lets %s make any transition", (_role, actor) => {
    for (const t of TRANSITIONS) {
      const kind = t.kinds[0]!;
      const status = fromStatusesFor(t, kind)[0]!;
      const s = snap({ kind, status, allocatedMediatorId: actor.id, hasHealthIssue: true });
      const r = planTransition(s, t.name, actor, {});
      expect(r, t.name).toMatchObject({ ok: false, code: "ROLE_NOT_PERMITTED" });
      expect(availableTransitions(s, actor)).toEqual([]);
    }
    const r = planTransition(snap({ status: "MEETING_SCHEDULED", allocatedMediatorId: "u-med" }), "recordMeetingHeld", actor, {
      heldOn: "2025-04-24",
    });
    if (!r.ok) expect(r.message).toBe("Only the allocated mediator, a caseworker or an admin can record that the meeting was held.");
    else throw new Error("should have been refused");
  });

  it("refuses a mediator who is not allocated to the case", () => {
    const s = snap({ status: "MEETING_SCHEDULED", allocatedMediatorId: "u-med" });
    const r = planTransition(s, "recordMeetingHeld", otherMediator, { heldOn: "2025-04-24" });
    expect(r).toMatchObject({ ok: false, code: "ROLE_NOT_PERMITTED" });
    if (!r.ok) expect(r.message).toContain("allocated to another mediator");
    expect(availableTransitions(s, otherMediator)).toEqual([]);
    expect(names(s, mediator)).toEqual(["scheduleMeeting", "cancelMeeting", "recordMeetingHeld"]);

    const unallocated = snap({ status: "ALLOCATED", allocatedMediatorId: null });
    expect(planTransition(unallocated, "startPreparing", mediator)).toMatchObject({ ok: false, code: "ROLE_NOT_PERMITTED" });
  });

  it("refuses transitions that do not apply to the kind of case", () => {
    // DRS gives no certificate.
    const r = planTransition(drs({ status: "MEETING_HELD", allocatedMediatorId: "u-med" }), "issueCertificate", caseworker, {
      issuedOn: "2025-06-05",
    });
    expect(r).toMatchObject({ ok: false, code: "KIND_NOT_APPLICABLE" });
    if (!r.ok) expect(r.message).toContain("R-71");
    expect(planTransition(drs({ status: "PREPARING" }), "recordNotArranged", caseworker, { toldOn: "2025-05-01" })).toMatchObject({
      ok: false,
      code: "KIND_NOT_APPLICABLE",
    });
    // R-73 only for DRS
    expect(
      planTransition(snap({ status: "AWAITING_CONSENT" }), "declineDrs", caseworker, { declinedByPartyId: "p-la", reason: "x" }),
    ).toMatchObject({ ok: false, code: "KIND_NOT_APPLICABLE" });
    expect(planTransition(drs(), "chooseAdviceOnly", caseworker, { toldOn: "2025-05-01" })).toMatchObject({
      ok: false,
      code: "KIND_NOT_APPLICABLE",
    });
    expect(planTransition(snap({ kind: "ADVICE_ONLY" }), "startContacting", caseworker, {})).toMatchObject({
      ok: false,
      code: "KIND_NOT_APPLICABLE",
    });
  });

  it("refuses when a required input is missing, naming the field", () => {
    const r = planTransition(snap(), "startContacting", caseworker, {});
    expect(r).toMatchObject({ ok: false, code: "MISSING_INPUT", field: "laNotifiedOn" });
    expect(planTransition(snap({ status: "AWAITING_CONSENT" }), "allocate", caseworker, { mediatorId: "   " })).toMatchObject({
      ok: false,
      code: "MISSING_INPUT",
      field: "mediatorId",
    });
    expect(planTransition(snap({ status: "CERTIFICATE_ISSUED" }), "close", caseworker, {})).toMatchObject({
      ok: false,
      code: "MISSING_INPUT",
      field: "reason",
    });
    expect(
      planTransition(snap({ status: "CONTACTING_PARTIES" }), "withdraw", caseworker, { toldOn: "2025-04-01" }),
    ).toMatchObject({ ok: false, code: "MISSING_INPUT", field: "reason" });
    expect(planTransition(drs({ status: "AWAITING_CONSENT" }), "declineDrs", caseworker, { reason: "x" })).toMatchObject({
      ok: false,
      code: "MISSING_INPUT",
      field: "declinedByPartyId",
    });
  });

  it.each(["2025-02-30", "2025-13-01", "26/03/2025", "2025-3-26", "yesterday", 20250326, "2025-03-26T10:00:00Z"])(
    "refuses the bad date %s",
    (bad) => {
      const r = planTransition(snap(), "startContacting", caseworker, { laNotifiedOn: bad });
      expect(r).toMatchObject({ ok: false, code: "MISSING_INPUT", field: "laNotifiedOn" });
      if (!r.ok) expect(r.message).toBe("Date the LA was told the family wants mediation must be a real date.");
    },
  );

  it("says why a date typed in the day, month and year boxes is refused (issue 8 item 3)", () => {
    const refused = (laNotifiedOn: string) => {
      const r = planTransition(snap(), "startContacting", caseworker, { laNotifiedOn });
      return r.ok ? null : r.message;
    };
    expect(refused("day=31&month=2&year=2025")).toBe("Date the LA was told the family wants mediation must be a real date – February 2025 has 28 days.");
    expect(refused("day=31&month=&year=2025")).toBe("Date the LA was told the family wants mediation must include a month.");
  });

  it("refuses an optional input of the wrong type", () => {
    const s = snap({ status: "PREPARING", allocatedMediatorId: "u-med" });
    expect(planTransition(s, "scheduleMeeting", caseworker, { meetingOn: "2025-05-01", shortNoticeAgreed: "yes" })).toMatchObject({
      ok: false,
      code: "MISSING_INPUT",
      field: "shortNoticeAgreed",
    });
  });

  it("a date the case already holds is not asked again, and a clock already running from it is not restarted (issue 8, item 9)", () => {
    const dates = { decisionSentOn: "2025-02-03", laNotifiedOn: "2025-03-26", meetingOn: null, heldOn: null, openDeadlineDates: { MEDIATION_30_DAY: { triggerOn: "2025-03-26", dueOn: "2025-04-25" } } };
    const s = snap({ status: "REFERRED", dates, openDeadlines: ["MEDIATION_30_DAY"] });
    const p = planTransition(s, "startContacting", caseworker, {});
    expect(p).toMatchObject({ ok: true, to: "CONTACTING_PARTIES", record: { laNotifiedOn: "2025-03-26" }, starts: [], triggerDate: null });
    // Without a recorded date it is still needed.
    expect(planTransition(snap({ status: "REFERRED" }), "startContacting", caseworker, {})).toMatchObject({ ok: false, code: "MISSING_INPUT", field: "laNotifiedOn" });
  });

  it("R-01: only the case's family party must consent — a declining parent does not block a young person's own case", () => {
    const youngPerson: CaseParty = { id: "p-yp", name: "Alex Young", kind: "YOUNG_PERSON", consent: "GIVEN" };
    const ypCase = snap({ status: "AWAITING_CONSENT", familyParty: "YOUNG_PERSON", parties: [youngPerson, parent("DECLINED"), la()] });
    expect(partiesWhoseConsentIsRequired(ypCase).map((p) => p.id)).toEqual(["p-yp"]);
    expect(planTransition(ypCase, "allocate", caseworker, { mediatorId: "u-med" })).toMatchObject({ ok: true, to: "ALLOCATED" });
    // And the other way round: in a parent's case, a young person's party is not asked.
    const parentCase = snap({ status: "AWAITING_CONSENT", familyParty: "PARENT", parties: [parent("GIVEN"), { ...youngPerson, consent: "PENDING" }, la()] });
    expect(partiesWhoseConsentIsRequired(parentCase).map((p) => p.id)).toEqual(["p-parent"]);
    expect(planTransition(parentCase, "allocate", caseworker, { mediatorId: "u-med" })).toMatchObject({ ok: true });
    // The young person declining does block their own case.
    const declined = snap({ status: "AWAITING_CONSENT", familyParty: "YOUNG_PERSON", parties: [{ ...youngPerson, consent: "DECLINED" }, parent("GIVEN")] });
    expect(planTransition(declined, "allocate", caseworker, { mediatorId: "u-med" })).toMatchObject({ ok: false, code: "GUARD_FAILED" });
  });

  it("names who has not consented before allocation (mediation: the family, R-01/R-05)", () => {
    const s = snap({ status: "AWAITING_CONSENT", parties: [parent("PENDING"), la("PENDING")] });
    const r = planTransition(s, "allocate", caseworker, { mediatorId: "u-med" });
    expect(r).toEqual({ ok: false, code: "GUARD_FAILED", message: "Consent is still needed from: Jane Smith (parent or carer)." });
    expect(names(s, caseworker)).not.toContain("allocate");
    expect(checkTransition(s, "allocate", caseworker)).toMatchObject({ ok: false, code: "GUARD_FAILED" });

    const declined = snap({ status: "AWAITING_CONSENT", parties: [parent("DECLINED"), la()] });
    const d = planTransition(declined, "allocate", caseworker, { mediatorId: "u-med" });
    expect(d).toMatchObject({ ok: false, code: "GUARD_FAILED" });
    if (!d.ok) expect(d.message).toContain("Jane Smith (parent or carer) declined mediation");

    const noFamily = snap({ status: "AWAITING_CONSENT", parties: [la("GIVEN")] });
    expect(planTransition(noFamily, "allocate", caseworker, { mediatorId: "u-med" })).toMatchObject({ ok: false, code: "GUARD_FAILED" });
  });

  it("needs every DRS party's consent, not supporters' (R-70, R-73)", () => {
    const s = drs({ status: "AWAITING_CONSENT", parties: [parent(), la("PENDING"), school("PENDING"), supporter] });
    expect(partiesWhoseConsentIsRequired(s).map((p) => p.id)).toEqual(["p-parent", "p-la", "p-school"]);
    const r = planTransition(s, "allocate", caseworker, { mediatorId: "u-med" });
    expect(r).toEqual({
      ok: false,
      code: "GUARD_FAILED",
      message: "Consent is still needed from: Northshire County Council (local authority representative), Hillside Academy (school, college or setting).",
    });
    const declined = drs({ status: "AWAITING_CONSENT", parties: [parent(), la("DECLINED"), school()] });
    const d = planTransition(declined, "allocate", caseworker, { mediatorId: "u-med" });
    expect(d).toMatchObject({ ok: false, code: "GUARD_FAILED" });
    if (!d.ok) expect(d.message).toContain("Northshire County Council (local authority representative) declined to take part");
  });

  it("refuses to record a DRS refusal by someone who is not a party to it", () => {
    const s = drs({ status: "AWAITING_CONSENT" });
    expect(planTransition(s, "declineDrs", caseworker, { declinedByPartyId: "p-unknown", reason: "x" })).toMatchObject({
      ok: false,
      code: "MISSING_INPUT",
      field: "declinedByPartyId",
    });
    expect(planTransition(s, "declineDrs", caseworker, { declinedByPartyId: "p-sup", reason: "x" })).toMatchObject({
      ok: false,
      code: "GUARD_FAILED",
      field: "declinedByPartyId",
    });
  });

  it("refuses to reallocate to the same mediator", () => {
    const s = snap({ status: "ALLOCATED", allocatedMediatorId: "u-med" });
    expect(planTransition(s, "reallocate", caseworker, { mediatorId: "u-med" })).toMatchObject({ ok: false, code: "GUARD_FAILED" });
  });

  it("guards the status-preserving events on the deadlines that are open", () => {
    const s = snap({ status: "PREPARING", allocatedMediatorId: "u-med", openDeadlines: ["MEDIATION_30_DAY"] });
    expect(planTransition(s, "issueNotArrangedCertificate", caseworker, { issuedOn: "2025-04-22" })).toMatchObject({
      ok: false,
      code: "GUARD_FAILED",
    });
    const pending = { ...s, openDeadlines: ["CERTIFICATE_NOT_ARRANGED"] as const };
    expect(planTransition(pending, "recordNotArranged", caseworker, { toldOn: "2025-04-22" })).toMatchObject({
      ok: false,
      code: "GUARD_FAILED",
    });
    expect(planTransition(snap({ status: "PREPARING" }), "recordHealthNotified", caseworker, { notifiedOn: "2025-04-01" })).toMatchObject({
      ok: false,
      code: "GUARD_FAILED",
    });
  });

  it("a refusal carries its code, and the input at fault", () => {
    expect(planTransition(snap({ status: "CLOSED" }), "allocate", caseworker, { mediatorId: "u-med" })).toMatchObject({ ok: false, code: "NOT_ALLOWED_FROM_STATUS" });
    expect(planTransition(snap(), "startContacting", caseworker, { laNotifiedOn: "2025-02-30" })).toMatchObject({
      ok: false,
      code: "MISSING_INPUT",
      field: "laNotifiedOn",
    });
  });
});

describe("availableTransitions", () => {
  it("lists the buttons a caseworker sees at each early stage", () => {
    expect(names(snap(), caseworker)).toEqual(["startContacting", "chooseAdviceOnly", "withdraw"]);
    // The 30-day clock runs from "start contacting"; the certificate waits for "not arranged".
    expect(names(snap({ status: "CONTACTING_PARTIES", openDeadlines: ["MEDIATION_30_DAY"] }), caseworker)).toEqual([
      "requestConsent",
      "recordNotArranged",
      "chooseAdviceOnly",
      "withdraw",
    ]);
    expect(
      names(snap({ status: "CONTACTING_PARTIES", hasHealthIssue: true, openDeadlines: ["MEDIATION_30_DAY", "HEALTH_NOTIFICATION"] }), caseworker),
    ).toContain("recordHealthNotified");
  });

  it("gives a mediator nothing on a case before it is allocated to them", () => {
    for (const status of CASE_STATUSES) expect(availableTransitions(snap({ status }), mediator)).toEqual([]);
  });

  it("agrees with planTransition's pre-input checks for every role, status and kind", () => {
    const actors = [caseworker, admin, mediator, otherMediator, laOfficer, parentUser];
    for (const kind of CASE_KINDS)
      for (const status of CASE_STATUSES)
        for (const actor of actors) {
          const s = snap({ kind, status, allocatedMediatorId: "u-med" });
          const names = availableTransitions(s, actor).map((t) => t.name);
          for (const t of TRANSITIONS) {
            const r = planTransition(s, t.name, actor, {});
            // Available ⇔ the only possible refusal left is about inputs.
            const passedChecks = r.ok || r.code === "MISSING_INPUT" || (r.code === "GUARD_FAILED" && r.field !== undefined);
            expect(names.includes(t.name), `${kind}/${status}/${actor.role}/${t.name}`).toBe(passedChecks);
          }
        }
  });
});

// ---------------------------------------------------------------------------------------------
// Issue 8: clocks answered where they run (item 4), withdrawal (item 7), DRS (item 12), the
// certificate's issuer, monitoring after an agreement, changing the mediator (item 13)
// ---------------------------------------------------------------------------------------------

/** What is offered, leaving out recording an appeal, which is offered in every status (its own tests below). */
const names = (s: CaseSnapshot, actor: Actor = caseworker) =>
  availableTransitions(s, actor)
    .map((t) => t.name)
    .filter((n) => n !== "recordAppeal");
const CERTIFICATES: readonly DeadlineName[] = ["CERTIFICATE_ADVICE_ONLY", "CERTIFICATE_AFTER_MEDIATION", "CERTIFICATE_NOT_ARRANGED"];

describe("deadlines opened at intake can be answered at once (R-21, R-23)", () => {
  /** A referral logged with the date the LA was told and a health issue: intake opened both clocks. */
  const referred = snap({ hasHealthIssue: true, openDeadlines: ["MEDIATION_30_DAY", "HEALTH_NOTIFICATION"] });

  it("offers 'record health body told' and 'record not arranged' while the case is still Referred", () => {
    expect(names(referred)).toEqual(["startContacting", "recordNotArranged", "recordHealthNotified", "chooseAdviceOnly", "withdraw"]);

    const h = expectOk(planTransition(referred, "recordHealthNotified", caseworker, { notifiedOn: "2025-03-27" }));
    expect(h).toMatchObject({ from: "REFERRED", to: "REFERRED", statusChanged: false, stops: ["HEALTH_NOTIFICATION"], starts: [], event: { rule: "R-21" } });

    const n = expectOk(planTransition(referred, "recordNotArranged", caseworker, { toldOn: "2025-03-28" }));
    expect(n).toMatchObject({ from: "REFERRED", to: "REFERRED", statusChanged: false, starts: ["CERTIFICATE_NOT_ARRANGED"], triggerDate: "2025-03-28" });

    // …and the certificate that follows can be issued there too.
    const pending = apply(referred, n);
    expect(names(pending)).toContain("issueNotArrangedCertificate");
    expect(names(pending)).not.toContain("recordNotArranged");
    const c = expectOk(planTransition(pending, "issueNotArrangedCertificate", admin, { issuedOn: "2025-03-31" }));
    expect(c).toMatchObject({ to: "REFERRED", stops: ["CERTIFICATE_NOT_ARRANGED"], record: { certificateKind: "NOT_ARRANGED" } });
  });

  it("refuses them when intake opened no clock (the LA had not been told), saying why", () => {
    const none = snap({ hasHealthIssue: true, openDeadlines: [] });
    expect(names(none)).toEqual(["startContacting", "chooseAdviceOnly", "withdraw"]);
    const h = planTransition(none, "recordHealthNotified", caseworker, { notifiedOn: "2025-03-27" });
    expect(h).toMatchObject({ ok: false, code: "GUARD_FAILED" });
    if (!h.ok) expect(h.message).toContain("(R-21)");
    const n = planTransition(none, "recordNotArranged", caseworker, { toldOn: "2025-03-27" });
    expect(n).toMatchObject({ ok: false, code: "GUARD_FAILED" });
    if (!n.ok) expect(n.message).toContain("The 30-day clock is not running on this case");
  });

  it("offers 'record health body told' after the meeting too, while that deadline is still open", () => {
    for (const status of ["MEETING_HELD", "CERTIFICATE_ISSUED", "MONITORING"] as const) {
      expect(names(snap({ status, hasHealthIssue: true, allocatedMediatorId: "u-med", openDeadlines: ["HEALTH_NOTIFICATION"] })), status).toContain("recordHealthNotified");
      expect(names(snap({ status, hasHealthIssue: true, allocatedMediatorId: "u-med", openDeadlines: [] })), status).not.toContain("recordHealthNotified");
    }
  });
});

// A walk over every state the table can reach from intake, with sample inputs for every transition.
const SAMPLE_INPUTS: Record<TransitionName, Record<string, unknown>[]> = {
  startContacting: [{ laNotifiedOn: "2025-03-26" }],
  requestConsent: [{}],
  allocate: [{ mediatorId: "u-med" }],
  reallocate: [{ mediatorId: "u-med-2" }],
  declineDrs: [{ declinedByPartyId: "p-school", reason: "School declined" }],
  startPreparing: [{}],
  scheduleMeeting: [{ meetingOn: "2025-04-24" }],
  cancelMeeting: [{ reason: "The mediator is ill" }],
  recordNotArranged: [{ toldOn: "2025-04-14" }],
  issueNotArrangedCertificate: [{ issuedOn: "2025-04-16" }],
  recordHealthNotified: [{ notifiedOn: "2025-03-28" }],
  recordIcbToldLa: [{ toldOn: "2025-04-30" }],
  recordMeetingHeld: [
    { heldOn: "2025-04-24", agreement: "FULL" },
    { heldOn: "2025-04-24", agreement: "NONE" },
  ],
  issueCertificate: [{ issuedOn: "2025-04-29" }],
  startMonitoring: [{}],
  close: [{ reason: "Done" }],
  chooseAdviceOnly: [{ toldOn: "2025-03-28" }],
  withdraw: [
    { toldOn: "2025-04-15", reason: "Changed their mind", certificateRequested: true },
    { toldOn: "2025-04-15", reason: "Changed their mind", certificateRequested: false },
  ],
  recordAppeal: [{ appealLodgedOn: "2025-04-20", appealReference: "EH123/25/00042" }],
  reopen: [{ reason: "A corrected certificate is needed" }],
};

const keyOf = (s: CaseSnapshot) => JSON.stringify([s.status, [...(s.openDeadlines ?? [])].sort(), s.agreement ?? null, s.allocatedMediatorId]);

/** Every snapshot reachable from the starting ones, with the moves between them. */
function explore(starts: CaseSnapshot[]): { states: Map<string, CaseSnapshot>; next: Map<string, Set<string>> } {
  const states = new Map<string, CaseSnapshot>();
  const next = new Map<string, Set<string>>();
  const queue = [...starts];
  for (const s of starts) states.set(keyOf(s), s);
  while (queue.length) {
    const s = queue.shift()!;
    const out = new Set<string>();
    for (const t of TRANSITIONS) {
      for (const input of SAMPLE_INPUTS[t.name]) {
        const p = planTransition(s, t.name, admin, input);
        if (!p.ok) continue;
        const after = apply(s, p);
        const k = keyOf(after);
        out.add(k);
        if (!states.has(k)) {
          states.set(k, after);
          queue.push(after);
        }
      }
    }
    next.set(keyOf(s), out);
  }
  return { states, next };
}

describe("every state the table reaches from intake", () => {
  const mediation = explore([
    snap({ hasHealthIssue: true, openDeadlines: [] }),
    snap({ hasHealthIssue: true, openDeadlines: ["MEDIATION_30_DAY", "HEALTH_NOTIFICATION"] }),
  ]);
  const drsCases = explore([drs({ status: "REFERRED", openDeadlines: [] })]);

  it("offers each deadline's recording action in every open status where that deadline runs (R-21, R-23)", () => {
    let checked = 0;
    for (const s of mediation.states.values()) {
      if (isTerminalStatus(s.status)) continue;
      const open = s.openDeadlines ?? [];
      const available = names(s, admin);
      if (open.includes("HEALTH_NOTIFICATION")) expect(available, `${keyOf(s)}`).toContain("recordHealthNotified");
      if (open.includes("MEDIATION_30_DAY") && !open.includes("CERTIFICATE_NOT_ARRANGED")) expect(available, `${keyOf(s)}`).toContain("recordNotArranged");
      // After the meeting (or advice only), "Issue certificate" issues it and moves the case on.
      if (open.includes("CERTIFICATE_NOT_ARRANGED")) {
        expect(available, `${keyOf(s)}`).toContain(s.status === "MEETING_HELD" || s.status === "ADVICE_ONLY" ? "issueCertificate" : "issueNotArrangedCertificate");
      }
      if (!open.includes("HEALTH_NOTIFICATION")) expect(available, `${keyOf(s)}`).not.toContain("recordHealthNotified");
      if (open.some((dl) => dl === "HEALTH_NOTIFICATION" || dl === "MEDIATION_30_DAY")) checked++;
    }
    expect(checked).toBeGreaterThan(10);
    // The walk did reach a Referred case with both intake clocks open.
    expect([...mediation.states.values()].some((s) => s.status === "REFERRED" && s.openDeadlines?.includes("HEALTH_NOTIFICATION"))).toBe(true);
  });

  it("never leaves two certificate deadlines running, whatever happened (R-12, R-23, R-30)", () => {
    for (const s of mediation.states.values()) {
      expect((s.openDeadlines ?? []).filter((dl) => CERTIFICATES.includes(dl)).length, keyOf(s)).toBeLessThanOrEqual(1);
    }
    // The walk did reach a held meeting with the "could not be arranged" certificate still due.
    expect([...mediation.states.values()].some((s) => s.status === "MEETING_HELD" && s.openDeadlines?.includes("CERTIFICATE_NOT_ARRANGED"))).toBe(true);
  });

  it("never leaves two certificate deadlines running on a withdrawn case (R-12, R-23)", () => {
    const withdrawn = [...mediation.states.values()].filter((s) => s.status === "WITHDRAWN");
    expect(withdrawn.length).toBeGreaterThan(0);
    for (const s of withdrawn) {
      expect((s.openDeadlines ?? []).filter((dl) => CERTIFICATES.includes(dl)).length, keyOf(s)).toBeLessThanOrEqual(1);
    }
    // Both kinds of withdrawn case were reached: with no certificate due, and with the "not arranged" one due.
    expect(withdrawn.some((s) => (s.openDeadlines ?? []).length === 0)).toBe(true);
    expect(withdrawn.some((s) => s.openDeadlines?.includes("CERTIFICATE_NOT_ARRANGED"))).toBe(true);
  });

  it.each([
    ["MEDIATION", mediation],
    ["DRS", drsCases],
  ] as const)("lets every reachable %s state still reach a terminal status", (_kind, graph) => {
    for (const [key, s] of graph.states) {
      const seen = new Set([key]);
      const queue = [key];
      let ends = false;
      while (queue.length && !ends) {
        const k = queue.shift()!;
        if (isTerminalStatus(graph.states.get(k)!.status)) ends = true;
        for (const n of graph.next.get(k) ?? []) {
          if (!seen.has(n)) {
            seen.add(n);
            queue.push(n);
          }
        }
      }
      expect(ends, `${keyOf(s)} cannot reach an end`).toBe(true);
    }
  });

  it("never opens a certificate deadline on a DRS case (R-71)", () => {
    for (const s of drsCases.states.values()) expect((s.openDeadlines ?? []).filter((dl) => CERTIFICATES.includes(dl)), keyOf(s)).toEqual([]);
  });
});

describe("withdrawal: a certificate only when the family asks (R-12)", () => {
  const arranging = snap({ status: "PREPARING", allocatedMediatorId: "u-med", openDeadlines: ["MEDIATION_30_DAY"] });

  it("starts no certificate when the family did not ask, and the withdrawn case can be closed with a reason", () => {
    const p = expectOk(planTransition(arranging, "withdraw", caseworker, { toldOn: "2025-04-10", reason: "Resolved with the school", certificateRequested: false }));
    expect(p).toMatchObject({ to: "WITHDRAWN", starts: [], stops: ["MEDIATION_30_DAY"], triggerDate: null, record: { certificateRequested: false } });
    const w = apply(arranging, p);
    expect(w.openDeadlines).toEqual([]);
    expect(names(w)).toEqual(["close"]);
    expect(planTransition(w, "issueCertificate", caseworker, { issuedOn: "2025-04-11" })).toMatchObject({ ok: false, code: "GUARD_FAILED" });
    const c = expectOk(planTransition(w, "close", caseworker, { reason: "Family withdrew; no certificate wanted" }));
    expect(c).toMatchObject({ from: "WITHDRAWN", to: "CLOSED", event: { summary: "Case closed: Family withdrew; no certificate wanted", sharedSummary: "Case closed" } });
  });

  it("keeps a running 'could not be arranged' certificate as the one certificate due (R-23), asked or not", () => {
    const notArranged = apply(arranging, expectOk(planTransition(arranging, "recordNotArranged", caseworker, { toldOn: "2025-04-14" })));
    expect(notArranged.openDeadlines).toEqual(["MEDIATION_30_DAY", "CERTIFICATE_NOT_ARRANGED"]);
    for (const certificateRequested of [true, false]) {
      const p = expectOk(planTransition(notArranged, "withdraw", caseworker, { toldOn: "2025-04-15", reason: "Appealing", certificateRequested }));
      expect(p.starts).toEqual([]);
      expect(p.stops).toEqual(["MEDIATION_30_DAY"]);
      const w = apply(notArranged, p);
      expect(w.openDeadlines).toEqual(["CERTIFICATE_NOT_ARRANGED"]);
      // Only that certificate can be issued; the case cannot close until it is.
      expect(names(w)).toEqual(["issueNotArrangedCertificate"]);
      const close = planTransition(w, "close", caseworker, { reason: "x" });
      expect(close).toMatchObject({ ok: false, code: "GUARD_FAILED", message: "A certificate is still due on this case: issue it before closing the case (R-12, R-30)." });
      const issued = apply(w, expectOk(planTransition(w, "issueNotArrangedCertificate", caseworker, { issuedOn: "2025-04-16" })));
      expect(issued).toMatchObject({ status: "WITHDRAWN", openDeadlines: [] });
      expect(names(issued)).toEqual(["close"]);
    }
  });

  it("needs the answer for a mediation case, as yes or no, and does not ask it for DRS (R-71)", () => {
    expect(planTransition(arranging, "withdraw", caseworker, { toldOn: "2025-04-10", reason: "x" })).toMatchObject({ ok: false, code: "MISSING_INPUT", field: "certificateRequested" });
    expect(planTransition(arranging, "withdraw", caseworker, { toldOn: "2025-04-10", reason: "x", certificateRequested: "yes" })).toMatchObject({
      ok: false,
      code: "MISSING_INPUT",
      field: "certificateRequested",
    });
    const withdraw = getTransition("withdraw")!;
    expect(inputsFor(withdraw, "MEDIATION").map((i) => i.name)).toEqual(["toldOn", "reason", "certificateRequested"]);
    expect(inputsFor(withdraw, "DRS").map((i) => i.name)).toEqual(["toldOn", "reason"]);
    const d = expectOk(planTransition(drs({ status: "PREPARING", allocatedMediatorId: "u-med" }), "withdraw", caseworker, { toldOn: "2025-04-10", reason: "x", certificateRequested: true }));
    expect(d).toMatchObject({ starts: [], record: { toldOn: "2025-04-10", reason: "x" } });
    expect(d.record).not.toHaveProperty("certificateRequested");
  });
});

describe("DRS: the refusal is shared, and meetings have no notice rule (R-22, R-70, R-73)", () => {
  it("records the refusal as a SHARED entry that names who declined but not the staff reason (R-73, R-80)", () => {
    expect(getTransition("declineDrs")!.visibility).toBe("SHARED");
    const s = drs({ status: "AWAITING_CONSENT", parties: [parent(), la(), school("DECLINED")] });
    const p = expectOk(planTransition(s, "declineDrs", caseworker, { declinedByPartyId: "p-school", reason: "Head teacher is on leave until June" }));
    expect(p.event.sharedSummary).toBe("Not proceeding: Hillside Academy (school, college or setting) declined to take part");
    expect(p.event.sharedSummary).not.toContain("leave");
  });

  it("does not ask a DRS case for the family's agreement to short notice, nor cite R-22", () => {
    const row = getTransition("scheduleMeeting")!;
    expect(row.notice).toEqual({ date: "meetingOn", agreed: "shortNoticeAgreed", kinds: ["MEDIATION"] });
    expect(inputsFor(row, "DRS").map((i) => i.name)).toEqual(["meetingOn"]);
    expect(inputsFor(row, "MEDIATION").map((i) => i.name)).toEqual(["meetingOn", "shortNoticeAgreed"]);
    const s = drs({ status: "PREPARING", allocatedMediatorId: "u-med" });
    const p = expectOk(planTransition(s, "scheduleMeeting", mediator, { meetingOn: "2025-06-02", shortNoticeAgreed: false }));
    expect(p.record).toEqual({ meetingOn: "2025-06-02" });
    expect(p.event.rule).toBeUndefined();
    const m = expectOk(planTransition(snap({ status: "PREPARING", allocatedMediatorId: "u-med" }), "scheduleMeeting", mediator, { meetingOn: "2025-06-02" }));
    expect(m.event.rule).toBe("R-22");
  });
});

describe("the certificate's issuer, monitoring after an agreement, changing the mediator", () => {
  const held = snap({ status: "MEETING_HELD", allocatedMediatorId: "u-med", openDeadlines: ["CERTIFICATE_AFTER_MEDIATION"] });

  it("lets the allocated mediator issue the after-mediation certificate, and records the mediator as its issuer (R-30)", () => {
    expect(names(held, mediator)).toEqual(["issueCertificate"]);
    const byMediator = expectOk(planTransition(held, "issueCertificate", mediator, { issuedOn: "2025-04-29" }));
    expect(byMediator.record).toEqual({ issuedOn: "2025-04-29", certificateKind: "AFTER_MEDIATION", issuerId: "u-med" });
    // A caseworker recording it still records the mediator as the issuer.
    expect(expectOk(planTransition(held, "issueCertificate", caseworker, { issuedOn: "2025-04-29" })).record.issuerId).toBe("u-med");
    expect(planTransition(held, "issueCertificate", otherMediator, { issuedOn: "2025-04-29" })).toMatchObject({ ok: false, code: "ROLE_NOT_PERMITTED" });
    // The advice-only and "not arranged" certificates are the adviser's: the member of staff who issues them.
    const advice = snap({ status: "ADVICE_ONLY", openDeadlines: ["CERTIFICATE_ADVICE_ONLY"] });
    expect(expectOk(planTransition(advice, "issueCertificate", caseworker, { issuedOn: "2025-04-01" })).record).toMatchObject({ certificateKind: "ADVICE_ONLY", issuerId: "u-cw" });
    const notArranged = snap({ status: "PREPARING", allocatedMediatorId: "u-med", openDeadlines: ["MEDIATION_30_DAY", "CERTIFICATE_NOT_ARRANGED"] });
    expect(expectOk(planTransition(notArranged, "issueNotArrangedCertificate", admin, { issuedOn: "2025-04-16" })).record).toMatchObject({ certificateKind: "NOT_ARRANGED", issuerId: "u-admin" });
  });

  it("records whether the meeting reached an agreement, which is required and one of full, partial or none (R-40)", () => {
    const scheduled = snap({ status: "MEETING_SCHEDULED", allocatedMediatorId: "u-med", openDeadlines: ["MEDIATION_30_DAY"] });
    expect(planTransition(scheduled, "recordMeetingHeld", mediator, { heldOn: "2025-04-24" })).toMatchObject({ ok: false, code: "MISSING_INPUT", field: "agreement" });
    const bad = planTransition(scheduled, "recordMeetingHeld", mediator, { heldOn: "2025-04-24", agreement: "MOSTLY" });
    expect(bad).toMatchObject({ ok: false, code: "MISSING_INPUT", field: "agreement" });
    if (!bad.ok) expect(bad.message).toBe("Agreement reached at the meeting: choose “Full agreement”, “Partial agreement” or “No agreement”.");
    expect(expectOk(planTransition(scheduled, "recordMeetingHeld", mediator, { heldOn: "2025-04-24", agreement: "NONE" })).record).toEqual({ heldOn: "2025-04-24", agreement: "NONE" });
  });

  it("offers 'start monitoring' only after a full or partial agreement (R-40, R-72)", () => {
    const issued = (agreement: CaseSnapshot["agreement"]) => snap({ status: "CERTIFICATE_ISSUED", allocatedMediatorId: "u-med", agreement });
    const drsHeld = (agreement: CaseSnapshot["agreement"]) => drs({ status: "MEETING_HELD", allocatedMediatorId: "u-med", agreement });
    for (const make of [issued, drsHeld]) {
      expect(names(make("FULL"))).toContain("startMonitoring");
      expect(names(make("PARTIAL"))).toContain("startMonitoring");
      expect(names(make("NONE"))).toEqual(["close"]);
      expect(names(make(null))).toEqual(["close"]);
    }
    expect(planTransition(issued("NONE"), "startMonitoring", caseworker)).toEqual({
      ok: false,
      code: "GUARD_FAILED",
      message: "No agreement was reached at the meeting, so there are no agreed actions to monitor (R-40).",
    });
    expect(planTransition(issued(null), "startMonitoring", caseworker)).toMatchObject({ ok: false, code: "GUARD_FAILED" });
  });

  it("offers 'change mediator' only when another active mediator without a conflict could take the case (R-13)", () => {
    const allocated = (eligibleMediatorIds?: string[]) => snap({ status: "ALLOCATED", allocatedMediatorId: "u-med", eligibleMediatorIds });
    expect(names(allocated(["u-med"]))).not.toContain("reallocate");
    expect(names(allocated([]))).not.toContain("reallocate");
    expect(planTransition(allocated(["u-med"]), "reallocate", caseworker, { mediatorId: "u-med-2" })).toEqual({
      ok: false,
      code: "GUARD_FAILED",
      message: "There is no other active mediator without a conflict of interest with this case, so the mediator cannot be changed (R-13).",
    });
    expect(names(allocated(["u-med", "u-med-2"]))).toContain("reallocate");
    // Not looked up: left to the allocation command's own check of the mediator chosen.
    expect(names(allocated(undefined))).toContain("reallocate");
  });
});

// ---------------------------------------------------------------------------------------------
// Issue 8: no certificate while the decision is unknown (item 5), an appeal alongside mediation
// and re-opening a closed case (item 10)
// ---------------------------------------------------------------------------------------------

describe("certificates wait for the decision; appeals; re-opening (R-02, R-30, R-31)", () => {
  it("refuses every certificate while the decision disputed is not known, saying what to do", () => {
    const held = snap({ status: "MEETING_HELD", allocatedMediatorId: "u-med", openDeadlines: ["CERTIFICATE_AFTER_MEDIATION"], decisionUnknown: true });
    const r = planTransition(held, "issueCertificate", caseworker, { issuedOn: "2025-04-29" });
    expect(r).toMatchObject({ ok: false, code: "GUARD_FAILED" });
    if (!r.ok) expect(r.message).toContain("The decision the family disagrees with is not recorded yet");
    const notArranged = snap({ status: "ALLOCATED", openDeadlines: ["MEDIATION_30_DAY", "CERTIFICATE_NOT_ARRANGED"], decisionUnknown: true });
    expect(planTransition(notArranged, "issueNotArrangedCertificate", caseworker, { issuedOn: "2025-04-16" })).toMatchObject({ ok: false, code: "GUARD_FAILED" });
    expect(expectOk(planTransition({ ...held, decisionUnknown: false }, "issueCertificate", caseworker, { issuedOn: "2025-04-29" })).to).toBe("CERTIFICATE_ISSUED");
  });

  it("records an appeal in any status of a mediation or advice-only case, never for DRS", () => {
    for (const status of CASE_STATUSES) {
      const p = expectOk(planTransition(snap({ status }), "recordAppeal", caseworker, { appealLodgedOn: "2025-04-20", appealReference: " EH123/25/00042 " }));
      expect(p).toMatchObject({ to: status, statusChanged: false, record: { appealLodgedOn: "2025-04-20", appealReference: "EH123/25/00042" } });
      expect(p.event.sharedSummary).toBe("Appeal lodged with the Tribunal on 20 April 2025 (reference EH123/25/00042)");
    }
    expect(planTransition(drs({ status: "MEETING_HELD" }), "recordAppeal", caseworker, { appealLodgedOn: "2025-04-20" })).toMatchObject({ ok: false, code: "KIND_NOT_APPLICABLE" });
    expect(planTransition(snap(), "recordAppeal", mediator, { appealLodgedOn: "2025-04-20" })).toMatchObject({ ok: false, code: "ROLE_NOT_PERMITTED" });
  });

  it("re-opens a closed case with a reason, back to the status it closed from; the reason stays staff-only", () => {
    let s = snap({ status: "WITHDRAWN" });
    const closing = expectOk(planTransition(s, "close", caseworker, { reason: "No certificate wanted" }));
    s = apply(s, closing);
    expect(s).toMatchObject({ status: "CLOSED", statusBeforeClose: "WITHDRAWN" });
    expect(planTransition(s, "reopen", caseworker, {})).toMatchObject({ ok: false, code: "MISSING_INPUT", field: "reason" });
    const p = expectOk(planTransition(s, "reopen", caseworker, { reason: "The family now wants a certificate" }));
    expect(p).toMatchObject({ from: "CLOSED", to: "WITHDRAWN", statusChanged: true });
    expect(p.event).toMatchObject({ summary: "Case re-opened: The family now wants a certificate", sharedSummary: "Case re-opened", rule: "R-31" });
    // A case closed before the status was kept returns to where its kind usually closes from.
    expect(expectOk(planTransition(snap({ status: "CLOSED" }), "reopen", caseworker, { reason: "Correction" })).to).toBe("CERTIFICATE_ISSUED");
    expect(expectOk(planTransition(drs({ status: "CLOSED" }), "reopen", caseworker, { reason: "Correction" })).to).toBe("MEETING_HELD");
    expect(planTransition(snap({ status: "MONITORING" }), "reopen", caseworker, { reason: "x" })).toMatchObject({ ok: false, code: "NOT_ALLOWED_FROM_STATUS" });
  });
});

// ---------------------------------------------------------------------------------------------
// Issue 8, item 11: health-only mediation — the ICB arranges it, within 30 days of being told
// ---------------------------------------------------------------------------------------------

describe("health-only mediation: the ICB's 30 days (R-21)", () => {
  it("starts no LA 30-day clock; telling the ICB starts the ICB's 30 days from that day", () => {
    const s = snap({ hasHealthIssue: true, healthOnly: true });
    const contacting = expectOk(planTransition(s, "startContacting", caseworker, { laNotifiedOn: "2025-03-26" }));
    expect(contacting.starts).toEqual(["HEALTH_NOTIFICATION"]);
    const after = apply(s, contacting);
    const told = expectOk(planTransition(after, "recordHealthNotified", caseworker, { notifiedOn: "2025-03-28" }));
    expect(told).toMatchObject({ starts: ["ICB_MEDIATION_30_DAY"], stops: ["HEALTH_NOTIFICATION"], triggerDate: "2025-03-28" });
    expect(dueDateFor("ICB_MEDIATION_30_DAY", "2025-03-28")).toBe("2025-04-27");
    expect(ICB_MEDIATION_WINDOW_DAYS).toBe(30);
    // The meeting held stops it; "not arranged" is offered while it runs.
    const running = apply(after, told);
    expect(names(running)).toContain("recordNotArranged");
    const held = snap({ status: "MEETING_SCHEDULED", allocatedMediatorId: "u-med", hasHealthIssue: true, healthOnly: true, openDeadlines: ["ICB_MEDIATION_30_DAY"] });
    expect(expectOk(planTransition(held, "recordMeetingHeld", caseworker, { heldOn: "2025-04-24", agreement: "FULL" })).stops).toEqual(["ICB_MEDIATION_30_DAY"]);
  });

  it("keeps the LA's 30 days when health is one issue among others", () => {
    const s = snap({ hasHealthIssue: true, healthOnly: false });
    expect(expectOk(planTransition(s, "startContacting", caseworker, { laNotifiedOn: "2025-03-26" })).starts).toEqual(["MEDIATION_30_DAY", "HEALTH_NOTIFICATION"]);
    const told = expectOk(planTransition(snap({ status: "CONTACTING_PARTIES", hasHealthIssue: true, openDeadlines: ["MEDIATION_30_DAY", "HEALTH_NOTIFICATION"] }), "recordHealthNotified", caseworker, { notifiedOn: "2025-03-28" }));
    expect(told.starts).toEqual([]);
  });

  it("a meeting booked after the ICB's day says the deadline will be missed, like the LA's (R-20, R-21)", () => {
    expect(willBeMissed("ICB_MEDIATION_30_DAY", "2025-04-27", "2025-04-28")).toBe(true);
    expect(willBeMissed("ICB_MEDIATION_30_DAY", "2025-04-27", "2025-04-27")).toBe(false);
    expect(willBeMissed("HEALTH_NOTIFICATION", "2025-04-27", "2025-04-28")).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Issue 10: a meeting after the last day, and one certificate after "not arranged"
// ---------------------------------------------------------------------------------------------

describe("a meeting booked after the last day (R-20, R-23)", () => {
  const running = (over: Partial<CaseSnapshot> = {}) =>
    snap({
      status: "PREPARING",
      allocatedMediatorId: "u-med",
      openDeadlines: ["MEDIATION_30_DAY"],
      dates: { decisionSentOn: null, laNotifiedOn: "2025-03-26", meetingOn: null, heldOn: null, openDeadlineDates: { MEDIATION_30_DAY: { triggerOn: "2025-03-26", dueOn: "2025-04-25" } } },
      ...over,
    });

  it("starts the 'could not be arranged' certificate from the day it is recorded, and says so in the timeline", () => {
    const p = expectOk(planTransition(running(), "scheduleMeeting", caseworker, { meetingOn: "2025-04-28" }));
    expect(p).toMatchObject({ to: "MEETING_SCHEDULED", starts: ["CERTIFICATE_NOT_ARRANGED"], triggerDate: null, record: { afterLastDay: true } });
    expect(p.event).toMatchObject({ rule: "R-23", sharedSummary: "Meeting scheduled for 28 April 2025, after the last day: mediation could not take place within 30 days" });
  });

  it("starts nothing on or before the last day, for DRS, while the certificate runs, or once it was issued", () => {
    const onTheDay = expectOk(planTransition(running(), "scheduleMeeting", caseworker, { meetingOn: "2025-04-25" }));
    expect(onTheDay.starts).toEqual([]);
    expect(onTheDay.record.afterLastDay).toBeUndefined();
    expect(onTheDay.event.rule).toBe("R-22");
    const runningCertificate = running({ openDeadlines: ["MEDIATION_30_DAY", "CERTIFICATE_NOT_ARRANGED"] });
    expect(expectOk(planTransition(runningCertificate, "scheduleMeeting", caseworker, { meetingOn: "2025-04-28" })).starts).toEqual([]);
    expect(expectOk(planTransition(running({ notArrangedCertificateIssued: true }), "scheduleMeeting", caseworker, { meetingOn: "2025-04-28" })).starts).toEqual([]);
    const drsCase = drs({ status: "ALLOCATED", allocatedMediatorId: "u-med", openDeadlines: [] });
    expect(expectOk(planTransition(drsCase, "scheduleMeeting", caseworker, { meetingOn: "2025-04-28" })).starts).toEqual([]);
  });

  it("counts the ICB's last day for health only (R-21)", () => {
    const icb = running({ hasHealthIssue: true, healthOnly: true, openDeadlines: ["ICB_MEDIATION_30_DAY"], dates: { decisionSentOn: null, laNotifiedOn: null, meetingOn: null, heldOn: null, openDeadlineDates: { ICB_MEDIATION_30_DAY: { triggerOn: "2025-03-28", dueOn: "2025-04-27" } } } });
    expect(expectOk(planTransition(icb, "scheduleMeeting", caseworker, { meetingOn: "2025-04-28" })).starts).toEqual(["CERTIFICATE_NOT_ARRANGED"]);
  });
});

describe("one certificate after 'not arranged' followed by the meeting (R-23, R-30)", () => {
  const notArranged = snap({ status: "MEETING_SCHEDULED", allocatedMediatorId: "u-med", openDeadlines: ["MEDIATION_30_DAY", "CERTIFICATE_NOT_ARRANGED"] });

  it("the meeting held starts no second certificate; 'Issue certificate' meets the one due and moves the case on", () => {
    const held = expectOk(planTransition(notArranged, "recordMeetingHeld", caseworker, { heldOn: "2025-04-28", agreement: "PARTIAL" }));
    expect(held).toMatchObject({ to: "MEETING_HELD", starts: [], stops: ["MEDIATION_30_DAY"] });
    const after = apply(notArranged, held);
    expect(after.openDeadlines).toEqual(["CERTIFICATE_NOT_ARRANGED"]);
    expect(names(after, caseworker)).toContain("issueCertificate");
    expect(names(after, caseworker)).not.toContain("issueNotArrangedCertificate");
    const issued = expectOk(planTransition(after, "issueCertificate", caseworker, { issuedOn: "2025-04-29" }));
    expect(issued).toMatchObject({ to: "CERTIFICATE_ISSUED", stops: ["CERTIFICATE_ADVICE_ONLY", "CERTIFICATE_AFTER_MEDIATION", "CERTIFICATE_NOT_ARRANGED"], record: { certificateKind: "AFTER_MEDIATION" } });
    expect(apply(after, issued).openDeadlines).toEqual([]);
  });

  it("with the 'not arranged' certificate already issued, the meeting held starts the after-mediation one", () => {
    const issuedBefore = snap({ status: "MEETING_SCHEDULED", allocatedMediatorId: "u-med", openDeadlines: ["MEDIATION_30_DAY"] });
    expect(expectOk(planTransition(issuedBefore, "recordMeetingHeld", caseworker, { heldOn: "2025-04-28", agreement: "FULL" })).starts).toEqual(["CERTIFICATE_AFTER_MEDIATION"]);
  });

  it("before the meeting (or withdrawn), 'Issue certificate' is not offered for the 'not arranged' one", () => {
    const before = snap({ status: "PREPARING", allocatedMediatorId: "u-med", openDeadlines: ["MEDIATION_30_DAY", "CERTIFICATE_NOT_ARRANGED"] });
    expect(names(before, caseworker)).toContain("issueNotArrangedCertificate");
    expect(names(before, caseworker)).not.toContain("issueCertificate");
    const withdrawn = snap({ status: "WITHDRAWN", openDeadlines: ["CERTIFICATE_NOT_ARRANGED"] });
    expect(planTransition(withdrawn, "issueCertificate", caseworker, { issuedOn: "2025-04-16" })).toMatchObject({ ok: false, code: "GUARD_FAILED" });
  });
});

describe("R-43: recording that the ICB told the LA of a health-only agreement", () => {
  const base = { status: "MEETING_HELD", allocatedMediatorId: "u-med", hasHealthIssue: true, healthOnly: true } as const;
  it("is offered only while ICB_AGREEMENT_NOTICE runs, and meets it", () => {
    expect(names(snap({ ...base, openDeadlines: ["ICB_AGREEMENT_NOTICE"] }))).toContain("recordIcbToldLa");
    expect(names(snap({ ...base, openDeadlines: [] }))).not.toContain("recordIcbToldLa");
    const p = planTransition(snap({ ...base, openDeadlines: ["ICB_AGREEMENT_NOTICE"] }), "recordIcbToldLa", caseworker, { toldOn: "2025-04-30" });
    expect(p).toMatchObject({ ok: true });
    const refused = planTransition(snap({ ...base, openDeadlines: [] }), "recordIcbToldLa", caseworker, { toldOn: "2025-04-30" });
    expect(refused).toMatchObject({ ok: false });
    if (!refused.ok) expect(refused.message).toContain("(R-43)");
  });

  it("a case is not closed while it runs", () => {
    const c = planTransition(snap({ ...base, status: "CERTIFICATE_ISSUED", openDeadlines: ["ICB_AGREEMENT_NOTICE"] }), "close", caseworker, { reason: "Done" });
    expect(c).toMatchObject({ ok: false });
    if (!c.ok) expect(c.message).toContain("(R-43)");
    expect(planTransition(snap({ ...base, status: "CERTIFICATE_ISSUED", openDeadlines: [] }), "close", caseworker, { reason: "Done" })).toMatchObject({ ok: true });
  });
});
