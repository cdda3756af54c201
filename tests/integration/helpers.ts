/**
 * Integration-test helpers: real PostgreSQL (see tests/setup/global-db.ts). Each helper creates
 * uniquely named rows so test files can share one database.
 */
import { randomUUID } from "node:crypto";
import { db } from "@/lib/platform/db";
import type { Role, SessionUser } from "@/lib/auth/types";
import { hashPassword } from "@/lib/auth/passwords";
import type { ReferralFormValues } from "@/lib/cases/intake/referral-schema";

export const uid = () => randomUUID().slice(0, 8);

export async function makeLa(name = `LA ${uid()}`) {
  return db().localAuthority.create({ data: { code: `LA-${uid()}`, name } });
}

export async function makeUser(role: Role, opts: { localAuthorityId?: string; password?: string; email?: string; name?: string } = {}): Promise<SessionUser> {
  const u = await db().user.create({
    data: {
      email: opts.email ?? `${role.toLowerCase()}-${uid()}@test.example`,
      name: opts.name ?? `${role} ${uid()}`,
      role,
      localAuthorityId: opts.localAuthorityId ?? null,
      passwordHash: opts.password ? await hashPassword(opts.password) : null,
    },
  });
  return { id: u.id, email: u.email, name: u.name, role: u.role, localAuthorityId: u.localAuthorityId };
}

export async function makeCase(localAuthorityId: string, opts: { mediatorId?: string; familyUserId?: string; reference?: string } = {}) {
  const c = await db().case.create({
    data: { reference: opts.reference ?? `SM-T-${uid()}`, localAuthorityId, allocatedMediatorId: opts.mediatorId ?? null },
  });
  if (opts.familyUserId) await db().party.create({ data: { caseId: c.id, kind: "PARENT", name: "Family member", userId: opts.familyUserId } });
  return c;
}

/**
 * A valid referral as the caseworker's form sends it, for `localAuthorityId`: a refusal to assess,
 * logged with no dates that need bank-holiday data unless a test gives them. Tests override only
 * what they are about (one builder, rather than a copy per test file).
 */
export function referralValues(localAuthorityId: string, overrides: Partial<ReferralFormValues> = {}): ReferralFormValues {
  return {
    requestedBy: "PARENT",
    kind: "MEDIATION",
    familyParty: "PARENT",
    child: { name: `Child ${uid()}`, dateOfBirth: "", setting: "", hasEhcPlan: "no" },
    localAuthorityId,
    disputedDecisions: ["REFUSAL_TO_ASSESS"],
    drsScope: "",
    decisionSentOn: "2025-02-03",
    laNotifiedOn: "",
    summary: "",
    staffNotes: "",
    issues: [{ category: "EDUCATION", description: "Wants an EHC needs assessment" }],
    family: { name: "Parent", email: `p-${uid()}@example.com`, phone: "", address: "", preferredContact: "EMAIL", accessNeeds: "" },
    parties: [],
    ...overrides,
  };
}
