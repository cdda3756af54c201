/**
 * Issue 10: case notes behind the confidentiality wall on a real PostgreSQL. The
 * allocated mediator writes pre-meeting and private notes; sharing with the case team and marking a
 * safeguarding concern are deliberate, audited acts; who reads what is caseNoteScope's alone.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { can } from "@/lib/auth/policy";
import { DomainError } from "@/lib/platform/errors";
import { addCaseNote } from "@/lib/cases/notes/add-case-note";
import { shareCaseNote } from "@/lib/cases/notes/share-case-note";
import { markSafeguardingConcern } from "@/lib/cases/notes/mark-safeguarding-concern";
import { listCaseNotes } from "@/lib/cases/notes/list-case-notes";
import { getCaseNote } from "@/lib/cases/notes/get-case-note";
import { listSafeguardingConcerns } from "@/lib/cases/notes/list-safeguarding-concerns";
import { findNoteOrThrow } from "@/lib/cases/notes/find-note";
import { loadActiveUser } from "@/lib/users";
import { makeUser, uid } from "../helpers";
import { admin, caseworker, laOfficer, makeCase, mediator, mediator2, parentUser, refusal, setUpCaseFixtures } from "./fixtures";

setUpCaseFixtures();

let lead: SessionUser;
let adminLead: SessionUser;

/** A safeguarding lead, as the session loads them (lib/users). */
async function makeLead(role: "CASEWORKER" | "ADMIN" | "MEDIATOR"): Promise<SessionUser> {
  const u = await makeUser(role, { name: `Lead ${uid()}` });
  await db().user.update({ where: { id: u.id }, data: { safeguardingLead: true } });
  return (await loadActiveUser(u.id, 0))!;
}

beforeAll(async () => {
  lead = await makeLead("CASEWORKER");
  adminLead = await makeLead("ADMIN");
});

async function caseWithParties() {
  const c = await makeCase({ status: "PREPARING", mediatorId: mediator.id, familyUserId: parentUser.id });
  const parties = await db().party.findMany({ where: { caseId: c.id, kind: "PARENT" }, select: { id: true } });
  return { ...c, familyPartyId: parties[0]!.id };
}

const bodies = async (user: SessionUser, caseId: string) => (await listCaseNotes(user, caseId)).notes.map((n) => n.body);

describe("writing notes", () => {
  it("the allocated mediator writes a pre-meeting note about one party, and a private note; only they read them", async () => {
    const c = await caseWithParties();
    await addCaseNote(mediator, { caseId: c.id, kind: "PRE_MEETING", partyId: c.familyPartyId, body: "  Worried about the school transport.  " }, "198.51.100.4");
    await addCaseNote(mediator, { caseId: c.id, kind: "MEDIATOR_PRIVATE", partyId: c.familyPartyId, body: "Try a shorter meeting." });

    const mine = await listCaseNotes(mediator, c.id);
    expect(mine.canWrite).toBe(true);
    expect(mine.parties.map((p) => p.label)).toEqual(["Jane Family (parent or carer)", "Officer Rep (local authority representative)"]);
    expect(mine.notes.map((n) => [n.kind, n.party, n.body, n.shared, n.safeguarding, n.can])).toEqual([
      ["MEDIATOR_PRIVATE", null, "Try a shorter meeting.", null, null, { share: true, unshare: false, markSafeguarding: true }],
      ["PRE_MEETING", "Jane Family (parent or carer)", "Worried about the school transport.", null, null, { share: true, unshare: false, markSafeguarding: true }],
    ]);
    // The case team sees none of it yet, and is told so by an empty list (not an error).
    for (const u of [caseworker, admin, lead]) expect(await listCaseNotes(u, c.id)).toMatchObject({ canWrite: false, notes: [], parties: [] });

    // Audited without the text.
    const audits = await db().auditEvent.findMany({ where: { caseId: c.id, action: "note.added" }, orderBy: { at: "asc" } });
    expect(audits.map((a) => a.after)).toEqual([
      { kind: "PRE_MEETING", partyId: c.familyPartyId },
      { kind: "MEDIATOR_PRIVATE", partyId: null },
    ]);
    expect(audits[0]!.ip).toBe("198.51.100.4");
    expect(JSON.stringify(audits)).not.toContain("school transport");
  });

  it("bad input is explained next to its field and nothing is written", async () => {
    const c = await caseWithParties();
    const e = await refusal(addCaseNote(mediator, { caseId: c.id, kind: "", partyId: "", body: "   " }));
    expect((e as DomainError).fieldErrors).toEqual({ kind: "Choose what kind of note this is", body: "Write the note" });
    const noParty = await refusal(addCaseNote(mediator, { caseId: c.id, kind: "PRE_MEETING", partyId: "", body: "Notes" }));
    expect((noParty as DomainError).fieldErrors).toEqual({ partyId: "Choose the party the pre-meeting was with" });
    const other = await caseWithParties();
    const elsewhere = await refusal(addCaseNote(mediator, { caseId: c.id, kind: "PRE_MEETING", partyId: other.familyPartyId, body: "Notes" }));
    expect((elsewhere as DomainError).fieldErrors).toEqual({ partyId: "Choose the party the pre-meeting was with" });
    const long = await refusal(addCaseNote(mediator, { caseId: c.id, kind: "MEDIATOR_PRIVATE", partyId: "", body: "x".repeat(10_001) }));
    expect((long as DomainError).fieldErrors).toEqual({ body: "The note must be 10000 characters or fewer" });
    expect(await db().caseNote.count({ where: { caseId: c.id } })).toBe(0);
  });

  it("nobody else writes notes: caseworkers, other mediators, the LA officer and the family get a 404", async () => {
    const c = await caseWithParties();
    for (const u of [caseworker, admin, lead, mediator2, laOfficer, parentUser]) {
      await expect(addCaseNote(u, { caseId: c.id, kind: "MEDIATOR_PRIVATE", partyId: "", body: "Not mine to write" })).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await db().caseNote.count({ where: { caseId: c.id } })).toBe(0);
  });
});

describe("sharing with the case team (R-80)", () => {
  it("shows a shared note to caseworkers and admins, never the LA or the family; stopping sharing hides it again; each is audited once", async () => {
    const c = await caseWithParties();
    const { noteId } = await addCaseNote(mediator, { caseId: c.id, kind: "MEDIATOR_PRIVATE", partyId: "", body: "The LA may move on transport." });
    await addCaseNote(mediator, { caseId: c.id, kind: "MEDIATOR_PRIVATE", partyId: "", body: "Still private." });

    expect(await shareCaseNote(mediator, { caseId: c.id, noteId, share: true })).toMatchObject({ changed: true });
    expect(await shareCaseNote(mediator, { caseId: c.id, noteId, share: true })).toMatchObject({ changed: false });
    for (const u of [caseworker, admin]) expect(await bodies(u, c.id)).toEqual(["The LA may move on transport."]);
    const seen = (await listCaseNotes(caseworker, c.id)).notes[0]!;
    expect(seen.shared?.byName).toBe(mediator.name);
    expect(seen.can).toEqual({ share: false, unshare: false, markSafeguarding: false });
    expect((await listCaseNotes(mediator, c.id)).notes.find((n) => n.id === noteId)?.can).toMatchObject({ share: false, unshare: true });
    for (const u of [laOfficer, parentUser, mediator2]) await expect(listCaseNotes(u, c.id)).rejects.toBeInstanceOf(NotFoundError);

    await shareCaseNote(mediator, { caseId: c.id, noteId, share: false });
    expect(await bodies(caseworker, c.id)).toEqual([]);
    await expect(findNoteOrThrow(caseworker, c.id, noteId, { id: true })).rejects.toBeInstanceOf(NotFoundError);

    const audits = await db().auditEvent.findMany({ where: { caseId: c.id, entityId: noteId, action: { in: ["note.shared", "note.unshared"] } }, orderBy: { at: "asc" } });
    expect(audits.map((a) => [a.action, a.actorId, a.before, a.after])).toEqual([
      ["note.shared", mediator.id, { shared: false }, { shared: true }],
      ["note.unshared", mediator.id, { shared: true }, { shared: false }],
    ]);
  });

  it("only the allocated mediator shares a note, and only a note of that case", async () => {
    const c = await caseWithParties();
    const other = await caseWithParties();
    const { noteId } = await addCaseNote(mediator, { caseId: c.id, kind: "MEDIATOR_PRIVATE", partyId: "", body: "Mine" });
    for (const u of [caseworker, mediator2, laOfficer]) await expect(shareCaseNote(u, { caseId: c.id, noteId, share: true })).rejects.toBeInstanceOf(NotFoundError);
    await expect(shareCaseNote(mediator, { caseId: other.id, noteId, share: true })).rejects.toBeInstanceOf(NotFoundError);
    expect((await db().caseNote.findUniqueOrThrow({ where: { id: noteId } })).sharedAt).toBeNull();
  });

  it("a reallocated case's notes go with the case to the mediator now allocated", async () => {
    const c = await caseWithParties();
    await addCaseNote(mediator, { caseId: c.id, kind: "MEDIATOR_PRIVATE", partyId: "", body: "Handover: the family prefer mornings." });
    await db().case.update({ where: { id: c.id }, data: { allocatedMediatorId: mediator2.id } });
    expect(await bodies(mediator2, c.id)).toEqual(["Handover: the family prefer mornings."]);
    await expect(listCaseNotes(mediator, c.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("safeguarding concerns (R-81)", () => {
  it("a lead is a caseworker or admin the provider names, never by role alone", () => {
    expect(can(lead, "case:read-safeguarding")).toBe(true);
    expect(can(adminLead, "case:read-safeguarding")).toBe(true);
    expect(can(caseworker, "case:read-safeguarding")).toBe(false);
    expect(can(admin, "case:read-safeguarding")).toBe(false);
    expect(can({ ...mediator, safeguardingLead: true }, "case:read-safeguarding")).toBe(false);
    expect(can({ ...laOfficer, safeguardingLead: true }, "case:read-safeguarding")).toBe(false);
  });

  it("marking is deliberate and audited; the lead then reads that note only, and it cannot be undone", async () => {
    const c = await caseWithParties();
    const { noteId } = await addCaseNote(mediator, { caseId: c.id, kind: "PRE_MEETING", partyId: c.familyPartyId, body: "Child said they are hit at home." });
    await addCaseNote(mediator, { caseId: c.id, kind: "MEDIATOR_PRIVATE", partyId: "", body: "The rest of my notes." });

    const unconfirmed = await refusal(markSafeguardingConcern(mediator, { caseId: c.id, noteId, confirmed: false }));
    expect((unconfirmed as DomainError).fieldErrors).toEqual({ confirmed: "Confirm that this note records a safeguarding concern" });
    expect(await bodies(lead, c.id)).toEqual([]);

    expect(await markSafeguardingConcern(mediator, { caseId: c.id, noteId, confirmed: true }, "198.51.100.8")).toMatchObject({ changed: true });
    expect(await markSafeguardingConcern(mediator, { caseId: c.id, noteId, confirmed: true })).toMatchObject({ changed: false });

    // The leads read it, and only it; other caseworkers and admins do not (it is not shared).
    for (const u of [lead, adminLead]) expect(await bodies(u, c.id)).toEqual(["Child said they are hit at home."]);
    for (const u of [caseworker, admin]) expect(await bodies(u, c.id)).toEqual([]);
    const concerns = await listSafeguardingConcerns(lead);
    const mineHere = concerns.filter((x) => x.case.id === c.id);
    expect(mineHere.map((x) => [x.case.reference, x.note.body, x.note.party, x.note.safeguarding?.byName])).toEqual([
      [c.reference, "Child said they are hit at home.", "Jane Family (parent or carer)", mediator.name],
    ]);
    for (const u of [caseworker, admin, mediator, laOfficer, parentUser]) await expect(listSafeguardingConcerns(u)).rejects.toBeInstanceOf(NotFoundError);
    for (const u of [laOfficer, parentUser]) await expect(listCaseNotes(u, c.id)).rejects.toBeInstanceOf(NotFoundError);

    // The mediator still reads everything, and is no longer offered to mark it.
    const mine = await listCaseNotes(mediator, c.id);
    expect(mine.notes.map((n) => [n.body, n.can.markSafeguarding])).toEqual([
      ["The rest of my notes.", true],
      ["Child said they are hit at home.", false],
    ]);
    expect((await getCaseNote(mediator, c.id, noteId)).note.safeguarding?.byName).toBe(mediator.name);

    const audits = await db().auditEvent.findMany({ where: { caseId: c.id, action: "note.marked_safeguarding" } });
    expect(audits.map((a) => [a.entityType, a.entityId, a.actorId, a.after, a.ip])).toEqual([["CaseNote", noteId, mediator.id, { safeguarding: true, kind: "PRE_MEETING" }, "198.51.100.8"]]);
    expect(JSON.stringify(audits)).not.toContain("hit at home");
  });

  it("only the allocated mediator marks a concern, and the confirmation page is theirs alone", async () => {
    const c = await caseWithParties();
    const { noteId } = await addCaseNote(mediator, { caseId: c.id, kind: "MEDIATOR_PRIVATE", partyId: "", body: "Something" });
    await shareCaseNote(mediator, { caseId: c.id, noteId, share: true });
    for (const u of [caseworker, lead, mediator2, laOfficer, parentUser]) {
      await expect(markSafeguardingConcern(u, { caseId: c.id, noteId, confirmed: true })).rejects.toBeInstanceOf(NotFoundError);
      await expect(getCaseNote(u, c.id, noteId)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect((await db().caseNote.findUniqueOrThrow({ where: { id: noteId } })).safeguardingAt).toBeNull();
  });
});
