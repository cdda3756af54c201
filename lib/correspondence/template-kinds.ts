/**
 * Issue 13 (decision 0030): how a correspondence template may be sent, the labels, and the
 * longest name, subject and text. Client-safe and free of zod: the edit form reads these without
 * bundling the validation (issue 14). The schema is in ./template-schema, which re-exports these.
 */
import type { CorrespondenceKind } from "@/lib/platform/db/generated/enums";

export const CORRESPONDENCE_KINDS = ["EMAIL", "LETTER", "BOTH"] as const satisfies readonly CorrespondenceKind[];

export const CORRESPONDENCE_KIND_LABELS: Record<CorrespondenceKind, string> = {
  EMAIL: "Email only",
  LETTER: "Letter only",
  BOTH: "Email or letter",
};

/** How one piece of correspondence goes: emailed through the outbox, or a PDF letter to post. */
export const CHANNELS = ["EMAIL", "LETTER"] as const;
export type Channel = (typeof CHANNELS)[number];

export function kindAllows(kind: CorrespondenceKind, channel: Channel): boolean {
  return kind === "BOTH" || kind === channel;
}

export const TEMPLATE_LIMITS = { name: 120, subject: 200, body: 10_000 } as const;

export const TEMPLATE_FIELD_ORDER = ["name", "kind", "subject", "body", "active"] as const;
