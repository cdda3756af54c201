/**
 * Issue 13 (decision 0030): a caseworker sends a template from a case, after seeing its preview.
 * In one transaction:
 *  - the choice is checked again (./choice.ts) and the template must still be the version
 *    previewed (else ConflictError: the caseworker sees the new preview first);
 *  - nothing is sent while the template uses a field the case does not have yet;
 *  - EMAIL: one outbox email to the party, with the case id (lib/platform/outbox, sent by the
 *    worker); LETTER: a sealed PDF (lib/platform/documents, kind LETTER) to download and post;
 *  - a STAFF timeline entry and an audit row (the template, its version, the channel and the ids;
 *    never the text, the address or the email address).
 *
 * the text is built only from the template and the shared fields (./case-fields.ts). The
 * letter and the timeline entry are STAFF: correspondence is between the service and one party,
 * so the other side (the LA officer, or the family) never sees a letter addressed to someone else
 * — the recipient has their own copy, by post or email.
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { recordEvent } from "@/lib/cases/timeline";
import { describeParty } from "@/lib/cases/options";
import { ConflictError, DomainError } from "@/lib/platform/errors";
import { queueEmail } from "@/lib/platform/outbox/queue-email";
import { storeDocument } from "@/lib/platform/documents/store-document";
import { formatLongDate, todayInLondon } from "@/lib/deadlines/calendar";
import { caseFieldValues } from "./case-fields";
import { composeCorrespondence } from "./compose";
import { resolveChoice, type ChoiceInput } from "./choice";
import { missingLabels } from "./preview-correspondence";
import { letterLayout, type LetterContent } from "./letter-layout";

export const TEMPLATE_CHANGED = "The template was changed after you saw the preview. Check the new preview below, then send it.";

const versionSchema = z.coerce.number().int().positive();

export type SentCorrespondence = { channel: "EMAIL"; outboxEmailId: string } | { channel: "LETTER"; documentId: string };

export async function sendCorrespondence(
  user: SessionUser,
  caseId: string,
  input: ChoiceInput & { templateVersion?: string | number },
  ip: string | null = null,
  now: Date = new Date(),
): Promise<SentCorrespondence> {
  authorize(user, "correspondence:send");
  return transaction(async (tx) => {
    const r = await resolveChoice(tx, user, caseId, input);
    const previewed = versionSchema.safeParse(input.templateVersion);
    if (!previewed.success || previewed.data !== r.template.version) throw new ConflictError(TEMPLATE_CHANGED, { currentVersion: r.template.version });
    const composed = composeCorrespondence(r.template, await caseFieldValues(tx, r.case.id, r.party, user, now));
    if (composed.missing.length > 0) {
      throw new DomainError(`This cannot be sent yet: it uses ${missingLabels(composed.missing).join(", ")}, which the case does not have. Record it on the case first, or choose something else to send.`, "MISSING_FIELDS");
    }

    let sent: SentCorrespondence;
    if (r.channel === "EMAIL") {
      const email = await queueEmail(tx, { to: r.party.email!.trim(), subject: composed.subject, body: composed.body, caseId: r.case.id });
      sent = { channel: "EMAIL", outboxEmailId: email.id };
    } else {
      const content: LetterContent = {
        templateKey: r.template.key,
        templateVersion: r.template.version,
        caseReference: r.case.reference,
        date: formatLongDate(todayInLondon(now)),
        to: { name: r.party.name, address: r.party.address!.trim() },
        subject: composed.subject,
        paragraphs: composed.paragraphs,
      };
      const doc = await storeDocument(tx, user, { caseId: r.case.id, kind: "LETTER", title: composed.subject, visibility: "STAFF", content, layout: letterLayout }, { now, ip });
      sent = { channel: "LETTER", documentId: doc.id };
    }

    const how = r.channel === "EMAIL" ? "Email sent" : "Letter made for posting";
    await recordEvent(tx, {
      caseId: r.case.id,
      actorId: user.id,
      type: "CORRESPONDENCE_SENT",
      summary: `${how}: “${r.template.name}” to ${describeParty(r.party)}`,
      visibility: "STAFF",
      data: { templateKey: r.template.key, templateVersion: r.template.version, channel: r.channel, partyId: r.party.id, ...ids(sent) },
      at: now,
    });
    await writeAudit(tx, {
      actor: user,
      action: "correspondence.sent",
      entityType: "CorrespondenceTemplate",
      entityId: r.template.id,
      caseId: r.case.id,
      after: { templateKey: r.template.key, templateVersion: r.template.version, channel: r.channel, partyId: r.party.id, ...ids(sent) },
      ip,
    });
    return sent;
  });
}

const ids = (s: SentCorrespondence) => (s.channel === "EMAIL" ? { outboxEmailId: s.outboxEmailId } : { documentId: s.documentId });
