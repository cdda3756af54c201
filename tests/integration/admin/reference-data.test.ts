/**
 * Issue 13 (decision 0029): the reference data admins keep — local authorities and ICBs (added,
 * changed at a version, deactivated rather than deleted, every change audited, a duplicate code
 * refused with nothing written), the mediator panel (accreditation expiry, capacity per calendar
 * month, areas, conflicts of interest, all used by allocation) and the bank-holiday data's coverage
 * warning. Nobody but an admin even sees any of it (404).
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { NotFoundError } from "@/lib/auth/types";
import { ConflictError, DomainError } from "@/lib/platform/errors";
import { REDACTED } from "@/lib/platform/audit";
import { addCalendarDays, addCalendarMonths, dbDateFromIso, HOLIDAY_YEAR_RANGE, todayInLondon } from "@/lib/deadlines";
import { addReferenceBody } from "@/lib/admin/reference/add-reference-body";
import { updateReferenceBody } from "@/lib/admin/reference/update-reference-body";
import { deactivateReferenceBody } from "@/lib/admin/reference/deactivate-reference-body";
import { reactivateReferenceBody } from "@/lib/admin/reference/reactivate-reference-body";
import { listReferenceBodies } from "@/lib/admin/reference/list-reference-bodies";
import { getReferenceBody } from "@/lib/admin/reference/get-reference-body";
import { updateMediatorPanel } from "@/lib/admin/reference/update-mediator-panel";
import { addMediatorConflict } from "@/lib/admin/reference/add-mediator-conflict";
import { removeMediatorConflict } from "@/lib/admin/reference/remove-mediator-conflict";
import { getMediatorPanel } from "@/lib/admin/reference/get-mediator-panel";
import { listMediatorPanel } from "@/lib/admin/reference/list-mediator-panel";
import { ACCREDITATION_WARNING_DAYS } from "@/lib/admin/reference/accreditation";
import { getHolidayCoverage, holidayCoverage, HOLIDAY_DATA_WARNING_MONTHS } from "@/lib/admin/reference/holiday-coverage";
import { createReferral } from "@/lib/cases/intake/create-referral";
import { listLocalAuthoritiesForIntake } from "@/lib/cases/intake/local-authorities";
import { getCaseDetail } from "@/lib/cases/details/get-case-detail";
import { getCaseAbout } from "@/lib/cases/about/get-case-about";
import { updateCaseAbout } from "@/lib/cases/about/update-case-about";
import { allocateMediator } from "@/lib/cases/allocation/allocate-mediator";
import { listMediatorOptions } from "@/lib/cases/allocation/list-mediator-options";
import { ReferenceDataLinks } from "@/app/admin/_reference/ReferenceDataLinks";
import { makeUser, referralValues, uid } from "../helpers";
import { admin, caseworker, fieldError, la, laOfficer, makeCase, mediator, otherLa, parentUser, refusal, setUpCaseFixtures } from "../cases/fixtures";

setUpCaseFixtures();

const today = todayInLondon();
const code = () => `T${uid().toUpperCase()}`;
const auditsOf = (entityType: string, entityId: string) => db().auditEvent.findMany({ where: { entityType, entityId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
/** Everything an admin command could write: compared before and after a refused one. */
const counts = async () => ({
  las: await db().localAuthority.count(),
  icbs: await db().healthBody.count(),
  profiles: await db().mediatorProfile.count(),
  conflicts: await db().mediatorConflict.count(),
  audit: await db().auditEvent.count(),
});

describe("local authorities", () => {
  it("an admin adds one, changes it at the version seen, deactivates and re-activates it, each change audited", async () => {
    const c = code();
    const { id } = await addReferenceBody(admin, "localAuthority", { code: c.toLowerCase(), name: "  Northshire Council ", noticeEmail: "SEND@Northshire.gov.uk" }, "203.0.113.7");
    expect(await db().localAuthority.findUniqueOrThrow({ where: { id } })).toMatchObject({ code: c, name: "Northshire Council", noticeEmail: "send@northshire.gov.uk", active: true, version: 1 });

    await updateReferenceBody(admin, "localAuthority", id, 1, { code: c, name: "Northshire County Council", noticeEmail: "" });
    // The version the admin saw is gone: someone else's change is not overwritten.
    const stale = await refusal(updateReferenceBody(admin, "localAuthority", id, 1, { code: c, name: "Overwritten", noticeEmail: "" }));
    expect(stale).toBeInstanceOf(ConflictError);
    await deactivateReferenceBody(admin, "localAuthority", id, 2);
    await reactivateReferenceBody(admin, "localAuthority", id, 3);
    expect(await db().localAuthority.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "Northshire County Council", noticeEmail: null, active: true, version: 4 });

    const audits = await auditsOf("LocalAuthority", id);
    expect(audits.map((a) => a.action)).toEqual(["local_authority.added", "local_authority.updated", "local_authority.deactivated", "local_authority.reactivated"]);
    expect(audits.every((a) => a.actorId === admin.id)).toBe(true);
    expect(audits[0]).toMatchObject({ ip: "203.0.113.7", after: { code: c, bodyName: "Northshire Council", noticeEmail: "send@northshire.gov.uk", active: true } });
    expect(audits[1]!.before).toMatchObject({ bodyName: "Northshire Council", version: 1 });
    expect(audits[1]!.after).toMatchObject({ bodyName: "Northshire County Council", noticeEmail: null, version: 2 });
  });

  it("refuses a code already used (whatever its case, even by a deactivated LA) with a message naming it, and writes nothing", async () => {
    const c = code();
    const first = await addReferenceBody(admin, "localAuthority", { code: c, name: `Eastshire ${uid()}` });
    await deactivateReferenceBody(admin, "localAuthority", first.id, 1);
    const before = await counts();
    const e = await refusal(addReferenceBody(admin, "localAuthority", { code: c.toLowerCase(), name: "Another council" }));
    expect(fieldError(e, "code")).toMatch(new RegExp(`^The code ${c} is already used by Eastshire .*Each local authority needs its own code\\.$`));
    const other = await addReferenceBody(admin, "localAuthority", { code: code(), name: "Westshire" });
    const mid = await counts();
    const e2 = await refusal(updateReferenceBody(admin, "localAuthority", other.id, 1, { code: c, name: "Westshire" }));
    expect(fieldError(e2, "code")).toContain(`The code ${c} is already used by`);
    expect(await counts()).toEqual(mid);
    expect(mid.las).toBe(before.las + 1);
    // An ICB may have the same code as an LA: codes are unique per kind.
    await expect(addReferenceBody(admin, "healthBody", { code: c, name: "An ICB" })).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("says what is wrong with each field and writes nothing", async () => {
    const before = await counts();
    const e = await refusal(addReferenceBody(admin, "localAuthority", { code: "no spaces!", name: "", noticeEmail: "not-an-email" }));
    expect((e as DomainError).fieldErrors).toEqual({
      code: "The code can only use letters, numbers and hyphens",
      name: "Enter the name",
      noticeEmail: "Enter an email address in the correct format, like name@example.com",
    });
    expect(await counts()).toEqual(before);
  });

  it("a deactivated LA is not offered for a new referral (nor accepted), but its cases still load", async () => {
    const { id } = await addReferenceBody(admin, "localAuthority", { code: code(), name: `Southshire ${uid()}` });
    const existing = await makeCase({ laId: id });
    await deactivateReferenceBody(admin, "localAuthority", id, 1);

    expect((await listLocalAuthoritiesForIntake()).map((x) => x.id)).not.toContain(id);
    const casesBefore = await db().case.count();
    const e = await refusal(createReferral(caseworker, referralValues(id), null, new Date("2025-04-01T10:00:00Z")));
    expect(fieldError(e, "localAuthorityId")).toBe("Select the local authority");
    expect(await db().case.count()).toBe(casesBefore);

    const detail = await getCaseDetail(caseworker, existing.id);
    expect(detail.reference).toBe(existing.reference);
    // Listed for admins as deactivated, with its case counted.
    const listed = await listReferenceBodies(admin, "localAuthority", { status: "inactive", q: "Southshire" });
    expect(listed.rows.find((r) => r.id === id)).toMatchObject({ active: false, cases: 1 });

    await reactivateReferenceBody(admin, "localAuthority", id, 2);
    expect((await listLocalAuthoritiesForIntake()).map((x) => x.id)).toContain(id);
  });
});

describe("ICBs", () => {
  it("are added, changed and deactivated with audit rows; a deactivated ICB stays on its case but is not offered to another", async () => {
    const { id } = await addReferenceBody(admin, "healthBody", { code: code(), name: `NHS Riverside ICB ${uid()}`, noticeEmail: "icb@riverside.nhs.uk" });
    await updateReferenceBody(admin, "healthBody", id, 1, { code: code(), name: "NHS Riverside Integrated Care Board", noticeEmail: "icb@riverside.nhs.uk" });
    const withIcb = await makeCase({ issues: ["HEALTH"] });
    await db().case.update({ where: { id: withIcb.id }, data: { healthBodyId: id } });
    const without = await makeCase({ issues: ["HEALTH"] });
    await deactivateReferenceBody(admin, "healthBody", id, 2);
    expect((await auditsOf("HealthBody", id)).map((a) => a.action)).toEqual(["health_body.added", "health_body.updated", "health_body.deactivated"]);

    // The case that has it keeps it (and may be saved with it); another case is not offered it.
    const kept = await getCaseAbout(caseworker, withIcb.id);
    expect(kept.healthBodies.map((h) => h.id)).toContain(id);
    await updateCaseAbout(caseworker, withIcb.id, 1, kept.values);
    expect((await getCaseDetail(caseworker, withIcb.id)).healthBody).toEqual({ id, name: "NHS Riverside Integrated Care Board" });
    const other = await getCaseAbout(caseworker, without.id);
    expect(other.healthBodies.map((h) => h.id)).not.toContain(id);
    const e = await refusal(updateCaseAbout(caseworker, without.id, 1, { ...other.values, healthBodyId: id }));
    expect(fieldError(e, "healthBodyId")).toBe("Choose the integrated care board from the list");
  });
});

describe("who may keep reference data", () => {
  it("nobody but an admin: 404 for every page's query and every command, and nothing is written", async () => {
    const { id } = await addReferenceBody(admin, "localAuthority", { code: code(), name: `Admin only ${uid()}` });
    const before = await counts();
    for (const user of [caseworker, mediator, laOfficer, parentUser]) {
      for (const p of [
        listReferenceBodies(user, "localAuthority"),
        getReferenceBody(user, "healthBody", id),
        addReferenceBody(user, "localAuthority", { code: code(), name: "Sneaky" }),
        updateReferenceBody(user, "localAuthority", id, 1, { code: code(), name: "Sneaky" }),
        deactivateReferenceBody(user, "localAuthority", id, 1),
        reactivateReferenceBody(user, "localAuthority", id, 1),
        listMediatorPanel(user),
        getMediatorPanel(user, mediator.id),
        updateMediatorPanel(user, mediator.id, 0, { monthlyCapacity: "3" }),
        addMediatorConflict(user, mediator.id, { localAuthorityId: la.id, reason: "Sneaky" }),
        Promise.resolve().then(() => getHolidayCoverage(user)),
      ]) {
        expect(await refusal(p)).toBeInstanceOf(NotFoundError);
      }
    }
    // An admin asking for a user who is not a mediator, or an LA of the wrong kind: 404 too.
    expect(await refusal(getMediatorPanel(admin, caseworker.id))).toBeInstanceOf(NotFoundError);
    expect(await refusal(getReferenceBody(admin, "healthBody", id))).toBeInstanceOf(NotFoundError);
    expect(await counts()).toEqual(before);
  });
});

/** A case whose family has agreed, ready for a mediator. */
const readyCase = (laId = la.id) => makeCase({ status: "AWAITING_CONSENT", consent: "GIVEN", laId });
const optionFor = async (caseId: string, mediatorId: string) => (await listMediatorOptions(caseworker, caseId)).mediators.find((m) => m.id === mediatorId)!;

describe("the mediator panel", () => {
  it("records accreditation, expiry, capacity and areas at the version seen, audited without the accreditation number", async () => {
    const m = await makeUser("MEDIATOR", { name: `Pia Panel ${uid()}` });
    const expires = addCalendarDays(today, 400);
    const r = await updateMediatorPanel(admin, m.id, 0, {
      accreditationBody: "College of Mediators",
      accreditationNumber: "CM-12345",
      accreditationExpiresOn: expires,
      monthlyCapacity: "6",
      areas: `${la.id},${otherLa.id}`,
    });
    expect(r.version).toBe(1);
    const page = await getMediatorPanel(admin, m.id);
    expect(page).toMatchObject({ accreditationBody: "College of Mediators", accreditationNumber: "CM-12345", accreditationExpiresOn: expires, accreditation: "VALID", accreditationWarning: null, monthlyCapacity: 6 });
    expect(page.areas).toEqual([la.name, otherLa.name].sort());
    expect(await refusal(updateMediatorPanel(admin, m.id, 0, { monthlyCapacity: "7" }))).toBeInstanceOf(ConflictError);
    const bad = await refusal(updateMediatorPanel(admin, m.id, 1, { monthlyCapacity: "lots", accreditationExpiresOn: "day=31&month=2&year=2027", areas: "no-such-la" }));
    expect(Object.keys((bad as DomainError).fieldErrors ?? {})).toEqual(["accreditationExpiresOn", "monthlyCapacity"]);
    const [audit] = await auditsOf("MediatorProfile", m.id);
    expect(audit).toMatchObject({ action: "mediator.panel_updated", actorId: admin.id, before: null });
    expect(audit!.after).toEqual({ accreditationBody: "College of Mediators", accreditationExpiresOn: expires, monthlyCapacity: 6, areas: [la.id, otherLa.id].sort(), accreditationNumberChanged: true, version: 1 });
    expect(JSON.stringify(audit)).not.toContain("CM-12345");
  });

  it(`warns when the accreditation expires within ${ACCREDITATION_WARNING_DAYS} days, and an expired mediator cannot be allocated (decision 0029)`, async () => {
    const soon = await makeUser("MEDIATOR", { name: `Sol Soon ${uid()}` });
    const later = await makeUser("MEDIATOR", { name: `Lee Later ${uid()}` });
    const lapsed = await makeUser("MEDIATOR", { name: `Lex Lapsed ${uid()}` });
    await updateMediatorPanel(admin, soon.id, 0, { accreditationExpiresOn: addCalendarDays(today, ACCREDITATION_WARNING_DAYS) });
    await updateMediatorPanel(admin, later.id, 0, { accreditationExpiresOn: addCalendarDays(today, ACCREDITATION_WARNING_DAYS + 1) });
    await updateMediatorPanel(admin, lapsed.id, 0, { accreditationExpiresOn: addCalendarDays(today, -1) });

    expect((await getMediatorPanel(admin, soon.id)).accreditation).toBe("EXPIRING");
    expect((await getMediatorPanel(admin, soon.id)).accreditationWarning).toMatch(/^Sol Soon .*'s accreditation expires on /);
    expect((await getMediatorPanel(admin, later.id)).accreditation).toBe("VALID");
    expect((await getMediatorPanel(admin, lapsed.id)).accreditation).toBe("EXPIRED");
    const listed = await listMediatorPanel(admin, { q: "Lex Lapsed" });
    expect(listed.rows.find((r) => r.id === lapsed.id)?.accreditation).toBe("EXPIRED");

    const c = await readyCase();
    expect((await optionFor(c.id, soon.id)).warnings).toEqual([expect.stringMatching(/accreditation expires on/)]);
    expect((await optionFor(c.id, later.id)).warnings).toEqual([]);
    expect((await optionFor(c.id, lapsed.id)).expired).toMatch(/accreditation has expired/);
    const before = await counts();
    const e = await refusal(allocateMediator(caseworker, c.id, lapsed.id, 1));
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe("ACCREDITATION_EXPIRED");
    expect(fieldError(e, "mediatorId")).toMatch(/^Lex Lapsed .* cannot be allocated to this case\. Their accreditation has expired/);
    expect(await counts()).toEqual(before);
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).allocatedMediatorId).toBeNull();
    // Recording the renewal lets them be allocated again.
    await updateMediatorPanel(admin, lapsed.id, 1, { accreditationExpiresOn: addCalendarMonths(today, 24) });
    await expect(allocateMediator(caseworker, c.id, lapsed.id, 1)).resolves.toMatchObject({ status: "ALLOCATED" });
  });

  it("counts the cases allocated per calendar month against the capacity, and allocation says when it is reached or passed", async () => {
    const m = await makeUser("MEDIATOR", { name: `Cap Acity ${uid()}` });
    await updateMediatorPanel(admin, m.id, 0, { monthlyCapacity: "1" });
    // An allocation last month does not count this month.
    const old = await readyCase();
    await db().caseEvent.create({ data: { caseId: old.id, type: "MEDIATOR_ALLOCATED", summary: "Mediator allocated", at: dbDateFromIso(addCalendarDays(`${today.slice(0, 8)}01`, -2)), data: { transition: "allocate", mediatorId: m.id } } });
    expect((await getMediatorPanel(admin, m.id)).allocatedThisMonth).toBe(0);

    const first = await readyCase();
    expect((await optionFor(first.id, m.id)).warnings).toEqual([]);
    await allocateMediator(caseworker, first.id, m.id, 1);
    expect(await getMediatorPanel(admin, m.id)).toMatchObject({ allocatedThisMonth: 1, overCapacity: false });
    const second = await readyCase();
    expect((await optionFor(second.id, m.id)).warnings).toEqual(["At capacity: 1 case allocated this month, for a capacity of 1 a month, so this case would take them over it"]);
    // A warning, not a refusal: the office may still choose them.
    await allocateMediator(caseworker, second.id, m.id, 1);
    expect(await getMediatorPanel(admin, m.id)).toMatchObject({ allocatedThisMonth: 2, overCapacity: true });
    const third = await readyCase();
    expect((await optionFor(third.id, m.id)).warnings).toEqual(["Over capacity: 2 cases allocated this month, for a capacity of 1 a month"]);
    expect((await listMediatorPanel(admin, { q: "Cap Acity" })).rows.find((r) => r.id === m.id)).toMatchObject({ allocatedThisMonth: 2, monthlyCapacity: 1 });
  });

  it("says when the case's LA is not among the areas a mediator covers", async () => {
    const m = await makeUser("MEDIATOR", { name: `Ari Area ${uid()}` });
    await updateMediatorPanel(admin, m.id, 0, { areas: otherLa.id });
    const c = await readyCase(la.id);
    expect((await optionFor(c.id, m.id)).warnings).toEqual([`${la.name} is not one of the areas they cover`]);
    const elsewhere = await readyCase(otherLa.id);
    expect((await optionFor(elsewhere.id, m.id)).warnings).toEqual([]);
  });

  it("conflicts of interest recorded here are what allocation refuses (R-13); removing one lifts it; both audited with the details redacted", async () => {
    const m = await makeUser("MEDIATOR", { name: `Con Flict ${uid()}` });
    const c = await readyCase();
    const partyEmail = `head-${uid()}@school.example`;
    await db().party.create({ data: { caseId: c.id, kind: "SCHOOL", name: "Head Teacher", email: partyEmail } });

    const bad = await refusal(addMediatorConflict(admin, m.id, { reason: "" }));
    expect((bad as DomainError).fieldErrors).toMatchObject({ localAuthorityId: expect.stringContaining("Choose a local authority"), reason: "Enter the reason for the conflict of interest" });

    const byLa = await addMediatorConflict(admin, m.id, { localAuthorityId: la.id, reason: "Worked for this council until 2024" });
    expect((await optionFor(c.id, m.id)).conflict).toBe(`Conflict of interest with ${la.name}: Worked for this council until 2024`);
    const e = await refusal(allocateMediator(caseworker, c.id, m.id, 1));
    expect((e as DomainError).code).toBe("MEDIATOR_CONFLICT");

    await removeMediatorConflict(admin, m.id, byLa.id);
    const byParty = await addMediatorConflict(admin, m.id, { partyEmail: partyEmail.toUpperCase(), reason: "Related to the head teacher" });
    expect((await optionFor(c.id, m.id)).conflict).toBe("Conflict of interest with Head Teacher: Related to the head teacher");
    const page = await getMediatorPanel(admin, m.id);
    expect(page.conflicts).toEqual([{ id: byParty.id, with: partyEmail, reason: "Related to the head teacher" }]);
    await removeMediatorConflict(admin, m.id, byParty.id);
    await expect(allocateMediator(caseworker, c.id, m.id, 1)).resolves.toMatchObject({ status: "ALLOCATED" });

    const added = await auditsOf("MediatorConflict", byParty.id);
    expect(added.map((a) => a.action)).toEqual(["mediator.conflict_added", "mediator.conflict_removed"]);
    expect(added[0]!.after).toMatchObject({ mediatorId: m.id, email: REDACTED, reason: REDACTED });
    expect(JSON.stringify(added)).not.toContain(partyEmail);
    // A conflict of another mediator is not found through this one.
    expect(await refusal(removeMediatorConflict(admin, mediator.id, byParty.id))).toBeInstanceOf(NotFoundError);
  });
});

describe(`the bank-holiday data's coverage (R-64): a warning ${HOLIDAY_DATA_WARNING_MONTHS} months before it ends`, () => {
  const last = HOLIDAY_YEAR_RANGE.last;
  const at = (iso: string) => new Date(`${iso}T12:00:00Z`);
  const homeSection = (now: Date) => renderToStaticMarkup(createElement(ReferenceDataLinks, { now }));

  it(`names the covered years and warns from 12 months before 31 December ${last}`, () => {
    const elevenMonths = holidayCoverage(at(`${last}-01-31`));
    expect(elevenMonths).toMatchObject({ firstYear: HOLIDAY_YEAR_RANGE.first, lastYear: last, endsOn: `${last}-12-31`, endingSoon: true, ended: false });
    expect(holidayCoverage(at(`${last - 1}-11-30`)).endingSoon).toBe(false);
    expect(holidayCoverage(at(`${last - 1}-12-31`)).endingSoon).toBe(true);
    expect(holidayCoverage(at(`${last + 1}-01-02`))).toMatchObject({ endingSoon: true, ended: true });
  });

  it("the admin home shows the warning 11 months before the end, and not 13 months before", () => {
    const warned = homeSection(at(`${last}-01-31`));
    expect(warned).toContain('data-testid="holiday-data-warning"');
    expect(warned).toContain(`The bank-holiday data ends on 31 December ${last}, within 12 months.`);
    expect(warned).toContain(`covered from ${HOLIDAY_YEAR_RANGE.first} to ${last}`);
    const calm = homeSection(at(`${last - 1}-11-30`));
    expect(calm).not.toContain("holiday-data-warning");
    expect(calm).toContain('href="/admin/local-authorities"');
  });

  it("lists each covered year's bank holidays for the admin", () => {
    const c = getHolidayCoverage(admin, at("2026-06-01"));
    expect(c.years.map((y) => y.year)).toEqual(Array.from({ length: last - HOLIDAY_YEAR_RANGE.first + 1 }, (_, i) => HOLIDAY_YEAR_RANGE.first + i));
    expect(c.years.find((y) => y.year === 2025)!.holidays.map((h) => h.date)).toContain("2025-12-25");
  });
});
