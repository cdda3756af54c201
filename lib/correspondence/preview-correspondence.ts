/**
 * Issue 13 (decision 0030): the filled email or letter a caseworker sees before confirming — the
 * same composeCorrespondence the send uses, so what is previewed is what is sent. Nothing is
 * written. The template's version goes into the confirm form: a template changed in between is
 * refused at send (./send-correspondence.ts).
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { caseFieldValues } from "./case-fields";
import { composeCorrespondence, type Composed } from "./compose";
import { recipientLabel, recipientValue, resolveChoice, type ChoiceInput } from "./choice";
import { PLACEHOLDERS, type PlaceholderName } from "./placeholders";
import type { Channel } from "./template-schema";

export type CorrespondencePreview = {
  case: { id: string; reference: string };
  template: { key: string; name: string; version: number };
  recipient: { value: string; label: string; name: string; channel: Channel; email: string | null; address: string | null };
  composed: Composed;
  /** What each missing field is, in words ("The date of the joint meeting"). */
  missingLabels: string[];
};

export function missingLabels(missing: readonly PlaceholderName[]): string[] {
  return missing.map((m) => PLACEHOLDERS.find((p) => p.name === m)!.description.toLowerCase());
}

export async function previewCorrespondence(user: SessionUser, caseId: string, input: ChoiceInput, now: Date = new Date()): Promise<CorrespondencePreview> {
  authorize(user, "correspondence:send");
  const r = await resolveChoice(db(), user, caseId, input);
  const composed = composeCorrespondence(r.template, await caseFieldValues(db(), r.case.id, r.party, user, now));
  return {
    case: r.case,
    template: { key: r.template.key, name: r.template.name, version: r.template.version },
    recipient: {
      value: recipientValue(r.party.id, r.channel),
      label: recipientLabel(r.party, r.channel),
      name: r.party.name,
      channel: r.channel,
      email: r.channel === "EMAIL" ? r.party.email : null,
      address: r.channel === "LETTER" ? r.party.address : null,
    },
    composed,
    missingLabels: missingLabels(composed.missing),
  };
}
