import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import {
  caseNoteScope,
  caseNoteScopeSql,
  caseScope,
  caseScopeSql,
  certificateScope,
  certificateScopeSql,
  familySubmissionScope,
  familySubmissionScopeSql,
  localAuthorityScope,
  localAuthorityScopeSql,
  obligationScope,
  obligationScopeSql,
} from "@/lib/auth/scope";
import { Prisma } from "@/lib/platform/db";
import { authorize, can } from "@/lib/auth/policy";
import { getCaseDetail } from "@/lib/cases/details/get-case-detail";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { makeCase, makeLa, makeUser, uid } from "../helpers";

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

/**
 * Issue 14 (decision 0033): the case page's sections read in SQL through twins of their Prisma
 * scopes. Each twin must select exactly the rows its original selects, for every kind of user: a
 * twin that let one more note through would show a mediator's private note to a caseworker (R-80).
 */
describe("the SQL twins of the section scopes select exactly what their Prisma originals select (issue 14)", () => {
  type World = Awaited<ReturnType<typeof makeWorld>>;
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

  /** Four cases with every kind of row on two LAs, and one user of every kind that matters. */
  async function makeWorld() {
    const [la1, la2] = [await makeLa(), await makeLa()];
    const [mediator, otherMediator, parent, youngPerson, consentedParent] = [
      await makeUser("MEDIATOR"),
      await makeUser("MEDIATOR"),
      await makeUser("PARENT"),
      await makeUser("PARENT"),
      await makeUser("PARENT"),
    ];
    // a: the mediator's, the parent's own; b: unallocated, same LA; c: another mediator's, other LA;
    // yp: a young person's case, which a parent sees by recorded consent (R-01).
    const a = await makeCase(la1.id, { mediatorId: mediator.id, familyUserId: parent.id });
    const b = await makeCase(la1.id);
    const c = await makeCase(la2.id, { mediatorId: otherMediator.id });
    const yp = await makeCase(la2.id, { mediatorId: mediator.id });
    await db().case.update({ where: { id: yp.id }, data: { familyParty: "YOUNG_PERSON", parentAccessConsentAt: new Date() } });
    await db().party.createMany({ data: [{ caseId: yp.id, kind: "YOUNG_PERSON", name: "Young person", userId: youngPerson.id }, { caseId: yp.id, kind: "PARENT", name: "Parent", userId: consentedParent.id }] });
    const cases = [a, b, c, yp];

    const certificates: string[] = [];
    for (const x of cases) {
      const doc = await db().document.create({
        data: { caseId: x.id, kind: "CERTIFICATE", title: "Certificate", content: "{}", contentSha256: "c", pdf: Buffer.from("%PDF"), pdfSha256: "p", pdfSize: 4, fileName: "certificate.pdf", verificationCode: `T${uid()}${uid()}`.toUpperCase() },
      });
      const cert = await db().certificate.create({
        data: { caseId: x.id, kind: "ADVICE_ONLY", triggerOn: day("2026-01-05"), dueOn: day("2026-01-08"), issuedOn: day("2026-01-07"), issuerId: mediator.id, issuerName: "Issuer", issues: [], parties: [], appealExplanation: "Why", documentId: doc.id },
      });
      certificates.push(cert.id);
    }

    const obligation = (caseId: string, localAuthorityId: string) =>
      db().obligation.create({ data: { caseId, localAuthorityId, what: "Send the plan", responsible: "LA", dueOn: day("2026-03-01"), howChecked: "A copy" }, select: { id: true } });
    // Each obligation carries its case's LA; the LA officer's scope goes by the obligation's own copy.
    const obligations = (await Promise.all([obligation(a.id, la1.id), obligation(b.id, la1.id), obligation(c.id, la2.id), obligation(yp.id, la2.id)])).map((o) => o.id);

    // Notes on every case: private, shared with the case team, a safeguarding concern not shared, both.
    const notes: string[] = [];
    for (const x of cases) {
      for (const [shared, concern] of [[false, false], [true, false], [false, true], [true, true]] as const) {
        const n = await db().caseNote.create({
          data: { caseId: x.id, kind: "MEDIATOR_PRIVATE", body: "Note", authorId: mediator.id, sharedAt: shared ? new Date() : null, safeguardingAt: concern ? new Date() : null },
        });
        notes.push(n.id);
      }
    }

    // What the family sent, shared with the case team or not, by whom it was sent.
    const submissions: string[] = [];
    const uploads: string[] = [];
    const senders: [string, string][] = [[a.id, parent.id], [yp.id, youngPerson.id], [yp.id, consentedParent.id], [c.id, parent.id]];
    for (const [caseId, userId] of senders) {
      for (const shared of [false, true]) {
        submissions.push((await db().familySubmission.create({ data: { caseId, userId, views: "Our views", sharedAt: shared ? new Date() : null } })).id);
        uploads.push(
          (await db().familyUpload.create({ data: { caseId, userId, fileName: "letter.pdf", mime: "application/pdf", size: 10, sha256: "s", storageKey: `k-${uid()}${uid()}`, scanStatus: "CLEAN", sharedAt: shared ? new Date() : null } })).id,
        );
      }
    }

    const caseworker = await makeUser("CASEWORKER");
    const users: Record<string, SessionUser> = {
      "ADMIN": await makeUser("ADMIN"),
      "ADMIN (safeguarding lead)": { ...(await makeUser("ADMIN")), safeguardingLead: true },
      "CASEWORKER": caseworker,
      "CASEWORKER (safeguarding lead)": { ...caseworker, safeguardingLead: true },
      "MEDIATOR (allocated)": mediator,
      "MEDIATOR (allocated elsewhere)": otherMediator,
      "MEDIATOR (not allocated)": await makeUser("MEDIATOR"),
      "LA_OFFICER (own LA)": await makeUser("LA_OFFICER", { localAuthorityId: la1.id }),
      "LA_OFFICER (other LA)": await makeUser("LA_OFFICER", { localAuthorityId: la2.id }),
      "LA_OFFICER (no LA)": await makeUser("LA_OFFICER"),
      "PARENT (family party)": parent,
      "PARENT (young person)": youngPerson,
      "PARENT (by consent)": consentedParent,
      "PARENT (stranger)": await makeUser("PARENT"),
    };
    return { a, b, c, yp, certificates, obligations, notes, submissions, uploads, users };
  }

  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
  }, 60_000);

  /** The ids of `table` (aliased `alias`, as its twin expects) among `ids` that the twin selects. */
  async function inSql(table: string, alias: string, ids: string[], twin: Prisma.Sql): Promise<string[]> {
    const rows = await db().$queryRaw<{ id: string }[]>(Prisma.sql`SELECT ${Prisma.raw(`${alias}."id"`)} AS "id" FROM ${Prisma.raw(`"${table}" ${alias}`)} WHERE ${Prisma.raw(`${alias}."id"`)} IN (${Prisma.join(ids)}) AND ${twin}`);
    return rows.map((r) => r.id).sort();
  }
  const sorted = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

  it("certificateScopeSql: the certificates of the cases in the user's scope", async () => {
    for (const [who, user] of Object.entries(w.users)) {
      const prisma = sorted(await db().certificate.findMany({ where: { AND: [certificateScope(user), { id: { in: w.certificates } }] }, select: { id: true } }));
      expect(await inSql("Certificate", "ct", w.certificates, certificateScopeSql(user)), who).toEqual(prisma);
    }
    expect(await inSql("Certificate", "ct", w.certificates, certificateScopeSql(w.users["LA_OFFICER (own LA)"]!))).toHaveLength(2);
    expect(await inSql("Certificate", "ct", w.certificates, certificateScopeSql(w.users["PARENT (stranger)"]!))).toEqual([]);
  });

  it("obligationScopeSql: the agreed actions of the cases in scope, the LA officer's by their own LA", async () => {
    for (const [who, user] of Object.entries(w.users)) {
      const prisma = sorted(await db().obligation.findMany({ where: { AND: [obligationScope(user), { id: { in: w.obligations } }] }, select: { id: true } }));
      expect(await inSql("Obligation", "o", w.obligations, obligationScopeSql(user)), who).toEqual(prisma);
    }
    expect(await inSql("Obligation", "o", w.obligations, obligationScopeSql(w.users["LA_OFFICER (other LA)"]!))).toHaveLength(2);
    expect(await inSql("Obligation", "o", w.obligations, obligationScopeSql(w.users["PARENT (by consent)"]!))).toHaveLength(1);
  });

  it("caseNoteScopeSql: all notes for the allocated mediator, shared ones for the office, concerns for a safeguarding lead, none for LA officers and families (R-80, R-81)", async () => {
    for (const [who, user] of Object.entries(w.users)) {
      const prisma = sorted(await db().caseNote.findMany({ where: { AND: [caseNoteScope(user), { id: { in: w.notes } }] }, select: { id: true } }));
      expect(await inSql("CaseNote", "n", w.notes, caseNoteScopeSql(user)), who).toEqual(prisma);
    }
    const count = async (who: string) => (await inSql("CaseNote", "n", w.notes, caseNoteScopeSql(w.users[who]!))).length;
    // 4 cases × (private, shared, concern, shared concern); the mediator has 2 of the cases.
    expect(await count("MEDIATOR (allocated)")).toBe(8);
    expect(await count("CASEWORKER")).toBe(8);
    expect(await count("CASEWORKER (safeguarding lead)")).toBe(12);
    for (const who of ["LA_OFFICER (own LA)", "PARENT (family party)", "MEDIATOR (not allocated)"]) expect(await count(who), who).toBe(0);
  });

  it("familySubmissionScopeSql: all for the allocated mediator, what was shared for the office, the family their own, nothing for LA officers (R-25, R-80)", async () => {
    for (const [table, ids] of [["FamilySubmission", w.submissions], ["FamilyUpload", w.uploads]] as const) {
      for (const [who, user] of Object.entries(w.users)) {
        const where = { AND: [familySubmissionScope(user), { id: { in: ids } }] };
        const rows = table === "FamilySubmission" ? await db().familySubmission.findMany({ where, select: { id: true } }) : await db().familyUpload.findMany({ where, select: { id: true } });
        expect(await inSql(table, "f", ids, familySubmissionScopeSql(user)), `${table} ${who}`).toEqual(sorted(rows));
      }
      const count = async (who: string) => (await inSql(table, "f", ids, familySubmissionScopeSql(w.users[who]!))).length;
      expect(await count("MEDIATOR (allocated)")).toBe(6);
      expect(await count("CASEWORKER")).toBe(4);
      // The parent's own on their case, not what they sent on a case no longer theirs (c).
      expect(await count("PARENT (family party)")).toBe(2);
      expect(await count("PARENT (by consent)")).toBe(2);
      expect(await count("LA_OFFICER (own LA)")).toBe(0);
    }
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
