import { describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { caseScope, caseScopeSql, localAuthorityScope, localAuthorityScopeSql } from "@/lib/auth/scope";
import { Prisma } from "@/lib/platform/db";
import { authorize, can } from "@/lib/auth/policy";
import { getCaseDetail } from "@/lib/cases/details/get-case-detail";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { makeCase, makeLa, makeUser } from "../helpers";

async function visibleIds(user: SessionUser, ids: string[]) {
  const rows = await db().case.findMany({ where: { AND: [caseScope(user), { id: { in: ids } }] }, select: { id: true } });
  return rows.map((r) => r.id).sort();
}

describe("the authorization scope", () => {
  it("gives each role exactly its own cases", async () => {
    const [la1, la2] = [await makeLa(), await makeLa()];
    const mediator = await makeUser("MEDIATOR");
    const parent = await makeUser("PARENT");
    const a = await makeCase(la1.id, { mediatorId: mediator.id, familyUserId: parent.id });
    const b = await makeCase(la1.id);
    const c = await makeCase(la2.id);
    const ids = [a.id, b.id, c.id];

    expect(await visibleIds(await makeUser("CASEWORKER"), ids)).toEqual([...ids].sort());
    expect(await visibleIds(await makeUser("ADMIN"), ids)).toEqual([...ids].sort());
    expect(await visibleIds(await makeUser("LA_OFFICER", { localAuthorityId: la1.id }), ids)).toEqual([a.id, b.id].sort());
    expect(await visibleIds(await makeUser("LA_OFFICER", { localAuthorityId: la2.id }), ids)).toEqual([c.id]);
    expect(await visibleIds(mediator, ids)).toEqual([a.id]);
    expect(await visibleIds(parent, ids)).toEqual([a.id]);
    // An LA officer without an LA, or another family, sees nothing.
    expect(await visibleIds(await makeUser("LA_OFFICER"), ids)).toEqual([]);
    expect(await visibleIds(await makeUser("PARENT"), ids)).toEqual([]);
  });

  it("selects the same cases in SQL (caseScopeSql, for the case list) as caseScope, for every role and every family case (issue 14)", async () => {
    const [la1, la2] = [await makeLa(), await makeLa()];
    const mediator = await makeUser("MEDIATOR");
    const parent = await makeUser("PARENT");
    const youngPerson = await makeUser("PARENT");
    const a = await makeCase(la1.id, { mediatorId: mediator.id, familyUserId: parent.id });
    const b = await makeCase(la1.id);
    const c = await makeCase(la2.id);
    // A young person's case: the young person sees it; the parent recorded on it only with consent.
    const yp = await makeCase(la2.id);
    await db().case.update({ where: { id: yp.id }, data: { familyParty: "YOUNG_PERSON" } });
    await db().party.createMany({ data: [{ caseId: yp.id, kind: "YOUNG_PERSON", name: "Young person", userId: youngPerson.id }, { caseId: yp.id, kind: "PARENT", name: "Parent", userId: parent.id }] });
    const consented = await makeCase(la2.id);
    await db().case.update({ where: { id: consented.id }, data: { familyParty: "YOUNG_PERSON", parentAccessConsentAt: new Date() } });
    await db().party.create({ data: { caseId: consented.id, kind: "PARENT", name: "Parent", userId: parent.id } });
    const ids = [a.id, b.id, c.id, yp.id, consented.id];
    const inSql = async (user: SessionUser) =>
      (await db().$queryRaw<{ id: string }[]>(Prisma.sql`SELECT c."id" FROM "Case" c WHERE c."id" IN (${Prisma.join(ids)}) AND ${caseScopeSql(user)}`)).map((r) => r.id).sort();
    const users = [
      await makeUser("CASEWORKER"),
      await makeUser("ADMIN"),
      await makeUser("LA_OFFICER", { localAuthorityId: la1.id }),
      await makeUser("LA_OFFICER", { localAuthorityId: la2.id }),
      await makeUser("LA_OFFICER"),
      mediator,
      parent,
      youngPerson,
      await makeUser("PARENT"),
    ];
    for (const user of users) expect(await inSql(user), `${user.role} ${user.email}`).toEqual(await visibleIds(user, ids));
    // And the scope is not trivially everything: the parent sees their own case and the consented one only.
    expect(await inSql(parent)).toEqual([a.id, consented.id].sort());
    expect(await inSql(youngPerson)).toEqual([yp.id]);
  });

  it("selects the same local authorities in SQL (localAuthorityScopeSql, for the case list's filter) as localAuthorityScope, for every role (issue 14)", async () => {
    const [la1, la2, la3] = [await makeLa(), await makeLa(), await makeLa()];
    const parent = await makeUser("PARENT");
    const youngPerson = await makeUser("PARENT");
    await makeCase(la1.id, { familyUserId: parent.id });
    await makeCase(la2.id);
    // A young person's case on LA 3: the young person's; the parent's only once consent is recorded.
    const yp = await makeCase(la3.id);
    await db().case.update({ where: { id: yp.id }, data: { familyParty: "YOUNG_PERSON" } });
    await db().party.createMany({ data: [{ caseId: yp.id, kind: "YOUNG_PERSON", name: "Young person", userId: youngPerson.id }, { caseId: yp.id, kind: "PARENT", name: "Parent", userId: parent.id }] });
    const ids = [la1.id, la2.id, la3.id];
    const inPrisma = async (user: SessionUser) => (await db().localAuthority.findMany({ where: { AND: [localAuthorityScope(user), { id: { in: ids } }] }, select: { id: true } })).map((r) => r.id).sort();
    const inSql = async (user: SessionUser) =>
      (await db().$queryRaw<{ id: string }[]>(Prisma.sql`SELECT la."id" FROM "LocalAuthority" la WHERE la."id" IN (${Prisma.join(ids)}) AND ${localAuthorityScopeSql(user)}`)).map((r) => r.id).sort();
    const users = [
      await makeUser("CASEWORKER"),
      await makeUser("ADMIN"),
      await makeUser("MEDIATOR"),
      await makeUser("LA_OFFICER", { localAuthorityId: la2.id }),
      await makeUser("LA_OFFICER"),
      parent,
      youngPerson,
      await makeUser("PARENT"),
    ];
    for (const user of users) expect(await inSql(user), `${user.role} ${user.email}`).toEqual(await inPrisma(user));
    expect(await inSql(parent)).toEqual([la1.id]);
    expect(await inSql(youngPerson)).toEqual([la3.id]);
    await db().case.update({ where: { id: yp.id }, data: { parentAccessConsentAt: new Date() } });
    expect(await inSql(parent)).toEqual([la1.id, la3.id].sort());
    expect(await inPrisma(parent)).toEqual([la1.id, la3.id].sort());
  });

  it("turns a case outside the scope into 'not found', not 'forbidden'", async () => {
    const [la1, la2] = [await makeLa(), await makeLa()];
    const other = await makeCase(la2.id);
    const officer = await makeUser("LA_OFFICER", { localAuthorityId: la1.id });
    await expect(getCaseDetail(officer, other.id)).rejects.toBeInstanceOf(NotFoundError);
    // Issue 14: the read audit goes in the same round as the read, but only for a case in scope.
    expect(await db().auditEvent.count({ where: { action: "case.viewed", entityId: other.id } })).toBe(0);
    const own = await makeCase(la1.id);
    expect((await getCaseDetail(officer, own.id)).reference).toBe(own.reference);
  });
});

describe("the policy", () => {
  it("lets only admins into administration, and hides it from others as not found", async () => {
    const admin = await makeUser("ADMIN");
    expect(can(admin, "admin:access")).toBe(true);
    for (const role of ["CASEWORKER", "MEDIATOR", "LA_OFFICER", "PARENT"] as const) {
      const u = await makeUser(role);
      expect(can(u, "admin:access")).toBe(false);
      expect(() => authorize(u, "admin:access")).toThrow(NotFoundError);
    }
    expect(can(null, "case:read")).toBe(false);
  });

  it("lets only caseworkers and admins create or edit referrals", async () => {
    for (const role of ["ADMIN", "CASEWORKER", "MEDIATOR", "LA_OFFICER", "PARENT"] as const) {
      const u = await makeUser(role);
      const expected = role === "ADMIN" || role === "CASEWORKER";
      expect(can(u, "case:create")).toBe(expected);
      expect(can(u, "case:update")).toBe(expected);
    }
  });
});
