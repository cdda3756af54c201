/**
 * Who sees what on the case page (issue 4, R-80), on a real PostgreSQL: getCaseDetail and the
 * form-page queries for every role. Outside the user's scope a case is simply not found (404).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { recordEvent } from "@/lib/cases/timeline";
import { openDeadlines, refreshNextDeadline } from "@/lib/cases/deadlines/open-close";
import { getCaseDetail, parseTimelinePage, TIMELINE_PAGE_SIZE } from "@/lib/cases/details/get-case-detail";
import { getCaseForEdit } from "@/lib/cases/details/get-case-for-edit";
import { getPartyForEdit } from "@/lib/cases/parties/get-party-for-edit";
import { getTransitionPage } from "@/lib/cases/transition/get-transition-page";
import { listMediatorOptions } from "@/lib/cases/allocation/list-mediator-options";
import { makeLa, makeUser, uid } from "../helpers";

const SECRET_NOTE = `Private session note ${uid()}: father is considering a complaint`;
const FAMILY_EMAIL = `jo-${uid()}@family.example`;
const FAMILY_PHONE = "01632 960 123";
const ACCESS_NEEDS = "Uses a wheelchair; needs a hearing loop";

let laA: { id: string; name: string };
let laB: { id: string; name: string };
let caseworker: SessionUser;
let admin: SessionUser;
let mediator: SessionUser;
let otherMediator: SessionUser;
let officerA: SessionUser;
let officerB: SessionUser;
let officerNoLa: SessionUser;
let parent: SessionUser;
let otherParent: SessionUser;
let caseId: string;
let otherCaseId: string;
let familyPartyId: string;

beforeAll(async () => {
  laA = await makeLa(`Accessshire ${uid()}`);
  laB = await makeLa(`Otherborough ${uid()}`);
  caseworker = await makeUser("CASEWORKER");
  admin = await makeUser("ADMIN");
  mediator = await makeUser("MEDIATOR", { name: "Mo Allocated" });
  otherMediator = await makeUser("MEDIATOR");
  officerA = await makeUser("LA_OFFICER", { localAuthorityId: laA.id });
  officerB = await makeUser("LA_OFFICER", { localAuthorityId: laB.id });
  officerNoLa = await makeUser("LA_OFFICER");
  parent = await makeUser("PARENT");
  otherParent = await makeUser("PARENT");

  const c = await db().case.create({
    data: {
      reference: `SM-ACC-${uid()}`,
      localAuthorityId: laA.id,
      status: "ALLOCATED",
      allocatedMediatorId: mediator.id,
      summary: "Disagreement about the support in section F",
      child: { create: { name: "Robin", setting: "Hillside Primary", hasEhcPlan: true } },
      issues: { create: [{ category: "EDUCATION", description: "Speech and language therapy hours" }] },
      parties: {
        create: [
          { kind: "PARENT", name: "Jo Family", email: FAMILY_EMAIL, phone: FAMILY_PHONE, accessNeeds: ACCESS_NEEDS, consent: "GIVEN", userId: parent.id },
          { kind: "LA", name: "Lee Officer", organisation: laA.name, email: `lee-${uid()}@la.example`, hasAuthority: true },
        ],
      },
    },
    select: { id: true, parties: { where: { kind: "PARENT" }, select: { id: true } } },
  });
  caseId = c.id;
  familyPartyId = c.parties[0]!.id;
  await db().$transaction(async (tx) => {
    await openDeadlines(tx, caseId, ["MEDIATION_30_DAY"], "2025-03-26");
    await refreshNextDeadline(tx, caseId);
    await recordEvent(tx, { caseId, actorId: caseworker.id, type: "CONTACTING_STARTED", summary: "Started contacting the parties; LA told on 26 March 2025", rule: "R-20", visibility: "SHARED" });
    await recordEvent(tx, { caseId, actorId: mediator.id, type: "NOTE", summary: SECRET_NOTE, visibility: "STAFF" });
  });
  // Make the order certain: the staff note is the newest entry.
  await db().caseEvent.updateMany({ where: { caseId, type: "CONTACTING_STARTED" }, data: { at: new Date(Date.now() - 60_000) } });

  const other = await db().case.create({
    data: { reference: `SM-ACC-${uid()}`, localAuthorityId: laB.id, parties: { create: [{ kind: "PARENT", name: "Other Family", userId: otherParent.id }] } },
  });
  otherCaseId = other.id;
});

describe("getCaseDetail: staff see everything", () => {
  for (const who of ["caseworker", "admin", "mediator"] as const) {
    it(`${who}: full view with staff notes, contact details and access needs`, async () => {
      const user = { caseworker, admin, mediator }[who];
      const d = await getCaseDetail(user, caseId);
      expect(d.view).toBe("FULL");
      expect(d.timeline.map((e) => e.summary)).toEqual([SECRET_NOTE, "Started contacting the parties; LA told on 26 March 2025"]);
      expect(d.timeline[0]).toMatchObject({ visibility: "STAFF", actorName: "Mo Allocated" });
      const family = d.parties.find((p) => p.kind === "PARENT")!;
      expect(family.contact).toMatchObject({ email: FAMILY_EMAIL, phone: FAMILY_PHONE, accessNeeds: ACCESS_NEEDS, hasAccount: true });
      expect(family.consent).toBe("GIVEN");
      expect(d.deadlines.open).toHaveLength(1);
      expect(d.deadlines.open[0]).toMatchObject({ name: "MEDIATION_30_DAY", dueOn: "2025-04-25", dueText: "Friday 25 April 2025", label: "Mediation must take place by" });
      expect(d.deadlines.open[0]!.explanation).toMatch(/^Friday 25 April 2025/);
      expect(d.child).toMatchObject({ name: "Robin", setting: "Hillside Primary", hasEhcPlan: true });
    });
  }

  it("the allocated mediator is offered the mediator's steps only; a caseworker gets the caseworker's", async () => {
    const m = await getCaseDetail(mediator, caseId);
    expect(m.transitions.map((t) => t.name).sort()).toEqual(["scheduleMeeting", "startPreparing"]);
    expect(m.can).toEqual({ update: false, allocate: false });
    const cw = await getCaseDetail(caseworker, caseId);
    expect(cw.transitions.map((t) => t.name)).toEqual(expect.arrayContaining(["startPreparing", "scheduleMeeting", "reallocate", "withdraw", "recordNotArranged"]));
    expect(cw.transitions.find((t) => t.name === "withdraw")!.destructive).toBe(true);
    expect(cw.can).toEqual({ update: true, allocate: true });
  });
});

describe("getCaseDetail: the LA officer's shared view (R-80)", () => {
  it("an LA officer of the case's LA sees the summary, issues, names, roles and deadlines, but no staff notes or contact details", async () => {
    const d = await getCaseDetail(officerA, caseId);
    expect(d.view).toBe("SHARED");
    expect(d.timeline.map((e) => e.summary)).toEqual(["Started contacting the parties; LA told on 26 March 2025"]);
    expect(d.timeline.every((e) => e.visibility === "SHARED")).toBe(true);
    expect(d.parties.map((p) => [p.name, p.kind, p.contact])).toEqual([
      ["Jo Family", "PARENT", null],
      ["Lee Officer", "LA", null],
    ]);
    expect(d.issues.map((i) => i.description)).toEqual(["Speech and language therapy hours"]);
    expect(d.deadlines.open.map((x) => x.dueOn)).toEqual(["2025-04-25"]);
    expect(d.transitions).toEqual([]);
    expect(d.can).toEqual({ update: false, allocate: false });
    // Nothing private anywhere in what the page receives.
    const json = JSON.stringify(d);
    for (const secret of [SECRET_NOTE, FAMILY_EMAIL, FAMILY_PHONE, ACCESS_NEEDS]) expect(json).not.toContain(secret);
  });

  it("an LA officer of another LA, or with no LA, cannot find the case", async () => {
    await expect(getCaseDetail(officerB, caseId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCaseDetail(officerNoLa, caseId)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("getCaseDetail: family users and mediators", () => {
  it("the family user of the case gets the shared view", async () => {
    const d = await getCaseDetail(parent, caseId);
    expect(d.view).toBe("SHARED");
    expect(JSON.stringify(d)).not.toContain(SECRET_NOTE);
    expect(d.transitions).toEqual([]);
  });

  it("a family user of another case cannot find it", async () => {
    await expect(getCaseDetail(otherParent, caseId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCaseDetail(parent, otherCaseId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a mediator not allocated to the case cannot find it", async () => {
    await expect(getCaseDetail(otherMediator, caseId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("an unknown case is not found", async () => {
    await expect(getCaseDetail(caseworker, "not-a-case")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("form pages are 404 for those who may not use them", () => {
  it("edit details and party pages: caseworkers only", async () => {
    expect((await getCaseForEdit(caseworker, caseId)).values).toMatchObject({ summary: "Disagreement about the support in section F", childName: "Robin" });
    expect((await getPartyForEdit(admin, caseId, familyPartyId)).party).toMatchObject({ name: "Jo Family", email: FAMILY_EMAIL });
    for (const u of [mediator, officerA, parent]) {
      await expect(getCaseForEdit(u, caseId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getPartyForEdit(u, caseId, familyPartyId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(listMediatorOptions(u, caseId)).rejects.toBeInstanceOf(NotFoundError);
    }
    // A party id from another case is not found through this case.
    const otherParty = await db().party.findFirstOrThrow({ where: { caseId: otherCaseId }, select: { id: true } });
    await expect(getPartyForEdit(caseworker, caseId, otherParty.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("transition pages: the allocated mediator may open their own steps, not a caseworker's", async () => {
    const page = await getTransitionPage(mediator, caseId, "scheduleMeeting");
    expect(page.refusal).toBeNull();
    expect(page.inputs.map((i) => i.name)).toEqual(["meetingOn", "shortNoticeAgreed"]);
    await expect(getTransitionPage(mediator, caseId, "withdraw")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getTransitionPage(otherMediator, caseId, "scheduleMeeting")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getTransitionPage(officerA, caseId, "scheduleMeeting")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getTransitionPage(caseworker, caseId, "noSuchStep")).rejects.toBeInstanceOf(NotFoundError);
    // Allowed for the role, but not from this status: the page explains why.
    const held = await getTransitionPage(caseworker, caseId, "recordMeetingHeld");
    expect(held.refusal).toContain("This can only be done when the case is: Meeting scheduled");
  });
});

describe("getCaseDetail: the timeline a page at a time (issue 14, decision 0041)", () => {
  it("shows the newest entries first, every older one on a later page, and counts only what the view may see", async () => {
    // 120 entries a minute apart: every third is staff-only (40), the rest shared (80).
    const c = await db().case.create({ data: { reference: `SM-TL-${uid()}`, localAuthorityId: laA.id } });
    const start = Date.UTC(2025, 0, 6, 9, 0);
    await db().caseEvent.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        caseId: c.id,
        at: new Date(start + i * 60_000),
        type: "NOTE",
        summary: `Entry ${i + 1}`,
        visibility: i % 3 === 0 ? ("STAFF" as const) : ("SHARED" as const),
      })),
    });
    const summaries = (d: Awaited<ReturnType<typeof getCaseDetail>>) => d.timeline.map((e) => e.summary);

    const first = await getCaseDetail(caseworker, c.id);
    expect(first.timelinePage).toEqual({ page: 1, pageCount: 3, total: 120, pageSize: TIMELINE_PAGE_SIZE });
    expect(summaries(first)).toHaveLength(TIMELINE_PAGE_SIZE);
    expect(summaries(first)[0]).toBe("Entry 120");
    const last = await getCaseDetail(caseworker, c.id, { timelinePage: 3 });
    expect(summaries(last)).toEqual(Array.from({ length: 20 }, (_, i) => `Entry ${20 - i}`));
    // Every entry is on exactly one page.
    const second = await getCaseDetail(caseworker, c.id, { timelinePage: 2 });
    expect(new Set([...summaries(first), ...summaries(second), ...summaries(last)]).size).toBe(120);
    // A stale or hand-edited link past the end shows the last page.
    const past = await getCaseDetail(caseworker, c.id, { timelinePage: 40 });
    expect(past.timelinePage.page).toBe(3);
    expect(summaries(past)).toEqual(summaries(last));

    // the LA officer's pages hold the shared entries only, and their count says so.
    const officer = await getCaseDetail(officerA, c.id, { timelinePage: 2 });
    expect(officer.timelinePage).toEqual({ page: 2, pageCount: 2, total: 80, pageSize: TIMELINE_PAGE_SIZE });
    expect(officer.timeline).toHaveLength(30);
    expect(officer.timeline.every((e) => e.visibility === "SHARED")).toBe(true);
  });

  it("reads the page asked for from the address, and the first page from anything else", () => {
    expect(parseTimelinePage("2")).toBe(2);
    expect(parseTimelinePage(["3", "4"])).toBe(3);
    for (const bad of [undefined, "", "0", "-1", "two", "1.5", "99999999999"]) expect(parseTimelinePage(bad)).toBe(1);
  });
});
