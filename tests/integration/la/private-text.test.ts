/**
 * R-80 (issue 12): what the LA officer reads on their dashboard, in its CSV and on their own LA's
 * case page never holds what is not theirs to see. A unique marker is planted in every such field
 * of two cases of their LA (one with its meeting booked, one whose meeting was held): the notes
 * for the mediation team, a pre-meeting note, the mediator's private notes, the meeting record's
 * child's views and expenses, attendees' needs, a cancellation's reason, a late booking's reason,
 * the parties' contact details and how consent was given, a staff-only timeline entry and a shared
 * one's reason, and the mediator's working week. Then the dashboard query (every page), the CSV
 * and every piece of the case page's data for the LA officer are searched for every marker. The
 * shared facts (the child's name, the agreed actions, the summary) are checked to be there.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import type { SessionUser } from "@/lib/auth/types";
import { addCalendarDays, dbDateFromIso, todayInLondon } from "@/lib/deadlines";
import { listLaDeadlines } from "@/lib/la/list-la-deadlines";
import { exportLaDeadlines } from "@/lib/la/export-la-deadlines";
import { getLaCaseView } from "@/lib/la/get-la-case-view";
import { getCaseDetail } from "@/lib/cases/details/get-case-detail";
import { listCaseObligations } from "@/lib/obligations/list-case-obligations";
import { getObligation } from "@/lib/obligations/get-obligation";
import { listCaseCertificates } from "@/lib/certificates/list-case-certificates";
import { makeLa, makeUser, uid } from "../helpers";
import { openCaseDeadlines } from "../cases/fixtures";

const tag = uid();
const marker = (what: string) => `zq-${what}-${tag}`;
const M = {
  staffNotes: marker("staff-notes"),
  preMeetingNote: marker("pre-meeting-note"),
  privateNote: marker("private-note"),
  recordPrivateNote: marker("record-private-note"),
  childViews: marker("child-views"),
  childViewsReason: marker("child-views-reason"),
  expensesFor: marker("expenses-for"),
  adjustments: marker("adjustments"),
  interpreter: marker("interpreter"),
  cancelReason: marker("cancel-reason"),
  lateReason: marker("late-reason"),
  accessNeeds: marker("access-needs"),
  familyEmail: `${marker("family-email")}@family.example`,
  familyAddress: marker("family-address"),
  consentHow: marker("consent-how"),
  staffEvent: marker("staff-event"),
  sharedEventReason: marker("shared-event-reason"),
  mediatorHours: marker("mediator-hours"),
};
const MARKERS = Object.entries(M);

const CHILD = `Robin Shared ${tag}`;
const SUMMARY = `The family disagrees with section F ${tag}`;
const ACTION = `Amend section F to add speech therapy ${tag}`;
const NOW = new Date("2026-03-02T12:00:00Z");
const TODAY = todayInLondon(NOW);

let officer: SessionUser;
const cases: { id: string; obligationId: string }[] = [];

async function plantedCase(laId: string, mediatorId: string, o: { held: boolean }) {
  const c = await db().case.create({
    data: {
      reference: `SM-PT-${uid()}`,
      localAuthorityId: laId,
      status: o.held ? "MONITORING" : "MEETING_SCHEDULED",
      agreement: o.held ? "FULL" : null,
      allocatedMediatorId: mediatorId,
      summary: SUMMARY,
      staffNotes: M.staffNotes,
      laNotifiedOn: dbDateFromIso(addCalendarDays(TODAY, -20)),
      child: { create: { name: CHILD } },
      issues: { create: [{ category: "EDUCATION", description: "Speech and language therapy" }] },
    },
    select: { id: true },
  });
  const family = await db().party.create({
    data: { caseId: c.id, kind: "PARENT", name: "Jane Family", email: M.familyEmail, address: M.familyAddress, accessNeeds: M.accessNeeds, consent: "GIVEN", consentHow: M.consentHow },
  });
  const rep = await db().party.create({ data: { caseId: c.id, kind: "LA", name: "Officer Rep", hasAuthority: true } });
  const meeting = await db().meeting.create({
    data: {
      caseId: c.id,
      kind: "JOINT_MEETING",
      mode: "VIDEO",
      videoLink: "https://video.example/room",
      startsAt: new Date("2026-03-09T10:00:00Z"),
      endsAt: new Date("2026-03-09T12:00:00Z"),
      status: o.held ? "HELD" : "SCHEDULED",
      lateReason: M.lateReason,
      mediatorId,
    },
  });
  await db().meetingAttendee.createMany({
    data: [
      { caseId: c.id, meetingId: meeting.id, partyId: family.id, adjustments: M.adjustments, interpreterLanguage: M.interpreter },
      { caseId: c.id, meetingId: meeting.id, partyId: rep.id },
    ],
  });
  await db().meetingChange.create({ data: { caseId: c.id, meetingId: meeting.id, kind: "CANCELLED", reason: M.cancelReason, sequence: 1 } });
  await db().caseNote.create({ data: { caseId: c.id, kind: "PRE_MEETING", partyId: family.id, body: M.preMeetingNote, authorId: mediatorId } });
  await db().caseNote.create({ data: { caseId: c.id, kind: "MEDIATOR_PRIVATE", body: M.privateNote, authorId: mediatorId, sharedAt: new Date() } });
  if (o.held) {
    const record = await db().meetingRecord.create({
      data: {
        caseId: c.id,
        meetingId: meeting.id,
        startedAt: meeting.startsAt,
        endedAt: meeting.endsAt,
        childViewsHow: ["WRITTEN_STATEMENT"],
        childViews: M.childViews,
        childViewsNotPossibleReason: M.childViewsReason,
        expensesClaimed: true,
        expensesFor: M.expensesFor,
        recordedById: mediatorId,
      },
    });
    await db().caseNote.create({ data: { caseId: c.id, kind: "MEDIATOR_PRIVATE", meetingRecordId: record.id, body: M.recordPrivateNote, authorId: mediatorId } });
    await openCaseDeadlines(c.id, ["CERTIFICATE_AFTER_MEDIATION"], addCalendarDays(TODAY, -1));
  } else {
    await openCaseDeadlines(c.id, ["MEDIATION_30_DAY"], addCalendarDays(TODAY, -20));
  }
  await db().caseEvent.create({ data: { caseId: c.id, type: "NOTE", summary: M.staffEvent, visibility: "STAFF" } });
  await db().caseEvent.create({ data: { caseId: c.id, type: "CASE_WITHDRAWN", summary: "Family asked for a pause", visibility: "SHARED", data: { reason: M.sharedEventReason } } });
  const ob = await db().obligation.create({
    data: { caseId: c.id, localAuthorityId: laId, what: ACTION, responsible: "LA", dueOn: dbDateFromIso(addCalendarDays(TODAY, 10)), howChecked: "The family receives the amended plan", sourceActionId: `a-${uid()}` },
  });
  return { id: c.id, obligationId: ob.id };
}

beforeAll(async () => {
  const la = await makeLa();
  officer = await makeUser("LA_OFFICER", { localAuthorityId: la.id });
  const mediator = await makeUser("MEDIATOR");
  await db().mediatorAvailability.create({ data: { userId: mediator.id, weeklyHours: { 1: [{ start: "09:00", end: "17:00", note: M.mediatorHours }] }, maxJointMeetingsPerDay: 3 } });
  cases.push(await plantedCase(la.id, mediator.id, { held: false }), await plantedCase(la.id, mediator.id, { held: true }));
});

const leaked = (what: string, text: string) => MARKERS.filter(([, m]) => text.includes(m)).map(([k]) => `${what}: ${k}`);

describe("the LA officer never reads staff-only text", () => {
  it("on the dashboard (every page, every filter that shows the rows) and in its CSV", async () => {
    const d = await listLaDeadlines(officer, {}, NOW);
    expect(d.rows.map((r) => r.kind).sort()).toEqual(["ACTION", "ACTION", "CERTIFICATE", "MEDIATION"]);
    const text = JSON.stringify(d) + JSON.stringify(await listLaDeadlines(officer, { kind: "action" }, NOW));
    expect(leaked("dashboard", text)).toEqual([]);
    expect(text).toContain(CHILD);
    expect(text).toContain(ACTION);

    const csv = (await exportLaDeadlines(officer, {}, null, NOW)).body;
    expect(leaked("CSV", csv)).toEqual([]);
    expect(csv).toContain(CHILD);
    expect(csv).toContain(ACTION);
    expect(csv).not.toMatch(/video\.example|workload|availability/i);
  });

  it("in everything the case page reads for them", async () => {
    for (const c of cases) {
      const parts = {
        detail: await getCaseDetail(officer, c.id),
        laView: await getLaCaseView(officer, c.id),
        obligations: await listCaseObligations(officer, c.id, NOW),
        obligation: await getObligation(officer, c.id, c.obligationId, NOW),
        certificates: await listCaseCertificates(officer, c.id),
      };
      for (const [what, data] of Object.entries(parts)) {
        const text = JSON.stringify(data);
        expect(leaked(what, text)).toEqual([]);
        expect(text, what).not.toContain("video.example");
      }
      expect(JSON.stringify(parts.detail)).toContain(SUMMARY);
      expect(JSON.stringify(parts.detail)).toContain(CHILD);
      expect(JSON.stringify(parts.obligations)).toContain(ACTION);
      expect(parts.laView.representatives.map((r) => r.name)).toEqual(["Officer Rep"]);
    }
    // The markers are really there: the mediation service's own view holds the staff notes.
    const staff = await makeUser("CASEWORKER");
    expect(JSON.stringify(await getCaseDetail(staff, cases[0]!.id))).toContain(M.staffNotes);
  });
});
