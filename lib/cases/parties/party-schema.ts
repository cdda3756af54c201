/**
 * A party's details and consent, as the party forms post them. The field rules are the same as at
 * intake (../fields): one definition of a name, an email, a phone number, an address.
 */
import { z } from "zod";
import { todayInLondon } from "@/lib/deadlines/calendar";
import { CONSENT_VALUES, PARTY_KIND_VALUES, PARTY_KINDS_WITH_AUTHORITY, type PartyKindValue } from "../options";
import { LIMITS, checkPreferredContact, choice, cleanContact, contactShape, optionalPastDate, optionalText, organisationField, tooLong, trimmed, yesNo } from "../fields";

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

const partyShape = {
  ...contactShape,
  organisation: organisationField,
  hasAuthority: yesNo("Select whether they have authority to resolve the issues", true),
};

function checkParty(v: Record<string, unknown>, ctx: z.RefinementCtx) {
  if (trimmed(v.name) === "") ctx.addIssue({ code: "custom", path: ["name"], message: "Enter the name" });
  checkPreferredContact(v, ctx);
}

export const newPartySchema = z.object({ kind: choice(PARTY_KIND_VALUES, "Select who they are"), ...partyShape }).superRefine(checkParty);
export const partyUpdateSchema = z.object(partyShape).superRefine(checkParty);

/** The party's columns from the form's values. */
export function partyData(kind: string, v: Record<string, unknown>) {
  const c = cleanContact(v);
  const organisation = trimmed(v.organisation);
  return {
    ...c,
    organisation: organisation === "" ? null : organisation,
    // only LA and health body representatives are asked about their authority.
    hasAuthority: PARTY_KINDS_WITH_AUTHORITY.includes(kind as PartyKindValue) && v.hasAuthority !== "" ? v.hasAuthority === "yes" : null,
  };
}

export type ConsentInput = { consent: string; consentOn?: string; consentHow?: string };

/** The label of the date of a party's answer (the consent form's field). */
export const CONSENT_DATE_LABEL = "Date they told us";

/** R-73 (and R-01 for mediation): whether a party agreed to take part, when and how they told us. */
export function consentSchema(today: string = todayInLondon()) {
  return z
    .object({
      consent: choice(CONSENT_VALUES, "Select whether they agreed to take part"),
      consentOn: optionalPastDate("The date they told us", today),
      consentHow: optionalText(LIMITS.consentHow, tooLong("How they told us", LIMITS.consentHow)),
    })
    .superRefine((v, ctx) => {
      if (v.consent === "PENDING") return;
      if (trimmed(v.consentOn) === "") ctx.addIssue({ code: "custom", path: ["consentOn"], message: "Enter the date they told us" });
      if (trimmed(v.consentHow) === "") ctx.addIssue({ code: "custom", path: ["consentHow"], message: "Enter how they told us, for example by phone or by email" });
    });
}
