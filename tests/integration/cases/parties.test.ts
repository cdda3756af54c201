/**
 * Parties and consent on a real PostgreSQL.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { REDACTED } from "@/lib/platform/audit";
import { NotFoundError } from "@/lib/auth/types";
import { ConflictError, DomainError } from "@/lib/platform/errors";
import { isoFromDbDate } from "@/lib/deadlines";
import { getTransition, TRANSITIONS } from "@/lib/cases/lifecycle";
import { allocateMediator } from "@/lib/cases/allocation/allocate-mediator";
import { addParty } from "@/lib/cases/parties/add-party";
import { updateParty } from "@/lib/cases/parties/update-party";
import { recordConsent } from "@/lib/cases/parties/record-consent";
import { PHONE_FORMAT_MESSAGE } from "@/lib/cases/fields";
import { caseworker, fieldError, makeCase, mediator, refusal, stateOf, setUpCaseFixtures } from "./fixtures";

setUpCaseFixtures();

// ---------------------------------------------------------------------------------------------
// Parties and consent
// ---------------------------------------------------------------------------------------------

describe("parties and consent", () => {
  it("records consent with its date and how it was given; the mediator can then be allocated", async () => {
    const c = await makeCase({ status: "AWAITING_CONSENT" });
    const family = (await stateOf(c.id)).parties[0]!;
    const before = await stateOf(c.id);
    const e = await refusal(recordConsent(caseworker, c.id, family.id, 1, { consent: "GIVEN", consentOn: "", consentHow: "" }));
    expect((e as DomainError).fieldErrors).toEqual({ "consentOn": "Enter the date they told us", "consentHow": "Enter how they told us, for example by phone or by email" });
    expect(await stateOf(c.id)).toEqual(before);

    const r = await recordConsent(caseworker, c.id, family.id, 1, { consent: "GIVEN", consentOn: "2025-04-01", consentHow: "by phone" });
    expect(r.version).toBe(2);
    const p = await db().party.findUniqueOrThrow({ where: { id: family.id } });
    expect(p).toMatchObject({ consent: "GIVEN", consentHow: "by phone" });
    expect(isoFromDbDate(p.consentOn!)).toBe("2025-04-01");
    expect(await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id } })).toMatchObject({
      type: "CONSENT_RECORDED",
      summary: "Jane Family (parent or carer) agreed to take part (told us by phone on Tuesday 1 April 2025)",
      visibility: "STAFF",
    });
    expect(await db().auditEvent.findFirstOrThrow({ where: { caseId: c.id } })).toMatchObject({ action: "party.consent_recorded", entityId: family.id });
    expect((await allocateMediator(caseworker, c.id, mediator.id, 2)).status).toBe("ALLOCATED");
  });

  it("refuses a stale version and a party of another case", async () => {
    const c = await makeCase({ status: "AWAITING_CONSENT" });
    const other = await makeCase();
    const family = (await stateOf(c.id)).parties[0]!;
    const otherParty = (await stateOf(other.id)).parties[0]!;
    await db().case.update({ where: { id: c.id }, data: { version: 5 } });
    expect(await refusal(recordConsent(caseworker, c.id, family.id, 4, { consent: "DECLINED", consentOn: "2025-04-01", consentHow: "email" }))).toBeInstanceOf(ConflictError);
    expect(await refusal(recordConsent(caseworker, c.id, otherParty.id, 5, { consent: "GIVEN", consentOn: "2025-04-01", consentHow: "email" }))).toBeInstanceOf(NotFoundError);
    expect((await db().party.findUniqueOrThrow({ where: { id: family.id } })).consent).toBe("PENDING");
  });

  it("adds a party: the preferred contact must be one we have details for; authority only for LA/ICB representatives (R-24)", async () => {
    const c = await makeCase();
    const before = await stateOf(c.id);
    const e = await refusal(addParty(caseworker, c.id, 1, { kind: "HEALTH", name: "Dr Rep", organisation: "NHS ICB", preferredContact: "EMAIL", email: "" }));
    expect(fieldError(e, "email")).toBe("Enter an email address, or choose another way to contact them");
    const bad = await refusal(addParty(caseworker, c.id, 1, { kind: "HEALTH", name: "", preferredContact: "PHONE", phone: "call me" }));
    expect((bad as DomainError).fieldErrors).toMatchObject({ "name": "Enter the name", "phone": PHONE_FORMAT_MESSAGE });
    expect(await stateOf(c.id)).toEqual(before);

    const r = await addParty(caseworker, c.id, 1, { kind: "HEALTH", name: "Dr Rep", organisation: "NHS ICB", preferredContact: "EMAIL", email: "rep@icb.example", hasAuthority: "yes" });
    expect(r.version).toBe(2);
    const s = await addParty(caseworker, c.id, 2, { kind: "SUPPORTER", name: "Sue Porter", preferredContact: "PHONE", phone: "01632 960 001", hasAuthority: "yes" });
    const rows = await db().party.findMany({ where: { id: { in: [r.partyId, s.partyId] } }, select: { name: true, hasAuthority: true } });
    expect(rows).toEqual(expect.arrayContaining([{ name: "Dr Rep", hasAuthority: true }, { name: "Sue Porter", hasAuthority: null }]));
    expect(await db().caseEvent.count({ where: { caseId: c.id, type: "PARTY_ADDED" } })).toBe(2);
  });

  it("updates contact details and access needs, auditing what changed", async () => {
    const c = await makeCase();
    const family = (await stateOf(c.id)).parties[0]!;
    const r = await updateParty(caseworker, c.id, family.id, 1, {
      name: "Jane Family",
      email: "jane.new@family.example",
      phone: "",
      address: "",
      preferredContact: "EMAIL",
      accessNeeds: "Needs a step-free room",
    });
    expect(r).toMatchObject({ version: 2, changed: ["email", "accessNeeds"] });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "party.updated" } });
    // Which fields changed, not what they say (issue 9: personal values are redacted).
    expect(audit.after).toEqual({ version: 2, email: REDACTED, accessNeeds: REDACTED });
    // Saving the same values again changes nothing and writes nothing.
    const again = await updateParty(caseworker, c.id, family.id, 2, { name: "Jane Family", email: "jane.new@family.example", preferredContact: "EMAIL", accessNeeds: "Needs a step-free room" });
    expect(again).toEqual({ version: 2, changed: [] });
    expect(await db().auditEvent.count({ where: { caseId: c.id, action: "party.updated" } })).toBe(1);
    // The new email also linked the family party to that email's sign-in account (issue 8), once.
    expect(await db().auditEvent.count({ where: { caseId: c.id, action: "party.account_linked" } })).toBe(1);
  });
});

it("transition pages only show inputs the table requires", () => {
  // Guard for the UI: every required input type is one the form can render.
  for (const t of TRANSITIONS)
    for (const i of [...t.requires, ...(t.accepts ?? [])]) {
      expect(["date", "text", "id", "partyId", "boolean", "choice"]).toContain(i.type);
      // A choice is rendered as radios: it needs its answers.
      if (i.type === "choice") expect(i.options?.length, `${t.name}.${i.name}`).toBeGreaterThan(1);
    }
  expect(getTransition("startContacting")!.requires[0]!.name).toBe("laNotifiedOn");
});
