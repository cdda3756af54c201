/**
 * Demo data (issue 2, item 4): two LAs, one ICB, one user per role and a family user linked to a
 * demo case. Idempotent (upserts by natural key). Refuses to run when NODE_ENV=production, so demo
 * accounts with a published password can never exist on a live service.
 */
import type { PrismaClient } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/passwords";

export const DEMO_PASSWORD = "demo-password";
export const DEMO_USERS = [
  { email: "admin@demo.test", name: "Ada Admin", role: "ADMIN", la: null },
  { email: "caseworker@demo.test", name: "Cara Caseworker", role: "CASEWORKER", la: null },
  { email: "mediator@demo.test", name: "Mo Mediator", role: "MEDIATOR", la: null },
  { email: "la.officer@demo.test", name: "Lola Officer", role: "LA_OFFICER", la: "DEMO1" },
  { email: "la2.officer@demo.test", name: "Lenny Officer", role: "LA_OFFICER", la: "DEMO2" },
  { email: "parent@demo.test", name: "Pat Parent", role: "PARENT", la: null },
] as const;

export const DEMO_LAS = [
  { code: "DEMO1", name: "Northshire County Council" },
  { code: "DEMO2", name: "Southborough Council" },
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
  const demoCases = [
    { reference: "SM-DEMO-00001", la: "DEMO1", mediator: true, family: true },
    { reference: "SM-DEMO-00002", la: "DEMO2", mediator: false, family: false },
  ];
  for (const c of demoCases) {
    const row = await prisma.case.upsert({
      where: { reference: c.reference },
      create: {
        reference: c.reference,
        localAuthorityId: las[c.la]!,
        allocatedMediatorId: c.mediator ? ids["mediator@demo.test"] : null,
      },
      update: {},
    });
    if (c.family) {
      const existing = await prisma.party.findFirst({ where: { caseId: row.id, userId: ids["parent@demo.test"] } });
      if (!existing) {
        await prisma.party.create({ data: { caseId: row.id, kind: "PARENT", name: "Pat Parent", email: "parent@demo.test", userId: ids["parent@demo.test"] } });
      }
    }
  }
  log(`Demo data ready: ${DEMO_USERS.length} users, ${DEMO_LAS.length} local authorities, ${demoCases.length} cases.`);
}
