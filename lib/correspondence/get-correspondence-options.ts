/**
 * Issue 13: what a caseworker may send from a case (/cases/[id]/correspondence) — the templates in
 * use, and one choice per party and way: by email to a party with an email address, by letter to
 * a party with a postal address. Not for a mediator, an LA officer or a family (404).
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { findCaseOrThrow } from "@/lib/cases/store";
import { CORRESPONDENCE_KIND_LABELS, type Channel } from "./template-schema";
import { PARTY_SELECT, recipientLabel, recipientValue } from "./choice";

export type CorrespondenceOptions = {
  case: { id: string; reference: string };
  templates: { key: string; name: string; kindLabel: string }[];
  recipients: { value: string; label: string }[];
};

export async function getCorrespondenceOptions(user: SessionUser, caseId: string): Promise<CorrespondenceOptions> {
  authorize(user, "correspondence:send");
  const c = await findCaseOrThrow(user, caseId, { id: true, reference: true, parties: { select: PARTY_SELECT, orderBy: { createdAt: "asc" } } });
  const templates = await db().correspondenceTemplate.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { key: true, name: true, kind: true } });
  const recipients = c.parties.flatMap((p) =>
    (["EMAIL", "LETTER"] as const satisfies readonly Channel[])
      .filter((ch) => (ch === "EMAIL" ? p.email?.trim() : p.address?.trim()))
      .map((ch) => ({ value: recipientValue(p.id, ch), label: recipientLabel(p, ch) })),
  );
  return {
    case: { id: c.id, reference: c.reference },
    templates: templates.map((t) => ({ key: t.key, name: t.name, kindLabel: CORRESPONDENCE_KIND_LABELS[t.kind] })),
    recipients,
  };
}
