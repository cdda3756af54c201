/**
 * Issue 9, item 11: audit rows follow one rule for personal data (lib/platform/audit.ts): field
 * names and non-personal values are kept, personal values are redacted, so purges and
 * subject-access exports can rely on the audit trail holding no names, contact details or free text.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { personalDigest, REDACTED, writeAudit } from "@/lib/platform/audit";
import { todayInLondon } from "@/lib/deadlines";
import { createReferral } from "@/lib/cases/intake/create-referral";
import type { ReferralFormValues } from "@/lib/cases/intake/referral-schema";
import { addParty } from "@/lib/cases/parties/add-party";
import { updateParty } from "@/lib/cases/parties/update-party";
import { updateCaseDetails } from "@/lib/cases/details/update-case-details";
import { makeLa, makeUser, referralValues, uid } from "../helpers";

describe("the audit trail's rule for personal data", () => {
  it("keeps field names and non-personal values, and redacts personal values", async () => {
    const id = `entity-${uid()}`;
    await db().$transaction((tx) =>
      writeAudit(tx, {
        actor: null,
        action: "party.updated",
        entityType: "Party",
        entityId: id,
        before: { version: 3, name: "Ann Example", email: "ann@example.com", phone: null, accessNeeds: "", kind: "PARENT" },
        after: { version: 4, name: "Ann Other", email: "ann.other@example.com", phone: "07700 900 982", address: "1 Road", accessNeeds: "Wheelchair", kind: "PARENT", deadlinesMissed: [{ name: "MEDIATION_HELD", dueOn: "2026-01-05" }] },
        ip: "203.0.113.7",
      }),
    );
    const row = await db().auditEvent.findFirstOrThrow({ where: { entityId: id } });
    expect(row.before).toEqual({ version: 3, name: REDACTED, email: REDACTED, phone: null, accessNeeds: "", kind: "PARENT" }); // empty stays empty
    expect(row.after).toEqual({
      version: 4,
      name: REDACTED,
      email: REDACTED,
      phone: REDACTED,
      address: REDACTED,
      accessNeeds: REDACTED,
      kind: "PARENT",
      // A deadline's name is a process record, not a person's.
      deadlinesMissed: [{ name: "MEDIATION_HELD", dueOn: "2026-01-05" }],
    });
    expect(row.ip).toBe("203.0.113.7");
  });

  it("holds none of the family's details after a referral, a new party, a changed party and changed case details", async () => {
    const la = await makeLa();
    const caseworker = await makeUser("CASEWORKER");
    const secret = {
      parentName: `Parent ${uid()}`,
      parentEmail: `parent-${uid()}@example.com`,
      childName: `Child ${uid()}`,
      supporterName: `Supporter ${uid()}`,
      supporterPhone: "07700 900 123",
      newName: `Renamed ${uid()}`,
      summary: `They disagree about ${uid()}`,
      newChild: `Child Renamed ${uid()}`,
    };
    const referral: ReferralFormValues = referralValues(la.id, {
      kind: "ADVICE_ONLY",
      child: { name: secret.childName, dateOfBirth: "", setting: "", hasEhcPlan: "no" },
      decisionSentOn: todayInLondon(),
      issues: [{ category: "EDUCATION", description: "Wants an assessment" }],
      family: { name: secret.parentName, email: secret.parentEmail, phone: "", address: "", preferredContact: "EMAIL", accessNeeds: "" },
    });
    const c = await createReferral(caseworker, referral, null);
    const version = async () => (await db().case.findUniqueOrThrow({ where: { id: c.id }, select: { version: true } })).version;
    const added = await addParty(caseworker, c.id, await version(), { kind: "SUPPORTER", name: secret.supporterName, phone: secret.supporterPhone, preferredContact: "PHONE" });
    await updateParty(caseworker, c.id, added.partyId, await version(), { name: secret.newName, phone: secret.supporterPhone, preferredContact: "PHONE" });
    await updateCaseDetails(caseworker, c.id, await version(), { childName: secret.newChild, summary: secret.summary });

    const rows = await db().auditEvent.findMany({ where: { caseId: c.id }, select: { action: true, before: true, after: true } });
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(["case.referral_logged", "party.added", "party.updated", "case.details_updated"]));
    const stored = JSON.stringify(rows);
    for (const value of Object.values(secret)) expect(stored).not.toContain(value);
    // Which fields changed is still there.
    const updated = rows.find((r) => r.action === "party.updated")!;
    expect(updated.after).toMatchObject({ name: REDACTED });
    const details = rows.find((r) => r.action === "case.details_updated")!;
    expect(details.after).toMatchObject({ childName: REDACTED, summary: REDACTED });
  });

  it("refers to an unknown email by its digest only", () => {
    expect(personalDigest(" Someone@Example.COM ")).toBe(personalDigest("someone@example.com"));
    expect(personalDigest("someone@example.com")).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(personalDigest("someone@example.com")).not.toContain("someone");
  });

  it("computes the same digest as the migration that replaced old emails in the audit trail", async () => {
    const email = `Old.Row-${uid()}@Example.com`;
    const [row] = await db().$queryRaw<{ d: string }[]>`SELECT 'sha256:' || encode(sha256(convert_to(lower(btrim(${email})), 'UTF8')), 'hex') AS d`;
    expect(row!.d).toBe(personalDigest(email));
  });
});
