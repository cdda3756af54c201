/**
 * Demo data (issue 2, item 4): two LAs, one ICB, one user per role and a family user linked to a
 * demo case. Idempotent (upserts by natural key). Refuses to run when NODE_ENV=production, so demo
 * accounts with a published password can never exist on a live service.
 */
import "server-only";
import type { PrismaClient } from "@/lib/platform/db";
import { hashPassword } from "@/lib/auth/passwords";
import { addCalendarDays, dbDateFromIso, todayInLondon } from "@/lib/deadlines";
import { openDeadlines, refreshNextDeadline } from "@/lib/cases/deadlines/open-close";
import { recordEvent } from "@/lib/cases/timeline";

export { DEMO_LAS, DEMO_PASSWORD, DEMO_USERS } from "./demo-accounts";
import { DEMO_LAS, DEMO_PASSWORD, DEMO_USERS } from "./demo-accounts";

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
          disputedDecision: "PLAN_CONTENTS_SECTION_F",
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
  const demoCases = ["SM-DEMO-00001", "SM-DEMO-00002"];
  log(`Demo data ready: ${DEMO_USERS.length} users, ${DEMO_LAS.length} local authorities, ${demoCases.length} cases.`);
}
