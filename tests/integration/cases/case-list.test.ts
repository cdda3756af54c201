/**
 * The case list (issue 4): scope, filters, search, sorting, deadline states and pagination, on a
 * real PostgreSQL. The test database is shared with other files, so every assertion is limited to
 * this file's own local authorities or its own unique search token.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import type { CaseStatus } from "@/lib/platform/db";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { addCalendarDays, dbDateFromIso } from "@/lib/deadlines";
import { DEADLINE_STATES, deadlineState, deadlineStateFrom, deadlineThresholds } from "@/lib/cases/deadlines/state";
import { PAGE_SIZE, parseListParams } from "@/lib/cases/list/list-params";
import { listCases } from "@/lib/cases/list/list-cases";
import { listFilterOptions } from "@/lib/cases/list/list-filter-options";
import { makeCase, makeLa, makeUser, uid } from "../helpers";

/** Friday 6 March 2026. The 5th working day after it is Friday 13 March; the 6th is Monday 16 March. */
const TODAY = "2026-03-06";
const at = { today: TODAY };

type Seed = {
  reference: string;
  la: string;
  status?: CaseStatus;
  mediatorId?: string;
  nextDeadlineOn?: string;
  nextDeadlineName?: string;
  /** The booked meeting date. */
  meetingOn?: string;
  child?: string;
  party?: string;
  createdAt?: Date;
};

async function seedCase(s: Seed) {
  const c = await makeCase(s.la, { reference: s.reference, mediatorId: s.mediatorId });
  await db().case.update({
    where: { id: c.id },
    data: {
      status: s.status ?? "REFERRED",
      nextDeadlineOn: s.nextDeadlineOn ? dbDateFromIso(s.nextDeadlineOn) : null,
      nextDeadlineName: s.nextDeadlineOn ? (s.nextDeadlineName ?? "MEDIATION_30_DAY") : null,
      meetingOn: s.meetingOn ? dbDateFromIso(s.meetingOn) : null,
      ...(s.createdAt ? { createdAt: s.createdAt } : {}),
    },
  });
  if (s.child) await db().child.create({ data: { caseId: c.id, name: s.child } });
  if (s.party) await db().party.create({ data: { caseId: c.id, kind: "PARENT", name: s.party } });
  return c;
}

const refs = (r: { rows: { reference: string }[] }) => r.rows.map((x) => x.reference);

// The fixture: LA "A" with one case per interesting state, LA "B" with one case.
const tok = uid();
const ref = (suffix: string) => `SM-LIST-${tok}-${suffix}`;
let laA: { id: string; name: string };
let laB: { id: string; name: string };
let mediator1: SessionUser;
let mediator2: SessionUser;
let caseworker: SessionUser;
let officerA: SessionUser;

beforeAll(async () => {
  laA = await makeLa(`Aldershire ${tok}`);
  laB = await makeLa(`Bexford ${tok}`);
  mediator1 = await makeUser("MEDIATOR", { name: `Mina Mediator ${tok}` });
  mediator2 = await makeUser("MEDIATOR", { name: `Milo Mediator ${tok}` });
  caseworker = await makeUser("CASEWORKER");
  officerA = await makeUser("LA_OFFICER", { localAuthorityId: laA.id });
  const day = (n: number) => new Date(Date.UTC(2026, 0, n, 12));

  // Deadlines relative to TODAY (Friday 6 March 2026).
  await seedCase({ reference: ref("A1"), la: laA.id, status: "PREPARING", mediatorId: mediator1.id, nextDeadlineOn: "2026-03-05", child: `Ava Thompson${tok}`, party: `Helen Thompson${tok}`, createdAt: day(1) });
  await seedCase({ reference: ref("A2"), la: laA.id, status: "ALLOCATED", mediatorId: mediator2.id, nextDeadlineOn: TODAY, nextDeadlineName: "HEALTH_NOTIFICATION", createdAt: day(5) });
  // Sunday 15 March: after the 5th working day but before the 6th, so still "due soon".
  await seedCase({ reference: ref("A3c"), la: laA.id, status: "CONTACTING_PARTIES", nextDeadlineOn: "2026-03-15", createdAt: day(3) });
  await seedCase({ reference: ref("A3b"), la: laA.id, status: "CONTACTING_PARTIES", nextDeadlineOn: "2026-03-15", createdAt: day(2) });
  await seedCase({ reference: ref("A4"), la: laA.id, status: "AWAITING_CONSENT", nextDeadlineOn: "2026-03-16", createdAt: day(4) });
  await seedCase({ reference: ref("A5"), la: laA.id, status: "REFERRED", createdAt: day(6) });
  await seedCase({ reference: ref("A6"), la: laA.id, status: "CLOSED", mediatorId: mediator1.id, child: `Closed Child${tok}`, createdAt: day(7) });
  await seedCase({ reference: ref("A7"), la: laA.id, status: "NOT_PROCEEDING", createdAt: day(8) });
  await seedCase({ reference: ref("B1"), la: laB.id, status: "PREPARING", mediatorId: mediator1.id, nextDeadlineOn: "2026-03-10", child: `Ava Thompson${tok}`, createdAt: day(9) });
});

const OPEN_A_BY_DEADLINE = ["A1", "A2", "A3b", "A3c", "A4", "A5"].map(ref);

describe("who sees which cases", () => {
  it("shows a caseworker every case, across local authorities", async () => {
    const r = await listCases(caseworker, { q: `SM-LIST-${tok}` }, at);
    expect(refs(r).sort()).toEqual([...OPEN_A_BY_DEADLINE, ref("B1")].sort());
  });

  it("shows an LA officer only their own local authority's cases, even when the URL names another", async () => {
    const own = await listCases(officerA, { q: `SM-LIST-${tok}` }, at);
    expect(refs(own)).toEqual(OPEN_A_BY_DEADLINE);
    expect(own.rows.every((r) => r.localAuthorityName === laA.name)).toBe(true);

    const other = await listCases(officerA, { la: laB.id }, at);
    expect(other.total).toBe(0);
    expect(other.rows).toEqual([]);
  });

  it("shows a mediator only the cases allocated to them", async () => {
    const r = await listCases(mediator1, {}, at);
    expect(refs(r)).toEqual([ref("A1"), ref("B1")]);
    // Asking for another mediator's cases gives nothing rather than their cases.
    expect((await listCases(mediator1, { mediator: mediator2.id }, at)).total).toBe(0);
  });

  it("shows an LA officer with no local authority nothing, and refuses family users as not found", async () => {
    const orphan = await makeUser("LA_OFFICER");
    const r = await listCases(orphan, {}, at);
    expect(r.total).toBe(0);
    expect(r.anyCasesInScope).toBe(false);
    const parent = await makeUser("PARENT");
    await expect(listCases(parent, {}, at)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listFilterOptions(parent)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("tells 'no cases at all' apart from 'nothing matches'", async () => {
    const emptyLa = await makeLa();
    const newOfficer = await makeUser("LA_OFFICER", { localAuthorityId: emptyLa.id });
    expect(await listCases(newOfficer, {}, at)).toMatchObject({ total: 0, anyCasesInScope: false, rows: [], pageCount: 1 });

    expect(await listCases(officerA, { q: "no case is called this" }, at)).toMatchObject({ total: 0, anyCasesInScope: true });
  });
});

describe("filters", () => {
  it("shows open cases by default, and one status or all statuses when asked", async () => {
    const open = await listCases(caseworker, { la: laA.id }, at);
    expect(refs(open)).toEqual(OPEN_A_BY_DEADLINE);

    const closed = await listCases(caseworker, { la: laA.id, status: "CLOSED" }, at);
    expect(refs(closed)).toEqual([ref("A6")]);

    const all = await listCases(caseworker, { la: laA.id, status: "ALL" }, at);
    expect(refs(all).sort()).toEqual([...OPEN_A_BY_DEADLINE, ref("A6"), ref("A7")].sort());

    const preparing = await listCases(caseworker, { q: `SM-LIST-${tok}`, status: "PREPARING" }, at);
    expect(refs(preparing).sort()).toEqual([ref("A1"), ref("B1")]);
  });

  it("filters by local authority", async () => {
    const b = await listCases(caseworker, { la: laB.id }, at);
    expect(refs(b)).toEqual([ref("B1")]);
    expect(b.rows[0]?.localAuthorityName).toBe(laB.name);
  });

  it("filters by mediator, and finds cases with no mediator", async () => {
    expect(refs(await listCases(caseworker, { la: laA.id, mediator: mediator1.id }, at))).toEqual([ref("A1")]);
    expect(refs(await listCases(caseworker, { la: laA.id, mediator: mediator2.id }, at))).toEqual([ref("A2")]);
    expect(refs(await listCases(caseworker, { la: laA.id, mediator: "NONE" }, at))).toEqual([ref("A3b"), ref("A3c"), ref("A4"), ref("A5")]);
  });

  it("filters by deadline state relative to today, counting working days like the tags do", async () => {
    const overdue = await listCases(caseworker, { la: laA.id, deadline: "OVERDUE" }, at);
    expect(refs(overdue)).toEqual([ref("A1")]);
    // Due today, and due on the Sunday after the 5th working day, are both "due soon".
    const soon = await listCases(caseworker, { la: laA.id, deadline: "DUE_SOON" }, at);
    expect(refs(soon)).toEqual([ref("A2"), ref("A3b"), ref("A3c")]);
    const onTrack = await listCases(caseworker, { la: laA.id, deadline: "ON_TRACK" }, at);
    expect(refs(onTrack)).toEqual([ref("A4")]);
    // A case with no deadline running is in none of them.
    for (const r of [overdue, soon, onTrack]) expect(refs(r)).not.toContain(ref("A5"));

    // A week later the same cases have moved on: A3b/A3c and A4 are now overdue or due soon.
    const later = await listCases(caseworker, { la: laA.id, deadline: "OVERDUE" }, { today: "2026-03-16" });
    expect(refs(later)).toEqual([ref("A1"), ref("A2"), ref("A3b"), ref("A3c")]);
  });

  it("combines filters", async () => {
    const r = await listCases(caseworker, { la: laA.id, mediator: "NONE", deadline: "DUE_SOON", status: "CONTACTING_PARTIES" }, at);
    expect(refs(r)).toEqual([ref("A3b"), ref("A3c")]);
  });

  it("falls back to the defaults for values it does not understand instead of failing", async () => {
    const r = await listCases(caseworker, { la: laA.id, status: "BOGUS", deadline: "NEVER", sort: "sideways", page: "abc", mediator: "'; drop table" }, at);
    expect(r.params).toMatchObject({ status: "OPEN", deadline: null, sort: "deadline", page: 1, mediator: null });
    expect(refs(r)).toEqual(OPEN_A_BY_DEADLINE);
    // A repeated parameter counts as its first value; blank selects mean "all".
    expect(parseListParams({ status: ["CLOSED", "OPEN"], la: "", mediator: "", deadline: "" })).toMatchObject({ status: "CLOSED", la: null, mediator: null, deadline: null });
  });
});

describe("search", () => {
  it("finds a case by its reference, ignoring case", async () => {
    expect(refs(await listCases(caseworker, { q: ref("A4").toLowerCase() }, at))).toEqual([ref("A4")]);
  });

  it("finds cases by part of the child's name, ignoring case", async () => {
    const r = await listCases(caseworker, { q: `ava THOMPSON${tok}` }, at);
    expect(refs(r)).toEqual([ref("A1"), ref("B1")]);
    expect(r.rows[0]?.childName).toBe(`Ava Thompson${tok}`);
  });

  it("finds cases by a party's name, ignoring case and surrounding spaces", async () => {
    expect(refs(await listCases(caseworker, { q: `  helen thompson${tok.toUpperCase()}  ` }, at))).toEqual([ref("A1")]);
  });

  it("searches within the other filters and the user's scope", async () => {
    expect(refs(await listCases(officerA, { q: `Ava Thompson${tok}` }, at))).toEqual([ref("A1")]);
    // Closed cases are found once the status filter allows them.
    expect((await listCases(caseworker, { q: `closed child${tok}` }, at)).total).toBe(0);
    expect(refs(await listCases(caseworker, { q: `closed child${tok}`, status: "ALL" }, at))).toEqual([ref("A6")]);
  });

  it("treats % and _ as ordinary characters, not wildcards", async () => {
    expect((await listCases(caseworker, { la: laA.id, q: "%" }, at)).total).toBe(0);
    expect((await listCases(caseworker, { la: laA.id, q: "_" }, at)).total).toBe(0);
  });
});

describe("sorting and rows", () => {
  it("sorts by next deadline by default, soonest first, ties by reference, cases without a deadline last", async () => {
    const r = await listCases(caseworker, { la: laA.id }, at);
    expect(refs(r)).toEqual(OPEN_A_BY_DEADLINE);
    expect(r.rows.map((x) => x.nextDeadlineOn)).toEqual(["2026-03-05", TODAY, "2026-03-15", "2026-03-15", "2026-03-16", null]);
  });

  it("sorts newest first, or by reference", async () => {
    expect(refs(await listCases(caseworker, { la: laA.id, sort: "newest" }, at))).toEqual(["A5", "A2", "A4", "A3c", "A3b", "A1"].map(ref));
    expect(refs(await listCases(caseworker, { la: laA.id, sort: "reference" }, at))).toEqual(["A1", "A2", "A3b", "A3c", "A4", "A5"].map(ref));
  });

  it("gives each row what the table shows: names, status, and the next deadline with its state", async () => {
    const r = await listCases(caseworker, { la: laA.id }, at);
    const [a1, a2, a3b, , a4, a5] = r.rows;
    expect(a1).toMatchObject({
      reference: ref("A1"),
      kind: "MEDIATION",
      status: "PREPARING",
      statusLabel: "Preparing",
      localAuthorityName: laA.name,
      childName: `Ava Thompson${tok}`,
      mediatorName: mediator1.name,
      nextDeadlineOn: "2026-03-05",
      nextDeadlineLabel: "Mediation must take place by",
      deadlineState: "OVERDUE",
      deadlineStateLabel: "Overdue",
    });
    expect(a2).toMatchObject({ nextDeadlineLabel: "LA to tell the health body by", deadlineState: "DUE_SOON", deadlineStateLabel: "Due soon", mediatorName: mediator2.name });
    expect(a3b).toMatchObject({ deadlineState: "DUE_SOON", childName: null, mediatorName: null });
    expect(a4).toMatchObject({ deadlineState: "ON_TRACK", deadlineStateLabel: "On track" });
    expect(a5).toMatchObject({ nextDeadlineOn: null, nextDeadlineLabel: null, deadlineState: null });
  });

  it("labels a row's deadline state exactly as deadlineState() does, around weekends and Christmas", () => {
    const start = "2025-12-01";
    for (let i = 0; i < 50; i++) {
      const today = addCalendarDays(start, i);
      const t = deadlineThresholds(today);
      for (let j = -3; j < 20; j++) {
        const due = addCalendarDays(today, j);
        expect(deadlineStateFrom(due, t), `due ${due}, today ${today}`).toBe(deadlineState(due, today));
      }
    }
  });
});

describe("will be missed (issue 8): the meeting is booked after the 30-day deadline (R-20)", () => {
  const wref = (suffix: string) => `SM-WBM-${tok}-${suffix}`;
  let laW: { id: string };
  beforeAll(async () => {
    laW = await makeLa(`Willshire ${tok}`);
    // Relative to TODAY (Friday 6 March 2026; due soon up to Sunday 15 March).
    await seedCase({ reference: wref("W1"), la: laW.id, status: "MEETING_SCHEDULED", nextDeadlineOn: "2026-03-13", meetingOn: "2026-03-16" });
    await seedCase({ reference: wref("W2"), la: laW.id, status: "MEETING_SCHEDULED", nextDeadlineOn: "2026-04-01", meetingOn: "2026-04-02" });
    // On the last permitted day: not missed.
    await seedCase({ reference: wref("W3"), la: laW.id, status: "MEETING_SCHEDULED", nextDeadlineOn: "2026-03-13", meetingOn: "2026-03-13" });
    // The next deadline is the health body's: the meeting date says nothing about it.
    await seedCase({ reference: wref("W4"), la: laW.id, status: "MEETING_SCHEDULED", nextDeadlineOn: "2026-03-10", nextDeadlineName: "HEALTH_NOTIFICATION", meetingOn: "2026-04-30" });
    // Already past: overdue wins.
    await seedCase({ reference: wref("W5"), la: laW.id, status: "MEETING_SCHEDULED", nextDeadlineOn: "2026-03-05", meetingOn: "2026-03-20" });
    // No meeting booked yet.
    await seedCase({ reference: wref("W6"), la: laW.id, status: "PREPARING", nextDeadlineOn: "2026-04-01" });
  });

  const EXPECTED: Record<string, string> = { W1: "WILL_BE_MISSED", W2: "WILL_BE_MISSED", W3: "DUE_SOON", W4: "DUE_SOON", W5: "OVERDUE", W6: "ON_TRACK" };

  it("labels the row 'Will be missed', whether the deadline is due soon or weeks away", async () => {
    const r = await listCases(caseworker, { la: laW.id, sort: "reference" }, at);
    expect(Object.fromEntries(r.rows.map((x) => [x.reference, x.deadlineState]))).toEqual(Object.fromEntries(Object.entries(EXPECTED).map(([k, v]) => [wref(k), v])));
    expect(r.rows[0]).toMatchObject({ reference: wref("W1"), deadlineStateLabel: "Will be missed", nextDeadlineLabel: "Mediation must take place by" });
  });

  it("filters on it in SQL, and puts every case in exactly one deadline filter: the one its row shows", async () => {
    expect(refs(await listCases(caseworker, { la: laW.id, deadline: "WILL_BE_MISSED" }, at))).toEqual([wref("W1"), wref("W2")]);
    for (const state of DEADLINE_STATES) {
      const got = refs(await listCases(caseworker, { la: laW.id, deadline: state, sort: "reference" }, at));
      const want = Object.entries(EXPECTED).filter(([, v]) => v === state).map(([k]) => wref(k));
      expect(got, state).toEqual(want);
    }
    // A week later W1's deadline has passed: it is overdue, no longer "will be missed".
    expect(refs(await listCases(caseworker, { la: laW.id, deadline: "WILL_BE_MISSED" }, { today: "2026-03-16" }))).toEqual([wref("W2")]);
  });
});

describe("pagination", () => {
  let laP: { id: string };
  beforeAll(async () => {
    laP = await makeLa(`Paged ${tok}`);
    await db().case.createMany({
      data: Array.from({ length: PAGE_SIZE + 5 }, (_, i) => ({
        reference: `SM-PAGE-${tok}-${String(i).padStart(3, "0")}`,
        localAuthorityId: laP.id,
        nextDeadlineOn: dbDateFromIso(addCalendarDays("2026-04-01", i)),
        nextDeadlineName: "MEDIATION_30_DAY",
      })),
    });
  });

  it("shows 50 cases a page: 55 matching cases are 50 on page 1 and 5 on page 2", async () => {
    const p1 = await listCases(caseworker, { la: laP.id }, at);
    expect(p1).toMatchObject({ total: 55, page: 1, pageCount: 2 });
    expect(p1.rows).toHaveLength(50);
    expect(p1.rows[0]?.reference).toBe(`SM-PAGE-${tok}-000`);

    const p2 = await listCases(caseworker, { la: laP.id, page: "2" }, at);
    expect(p2).toMatchObject({ total: 55, page: 2, pageCount: 2 });
    expect(refs(p2)).toEqual(["050", "051", "052", "053", "054"].map((n) => `SM-PAGE-${tok}-${n}`));
  });

  it("shows the last page for a page number past the end", async () => {
    const r = await listCases(caseworker, { la: laP.id, page: 99 }, at);
    expect(r).toMatchObject({ page: 2, pageCount: 2, total: 55 });
    expect(r.rows).toHaveLength(5);
  });
});

describe("filter options", () => {
  it("offers a caseworker every local authority and the active mediators", async () => {
    const inactive = await makeUser("MEDIATOR", { name: `Inactive Mediator ${tok}` });
    await db().user.update({ where: { id: inactive.id }, data: { active: false } });
    const o = await listFilterOptions(caseworker);
    expect(o.canFilterByLocalAuthority).toBe(true);
    expect(o.localAuthorities.map((l) => l.id)).toEqual(expect.arrayContaining([laA.id, laB.id]));
    const names = o.mediators.map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining([mediator1.name, mediator2.name]));
    expect(names).not.toContain(inactive.name);
  });

  it("offers an LA officer only their own local authority, and no choice of it", async () => {
    const o = await listFilterOptions(officerA);
    expect(o.localAuthorities).toEqual([{ id: laA.id, name: laA.name }]);
    expect(o.canFilterByLocalAuthority).toBe(false);
  });

  it("does not give an LA officer the list of mediators (issue 9, item 11)", async () => {
    const o = await listFilterOptions(officerA);
    expect(o.canFilterByMediator).toBe(false);
    expect(o.mediators).toEqual([]);
  });

  it("does not offer a mediator a choice of mediator", async () => {
    const o = await listFilterOptions(mediator1);
    expect(o.canFilterByMediator).toBe(false);
    expect(o.mediators).toEqual([]);
  });
});
