/**
 * Party commands (caseworkers and admins, `case:update`): add a party, change a party's contact
 * details, record whether a party agreed to take part. Each follows the chain in ./commands.ts:
 * zod → authorize → one transaction with the case version check → timeline entry (STAFF: these
 * hold contact details, R-80) + audit row.
 *
 * Consent matters to the lifecycle: a mediator can only be allocated once the family party
 * (mediation, R-01, R-05) or every party to the disagreement (DRS, R-70, R-73) has agreed, so
 * recording consent bumps the case version like any other change to the case.
 */
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { authorize } from "@/lib/auth/policy";
import { caseScope } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/audit";
import { ConflictError } from "@/lib/errors";
import { dbDateFromIso, formatLongDate, isIsoDate, todayInLondon } from "@/lib/deadlines";
import { toIso } from "./case-deadlines";
import { recordEvent } from "./events";
import { assertCaseOpen, bumpVersion, caseIdSchema, CONFLICT_MESSAGE, parseInput, text, versionSchema } from "./commands";
import {
  CONSENT_VALUES,
  CONTACT_METHOD_VALUES,
  PARTY_KIND_LABELS,
  PARTY_KIND_VALUES,
  PARTY_KINDS_WITH_AUTHORITY,
  type ConsentValue,
  type ContactMethodValue,
  type PartyKindValue,
} from "./options";

function inTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(fn, { timeout: 15_000 });
}

async function loadCase(tx: Tx, user: SessionUser, caseId: string, expectedVersion: number) {
  const c = await tx.case.findFirst({ where: { AND: [{ id: caseId }, caseScope(user)] }, select: { id: true, status: true, version: true } });
  if (!c) throw new NotFoundError("case");
  if (c.version !== expectedVersion) throw new ConflictError(CONFLICT_MESSAGE, { currentVersion: c.version });
  assertCaseOpen(c.status);
  return c;
}

const describe = (p: { name: string; kind: string }) => `${p.name} (${(PARTY_KIND_LABELS[p.kind as PartyKindValue] ?? p.kind).toLowerCase()})`;

// ---------------------------------------------------------------------------------------------
// Consent
// ---------------------------------------------------------------------------------------------

export type ConsentInput = { consent: string; consentOn?: string; consentHow?: string };

const consentSchema = z
  .object({
    consent: z.enum(CONSENT_VALUES, { error: "Select whether they agreed to take part" }),
    consentOn: z.string().trim().default(""),
    consentHow: text("How they told us", 200).default(""),
  })
  .superRefine((v, ctx) => {
    if (v.consent === "PENDING") return;
    if (v.consentOn === "") ctx.addIssue({ code: "custom", path: ["consentOn"], message: "Enter the date they told us" });
    else if (!isIsoDate(v.consentOn)) ctx.addIssue({ code: "custom", path: ["consentOn"], message: "The date they told us must be a real date" });
    else if (v.consentOn > todayInLondon()) ctx.addIssue({ code: "custom", path: ["consentOn"], message: "The date they told us must be today or in the past" });
    if (v.consentHow === "") ctx.addIssue({ code: "custom", path: ["consentHow"], message: "Enter how they told us, for example by phone or by email" });
  });

/** Records whether a party agreed to take part (R-70, R-73; for mediation, the family party, R-01). */
export async function recordConsent(
  user: SessionUser,
  caseId: string,
  partyId: string,
  expectedVersion: number,
  input: ConsentInput,
  ip: string | null = null,
): Promise<{ version: number }> {
  const v = { ...parseInput(z.object({ caseId: caseIdSchema, partyId: caseIdSchema, expectedVersion: versionSchema }), { caseId, partyId, expectedVersion }), input: parseInput(consentSchema, input) };
  authorize(user, "case:update", { hide: false });
  return inTransaction(async (tx) => {
    const c = await loadCase(tx, user, v.caseId, v.expectedVersion);
    const p = await tx.party.findFirst({ where: { id: v.partyId, caseId: c.id }, select: { id: true, name: true, kind: true, consent: true, consentOn: true, consentHow: true } });
    if (!p) throw new NotFoundError("party");
    const pending = v.input.consent === "PENDING";
    const next = {
      consent: v.input.consent as ConsentValue,
      consentOn: pending ? null : v.input.consentOn,
      consentHow: pending ? null : v.input.consentHow,
    };
    const version = await bumpVersion(tx, c.id, v.expectedVersion);
    await tx.party.update({ where: { id: p.id }, data: { consent: next.consent, consentOn: next.consentOn ? dbDateFromIso(next.consentOn) : null, consentHow: next.consentHow } });
    const who = describe(p);
    const summary =
      next.consent === "GIVEN"
        ? `${who} agreed to take part (told us ${next.consentHow} on ${formatLongDate(next.consentOn!)})`
        : next.consent === "DECLINED"
          ? `${who} declined to take part (told us ${next.consentHow} on ${formatLongDate(next.consentOn!)})`
          : `${who}: agreement to take part set back to not yet agreed`;
    await recordEvent(tx, { caseId: c.id, actorId: user.id, type: "CONSENT_RECORDED", summary, rule: "R-73", visibility: "STAFF", data: { partyId: p.id, ...next } });
    await writeAudit(tx, {
      actor: user,
      action: "party.consent",
      entityType: "Party",
      entityId: p.id,
      caseId: c.id,
      before: { version: v.expectedVersion, consent: p.consent, consentOn: toIso(p.consentOn), consentHow: p.consentHow },
      after: { version, ...next },
      ip,
    });
    return { version };
  });
}

// ---------------------------------------------------------------------------------------------
// Contact details
// ---------------------------------------------------------------------------------------------

export type PartyInput = {
  kind?: string;
  name?: string;
  organisation?: string;
  email?: string;
  phone?: string;
  address?: string;
  preferredContact?: string;
  accessNeeds?: string;
  /** "yes" | "no" | "" (not known); LA and health body representatives only. */
  hasAuthority?: string;
};

const PHONE = /^\+?[0-9 ()-]{7,20}$/;

const partyFields = {
  name: text("The name", 200).min(1, "Enter the name"),
  organisation: text("The organisation", 200).default(""),
  email: z
    .string()
    .trim()
    .max(254, "The email address must be 254 characters or fewer")
    .refine((v) => v === "" || z.email().safeParse(v).success, "Enter an email address in the correct format, like name@example.com")
    .default(""),
  phone: z
    .string()
    .trim()
    .refine((v) => v === "" || PHONE.test(v), "Enter a phone number, like 01632 960 001 or +44 808 157 0192")
    .default(""),
  address: text("The address", 500).default(""),
  preferredContact: z.enum(CONTACT_METHOD_VALUES, { error: "Select how they prefer to be contacted" }),
  accessNeeds: text("Access needs", 2000).default(""),
  hasAuthority: z.enum(["yes", "no", ""], { error: "Select whether they have authority to resolve the issues" }).default(""),
};

type PartyFields = { name: string; organisation: string; email: string; phone: string; address: string; preferredContact: ContactMethodValue; accessNeeds: string; hasAuthority: "yes" | "no" | "" };

/** The preferred way of contacting someone must be one we have details for. */
function checkPreferredContact(v: PartyFields, ctx: z.RefinementCtx) {
  if (v.preferredContact === "EMAIL" && v.email === "") ctx.addIssue({ code: "custom", path: ["email"], message: "Enter an email address, or choose another way to contact them" });
  if (v.preferredContact === "PHONE" && v.phone === "") ctx.addIssue({ code: "custom", path: ["phone"], message: "Enter a phone number, or choose another way to contact them" });
  if (v.preferredContact === "POST" && v.address === "") ctx.addIssue({ code: "custom", path: ["address"], message: "Enter a postal address, or choose another way to contact them" });
}

const newPartySchema = z.object({ kind: z.enum(PARTY_KIND_VALUES, { error: "Select who they are" }), ...partyFields }).superRefine(checkPreferredContact);
const partyUpdateSchema = z.object(partyFields).superRefine(checkPreferredContact);

function partyData(kind: string, v: PartyFields) {
  const nul = (s: string) => (s === "" ? null : s);
  return {
    name: v.name,
    organisation: nul(v.organisation),
    email: nul(v.email),
    phone: nul(v.phone),
    address: nul(v.address),
    preferredContact: v.preferredContact,
    accessNeeds: nul(v.accessNeeds),
    // only LA and health body representatives are asked about their authority.
    hasAuthority: PARTY_KINDS_WITH_AUTHORITY.includes(kind as PartyKindValue) && v.hasAuthority !== "" ? v.hasAuthority === "yes" : null,
  };
}

/** Adds a person or body to the case (R-24: parties, representatives, supporters, interpreters). */
export async function addParty(user: SessionUser, caseId: string, expectedVersion: number, input: PartyInput, ip: string | null = null): Promise<{ version: number; partyId: string }> {
  const v = { ...parseInput(z.object({ caseId: caseIdSchema, expectedVersion: versionSchema }), { caseId, expectedVersion }), input: parseInput(newPartySchema, input) };
  authorize(user, "case:update", { hide: false });
  return inTransaction(async (tx) => {
    const c = await loadCase(tx, user, v.caseId, v.expectedVersion);
    const version = await bumpVersion(tx, c.id, v.expectedVersion);
    const data = partyData(v.input.kind, v.input);
    const p = await tx.party.create({ data: { caseId: c.id, kind: v.input.kind, ...data }, select: { id: true, name: true, kind: true } });
    await recordEvent(tx, { caseId: c.id, actorId: user.id, type: "PARTY_ADDED", summary: `Added ${describe(p)} to the case`, rule: "R-24", visibility: "STAFF", data: { partyId: p.id } });
    await writeAudit(tx, { actor: user, action: "party.create", entityType: "Party", entityId: p.id, caseId: c.id, before: { version: v.expectedVersion }, after: { version, kind: v.input.kind, ...data }, ip });
    return { version, partyId: p.id };
  });
}

/** Changes a party's name, organisation, contact details, preferred contact, access needs, authority. */
export async function updateParty(
  user: SessionUser,
  caseId: string,
  partyId: string,
  expectedVersion: number,
  input: PartyInput,
  ip: string | null = null,
): Promise<{ version: number; changed: string[] }> {
  const v = { ...parseInput(z.object({ caseId: caseIdSchema, partyId: caseIdSchema, expectedVersion: versionSchema }), { caseId, partyId, expectedVersion }), input: parseInput(partyUpdateSchema, input) };
  authorize(user, "case:update", { hide: false });
  return inTransaction(async (tx) => {
    const c = await loadCase(tx, user, v.caseId, v.expectedVersion);
    const p = await tx.party.findFirst({
      where: { id: v.partyId, caseId: c.id },
      select: { id: true, kind: true, name: true, organisation: true, email: true, phone: true, address: true, preferredContact: true, accessNeeds: true, hasAuthority: true },
    });
    if (!p) throw new NotFoundError("party");
    const data = partyData(p.kind, v.input);
    const changed = (Object.keys(data) as (keyof typeof data)[]).filter((k) => data[k] !== p[k]);
    if (changed.length === 0) return { version: c.version, changed: [] };
    const version = await bumpVersion(tx, c.id, v.expectedVersion);
    await tx.party.update({ where: { id: p.id }, data });
    await recordEvent(tx, {
      caseId: c.id,
      actorId: user.id,
      type: "PARTY_UPDATED",
      summary: `Details of ${describe({ name: data.name, kind: p.kind })} changed`,
      visibility: "STAFF",
      data: { partyId: p.id, fields: changed },
    });
    await writeAudit(tx, {
      actor: user,
      action: "party.update",
      entityType: "Party",
      entityId: p.id,
      caseId: c.id,
      before: { version: v.expectedVersion, ...Object.fromEntries(changed.map((k) => [k, p[k]])) },
      after: { version, ...Object.fromEntries(changed.map((k) => [k, data[k]])) },
      ip,
    });
    return { version, changed };
  });
}
