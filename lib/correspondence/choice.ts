/**
 * Issue 13 (decision 0030): what a caseworker chose to send from a case — a template, a recipient
 * and how (by email or letter) — checked against the case, in one place for the options, the
 * preview and the send:
 *  - the case is in the user's scope (else 404), the template is in use;
 *  - the recipient is a party of this case, with an email address for an email, a postal address
 *    for a letter;
 *  - the template may be sent that way (EMAIL, LETTER or BOTH).
 */
import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/platform/db";
import type { SessionUser } from "@/lib/auth/types";
import { findCaseOrThrow } from "@/lib/cases/store";
import { describeParty } from "@/lib/cases/options";
import { DomainError } from "@/lib/platform/errors";
import { parseInput, VALIDATION_MESSAGE } from "@/lib/platform/validation";
import { CHANNELS, kindAllows, type Channel } from "./template-schema";
import { TEMPLATE_SELECT, type TemplateRow } from "./store";

export const CHOICE_FIELD_ORDER = ["template", "recipient"] as const;

/** The recipient field's value: `<party id>:<EMAIL|LETTER>`, one radio per party and way. */
export const recipientValue = (partyId: string, channel: Channel) => `${partyId}:${channel}`;

export const choiceSchema = z.object({
  template: z.string().trim().min(1, "Choose what to send").max(100, "Choose what to send"),
  recipient: z
    .string()
    .trim()
    .min(1, "Choose who to send it to")
    .max(250, "Choose who to send it to")
    .transform((s, ctx) => {
      const i = s.lastIndexOf(":");
      const channel = s.slice(i + 1);
      if (i < 1 || !(CHANNELS as readonly string[]).includes(channel)) {
        ctx.addIssue({ code: "custom", message: "Choose who to send it to" });
        return z.NEVER;
      }
      return { partyId: s.slice(0, i), channel: channel as Channel };
    }),
});

export type ChoiceInput = { template?: string; recipient?: string };

export const PARTY_SELECT = { id: true, name: true, kind: true, organisation: true, email: true, address: true } as const;
export type RecipientParty = { id: string; name: string; kind: string; organisation: string | null; email: string | null; address: string | null };

/** A postal address on one line ("1 Mill Lane, Northtown NT1 2AB"). */
export const oneLine = (address: string) => address.trim().replace(/\s*\n\s*/g, ", ");

export function recipientLabel(p: RecipientParty, channel: Channel): string {
  return channel === "EMAIL" ? `${describeParty(p)}, by email to ${p.email}` : `${describeParty(p)}, by letter to ${oneLine(p.address ?? "")}`;
}

export type ResolvedChoice = {
  case: { id: string; reference: string };
  template: TemplateRow;
  party: RecipientParty;
  channel: Channel;
};

export async function resolveChoice(client: Pick<Tx, "case" | "correspondenceTemplate">, user: SessionUser, caseId: string, input: ChoiceInput): Promise<ResolvedChoice> {
  const c = await findCaseOrThrow(user, String(caseId), { id: true, reference: true, parties: { select: PARTY_SELECT } }, client);
  const v = parseInput(choiceSchema, { template: input.template ?? "", recipient: input.recipient ?? "" }, { order: CHOICE_FIELD_ORDER, summary: VALIDATION_MESSAGE });
  const template = await client.correspondenceTemplate.findUnique({ where: { key: v.template }, select: TEMPLATE_SELECT });
  const party = c.parties.find((p) => p.id === v.recipient.partyId);
  const errors: Record<string, string> = {};
  if (!template || !template.active) errors.template = "Choose what to send";
  if (!party) errors.recipient = "Choose who to send it to";
  else if (v.recipient.channel === "EMAIL" && !party.email?.trim()) errors.recipient = `${party.name} has no email address recorded. Choose a letter, or add their email address to the case`;
  else if (v.recipient.channel === "LETTER" && !party.address?.trim()) errors.recipient = `${party.name} has no postal address recorded. Choose an email, or add their address to the case`;
  if (template?.active && party && !errors.recipient && !kindAllows(template.kind, v.recipient.channel)) {
    errors.recipient = template.kind === "EMAIL" ? `“${template.name}” is sent by email only. Choose someone to email` : `“${template.name}” is sent by letter only. Choose someone to write to`;
  }
  if (Object.keys(errors).length > 0) throw new DomainError(VALIDATION_MESSAGE, "VALIDATION", errors);
  return { case: { id: c.id, reference: c.reference }, template: template!, party: party!, channel: v.recipient.channel };
}
