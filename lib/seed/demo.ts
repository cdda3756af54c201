/**
 * Demo data (issue 2, item 4): two LAs, one ICB, one user per role and a family user linked to a
 * demo case, and a dozen demo cases SM-DEMO-… across both LAs at every stage (./demo-cases.ts).
 * Idempotent (upserts by natural key; an existing case is never overwritten). `resetDemoData`
 * deletes the demo cases and seeds them again. Both refuse to run when NODE_ENV=production, so demo
 * accounts with a published password can never exist on a live service.
 */
import "server-only";
import type { PrismaClient } from "@/lib/platform/db";
import { hashPassword } from "@/lib/auth/passwords";
import { addCalendarDays, dbDateFromIso, todayInLondon } from "@/lib/deadlines";
import { openDeadlines, refreshNextDeadline } from "@/lib/cases/deadlines/open-close";
import { recordEvent } from "@/lib/cases/timeline";
import { createDemoCase, demoCasePlans } from "./demo-cases";

export { DEMO_LAS, DEMO_PASSWORD, DEMO_USERS } from "./demo-accounts";
import { DEMO_ADMIN_EMAIL, DEMO_ADMIN_TOTP_SECRET, DEMO_LAS, DEMO_PASSWORD, DEMO_USERS } from "./demo-accounts";

/** Every demo case reference starts with this; `resetDemoData` deletes exactly those cases. */
export const DEMO_REFERENCE_PREFIX = "SM-DEMO-";

/**
 * SM-DEMO-00001 (allocated, Pat Parent's case) and -00002 (a bare referral) are kept exactly as
 * they were, because the browser tests rely on them; -00003 … -00013 are one per stage (./demo-cases.ts).
 */
export const DEMO_CASE_REFERENCES: readonly string[] = Array.from({ length: 13 }, (_, i) => `${DEMO_REFERENCE_PREFIX}${String(i + 1).padStart(5, "0")}`);

/** Issue 10: the demo venues, one per demo LA. */
export const DEMO_VENUES = [
  { la: "DEMO1", name: "Northshire Family Centre", address: "12 Market Street, Northshire NS1 4AB", stepFreeAccess: true, hearingLoop: true, parking: true, notes: "Use the side entrance on Mill Lane; the quiet room is on the ground floor." },
  { la: "DEMO2", name: "Southborough Community Hall", address: "3 Church Road, Southborough SB2 7QT", stepFreeAccess: false, hearingLoop: false, parking: true, notes: null },
] as const;

export class DemoDataInProductionError extends Error {
  constructor() {
    super("Demo data cannot be created when NODE_ENV=production.");
    this.name = "DemoDataInProductionError";
  }
}

export async function seedDemo(prisma: PrismaClient, log: (m: string) => void = () => {}): Promise<void> {
  if (process.env.NODE_ENV === "production") throw new DemoDataInProductionError();
  const las: Record<string, string> = {};
  for (const la of DEMO_LAS) {
    const row = await prisma.localAuthority.upsert({ where: { code: la.code }, create: la, update: { name: la.name } });
    las[la.code] = row.id;
  }
  await prisma.healthBody.upsert({
    where: { code: "ICB-DEMO" },
    create: { code: "ICB-DEMO", name: "NHS Northshire Integrated Care Board" },
    update: {},
  });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids: Record<string, string> = {};
  for (const u of DEMO_USERS) {
    const staff = u.role !== "PARENT";
    const row = await prisma.user.upsert({
      where: { email: u.email },
      create: { email: u.email, name: u.name, role: u.role, localAuthorityId: u.la ? las[u.la] : null, passwordHash: staff ? passwordHash : null },
      update: { name: u.name, role: u.role, localAuthorityId: u.la ? las[u.la] : null, active: true },
    });
    ids[u.email] = row.id;
  }
  // Issue 13: the demo admin has two-step sign-in on (required for admins), with the published
  // secret — set again by a re-seed unless it is on already (e.g. set up by hand with another key).
  await prisma.user.updateMany({ where: { email: DEMO_ADMIN_EMAIL, totpEnabledAt: null }, data: { totpSecret: DEMO_ADMIN_TOTP_SECRET, totpEnabledAt: new Date(), totpPendingSecret: null, totpLastStep: null } });
  // SM-DEMO-00001: a mediation case part-way through (allocated, 30-day clock running), dated
  // relative to today so the deadlines panel always shows a live example. Only set up when first
  // created: re-seeding never overwrites what a demo user has done since.
  const today = todayInLondon();
  const laNotifiedOn = addCalendarDays(today, -9);
  const existing1 = await prisma.case.findUnique({ where: { reference: "SM-DEMO-00001" }, select: { id: true } });
  if (!existing1) {
    await prisma.$transaction(async (tx) => {
      const c = await tx.case.create({
        data: {
          reference: "SM-DEMO-00001",
          kind: "MEDIATION",
          localAuthorityId: las.DEMO1!,
          requestedBy: "PARENT",
          familyParty: "PARENT",
          disputedDecisions: ["PLAN_CONTENTS_SECTION_F"],
          decisionSentOn: dbDateFromIso(addCalendarDays(today, -24)),
          laNotifiedOn: dbDateFromIso(laNotifiedOn),
          summary: "The family disagrees with the speech and language therapy provision in section F.",
          status: "ALLOCATED",
          allocatedMediatorId: ids["mediator@demo.test"]!,
          createdById: ids["caseworker@demo.test"]!,
          child: { create: { name: "Sam Parent", dateOfBirth: dbDateFromIso("2015-06-14"), setting: "Northshire Primary School", hasEhcPlan: true } },
          issues: { create: [{ category: "EDUCATION", description: "Amount of speech and language therapy in section F" }] },
          parties: {
            create: [
              { kind: "PARENT", name: "Pat Parent", email: "parent@demo.test", userId: ids["parent@demo.test"]!, consent: "GIVEN", consentOn: dbDateFromIso(addCalendarDays(today, -7)), consentHow: "Phone call" },
              { kind: "LA", name: "Lola Officer", organisation: "Northshire SEND team", email: "la.officer@demo.test", hasAuthority: true, consent: "GIVEN", consentOn: dbDateFromIso(addCalendarDays(today, -6)), consentHow: "Email" },
            ],
          },
        },
        select: { id: true },
      });
      await openDeadlines(tx, c.id, ["MEDIATION_30_DAY"], laNotifiedOn);
      await refreshNextDeadline(tx, c.id);
      await recordEvent(tx, { caseId: c.id, actorId: ids["caseworker@demo.test"]!, type: "REFERRAL_LOGGED", summary: "Referral logged", visibility: "SHARED" });
      await recordEvent(tx, { caseId: c.id, actorId: ids["caseworker@demo.test"]!, type: "allocate", summary: "Mediator allocated", visibility: "SHARED" });
    });
  }
  // SM-DEMO-00002: a new referral in the other LA, nobody allocated yet.
  await prisma.case.upsert({
    where: { reference: "SM-DEMO-00002" },
    create: { reference: "SM-DEMO-00002", localAuthorityId: las.DEMO2!, child: { create: { name: "Alex Taylor" } } },
    update: {},
    select: { id: true },
  });
  // SM-DEMO-00003 … : one case at each stage (./demo-cases.ts), each created only when missing.
  const caseIds = { las, users: { caseworker: ids["caseworker@demo.test"]!, mediator: ids["mediator@demo.test"]! } };
  for (const plan of demoCasePlans(today)) {
    const existing = await prisma.case.findUnique({ where: { reference: plan.reference }, select: { id: true } });
    if (existing) continue;
    await prisma.$transaction((tx) => createDemoCase(tx, plan, caseIds), { maxWait: 10_000, timeout: 60_000 });
  }
  // Issue 10: a venue near the family in each LA ("find a time" offers them for that LA's cases),
  // with their access details. Added only when missing (by name): a caseworker may change them.
  for (const v of DEMO_VENUES) {
    const localAuthorityId = las[v.la]!;
    const found = await prisma.venue.findFirst({ where: { name: v.name, localAuthorityId }, select: { id: true } });
    if (!found) await prisma.venue.create({ data: { name: v.name, address: v.address, localAuthorityId, stepFreeAccess: v.stepFreeAccess, hearingLoop: v.hearingLoop, parking: v.parking, notes: v.notes } });
  }
  const demoCases = await prisma.case.count({ where: { reference: { startsWith: DEMO_REFERENCE_PREFIX } } });
  log(`Demo data ready: ${DEMO_USERS.length} users, ${DEMO_LAS.length} local authorities, ${demoCases} cases.`);
}

/**
 * `npm run db:seed -- --reset`: deletes the demo cases (reference starting SM-DEMO-) and
 * everything that belongs to them — child, issues, parties, timeline and deadlines go with the
 * case (onDelete: Cascade); sealed documents are kept from a case's deletion (onDelete: Restrict),
 * so they are deleted here — then seeds again. The demo cases' audit rows stay: the audit trail is
 * append-only, in the database too (decision 0026), and /admin/audit shows them as rows of "a case
 * since deleted". Other cases, the users and the LAs are left alone. Refused when NODE_ENV=production.
 */
export async function resetDemoData(prisma: PrismaClient, log: (m: string) => void = () => {}): Promise<{ removed: number }> {
  if (process.env.NODE_ENV === "production") throw new DemoDataInProductionError();
  const removed = await prisma.$transaction(async (tx) => {
    const cases = await tx.case.findMany({ where: { reference: { startsWith: DEMO_REFERENCE_PREFIX } }, select: { id: true } });
    const caseIds = cases.map((c) => c.id);
    if (caseIds.length === 0) return 0;
    // Sealed documents are never deleted with their case (onDelete: Restrict): only here, deliberately.
    await tx.document.deleteMany({ where: { caseId: { in: caseIds } } });
    return (await tx.case.deleteMany({ where: { id: { in: caseIds } } })).count;
  });
  log(`Removed ${removed} demo case${removed === 1 ? "" : "s"}.`);
  await seedDemo(prisma, log);
  return { removed };
}
