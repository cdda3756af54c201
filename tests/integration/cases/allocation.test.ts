/**
 * Allocating a mediator on a real PostgreSQL: consent, conflicts of interest, workload.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { NotFoundError } from "@/lib/auth/types";
import { DomainError } from "@/lib/platform/errors";
import { dbDateFromIso, nextWorkingDay, todayInLondon } from "@/lib/deadlines";
import { transitionCase } from "@/lib/cases/transition/transition-case";
import { allocateMediator } from "@/lib/cases/allocation/allocate-mediator";
import { listMediatorOptions } from "@/lib/cases/allocation/list-mediator-options";
import { getCaseDetail } from "@/lib/cases/details/get-case-detail";
import { makeLa, makeUser, uid } from "../helpers";
import { caseworker, caseworker2, fieldError, la, laOfficer, makeCase, mediator, mediator2, otherLa, refusal, stateOf, setUpCaseFixtures } from "./fixtures";

setUpCaseFixtures();

// ---------------------------------------------------------------------------------------------
// Allocation
// ---------------------------------------------------------------------------------------------

describe("allocation", () => {
  it("R-01: in a young person's own case, their consent is the one that counts — a parent who declined does not block it", async () => {
    const c = await makeCase({
      status: "AWAITING_CONSENT",
      familyParty: "YOUNG_PERSON",
      parties: [
        { kind: "YOUNG_PERSON", name: "Alex Young", email: `alex-${uid()}@family.example`, consent: "GIVEN" },
        { kind: "PARENT", name: "Pat Parent", consent: "DECLINED" },
      ],
    });
    const r = await allocateMediator(caseworker, c.id, mediator.id, 1);
    expect(r).toMatchObject({ transition: "allocate", status: "ALLOCATED" });
  });

  it("allocates a mediator once the family has agreed; the mediator then sees the case", async () => {
    const c = await makeCase({ status: "AWAITING_CONSENT", consent: "GIVEN" });
    await expect(getCaseDetail(mediator, c.id)).rejects.toBeInstanceOf(NotFoundError);
    const r = await allocateMediator(caseworker, c.id, mediator.id, 1);
    expect(r).toMatchObject({ transition: "allocate", status: "ALLOCATED", version: 2 });
    const s = await stateOf(c.id);
    expect(s.allocatedMediatorId).toBe(mediator.id);
    const detail = await getCaseDetail(mediator, c.id);
    expect(detail.allocatedMediator?.id).toBe(mediator.id);
    expect(detail.transitions.map((t) => t.name)).toEqual(expect.arrayContaining(["startPreparing", "scheduleMeeting"]));
    const audit = await db().auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: { not: "case.viewed" } } });
    expect(audit).toMatchObject({ action: "case.mediator_allocated", before: { status: "AWAITING_CONSENT", version: 1, allocatedMediatorId: null } });
  });

  it("is refused while the family's consent is still needed", async () => {
    const c = await makeCase({ status: "AWAITING_CONSENT", consent: "PENDING" });
    const e = await refusal(allocateMediator(caseworker, c.id, mediator.id, 1));
    expect(e.message).toBe("Consent is still needed from: Jane Family (parent or carer).");
  });

  it("refuses someone who is not a mediator, and an inactive mediator", async () => {
    const c = await makeCase({ status: "AWAITING_CONSENT", consent: "GIVEN" });
    const before = await stateOf(c.id);
    const e = await refusal(allocateMediator(caseworker, c.id, caseworker2.id, 1));
    expect(fieldError(e, "mediatorId")).toBe("Choose a mediator from the list: the person chosen is not an active mediator.");
    const retired = await makeUser("MEDIATOR");
    await db().user.update({ where: { id: retired.id }, data: { active: false } });
    expect(fieldError(await refusal(allocateMediator(caseworker, c.id, retired.id, 1)), "mediatorId")).toMatch(/not an active mediator/);
    expect(await stateOf(c.id)).toEqual(before);
  });

  it("refuses a mediator with a conflict of interest with a party (email, any case), naming the conflict", async () => {
    const email = `Jane.Conflict-${uid()}@Family.example`;
    const c = await makeCase({ status: "AWAITING_CONSENT", consent: "GIVEN", familyEmail: email.toLowerCase() });
    const conflicted = await makeUser("MEDIATOR", { name: "Connie Conflicted" });
    await db().mediatorConflict.create({ data: { mediatorId: conflicted.id, partyEmail: email.toUpperCase(), reason: "She is a neighbour" } });
    const before = await stateOf(c.id);
    const e = await refusal(allocateMediator(caseworker, c.id, conflicted.id, 1));
    expect(e).toBeInstanceOf(DomainError);
    expect(e.message).toBe("Connie Conflicted cannot be allocated to this case. Conflict of interest with Jane Family: She is a neighbour.");
    expect(fieldError(e, "mediatorId")).toBe(e.message);
    // The plain transition cannot be used to get round the check.
    expect((await refusal(transitionCase(caseworker, c.id, "allocate", 1, { mediatorId: conflicted.id }))).message).toMatch(/Conflict of interest/);
    expect(await stateOf(c.id)).toEqual(before);
  });

  it("refuses a mediator with a conflict with the LA or with a party's organisation", async () => {
    const c = await makeCase({
      status: "AWAITING_CONSENT",
      parties: [
        { kind: "PARENT", name: "Pat Family", consent: "GIVEN" },
        { kind: "SCHOOL", name: "Head teacher", organisation: "Hillside  Academy" },
      ],
    });
    const laConflict = await makeUser("MEDIATOR", { name: "Lars LA-Conflict" });
    await db().mediatorConflict.create({ data: { mediatorId: laConflict.id, localAuthorityId: la.id, reason: "Worked for this council until 2024" } });
    const orgConflict = await makeUser("MEDIATOR", { name: "Olga Org-Conflict" });
    await db().mediatorConflict.create({ data: { mediatorId: orgConflict.id, partyName: "hillside academy", reason: "Governor of the school" } });
    expect((await refusal(allocateMediator(caseworker, c.id, laConflict.id, 1))).message).toBe(
      `Lars LA-Conflict cannot be allocated to this case. Conflict of interest with ${la.name}: Worked for this council until 2024.`,
    );
    expect((await refusal(allocateMediator(caseworker, c.id, orgConflict.id, 1))).message).toBe(
      "Olga Org-Conflict cannot be allocated to this case. Conflict of interest with Hillside  Academy: Governor of the school.",
    );
    // A conflict with another LA does not matter here.
    const elsewhere = await makeUser("MEDIATOR");
    await db().mediatorConflict.create({ data: { mediatorId: elsewhere.id, localAuthorityId: otherLa.id, reason: "Other council" } });
    expect((await allocateMediator(caseworker, c.id, elsewhere.id, 1)).status).toBe("ALLOCATED");
  });

  it("changing the mediator keeps the status and is a staff-only timeline entry", async () => {
    const c = await makeCase({ status: "PREPARING", mediatorId: mediator.id, consent: "GIVEN" });
    const r = await allocateMediator(caseworker, c.id, mediator2.id, 1);
    expect(r).toMatchObject({ transition: "reallocate", status: "PREPARING", statusChanged: false });
    expect((await stateOf(c.id)).allocatedMediatorId).toBe(mediator2.id);
    expect(await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id } })).toMatchObject({ type: "MEDIATOR_CHANGED", visibility: "STAFF" });
    expect(fieldError(await refusal(allocateMediator(caseworker, c.id, mediator2.id, 2)), "mediatorId")).toBe("That mediator is already allocated to this case.");
  });

  it("lists mediators with their open cases, next free working days and conflicts", async () => {
    const c = await makeCase({ status: "AWAITING_CONSENT", consent: "GIVEN", parties: [{ kind: "PARENT", name: "Olive Options", consent: "GIVEN" }] });
    const busy = await makeUser("MEDIATOR", { name: `Bea Busy ${uid()}` });
    const firstDay = nextWorkingDay(todayInLondon());
    // Two open cases (one with a meeting on the next working day) and one closed case.
    await makeCase({ status: "MEETING_SCHEDULED", mediatorId: busy.id }).then((x) => db().case.update({ where: { id: x.id }, data: { meetingOn: dbDateFromIso(firstDay) } }));
    await makeCase({ status: "ALLOCATED", mediatorId: busy.id });
    await makeCase({ status: "CLOSED", mediatorId: busy.id });
    const conflicted = await makeUser("MEDIATOR", { name: `Cy Conflict ${uid()}` });
    await db().mediatorConflict.create({ data: { mediatorId: conflicted.id, partyName: "OLIVE OPTIONS", reason: "Family friend" } });

    const r = await listMediatorOptions(caseworker, c.id);
    expect(r.transition).toBe("allocate");
    expect(r.refusal).toBeNull();
    const b = r.mediators.find((m) => m.id === busy.id)!;
    expect(b.openCases).toBe(2);
    expect(b.conflict).toBeNull();
    expect(b.nextFreeDays).toHaveLength(3);
    expect(b.nextFreeDays).not.toContain(firstDay);
    expect(b.nextFreeDays[0]).toBe(nextWorkingDay(firstDay));
    const free = r.mediators.find((m) => m.id === conflicted.id)!;
    expect(free.openCases).toBe(0);
    expect(free.nextFreeDays[0]).toBe(firstDay);
    expect(free.conflict).toBe("Conflict of interest with Olive Options: Family friend");

    await expect(listMediatorOptions(mediator, c.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listMediatorOptions(laOfficer, c.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("offers 'change mediator' only while another active mediator without a conflict could take the case (R-13)", async () => {
    const offered = async (caseId: string) => (await getCaseDetail(caseworker, caseId)).transitions.map((t) => t.name).includes("reallocate");
    const isolated = await makeLa(`Isolated Council ${uid()}`);
    const c = await makeCase({ status: "ALLOCATED", mediatorId: mediator.id, laId: isolated.id, consent: "GIVEN" });
    expect(await offered(c.id)).toBe(true);

    // Every other active mediator has a conflict of interest with this council.
    const others = await db().user.findMany({ where: { role: "MEDIATOR", active: true, id: { not: mediator.id } }, select: { id: true } });
    expect(others.length).toBeGreaterThan(0);
    await db().mediatorConflict.createMany({ data: others.map((m) => ({ mediatorId: m.id, localAuthorityId: isolated.id, reason: "Works for this council" })) });
    expect(await offered(c.id)).toBe(false);
    const page = await listMediatorOptions(caseworker, c.id);
    expect(page).toMatchObject({
      transition: "reallocate",
      refusal: "There is no other active mediator without a conflict of interest with this case, so the mediator cannot be changed (R-13).",
    });
    // A change is still refused (and writes nothing) if tried.
    const before = await stateOf(c.id);
    expect(fieldError(await refusal(allocateMediator(caseworker, c.id, mediator2.id, 1)), "mediatorId")).toMatch(/Conflict of interest with Isolated Council/);
    expect(await stateOf(c.id)).toEqual(before);

    // A new mediator without a conflict: the change is offered again.
    await makeUser("MEDIATOR");
    expect(await offered(c.id)).toBe(true);
    expect((await listMediatorOptions(caseworker, c.id)).refusal).toBeNull();
  });
});

