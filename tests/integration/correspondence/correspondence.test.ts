/**
 * Correspondence templates on a real PostgreSQL (issue 13, decision 0030): the five standard
 * templates; the placeholders whitelist (an unknown one refused on save, naming it); saving keeps
 * every version, checks the version and is audited; a caseworker's preview is exactly what is sent;
 * an email is one outbox row with the case id, a letter a STAFF PDF whose text holds the filled
 * fields; each send is on the timeline (STAFF) and audited; only the office may send (404); and
 * planted staff-only text never reaches an email, a letter or a preview.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { extractText } from "unpdf";
import { db } from "@/lib/platform/db";
import { NotFoundError } from "@/lib/auth/types";
import { ConflictError, DomainError } from "@/lib/platform/errors";
import { fillPlaceholders, PLACEHOLDERS, placeholderProblems, SAMPLE_VALUES } from "@/lib/correspondence/placeholders";
import { updateTemplate } from "@/lib/correspondence/update-template";
import { previewTemplate } from "@/lib/correspondence/preview-template";
import { getTemplateForEdit } from "@/lib/correspondence/get-template";
import { listTemplates } from "@/lib/correspondence/list-templates";
import { getCorrespondenceOptions } from "@/lib/correspondence/get-correspondence-options";
import { previewCorrespondence } from "@/lib/correspondence/preview-correspondence";
import { sendCorrespondence } from "@/lib/correspondence/send-correspondence";
import { getDocumentFile } from "@/lib/platform/documents/get-document-file";
import { makeUser, uid } from "../helpers";
import { admin, caseworker, fieldError, laOfficer, makeCase, mediator, openCaseDeadlines, refusal, setUpCaseFixtures } from "../cases/fixtures";

setUpCaseFixtures();

const CHILD = "Zoë Łukasiewicz-Brontë";
const PARENT = "Siân O'Brien <b>&amp;</b> $& Nguyễn";
const PLANTED = {
  staffNotes: `PLANTED-STAFF-NOTE-${uid()}`,
  summary: `PLANTED-SUMMARY-${uid()}`,
  caseNote: `PLANTED-PRIVATE-NOTE-${uid()}`,
  views: `PLANTED-FAMILY-VIEWS-${uid()}`,
  access: `PLANTED-ACCESS-NEEDS-${uid()}`,
};

/** Every field on the list, in one template. */
const ALL_FIELDS_BODY = PLACEHOLDERS.map((p) => `${p.name}: {{${p.name}}}`).join("\n\n");

async function makeTemplate(o: { kind?: "EMAIL" | "LETTER" | "BOTH"; subject?: string; body?: string; active?: boolean } = {}) {
  const key = `test-${uid()}`;
  const data = { name: `Test template ${key}`, kind: o.kind ?? "BOTH", subject: o.subject ?? "About {{child.name}} ({{case.reference}})", body: o.body ?? ALL_FIELDS_BODY, active: o.active ?? true };
  const t = await db().correspondenceTemplate.create({ data: { key, ...data } });
  await db().correspondenceTemplateVersion.create({ data: { templateId: t.id, version: 1, ...data } });
  return t;
}

/**
 * A case with every field filled (R-20 clock, a booked joint meeting at a venue), a family party
 * with an accented name, an email and an address, and staff-only text planted everywhere.
 */
async function caseWithEverything() {
  const c = await makeCase({
    child: { hasEhcPlan: true },
    parties: [
      { kind: "PARENT", name: PARENT, email: `sian-${uid()}@family.example` },
      { kind: "LA", name: "Officer Rep", organisation: "LA", email: `rep-${uid()}@la.example` },
      { kind: "SCHOOL", name: "No Contact School" },
    ],
  });
  await db().child.update({ where: { caseId: c.id }, data: { name: CHILD } });
  await db().case.update({ where: { id: c.id }, data: { staffNotes: PLANTED.staffNotes, summary: PLANTED.summary } });
  const family = await db().party.findFirstOrThrow({ where: { caseId: c.id, kind: "PARENT" } });
  await db().party.update({ where: { id: family.id }, data: { address: "12 Heol y Bont\nAberystwyth SY23 1AA", accessNeeds: PLANTED.access } });
  await db().caseNote.create({ data: { caseId: c.id, kind: "MEDIATOR_PRIVATE", body: PLANTED.caseNote, authorId: mediator.id, sharedAt: new Date() } });
  const parentUser = await makeUser("PARENT");
  await db().familySubmission.create({ data: { caseId: c.id, userId: parentUser.id, views: PLANTED.views, childViews: PLANTED.views, sharedAt: new Date() } });
  // told 26 March 2025 → by Friday 25 April 2025.
  await openCaseDeadlines(c.id, ["MEDIATION_30_DAY"], "2025-03-26");
  const venue = await db().venue.create({ data: { name: "Canolfan Glan yr Afon", address: "1 Mill Lane\nNorthtown NT1 2AB", notes: `PLANTED-VENUE-NOTE-${uid()}` } });
  // Thursday 24 April 2025, 10:00 to 12:30 in London (BST).
  await db().meeting.create({
    data: { caseId: c.id, kind: "JOINT_MEETING", mode: "VENUE", venueId: venue.id, startsAt: new Date("2025-04-24T09:00:00Z"), endsAt: new Date("2025-04-24T11:30:00Z"), lateReason: `PLANTED-LATE-${uid()}` },
  });
  const la = await db().case.findUniqueOrThrow({ where: { id: c.id }, select: { localAuthority: { select: { name: true } } } });
  return { ...c, family, laName: la.localAuthority.name };
}

const recipient = (partyId: string, by: "EMAIL" | "LETTER") => `${partyId}:${by}`;

async function pdfText(documentId: string): Promise<string> {
  const d = await db().document.findUniqueOrThrow({ where: { id: documentId }, select: { pdf: true } });
  const { text } = await extractText(new Uint8Array(d.pdf), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

const written = async (caseId: string) => ({
  emails: await db().outboxEmail.count({ where: { caseId } }),
  documents: await db().document.count({ where: { caseId } }),
  events: await db().caseEvent.count({ where: { caseId } }),
  audits: await db().auditEvent.count({ where: { caseId } }),
});

function expectNoPlantedText(text: string) {
  for (const planted of Object.values(PLANTED)) expect(text).not.toContain(planted);
  expect(text).not.toContain("PLANTED-");
}

describe("the placeholders", () => {
  it("fills accented values as written, in one pass: a value that looks like a placeholder or a replacement pattern is printed as it is", () => {
    const values = { ...SAMPLE_VALUES, "recipient.name": "Zoë {{case.reference}} $& $1", "child.name": "Łukasz Nguyễn" };
    const r = fillPlaceholders("Dear {{ recipient.name }}, about {{child.name}} ({{case.reference}}).", values);
    expect(r.text).toBe(`Dear Zoë {{case.reference}} $& $1, about Łukasz Nguyễn (${SAMPLE_VALUES["case.reference"]}).`);
    expect(r.missing).toEqual([]);
  });

  it("marks a field the case does not have, and names it as missing", () => {
    const r = fillPlaceholders("On {{meeting.date}}.", { ...SAMPLE_VALUES, "meeting.date": null });
    expect(r).toEqual({ text: "On [not known: meeting.date].", missing: ["meeting.date"] });
  });

  it("offers no field for staff-only or private text (R-80)", () => {
    const names = PLACEHOLDERS.map((p) => p.name.toLowerCase());
    for (const n of names) expect(n).not.toMatch(/note|private|views|summary|staff|access|upload|safeguard|consent|address|email|phone/);
  });
});

describe("the five standard templates", () => {
  it("exist, in use, with only placeholders from the list", async () => {
    const rows = await db().correspondenceTemplate.findMany({
      where: { key: { in: ["acknowledgement", "invitation-to-take-part", "la-consent-request", "meeting-confirmation", "certificate-cover-letter"] } },
      select: { key: true, subject: true, body: true, active: true, kind: true, versions: { select: { version: true } } },
    });
    expect(rows).toHaveLength(5);
    for (const t of rows) {
      expect(placeholderProblems(t.subject + "\n" + t.body)).toEqual({ unknown: [], unclosed: false });
      expect(t.versions.length).toBeGreaterThanOrEqual(1);
    }
    expect(rows.find((t) => t.key === "certificate-cover-letter")!.kind).toBe("LETTER");
    expect((await listTemplates(admin)).map((t) => t.key)).toEqual(expect.arrayContaining(rows.map((t) => t.key)));
  });
});

describe("an admin saves a template", () => {
  it("refuses an unknown placeholder, naming it, and writes nothing", async () => {
    const t = await makeTemplate();
    const audits = await db().auditEvent.count({ where: { entityId: t.id } });
    const e = await refusal(updateTemplate(admin, t.key, { name: t.name, kind: "EMAIL", subject: "Hello {{case.staffNotes}}", body: "Notes: {{notes.private}} and {{case.reference}}", active: true, version: 1 }));
    expect(e).toBeInstanceOf(DomainError);
    expect(fieldError(e, "subject")).toContain("{{case.staffNotes}}");
    expect(fieldError(e, "body")).toContain("{{notes.private}}");
    expect(fieldError(e, "body")).not.toContain("{{case.reference}}");
    const after = await db().correspondenceTemplate.findUniqueOrThrow({ where: { id: t.id } });
    expect(after).toMatchObject({ version: 1, subject: t.subject, body: t.body });
    expect(await db().correspondenceTemplateVersion.count({ where: { templateId: t.id } })).toBe(1);
    expect(await db().auditEvent.count({ where: { entityId: t.id } })).toBe(audits);
  });

  it("refuses braces that are not a placeholder", async () => {
    const t = await makeTemplate();
    const e = await refusal(updateTemplate(admin, t.key, { name: t.name, kind: "BOTH", subject: "Hi", body: "Dear {{recipient.name}, hello", active: true, version: 1 }));
    expect(fieldError(e, "body")).toContain("{{ or }}");
  });

  it("keeps every version, checks the version and audits the save", async () => {
    const t = await makeTemplate();
    const r = await updateTemplate(admin, t.key, { name: "Renamed", kind: "EMAIL", subject: "New {{case.reference}}", body: "Dear {{recipient.name}},\r\n\r\nNew text.", active: true, version: 1 });
    expect(r.version).toBe(2);
    const edit = await getTemplateForEdit(admin, t.key);
    expect(edit).toMatchObject({ version: 2, name: "Renamed", kind: "EMAIL", body: "Dear {{recipient.name}},\n\nNew text.", updatedById: admin.id });
    expect(edit.versions.map((v) => [v.version, v.name])).toEqual([
      [2, "Renamed"],
      [1, t.name],
    ]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: t.id, action: "correspondence_template.updated" } });
    expect(audit).toMatchObject({ actorId: admin.id, entityType: "CorrespondenceTemplate" });
    expect(audit.after).toMatchObject({ version: 2, changed: ["name", "kind", "subject", "body"] });

    // Someone else saved first: refused, nothing changed.
    const stale = await refusal(updateTemplate(admin, t.key, { name: "Stale", kind: "EMAIL", subject: "x", body: "y", active: true, version: 1 }));
    expect(stale).toBeInstanceOf(ConflictError);
    expect((await db().correspondenceTemplate.findUniqueOrThrow({ where: { id: t.id } })).name).toBe("Renamed");
    expect(await db().correspondenceTemplateVersion.count({ where: { templateId: t.id } })).toBe(2);
  });

  it("is for admins only: a caseworker, a mediator, an LA officer get 404", async () => {
    const t = await makeTemplate();
    for (const u of [caseworker, mediator, laOfficer]) {
      expect(await refusal(updateTemplate(u, t.key, { name: "x", kind: "EMAIL", subject: "x", body: "y", active: true, version: 1 }))).toBeInstanceOf(NotFoundError);
      expect(await refusal(getTemplateForEdit(u, t.key))).toBeInstanceOf(NotFoundError);
    }
    expect((await db().correspondenceTemplate.findUniqueOrThrow({ where: { id: t.id } })).version).toBe(1);
  });

  it("previews with sample data or a named case, without saving, and never with planted private text", async () => {
    const c = await caseWithEverything();
    const sample = await previewTemplate(admin, { subject: "S {{child.firstName}}", body: "Dear {{recipient.name}}" });
    expect(sample).toMatchObject({ subject: `S ${SAMPLE_VALUES["child.firstName"]}`, body: `Dear ${SAMPLE_VALUES["recipient.name"]}`, source: { kind: "SAMPLE" } });
    const withCase = await previewTemplate(admin, { subject: "About {{child.name}}", body: ALL_FIELDS_BODY, caseReference: c.reference.toLowerCase() });
    expect(withCase.source).toEqual({ kind: "CASE", reference: c.reference, recipientName: PARENT });
    expect(withCase.subject).toBe(`About ${CHILD}`);
    expect(withCase.body).toContain(`recipient.name: ${PARENT}`);
    expect(withCase.missing).toEqual(["certificate.issuedOn", "certificate.appealBy"]);
    expectNoPlantedText(withCase.subject + withCase.body);
    const unknown = await refusal(previewTemplate(admin, { subject: "x", body: "{{family.views}}" }));
    expect(fieldError(unknown, "body")).toContain("{{family.views}}");
    expect(fieldError(await refusal(previewTemplate(admin, { subject: "x", body: "y", caseReference: "SM-NOPE-1" })), "caseReference")).toContain("There is no case SM-NOPE-1");
  });
});

describe("a caseworker sends from a case", () => {
  let template: Awaited<ReturnType<typeof makeTemplate>>;
  beforeAll(async () => {
    // Every field but the certificate's (the case has none yet).
    template = await makeTemplate({ body: PLACEHOLDERS.filter((p) => !p.name.startsWith("certificate.")).map((p) => `${p.name}: {{${p.name}}}`).join("\n\n") });
  });

  it("offers the templates in use and one choice per party and way (an email address, a postal address)", async () => {
    const c = await caseWithEverything();
    const inactive = await makeTemplate({ active: false });
    const o = await getCorrespondenceOptions(caseworker, c.id);
    expect(o.templates.map((t) => t.key)).toContain(template.key);
    expect(o.templates.map((t) => t.key)).not.toContain(inactive.key);
    const family = o.recipients.filter((r) => r.value.startsWith(c.family.id));
    expect(family.map((r) => r.value)).toEqual([recipient(c.family.id, "EMAIL"), recipient(c.family.id, "LETTER")]);
    expect(o.recipients.some((r) => r.label.includes("No Contact School"))).toBe(false);
  });

  it("emails exactly what the preview showed: one outbox email with the case id, a STAFF timeline entry and an audit row", async () => {
    const c = await caseWithEverything();
    const choice = { template: template.key, recipient: recipient(c.family.id, "EMAIL") };
    const preview = await previewCorrespondence(caseworker, c.id, choice);
    expect(preview.composed.missing).toEqual([]);
    expect(preview.composed.subject).toBe(`About ${CHILD} (${c.reference})`);
    const body = preview.composed.body;
    expect(body).toContain(`recipient.name: ${PARENT}`);
    expect(body).toContain(`child.firstName: Zoë`);
    expect(body).toContain(`la.name: ${c.laName}`);
    expect(body).toContain("deadlines.mediationBy: Friday 25 April 2025");
    expect(body).toContain("meeting.date: Thursday 24 April 2025");
    expect(body).toContain("meeting.time: 10:00 to 12:30");
    expect(body).toContain("meeting.place: Canolfan Glan yr Afon, 1 Mill Lane, Northtown NT1 2AB");
    expect(body).toContain(`sender.name: ${caseworker.name}`);
    expectNoPlantedText(preview.composed.subject + body);

    const before = await written(c.id);
    const sent = await sendCorrespondence(caseworker, c.id, { ...choice, templateVersion: String(preview.template.version) });
    expect(sent.channel).toBe("EMAIL");
    const emails = await db().outboxEmail.findMany({ where: { caseId: c.id } });
    expect(emails).toHaveLength(before.emails + 1);
    const email = emails.find((e) => sent.channel === "EMAIL" && e.id === sent.outboxEmailId)!;
    // Exactly the preview: the plain text as filled, the "<b>&amp;</b>" of the name as written.
    expect(email).toMatchObject({ to: c.family.email, subject: preview.composed.subject, body: preview.composed.body, caseId: c.id, documentId: null });
    expect(email.body).toContain("<b>&amp;</b> $&");
    expect(await db().document.count({ where: { caseId: c.id } })).toBe(before.documents);

    const event = await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id, type: "CORRESPONDENCE_SENT" } });
    expect(event).toMatchObject({ visibility: "STAFF", actorId: caseworker.id });
    expect(event.summary).toContain("Email sent");
    expect(event.summary).toContain(template.name);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "correspondence.sent" } });
    expect(audit).toMatchObject({ actorId: caseworker.id, entityType: "CorrespondenceTemplate", entityId: template.id });
    expect(audit.after).toMatchObject({ channel: "EMAIL", templateVersion: 1, outboxEmailId: email.id, partyId: c.family.id });
    // The audit row never holds the text or the address.
    expect(JSON.stringify(audit.after)).not.toContain(c.family.email!);
    expect(JSON.stringify(audit.after)).not.toContain("Zoë");
  });

  it("makes a letter: a STAFF PDF whose text holds the filled fields and the address, for staff to download, never for the LA officer", async () => {
    const c = await caseWithEverything();
    const choice = { template: template.key, recipient: recipient(c.family.id, "LETTER") };
    const preview = await previewCorrespondence(caseworker, c.id, choice);
    const sent = await sendCorrespondence(caseworker, c.id, { ...choice, templateVersion: preview.template.version });
    if (sent.channel !== "LETTER") throw new Error("expected a letter");
    const doc = await db().document.findUniqueOrThrow({ where: { id: sent.documentId }, select: { kind: true, visibility: true, title: true, caseId: true } });
    expect(doc).toEqual({ kind: "LETTER", visibility: "STAFF", title: preview.composed.subject, caseId: c.id });
    const text = await pdfText(sent.documentId);
    // The title (the subject) may wrap at the reference's hyphen.
    expect(text.replace(/- /g, "-")).toContain(`About ${CHILD} (${c.reference})`);
    expect(text).toContain(`Our reference ${c.reference}`);
    expect(text).toContain("12 Heol y Bont Aberystwyth SY23 1AA");
    expect(text).toContain(`child.name: ${CHILD}`);
    expect(text).toContain(`recipient.name: ${PARENT}`);
    expect(text).toContain("meeting.date: Thursday 24 April 2025");
    expect(text).toContain(`la.name: ${c.laName}`);
    expectNoPlantedText(text);
    expect(await db().outboxEmail.count({ where: { caseId: c.id } })).toBe(0);

    expect((await getDocumentFile(caseworker, sent.documentId)).fileName).toMatch(/-letter-v1\.pdf$/);
    // a letter to one party is staff-only — the LA officer of the case's LA does not get it.
    expect(await refusal(getDocumentFile(laOfficer, sent.documentId))).toBeInstanceOf(NotFoundError);
    const event = await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id, type: "CORRESPONDENCE_SENT" } });
    expect(event.visibility).toBe("STAFF");
    expect(event.summary).toContain("Letter made for posting");
    expect(await db().auditEvent.count({ where: { caseId: c.id, action: "correspondence.sent" } })).toBe(1);
  });

  it("is refused (404) for a mediator, even allocated, an LA officer and a family, and writes nothing", async () => {
    const c = await caseWithEverything();
    await db().case.update({ where: { id: c.id }, data: { allocatedMediatorId: mediator.id } });
    const family = await makeUser("PARENT");
    await db().party.update({ where: { id: c.family.id }, data: { userId: family.id } });
    const before = await written(c.id);
    const choice = { template: template.key, recipient: recipient(c.family.id, "EMAIL"), templateVersion: 1 };
    for (const u of [mediator, laOfficer, family]) {
      expect(await refusal(sendCorrespondence(u, c.id, choice))).toBeInstanceOf(NotFoundError);
      expect(await refusal(previewCorrespondence(u, c.id, choice))).toBeInstanceOf(NotFoundError);
      expect(await refusal(getCorrespondenceOptions(u, c.id))).toBeInstanceOf(NotFoundError);
    }
    expect(await written(c.id)).toEqual(before);
  });

  it("refuses a template changed after the preview, one the case lacks a field for, and a way the template or the party does not allow — writing nothing", async () => {
    const c = await caseWithEverything();
    const before = await written(c.id);
    const changing = await makeTemplate();
    await updateTemplate(admin, changing.key, { name: changing.name, kind: "BOTH", subject: "Changed", body: "Dear {{recipient.name}}", active: true, version: 1 });
    const stale = await refusal(sendCorrespondence(caseworker, c.id, { template: changing.key, recipient: recipient(c.family.id, "EMAIL"), templateVersion: 1 }));
    expect(stale).toBeInstanceOf(ConflictError);

    const needsCertificate = await makeTemplate({ body: "Issued on {{certificate.issuedOn}}" });
    const preview = await previewCorrespondence(caseworker, c.id, { template: needsCertificate.key, recipient: recipient(c.family.id, "EMAIL") });
    expect(preview.composed.missing).toEqual(["certificate.issuedOn"]);
    const missing = await refusal(sendCorrespondence(caseworker, c.id, { template: needsCertificate.key, recipient: recipient(c.family.id, "EMAIL"), templateVersion: 1 }));
    expect(missing.message).toContain("the date of issue of the latest certificate");

    const letterOnly = await makeTemplate({ kind: "LETTER", body: "Dear {{recipient.name}}" });
    const byEmail = await refusal(sendCorrespondence(caseworker, c.id, { template: letterOnly.key, recipient: recipient(c.family.id, "EMAIL"), templateVersion: 1 }));
    expect(fieldError(byEmail, "recipient")).toContain("is sent by letter only");
    const la = await db().party.findFirstOrThrow({ where: { caseId: c.id, kind: "LA" } });
    const noAddress = await refusal(sendCorrespondence(caseworker, c.id, { template: template.key, recipient: recipient(la.id, "LETTER"), templateVersion: 1 }));
    expect(fieldError(noAddress, "recipient")).toContain("has no postal address");
    const other = await makeCase();
    const otherParty = await db().party.findFirstOrThrow({ where: { caseId: other.id } });
    const notOfCase = await refusal(sendCorrespondence(caseworker, c.id, { template: template.key, recipient: recipient(otherParty.id, "EMAIL"), templateVersion: 1 }));
    expect(fieldError(notOfCase, "recipient")).toBe("Choose who to send it to");
    const nothing = await refusal(sendCorrespondence(caseworker, c.id, {}));
    expect(fieldError(nothing, "template")).toBe("Choose what to send");

    expect(await written(c.id)).toEqual(before);
  });
});
