/**
 * Issue 14: no N+1. The number of SQL statements each page's data load sends (counted at the `pg`
 * client, lib/platform/db/query-recorder.ts: Prisma's relation loads, raw queries and writes alike)
 * is the same for a small world (3 cases, 5 timeline events on the case shown) and one 20 times
 * larger (60 cases, 200 events on the case shown), and stays under a small bound per page. The
 * lib calls are made as each page makes them (app/cases/page.tsx, app/la/page.tsx,
 * app/mediator/page.tsx, app/cases/[id]/page.tsx, pages/my-case/[caseId]/index.tsx (nav + overview),
 * app/reports/page.tsx). The two worlds have the same shape (stages, a booked meeting, deadlines,
 * parties), only their size differs; each has its own LA, mediator, officer and family account,
 * so other files' rows in the shared database change nothing here.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { recordQueries } from "@/lib/platform/db/query-recorder";
import type { SessionUser } from "@/lib/auth/types";
import { addCalendarDays, dbDateFromIso, todayInLondon } from "@/lib/deadlines";
import { listCases } from "@/lib/cases/list/list-cases";
import { listFilterOptions } from "@/lib/cases/list/list-filter-options";
import { listLaDeadlines } from "@/lib/la/list-la-deadlines";
import { listIssuedCertificates } from "@/lib/certificates/list-issued-certificates";
import { getMediatorHome } from "@/lib/meetings/get-mediator-home";
import { getCaseDetail, TIMELINE_PAGE_SIZE } from "@/lib/cases/details/get-case-detail";
import { readCaseSections } from "@/lib/cases/details/read-case-sections";
import { getLaCaseView } from "@/lib/la/get-la-case-view";
import { getFamilyCaseNav } from "@/lib/family/home/get-family-case-nav";
import { getFamilyOverview } from "@/lib/family/home/get-family-overview";
import { getReport } from "@/lib/reports/get-report";
import { can } from "@/lib/auth/policy";
import { makeLa, makeUser, uid } from "../helpers";

type World = { la: string; token: string; shownCase: string; caseworker: SessionUser; admin: SessionUser; mediator: SessionUser; officer: SessionUser; parent: SessionUser };

const today = todayInLondon();
const day = (n: number) => dbDateFromIso(addCalendarDays(today, n));

/** `cases` cases of one new LA, all allocated to one mediator; the first has `events` timeline events. */
async function makeWorld(cases: number, events: number): Promise<World> {
  const la = await makeLa();
  const [caseworker, admin, mediator, officer, parent] = await Promise.all([
    makeUser("CASEWORKER"),
    makeUser("ADMIN"),
    makeUser("MEDIATOR"),
    makeUser("LA_OFFICER", { localAuthorityId: la.id }),
    makeUser("PARENT"),
  ]);
  const token = `Quentin${uid()}`;
  const ids = Array.from({ length: cases }, () => `qc-${uid()}${uid()}`);
  // Stages by position: the first is booked (a joint meeting in two days), then allocated, then held.
  const status = (i: number) => (i === 0 ? "MEETING_SCHEDULED" : i % 3 === 1 ? "ALLOCATED" : i % 3 === 2 ? "PREPARING" : "MEETING_HELD");
  await db().case.createMany({
    data: ids.map((id, i) => ({
      id,
      reference: `SM-Q-${uid()}${uid()}`,
      localAuthorityId: la.id,
      allocatedMediatorId: mediator.id,
      status: status(i),
      laNotifiedOn: day(-10 - i),
      nextDeadlineOn: day(20 - i),
      nextDeadlineName: "MEDIATION_30_DAY",
      meetingOn: i === 0 ? day(2) : null,
      heldOn: status(i) === "MEETING_HELD" ? day(-1) : null,
      summary: "A disagreement about support",
    })),
  });
  await db().child.createMany({ data: ids.map((caseId, i) => ({ caseId, name: `${token} Child ${i}` })) });
  await db().party.createMany({
    data: ids.flatMap((caseId, i) => [
      { caseId, kind: "PARENT" as const, name: `Parent ${i}`, email: `p${i}-${uid()}@example.test`, consent: "GIVEN" as const, userId: i === 0 ? parent.id : null },
      { caseId, kind: "LA" as const, name: `Rep ${i}`, organisation: "The LA", hasAuthority: true, consent: "GIVEN" as const },
    ]),
  });
  await db().caseDeadline.createMany({
    data: ids.map((caseId, i) => ({ caseId, name: "MEDIATION_30_DAY", rule: "R-20", triggerOn: day(-10 - i), dueOn: day(20 - i) })),
  });
  await db().caseIssue.createMany({ data: ids.map((caseId) => ({ caseId, category: "EDUCATION" as const, description: "Support at school" })) });
  const first = ids[0]!;
  const meeting = await db().meeting.create({
    data: { caseId: first, kind: "JOINT_MEETING", mode: "VIDEO", startsAt: new Date(Date.now() + 2 * 86_400_000), endsAt: new Date(Date.now() + 2 * 86_400_000 + 7_200_000), mediatorId: mediator.id },
  });
  const parties = await db().party.findMany({ where: { caseId: first }, select: { id: true } });
  await db().meetingAttendee.createMany({ data: parties.map((p) => ({ caseId: first, meetingId: meeting.id, partyId: p.id })) });
  // Timeline events by every actor in the world, on every case; `events` of them on the case shown.
  const actors = [caseworker.id, mediator.id, admin.id, null];
  await db().caseEvent.createMany({
    data: ids.flatMap((caseId, c) =>
      Array.from({ length: c === 0 ? events : 5 }, (_, e) => ({
        caseId,
        at: new Date(Date.now() - (e + 1) * 60_000),
        actorId: actors[e % actors.length],
        type: "case.note",
        summary: `Event ${e}`,
        visibility: e % 2 === 0 ? ("SHARED" as const) : ("STAFF" as const),
        data: e % 3 === 0 ? { reason: "asked" } : undefined,
      })),
    ),
  });
  await db().caseNote.createMany({
    data: ids.flatMap((caseId) => Array.from({ length: 3 }, (_, n) => ({ caseId, kind: "MEDIATOR_PRIVATE" as const, body: `Note ${n}`, authorId: mediator.id, sharedAt: n === 0 ? new Date() : null, sharedById: n === 0 ? mediator.id : null }))),
  });
  return { la: la.id, token, shownCase: first, caseworker, admin, mediator, officer, parent };
}

/** Each page's data load, as the page makes it. */
const PAGES = {
  "caseworker's case list (default)": (w) => Promise.all([listCases(w.caseworker, {}), listFilterOptions(w.caseworker)]),
  "caseworker's case list (filtered by LA and mediator)": (w) => Promise.all([listCases(w.caseworker, { la: w.la, mediator: w.mediator.id, status: "ALL" }), listFilterOptions(w.caseworker)]),
  "caseworker's case list (searched by name)": (w) => Promise.all([listCases(w.caseworker, { q: w.token, status: "ALL" }), listFilterOptions(w.caseworker)]),
  "LA officer's dashboard": (w) => Promise.all([listLaDeadlines(w.officer, {}), listIssuedCertificates(w.officer)]),
  "mediator's home": (w) => Promise.all([getMediatorHome(w.mediator), listCases(w.mediator, { status: "OPEN", sort: "deadline" })]),
  "case page (caseworker)": (w) => casePage(w.caseworker, w.shownCase),
  "case page (mediator)": (w) => casePage(w.mediator, w.shownCase),
  "case page (LA officer)": (w) => casePage(w.officer, w.shownCase),
  "family's page": (w) => Promise.all([getFamilyCaseNav(w.parent, w.shownCase), getFamilyOverview(w.parent, w.shownCase)]),
  "reports page": (w) => getReport(w.admin, { la: w.la }),
} satisfies Record<string, (w: World) => Promise<unknown>>;

/** app/cases/[id]/page.tsx: the case and its timeline's first page, its sections (decision 0042), the LA officer's own part. */
function casePage(user: SessionUser, id: string) {
  return Promise.all([getCaseDetail(user, id), readCaseSections(user, id), can(user, "meeting:name-la-attendee") ? getLaCaseView(user, id) : null]);
}

/**
 * The most statements each page may send (decision 0033): the family's page is its layout's one
 * hand-written statement, the overview's one and the read audit's INSERT; the reports page one
 * grouped count per table. Lowered as each page is written in fewer statements.
 */
const MAX_STATEMENTS: Record<keyof typeof PAGES, number> = {
  "caseworker's case list (default)": 2,
  "caseworker's case list (filtered by LA and mediator)": 2,
  "caseworker's case list (searched by name)": 2,
  "LA officer's dashboard": 2,
  "mediator's home": 2,
  // The case with its timeline's page, the read audit, its sections (one statement: certificates,
  // agreed actions, undelivered emails, family's views, notes), and for a caseworker on an
  // allocated case who else could take it; the LA officer's own part is 5 more.
  "case page (caseworker)": 4,
  "case page (mediator)": 3,
  "case page (LA officer)": 8,
  "family's page": 3,
  "reports page": 9,
};

let small: World;
let large: World;

beforeAll(async () => {
  small = await makeWorld(3, 5);
  large = await makeWorld(60, 200);
}, 120_000);

async function statements(page: (w: World) => Promise<unknown>, w: World): Promise<string[]> {
  await page(w); // the first view writes the read audit's row; the count is of a later view
  const { queries } = await recordQueries(() => page(w));
  return queries.map((q) => q.text.replace(/\s+/g, " ").slice(0, 120));
}

describe("the number of SQL statements per page does not grow with the number of cases or events (no N+1)", () => {
  for (const [name, page] of Object.entries(PAGES) as [keyof typeof PAGES, (w: World) => Promise<unknown>][]) {
    it(name, async () => {
      const few = await statements(page, small);
      const many = await statements(page, large);
      expect(few.length).toBeGreaterThan(0);
      expect(many.length, `with 60 cases / 200 events:\n${many.join("\n")}\n\nwith 3 cases / 5 events:\n${few.join("\n")}`).toBe(few.length);
      expect(many.length, many.join("\n")).toBeLessThanOrEqual(MAX_STATEMENTS[name]);
    });
  }

  it("the worlds differ in size as the test says (the large page really shows more)", async () => {
    const [fewList, manyList] = await Promise.all([listCases(small.caseworker, { la: small.la, status: "ALL" }), listCases(large.caseworker, { la: large.la, status: "ALL" })]);
    expect([fewList.total, manyList.total]).toEqual([3, 60]);
    const [fewCase, manyCase] = await Promise.all([getCaseDetail(small.caseworker, small.shownCase), getCaseDetail(large.caseworker, large.shownCase)]);
    // Decision 0041: the page shows the timeline's first page and counts every entry.
    expect([fewCase.timelinePage.total, manyCase.timelinePage.total]).toEqual([5, 200]);
    expect([fewCase.timeline.length, manyCase.timeline.length]).toEqual([5, TIMELINE_PAGE_SIZE]);
    const searched = await listCases(large.caseworker, { q: large.token, status: "ALL" });
    expect(searched.total).toBe(60);
  });

  it("a case list page of 50 rows with their LA, child and mediator, its count and the 'no cases yet' check are one statement", async () => {
    const { result, queries } = await recordQueries(() => listCases(large.caseworker, { la: large.la, status: "ALL" }, { pageSize: 50 }));
    expect(result.rows).toHaveLength(50);
    expect(result.total).toBe(60);
    expect(result.rows.every((r) => r.childName && r.mediatorName && r.localAuthorityName)).toBe(true);
    expect(queries).toHaveLength(1);
  });

  it("Prisma loads a record's relations in the same statement (relationJoins), not one query per relation", async () => {
    const { result, queries } = await recordQueries(() =>
      db().case.findMany({
        where: { localAuthorityId: large.la },
        take: 50,
        select: { id: true, localAuthority: { select: { name: true } }, child: { select: { name: true } }, allocatedMediator: { select: { name: true } }, parties: { select: { name: true } } },
      }),
    );
    expect(result).toHaveLength(50);
    expect(result.every((c) => c.parties.length === 2 && c.child && c.allocatedMediator)).toBe(true);
    expect(queries).toHaveLength(1);
  });
});
