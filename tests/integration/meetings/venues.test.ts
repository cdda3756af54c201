/**
 * Issue 10: venues kept by caseworkers — who may keep them (admins and caseworkers; nobody else
 * even sees them), the local authority they serve (what "find a time" offers a case), search and
 * filters, and retiring one: deactivated when it has bookings (they stay), deleted only when it
 * was never booked. Every change is audited; a refused one writes nothing.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { DomainError } from "@/lib/platform/errors";
import { ForbiddenError, NotFoundError } from "@/lib/auth/types";
import { REDACTED } from "@/lib/platform/audit";
import { addCalendarDays, todayInLondon } from "@/lib/deadlines";
import { addVenue } from "@/lib/meetings/venues/add-venue";
import { updateVenue } from "@/lib/meetings/venues/update-venue";
import { deactivateVenue } from "@/lib/meetings/venues/deactivate-venue";
import { reactivateVenue } from "@/lib/meetings/venues/reactivate-venue";
import { deleteVenue, VENUE_HAS_BOOKINGS } from "@/lib/meetings/venues/delete-venue";
import { ANY_LA, listVenues, VENUE_PAGE_SIZE } from "@/lib/meetings/venues/list-venues";
import { getVenue } from "@/lib/meetings/venues/get-venue";
import { getFindATime } from "@/lib/meetings/get-find-a-time";
import { bookJointMeeting } from "@/lib/meetings/book-joint-meeting";
import { londonInstant } from "@/lib/meetings/london-time";
import { admin, caseworker, fieldError, la, laOfficer, makeCase, mediator, otherLa, parentUser, refusal, setUpCaseFixtures } from "../cases/fixtures";
import { uid } from "../helpers";

setUpCaseFixtures();

const today = todayInLondon();

const venueInput = (o: Record<string, unknown> = {}) => ({ name: `Riverside Family Centre ${uid()}`, address: "1 River Road, Commandshire CM1 1AA", localAuthorityId: la.id, stepFreeAccess: true, ...o });
const auditsOf = (id: string) => db().auditEvent.findMany({ where: { entityType: "Venue", entityId: id }, orderBy: { at: "asc" } });

async function allocatedCase(laId: string) {
  const told = addCalendarDays(today, -5);
  return makeCase({ status: "ALLOCATED", laId, mediatorId: mediator.id, consent: "GIVEN", dates: { laNotifiedOn: told }, deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: told } });
}

describe("who keeps venues", () => {
  it("a caseworker adds one with its access details, audited with the place's name and address but not its notes", async () => {
    const input = venueInput({ hearingLoop: "yes", notes: "Ask for Mrs Example at reception" });
    const { id } = await addVenue(caseworker, input, "203.0.113.9");
    const v = await db().venue.findUniqueOrThrow({ where: { id } });
    expect(v).toMatchObject({ name: input.name, localAuthorityId: la.id, stepFreeAccess: true, hearingLoop: true, parking: false, active: true, notes: "Ask for Mrs Example at reception" });
    const [audit] = await auditsOf(id);
    expect(audit).toMatchObject({ action: "venue.added", actorId: caseworker.id, ip: "203.0.113.9" });
    expect(audit!.after).toMatchObject({ venueName: input.name, venueAddress: input.address, stepFreeAccess: true, hearingLoop: true, notes: REDACTED });
  });

  it("an admin may too; a mediator, an LA officer or a parent can neither add, list, open nor change one, and nothing is written", async () => {
    const { id } = await addVenue(admin, venueInput());
    const before = await db().venue.count();
    for (const user of [mediator, laOfficer, parentUser]) {
      expect(await refusal(addVenue(user, venueInput()))).toBeInstanceOf(ForbiddenError);
      expect(await refusal(updateVenue(user, id, venueInput()))).toBeInstanceOf(ForbiddenError);
      expect(await refusal(deactivateVenue(user, id))).toBeInstanceOf(ForbiddenError);
      expect(await refusal(deleteVenue(user, id))).toBeInstanceOf(ForbiddenError);
      expect(await refusal(listVenues(user))).toBeInstanceOf(NotFoundError);
      expect(await refusal(getVenue(user, id))).toBeInstanceOf(NotFoundError);
    }
    expect(await db().venue.count()).toBe(before);
    expect(await db().venue.findUniqueOrThrow({ where: { id } })).toMatchObject({ active: true });
    expect((await auditsOf(id)).map((a) => a.action)).toEqual(["venue.added"]);
  });

  it("says what is wrong next to the field and writes nothing", async () => {
    const before = await db().venue.count();
    const e = await refusal(addVenue(caseworker, venueInput({ name: "  ", address: "x".repeat(501) })));
    expect(fieldError(e, "name")).toBe("Enter the venue's name");
    expect(fieldError(e, "address")).toBe("The address must be at most 500 characters");
    const la404 = await refusal(addVenue(caseworker, venueInput({ localAuthorityId: "no-such-la" })));
    expect(fieldError(la404, "localAuthorityId")).toBe("Choose a local authority from the list");
    expect(await db().venue.count()).toBe(before);
  });

  it("a change is saved and audited with what it was; an unknown venue is not found", async () => {
    const { id } = await addVenue(caseworker, venueInput());
    await updateVenue(caseworker, id, venueInput({ name: "Hillside Hall", localAuthorityId: "", stepFreeAccess: false, parking: true }));
    expect(await db().venue.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "Hillside Hall", localAuthorityId: null, stepFreeAccess: false, parking: true });
    const last = (await auditsOf(id)).at(-1)!;
    expect(last).toMatchObject({ action: "venue.updated", before: { stepFreeAccess: true, localAuthorityId: la.id }, after: { venueName: "Hillside Hall", localAuthorityId: null, parking: true } });
    expect(await refusal(updateVenue(caseworker, "missing", venueInput()))).toBeInstanceOf(NotFoundError);
  });
});

describe("the list", () => {
  it("searches name and address, filters by local authority (or any) and by use, a page at a time", async () => {
    const tag = `Zq${uid()}`;
    const here = await addVenue(caseworker, venueInput({ name: `${tag} Library` }));
    const anyLa = await addVenue(caseworker, venueInput({ name: `Town Hall`, address: `${tag} Square`, localAuthorityId: "" }));
    const there = await addVenue(caseworker, venueInput({ name: `${tag} Chapel`, localAuthorityId: otherLa.id }));
    await deactivateVenue(caseworker, there.id);

    const ids = async (raw: Record<string, unknown>) => (await listVenues(caseworker, { q: tag, ...raw })).rows.map((r) => r.id);
    expect(await ids({})).toEqual([anyLa.id, here.id]); // in use, by name: "Town Hall", then "Zq… Library"
    expect(await ids({ q: tag.toLowerCase() })).toEqual([anyLa.id, here.id]); // ignoring case
    expect(await ids({ la: la.id })).toEqual([here.id]);
    expect(await ids({ la: ANY_LA })).toEqual([anyLa.id]);
    expect(await ids({ status: "inactive" })).toEqual([there.id]);
    expect(await ids({ status: "all" })).toEqual([anyLa.id, there.id, here.id]);
    expect(await ids({ status: "nonsense", page: "x" })).toEqual([anyLa.id, here.id]); // a bad value falls back
    // "%" is a character to search for, not a wildcard.
    expect((await listVenues(caseworker, { q: `${tag}%` })).total).toBe(0);

    const row = (await listVenues(caseworker, { q: tag, la: la.id })).rows[0]!;
    expect(row).toMatchObject({ localAuthority: la.name, stepFreeAccess: true, active: true, upcomingBookings: 0 });

    const many = `Pg${uid()}`;
    for (let i = 0; i < VENUE_PAGE_SIZE + 1; i++) await db().venue.create({ data: { name: `${many} ${String(i).padStart(2, "0")}`, address: "Somewhere" } });
    const first = await listVenues(caseworker, { q: many });
    expect(first).toMatchObject({ total: VENUE_PAGE_SIZE + 1, page: 1 });
    expect(first.rows).toHaveLength(VENUE_PAGE_SIZE);
    const second = await listVenues(caseworker, { q: many, page: "2" });
    expect(second.rows.map((r) => r.name)).toEqual([`${many} ${VENUE_PAGE_SIZE}`]);

    expect(await listVenues(caseworker, { q: `nothing-${uid()}` })).toMatchObject({ total: 0, anyVenues: true, rows: [] });
  });
});

describe("which venues 'find a time' offers", () => {
  it("the active venues of the case's local authority and those for any; not another LA's, not a deactivated one", async () => {
    const mine = await addVenue(caseworker, venueInput());
    const anyLa = await addVenue(caseworker, venueInput({ localAuthorityId: "" }));
    const theirs = await addVenue(caseworker, venueInput({ localAuthorityId: otherLa.id }));
    const retired = await addVenue(caseworker, venueInput());
    await deactivateVenue(caseworker, retired.id);

    const c = await allocatedCase(la.id);
    const offered = (await getFindATime(caseworker, c.id)).venues.map((v) => v.id);
    expect(offered).toEqual(expect.arrayContaining([mine.id, anyLa.id]));
    expect(offered).not.toContain(theirs.id);
    expect(offered).not.toContain(retired.id);
    const elsewhere = (await getFindATime(caseworker, (await allocatedCase(otherLa.id)).id)).venues.map((v) => v.id);
    expect(elsewhere).toEqual(expect.arrayContaining([theirs.id, anyLa.id]));
    expect(elsewhere).not.toContain(mine.id);

    // Booking at the deactivated one (an old form) is refused, nothing written.
    const slot = (await getFindATime(caseworker, c.id, { venueId: mine.id })).result!.slots[0]!;
    const e = await refusal(bookJointMeeting(caseworker, { caseId: c.id, expectedVersion: 1, date: slot.date, startTime: slot.startTime, durationMinutes: 150, mode: "VENUE", venueId: retired.id }));
    expect(fieldError(e, "venueId")).toBe("Choose a venue from the list");
    expect(await db().meeting.count({ where: { caseId: c.id } })).toBe(0);
  });
});

describe("retiring a venue", () => {
  it("with bookings: not deleted (nothing written) but deactivated, audited; its booking stays and is listed; it can be used again", async () => {
    const { id } = await addVenue(caseworker, venueInput());
    const c = await makeCase({ status: "MEETING_SCHEDULED", mediatorId: mediator.id });
    const day = addCalendarDays(today, 10);
    const m = await db().meeting.create({ data: { caseId: c.id, kind: "JOINT_MEETING", mode: "VENUE", venueId: id, startsAt: londonInstant(day, 600), endsAt: londonInstant(day, 750), mediatorId: mediator.id } });
    // A past meeting there is history: listed as booked-ever, not upcoming.
    await db().meeting.create({ data: { caseId: c.id, kind: "PRE_MEETING", mode: "VENUE", venueId: id, startsAt: londonInstant(addCalendarDays(today, -3), 600), endsAt: londonInstant(addCalendarDays(today, -3), 660), status: "HELD" } });

    const page = await getVenue(caseworker, id);
    expect(page).toMatchObject({ active: true, hasBookings: true, upcomingCount: 1 });
    expect(page.upcoming).toEqual([{ id: m.id, caseId: c.id, reference: c.reference, kind: "Joint meeting", date: day, startTime: "10:00", endTime: "12:30" }]);

    const e = await refusal(deleteVenue(caseworker, id));
    expect(e).toBeInstanceOf(DomainError);
    expect(e.message).toBe(VENUE_HAS_BOOKINGS);
    expect((await auditsOf(id)).map((a) => a.action)).toEqual(["venue.added"]);

    expect(await deactivateVenue(caseworker, id)).toEqual({ id, upcomingBookings: 1 });
    expect(await db().venue.findUniqueOrThrow({ where: { id } })).toMatchObject({ active: false });
    expect(await db().meeting.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ venueId: id, status: "SCHEDULED" });
    expect((await getVenue(caseworker, id)).upcoming.map((b) => b.id)).toEqual([m.id]);
    expect((await auditsOf(id)).at(-1)).toMatchObject({ action: "venue.deactivated", after: { active: false, upcomingBookings: 1 } });
    expect((await refusal(deactivateVenue(caseworker, id))).message).toBe("This venue is already deactivated.");

    await reactivateVenue(caseworker, id);
    expect(await db().venue.findUniqueOrThrow({ where: { id } })).toMatchObject({ active: true });
    expect((await auditsOf(id)).at(-1)).toMatchObject({ action: "venue.reactivated" });
  });

  it("never booked: deleted, and the audit row keeps what it was", async () => {
    const input = venueInput();
    const { id } = await addVenue(caseworker, input);
    expect((await getVenue(caseworker, id)).hasBookings).toBe(false);
    await deleteVenue(caseworker, id);
    expect(await db().venue.findUnique({ where: { id } })).toBeNull();
    expect((await auditsOf(id)).at(-1)).toMatchObject({ action: "venue.deleted", before: { venueName: input.name } });
    expect(await refusal(getVenue(caseworker, id))).toBeInstanceOf(NotFoundError);
  });
});
