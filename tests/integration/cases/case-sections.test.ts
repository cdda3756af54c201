/**
 * Issue 14 (decision 0033): the case page's sections — certificates, agreed actions, undelivered
 * emails, the family's views and the notes — each read in one statement (the case in scope with the
 * section's rows and the names of the people involved), and a case outside the user's scope is
 * still "not found" (404), never an empty section.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { recordQueries } from "@/lib/platform/db/query-recorder";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { listCaseCertificates } from "@/lib/certificates/list-case-certificates";
import { listCaseObligations } from "@/lib/obligations/list-case-obligations";
import { listUndeliveredEmails } from "@/lib/cases/emails/list-undelivered-emails";
import { listCaseFamilyViews, listMyFamilyViews } from "@/lib/family/views/list-family-views";
import { listCaseNotes } from "@/lib/cases/notes/list-case-notes";
import { readCaseSections } from "@/lib/cases/details/read-case-sections";
import { makeCase, makeLa, makeUser, uid } from "../helpers";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function refusal(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => "read",
    (e: unknown) => e,
  );
}

/** A case with two of each section's rows, written by people with names. */
async function caseWithSections() {
  const la = await makeLa();
  const mediator = await makeUser("MEDIATOR", { name: `Mo Mediator ${uid()}` });
  const parent = await makeUser("PARENT", { name: `Pat Parent ${uid()}` });
  const c = await makeCase(la.id, { mediatorId: mediator.id, familyUserId: parent.id });
  for (const [i, at] of ["2026-01-05T10:00:00.120Z", "2026-01-06T10:00:00.450Z"].entries()) {
    await db().caseNote.create({ data: { caseId: c.id, kind: "MEDIATOR_PRIVATE", body: `Note ${i}`, authorId: mediator.id, createdAt: new Date(at), sharedAt: i ? new Date(at) : null, sharedById: i ? mediator.id : null } });
    await db().familySubmission.create({ data: { caseId: c.id, userId: parent.id, views: `Views ${i}`, createdAt: new Date(at), sharedAt: i ? new Date(at) : null } });
    await db().outboxEmail.create({ data: { to: `p${i}@family.example`, subject: `About ${i}`, body: "b", status: "FAILED", caseId: c.id, attempts: 6, lastError: "550", createdAt: new Date(at) } });
    await db().obligation.create({ data: { caseId: c.id, localAuthorityId: la.id, position: 1 - i, what: `Action ${i}`, responsible: "LA", dueOn: day("2026-03-01"), howChecked: "A copy" } });
  }
  const docs = [];
  for (const v of [1, 2]) {
    docs.push(
      await db().document.create({
        data: { caseId: c.id, kind: "CERTIFICATE", title: "Certificate", version: v, content: "{}", contentSha256: "c", pdf: Buffer.from("%PDF"), pdfSha256: "p", pdfSize: 4, fileName: `certificate-v${v}.pdf`, verificationCode: `S${uid()}${uid()}`.toUpperCase() },
      }),
    );
  }
  const cert = { caseId: c.id, kind: "ADVICE_ONLY" as const, triggerOn: day("2026-01-05"), dueOn: day("2026-01-08"), issuerId: mediator.id, issuerName: "Issuer", issues: [], parties: [], appealExplanation: "Why" };
  const first = await db().certificate.create({ data: { ...cert, issuedOn: day("2026-01-07"), documentId: docs[0]!.id, createdAt: new Date("2026-01-07T10:00:00Z") } });
  await db().certificate.create({ data: { ...cert, issuedOn: day("2026-01-09"), documentId: docs[1]!.id, supersedesId: first.id, correctionReason: "A typo", createdAt: new Date("2026-01-09T10:00:00Z") } });
  return { la, mediator, parent, c };
}

describe("the case page's sections (issue 14)", () => {
  it("are each one statement, with the names of the people involved and the same shapes as before", async () => {
    const { mediator, parent, c } = await caseWithSections();
    const caseworker = await makeUser("CASEWORKER");
    const reads: [string, () => Promise<unknown>][] = [
      ["certificates", () => listCaseCertificates(caseworker, c.id)],
      ["agreed actions", () => listCaseObligations(caseworker, c.id)],
      ["undelivered emails", () => listUndeliveredEmails(caseworker, c.id)],
      ["family's views", () => listCaseFamilyViews(mediator, c.id)],
      ["notes", () => listCaseNotes(mediator, c.id)],
    ];
    for (const [name, read] of reads) expect((await recordQueries(read)).queries, name).toHaveLength(1);

    const certs = await listCaseCertificates(caseworker, c.id);
    expect(certs.issued.map((x) => [x.fileName, x.issuedOn, x.late, x.corrects, x.correctionReason, x.supersededBy?.issuedOn ?? null])).toEqual([
      ["certificate-v2.pdf", "2026-01-09", true, true, "A typo", null],
      ["certificate-v1.pdf", "2026-01-07", false, false, null, "2026-01-09"],
    ]);
    expect((await listCaseObligations(caseworker, c.id)).items.map((o) => o.what)).toEqual(["Action 1", "Action 0"]);
    const emails = await listUndeliveredEmails(caseworker, c.id);
    expect(emails.map((e) => [e.to, e.createdAt])).toEqual([
      ["p1@family.example", new Date("2026-01-06T10:00:00.450Z")],
      ["p0@family.example", new Date("2026-01-05T10:00:00.120Z")],
    ]);
    const views = await listCaseFamilyViews(mediator, c.id);
    expect(views?.submissions.map((s) => [s.views, s.at, s.sharedAt, s.byName])).toEqual([
      ["Views 1", "2026-01-06T10:00:00.450Z", "2026-01-06T10:00:00.450Z", parent.name],
      ["Views 0", "2026-01-05T10:00:00.120Z", null, parent.name],
    ]);
    const notes = await listCaseNotes(mediator, c.id);
    expect(notes.notes.map((n) => [n.body, n.authorName, n.createdAt, n.shared])).toEqual([
      ["Note 1", mediator.name, "2026-01-06T10:00:00.450Z", { at: "2026-01-06T10:00:00.450Z", byName: mediator.name }],
      ["Note 0", mediator.name, "2026-01-05T10:00:00.120Z", null],
    ]);
    expect(notes.parties).toEqual([{ id: expect.any(String), label: "Family member (parent or carer)" }]);
    // The caseworker sees only what was shared with the case team.
    expect((await listCaseNotes(caseworker, c.id)).notes.map((n) => n.body)).toEqual(["Note 1"]);
    expect((await listCaseFamilyViews(caseworker, c.id))?.submissions.map((s) => s.views)).toEqual(["Views 1"]);
  });

  it("answer 'not found' for a case outside the user's scope, not an empty section", async () => {
    const { c } = await caseWithSections();
    const otherMediator = await makeUser("MEDIATOR");
    const otherOfficer = await makeUser("LA_OFFICER", { localAuthorityId: (await makeLa()).id });
    const stranger = await makeUser("PARENT");
    const caseworker = await makeUser("CASEWORKER");
    const outside: [string, (u: SessionUser) => Promise<unknown>, SessionUser[]][] = [
      ["certificates", (u) => listCaseCertificates(u, c.id), [otherMediator, otherOfficer, stranger]],
      ["agreed actions", (u) => listCaseObligations(u, c.id), [otherMediator, otherOfficer, stranger]],
      ["family's views", (u) => listCaseFamilyViews(u, c.id), [otherMediator]],
      ["the family's own views", (u) => listMyFamilyViews(u, c.id), [stranger]],
      ["notes", (u) => listCaseNotes(u, c.id), [otherMediator]],
    ];
    for (const [name, read, users] of outside) for (const u of users) expect(await refusal(read(u)), `${name}: ${u.role}`).toBeInstanceOf(NotFoundError);
    for (const read of [listCaseCertificates, listCaseObligations, listUndeliveredEmails, listCaseNotes]) expect(await refusal(read(caseworker, `missing-${uid()}`))).toBeInstanceOf(NotFoundError);
  });

  it("are read together in one statement, each exactly as it reads alone, for every role (decision 0042)", async () => {
    const { la, mediator, parent, c } = await caseWithSections();
    const now = new Date("2026-02-01T12:00:00Z");
    const users: SessionUser[] = [
      await makeUser("CASEWORKER"),
      await makeUser("ADMIN"),
      mediator,
      await makeUser("LA_OFFICER", { localAuthorityId: la.id }),
      parent,
    ];
    for (const u of users) {
      const { result, queries } = await recordQueries(() => readCaseSections(u, c.id, now));
      expect(queries, u.role).toHaveLength(1);
      const full = u.role !== "LA_OFFICER" && u.role !== "PARENT";
      expect(result, u.role).toEqual({
        certificates: await listCaseCertificates(u, c.id),
        obligations: await listCaseObligations(u, c.id, now),
        undelivered: u.role === "ADMIN" || u.role === "CASEWORKER" ? await listUndeliveredEmails(u, c.id) : null,
        views: full ? await listCaseFamilyViews(u, c.id) : null,
        notes: full ? await listCaseNotes(u, c.id) : null,
      });
    }
    // What each role gets is what it should: the mediator every note, the caseworker the shared one.
    expect((await readCaseSections(mediator, c.id)).notes?.notes.map((n) => n.body)).toEqual(["Note 1", "Note 0"]);
    expect((await readCaseSections(users[0]!, c.id)).notes?.notes.map((n) => n.body)).toEqual(["Note 1"]);
    expect((await readCaseSections(users[0]!, c.id)).undelivered?.map((e) => e.createdAt)).toEqual([new Date("2026-01-06T10:00:00.450Z"), new Date("2026-01-05T10:00:00.120Z")]);

    // Outside the scope, or no such case: not found, as for each section alone.
    const outsiders = [await makeUser("MEDIATOR"), await makeUser("LA_OFFICER", { localAuthorityId: (await makeLa()).id }), await makeUser("PARENT")];
    for (const u of outsiders) expect(await refusal(readCaseSections(u, c.id)), u.role).toBeInstanceOf(NotFoundError);
    expect(await refusal(readCaseSections(users[0]!, `missing-${uid()}`))).toBeInstanceOf(NotFoundError);
  });
});
