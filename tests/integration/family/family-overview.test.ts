/**
 * Issue 12: the family's overview on a real PostgreSQL — the stages (Done / Now / Not yet) at
 * several points of a case's life (mediation, advice only, withdrawn, DRS), the next step with who
 * and by when, the key dates with the date engine's explanation and no rule ids, the case chooser,
 * the links, and the scope: another family's case, an LA officer, an unknown id are all a 404. R-80:
 * a marker planted in every staff-only place (staff notes, a STAFF timeline entry, case notes, the
 * meeting record's child's views, contact details, consent "how", a progress note not shared with
 * the family, a certificate's correction reason) appears nowhere in what the family is given.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { dbDateFromIso } from "@/lib/deadlines";
import { getFamilyOverview, type FamilyOverview } from "@/lib/family/home/get-family-overview";
import { getFamilyCaseNav } from "@/lib/family/home/get-family-case-nav";
import { getFamilyAgreement } from "@/lib/family/agreement/get-family-agreement";
import { listMyCases } from "@/lib/cases/list/list-my-cases";
import { transitionCase } from "@/lib/cases/transition/transition-case";
import { recordEvent } from "@/lib/cases/timeline";
import { makeUser, uid } from "../helpers";
import { caseworker, laOfficer, makeCase, mediator, setUpCaseFixtures } from "../cases/fixtures";

setUpCaseFixtures();

const NOW = new Date("2025-04-30T10:00:00Z");
let parent: SessionUser;
let otherParent: SessionUser;

beforeAll(async () => {
  parent = await makeUser("PARENT");
  otherParent = await makeUser("PARENT");
});

const stagesOf = (o: FamilyOverview) => o.stages.map((s) => `${s.id}:${s.state}`);
const overview = (caseId: string, user = parent) => getFamilyOverview(user, caseId, NOW);

async function refusal(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected a refusal");
}

describe("where we are, what happens next, key dates", () => {
  it("a new request: the 30-day date and how it was worked out; we contact everyone", async () => {
    const c = await makeCase({ status: "REFERRED", familyUserId: parent.id, dates: { laNotifiedOn: "2025-03-26" }, deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: "2025-03-26" } });
    const o = await overview(c.id);
    expect(stagesOf(o)).toEqual([
      "REQUEST:DONE",
      "TAKE_PART:NOW",
      "MEDIATOR:NOT_YET",
      "MEETING_BOOKED:NOT_YET",
      "MEETING_HELD:NOT_YET",
      "AGREEMENT_SIGNED:NOT_YET",
      "CERTIFICATE:NOT_YET",
      "ACTIONS_DONE:NOT_YET",
    ]);
    expect(o.nextStep).toMatchObject({ text: "We will contact everyone to plan the next steps.", who: "The mediation service (us)", date: { label: "The meeting must take place by", on: "2025-04-25" } });
    // R-54's example: told 26 March → mediation by Friday 25 April 2025, explained by the date engine.
    expect(o.keyDates).toEqual([
      {
        id: "MEDIATION_BY",
        label: "Mediation must take place by",
        on: "2025-04-25",
        explanation: expect.stringContaining("within 30 calendar days of the local authority being told on Wednesday 26 March 2025") as unknown as string,
      },
    ]);
    expect(JSON.stringify(o)).not.toMatch(/\bR-\d\d\b/);
  });

  it("a mediator allocated, then a meeting booked: the next step is the mediator's, then yours, on the day", async () => {
    const c = await makeCase({ status: "ALLOCATED", familyUserId: parent.id, consent: "GIVEN", consentOn: "2025-03-28", mediatorId: mediator.id, dates: { laNotifiedOn: "2025-03-26" }, deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: "2025-03-26" } });
    let o = await overview(c.id);
    expect(stagesOf(o).slice(0, 5)).toEqual(["REQUEST:DONE", "TAKE_PART:DONE", "MEDIATOR:DONE", "MEETING_BOOKED:NOW", "MEETING_HELD:NOT_YET"]);
    expect(o.nextStep).toMatchObject({ who: "Your mediator", text: expect.stringContaining("find a day for the meeting") as unknown as string });

    await db().case.update({ where: { id: c.id }, data: { status: "MEETING_SCHEDULED", meetingOn: dbDateFromIso("2025-04-24") } });
    await db().meeting.create({ data: { caseId: c.id, kind: "JOINT_MEETING", mode: "VIDEO", startsAt: new Date("2025-04-24T09:00:00Z"), endsAt: new Date("2025-04-24T11:00:00Z"), status: "SCHEDULED" } });
    o = await overview(c.id);
    expect(stagesOf(o).slice(3, 5)).toEqual(["MEETING_BOOKED:DONE", "MEETING_HELD:NOW"]);
    expect(o.nextStep).toMatchObject({ who: "You", date: { label: "Meeting day", on: "2025-04-24" } });
  });

  it("a meeting with no agreement: no agreement or actions stages; the certificate is due, then issued with the appeal date", async () => {
    const c = await makeCase({
      status: "MEETING_HELD",
      agreement: "NONE",
      consent: "GIVEN",
      consentOn: "2025-03-28",
      mediatorId: mediator.id,
      familyUserId: parent.id,
      decisions: ["PLAN_CONTENTS_SECTION_F"],
      dates: { decisionSentOn: "2025-02-03", laNotifiedOn: "2025-03-26", heldOn: "2025-04-24" },
      deadlines: { names: ["CERTIFICATE_AFTER_MEDIATION"], triggerOn: "2025-04-24" },
    });
    let o = await overview(c.id);
    expect(stagesOf(o)).toEqual(["REQUEST:DONE", "TAKE_PART:DONE", "MEDIATOR:DONE", "MEETING_BOOKED:DONE", "MEETING_HELD:DONE", "CERTIFICATE:NOW"]);
    expect(o.nextStep).toMatchObject({ text: "We will send you your certificate.", who: "The mediation service (us)", date: { label: "By", on: "2025-04-29" } });
    expect(o.keyDates.map((d) => [d.id, d.on])).toEqual([["CERTIFICATE_DUE", "2025-04-29"]]);
    expect(o.keyDates[0]!.explanation).toMatch(/^Tuesday 29 April 2025: the certificate is due 3 working days after the mediation ended on Thursday 24 April 2025/);

    await transitionCase(caseworker, c.id, "issueCertificate", 1, { issuedOn: "2025-04-29" });
    o = await overview(c.id);
    expect(o.stages.every((s) => s.state === "DONE")).toBe(true);
    // issued Tuesday 29 April 2025 → the appeal must reach the Tribunal by Thursday 29 May 2025.
    const appeal = o.keyDates.find((d) => d.id === "APPEAL_BY")!;
    expect(appeal).toMatchObject({ label: "Last day to appeal", on: "2025-05-29" });
    expect(appeal.explanation).toContain("29 May 2025");
    expect(appeal.explanation).not.toMatch(/\bR-\d\d\b/);
    expect(o.nextStep).toMatchObject({ who: "You", date: { label: "Last day to appeal", on: "2025-05-29" } });
    expect(o.statusText).toContain("We sent you your certificate on Tuesday 29 April 2025.");
  });

  it("advice only: no mediation stages, just the certificate", async () => {
    const c = await makeCase({ kind: "ADVICE_ONLY", status: "ADVICE_ONLY", familyUserId: parent.id, decisions: ["REFUSAL_TO_ASSESS"], dates: { decisionSentOn: "2025-03-03" }, deadlines: { names: ["CERTIFICATE_ADVICE_ONLY"], triggerOn: "2025-04-28" } });
    const o = await overview(c.id);
    expect(stagesOf(o)).toEqual(["REQUEST:DONE", "NO_MEDIATION:DONE", "CERTIFICATE:NOW"]);
    expect(o.nextStep).toMatchObject({ text: "We will send you your certificate.", date: { on: "2025-05-01" } });
    expect(o.keyDates.map((d) => d.id)).toEqual(["CERTIFICATE_DUE"]);
  });

  it("withdrawn: what happened before, then mediation stops; nothing more to do without a certificate", async () => {
    const c = await makeCase({ status: "WITHDRAWN", familyUserId: parent.id, consent: "GIVEN", consentOn: "2025-03-28", mediatorId: mediator.id });
    const o = await overview(c.id);
    expect(stagesOf(o)).toEqual(["REQUEST:DONE", "TAKE_PART:DONE", "MEDIATOR:DONE", "WITHDRAWN:DONE"]);
    expect(o.nextStep).toMatchObject({ text: "Mediation has stopped. You do not need to do anything else.", who: null, date: null });
  });

  it("DRS: no certificate stage (R-71), and 'not everyone agreed' ends it (R-73)", async () => {
    const going = await makeCase({ kind: "DRS", status: "AWAITING_CONSENT", familyUserId: parent.id });
    const o = await overview(going.id);
    expect(o.stages.map((s) => s.id)).toEqual(["REQUEST", "TAKE_PART", "MEDIATOR", "MEETING_BOOKED", "MEETING_HELD", "OUTCOME_SIGNED", "ACTIONS_DONE"]);
    expect(o.nextStep.text).toBe("We are asking everyone if they will take part.");
    expect(o.keyDates).toEqual([]);

    const stopped = await makeCase({ kind: "DRS", status: "NOT_PROCEEDING", familyUserId: parent.id });
    expect(stagesOf(await overview(stopped.id))).toEqual(["REQUEST:DONE", "NOT_PROCEEDING:DONE"]);
  });

  it("agreed actions: the next step is the local authority's, by the next due date; the short link says so", async () => {
    const c = await makeCase({ status: "MONITORING", agreement: "FULL", mediatorId: mediator.id, familyUserId: parent.id, consent: "GIVEN", dates: { heldOn: "2025-04-24" } });
    const agreement = await db().caseAgreement.create({ data: { caseId: c.id, kind: "AGREEMENT", status: "SEALED", meetingRecordId: "r", agreedOn: dbDateFromIso("2025-04-24"), whatWasAgreed: "Amend F", contentSha256: "x" } });
    expect(agreement.status).toBe("SEALED");
    const la = await db().case.findUniqueOrThrow({ where: { id: c.id }, select: { localAuthorityId: true } });
    await db().obligation.createMany({
      data: [
        { caseId: c.id, localAuthorityId: la.localAuthorityId, what: "Issue the amended plan", responsible: "LA", dueOn: dbDateFromIso("2025-05-29"), howChecked: "Letter", position: 1 },
        { caseId: c.id, localAuthorityId: la.localAuthorityId, what: "Review therapy", responsible: "SCHOOL", dueOn: dbDateFromIso("2025-05-08"), howChecked: "Report", status: "DONE", completedOn: dbDateFromIso("2025-05-01"), position: 2 },
      ],
    });
    const o = await overview(c.id);
    expect(stagesOf(o).slice(5)).toEqual(["AGREEMENT_SIGNED:DONE", "CERTIFICATE:NOW", "ACTIONS_DONE:NOT_YET"]);
    expect(o.nextStep).toMatchObject({ who: "The local authority", date: { label: "Next date in the agreement", on: "2025-05-29" } });
    expect(o.hasAgreedActions).toBe(true);
  });
});

describe("the case chooser and the links", () => {
  it("lists each of a family's cases (siblings) with the child's first name; one family never sees another's", async () => {
    const sibling = await makeUser("PARENT");
    const a = await makeCase({ familyUserId: sibling.id, child: { hasEhcPlan: true } });
    const b = await makeCase({ familyUserId: sibling.id });
    await db().child.update({ where: { caseId: a.id }, data: { name: "Robin Ash-Smith" } });
    const mine = await listMyCases(sibling);
    expect(mine.map((m) => m.id).sort()).toEqual([a.id, b.id].sort());
    expect(mine.find((m) => m.id === a.id)!.childFirstName).toBe("Robin");
    expect(mine.find((m) => m.id === b.id)!.childFirstName).toBeNull();
    expect((await listMyCases(otherParent)).map((m) => m.id)).not.toContain(a.id);
  });

  it("links to the family's pages; 'Who can see your case' only for the young person on their own case (R-01)", async () => {
    const parentCase = await makeCase({ familyUserId: parent.id });
    const ids = (links: { id: string }[]) => links.map((l) => l.id);
    expect(ids((await overview(parentCase.id)).links)).toEqual(["OVERVIEW", "MEETING", "VIEWS", "AGREEMENT"]);
    expect((await getFamilyCaseNav(parent, parentCase.id)).links.map((l) => l.href)).toEqual([
      `/my-case/${parentCase.id}`,
      `/my-case/${parentCase.id}/meeting`,
      `/my-case/${parentCase.id}/views`,
      `/my-case/${parentCase.id}/agreement`,
    ]);

    const youngPerson = await makeUser("PARENT");
    const ypCase = await makeCase({
      familyParty: "YOUNG_PERSON",
      parties: [
        { kind: "YOUNG_PERSON", name: "Young Person", email: `yp-${uid()}@example.org` },
        { kind: "PARENT", name: "Their Parent", email: `pp-${uid()}@example.org` },
      ],
    });
    const [yp, pp] = await db().party.findMany({ where: { caseId: ypCase.id }, orderBy: { name: "desc" } });
    await db().party.update({ where: { id: yp!.id }, data: { userId: youngPerson.id } });
    await db().party.update({ where: { id: pp!.id }, data: { userId: parent.id } });
    expect(ids((await overview(ypCase.id, youngPerson)).links)).toContain("PARENT_ACCESS");
    // R-01 (decision 0022): their parent sees the case only with the young person's consent — and never that page.
    expect(await refusal(overview(ypCase.id, parent))).toBeInstanceOf(NotFoundError);
    await db().case.update({ where: { id: ypCase.id }, data: { parentAccessConsentAt: new Date(), parentAccessConsentHow: "Online" } });
    expect(ids((await overview(ypCase.id, parent)).links)).toEqual(["OVERVIEW", "MEETING", "VIEWS", "AGREEMENT"]);
  });
});

describe("scope and confidentiality (R-80)", () => {
  it("another family's case, an LA officer and an unknown id are not found (404)", async () => {
    const c = await makeCase({ familyUserId: parent.id });
    for (const p of [
      () => overview(c.id, otherParent),
      () => overview(c.id, laOfficer),
      () => overview("no-such-case"),
      () => getFamilyCaseNav(otherParent, c.id),
      () => getFamilyAgreement(otherParent, c.id),
      () => getFamilyAgreement(laOfficer, c.id),
    ]) {
      expect(await refusal(p())).toBeInstanceOf(NotFoundError);
    }
    // The read audit (issue 13) is written in the same round as the read (issue 14), but only for a
    // view the scope let in: the refused views recorded nothing; the family's own view one row.
    const viewed = () => db().auditEvent.findMany({ where: { action: "case.viewed", entityId: c.id }, select: { actorId: true } });
    expect(await viewed()).toEqual([]);
    await overview(c.id);
    expect(await viewed()).toEqual([{ actorId: parent.id }]);
  });

  it("holds none of the staff-only text planted in the case", async () => {
    const tag = randomUUID().slice(0, 8);
    const M = (what: string) => `zq-${what}-${tag}`;
    const markers = ["staff-notes", "staff-event", "pre-meeting-note", "private-note", "child-views", "access-needs", "consent-how", "address", "unshared-progress", "correction-reason"].map(M);
    const c = await makeCase({
      status: "MEETING_HELD",
      agreement: "NONE",
      consent: "GIVEN",
      consentOn: "2025-03-28",
      mediatorId: mediator.id,
      familyUserId: parent.id,
      decisions: ["PLAN_CONTENTS_SECTION_F"],
      dates: { decisionSentOn: "2025-02-03", laNotifiedOn: "2025-03-26", heldOn: "2025-04-24" },
      deadlines: { names: ["CERTIFICATE_AFTER_MEDIATION"], triggerOn: "2025-04-24" },
    });
    await transitionCase(caseworker, c.id, "issueCertificate", 1, { issuedOn: "2025-04-29" });
    const cert = await db().certificate.findFirstOrThrow({ where: { caseId: c.id } });
    await db().$executeRaw`UPDATE "Certificate" SET "correctionReason" = ${M("correction-reason")} WHERE id = ${cert.id}`;
    await db().case.update({ where: { id: c.id }, data: { staffNotes: M("staff-notes") } });
    await db().party.updateMany({ where: { caseId: c.id }, data: { accessNeeds: M("access-needs"), consentHow: M("consent-how"), address: M("address") } });
    await db().$transaction((tx) => recordEvent(tx, { caseId: c.id, actorId: caseworker.id, type: "NOTE", summary: M("staff-event"), visibility: "STAFF" }));
    const party = await db().party.findFirstOrThrow({ where: { caseId: c.id, kind: "PARENT" } });
    const meeting = await db().meeting.create({ data: { caseId: c.id, kind: "JOINT_MEETING", mode: "VIDEO", startsAt: new Date("2025-04-24T09:00:00Z"), endsAt: new Date("2025-04-24T11:00:00Z"), status: "HELD" } });
    const record = await db().meetingRecord.create({ data: { caseId: c.id, meetingId: meeting.id, startedAt: meeting.startsAt, endedAt: meeting.endsAt, recordedById: mediator.id, childViews: M("child-views") } });
    await db().caseNote.createMany({
      data: [
        { caseId: c.id, kind: "PRE_MEETING", partyId: party.id, body: M("pre-meeting-note"), authorId: mediator.id },
        { caseId: c.id, kind: "MEDIATOR_PRIVATE", meetingRecordId: record.id, body: M("private-note"), authorId: mediator.id, sharedAt: new Date() },
      ],
    });
    const la = await db().case.findUniqueOrThrow({ where: { id: c.id }, select: { localAuthorityId: true } });
    const ob = await db().obligation.create({ data: { caseId: c.id, localAuthorityId: la.localAuthorityId, what: "Shared action", responsible: "LA", dueOn: dbDateFromIso("2025-05-29"), howChecked: "Letter" } });
    await db().obligationUpdate.create({ data: { obligationId: ob.id, caseId: c.id, kind: "PROGRESS", note: M("unshared-progress"), sharedWithFamily: false } });

    const given = JSON.stringify([await overview(c.id), await getFamilyCaseNav(parent, c.id), await getFamilyAgreement(parent, c.id, NOW), await listMyCases(parent)]);
    expect(given).toContain("Shared action"); // the shared facts are there…
    expect(markers.filter((m) => given.includes(m))).toEqual([]); // …and nothing staff-only
  });
});
