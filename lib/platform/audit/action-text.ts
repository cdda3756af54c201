/**
 * An audit action in words for people (/admin/audit, its CSV): "case.meeting_scheduled" →
 * "Case: meeting scheduled". Worked out from the action's name (one style: `<entity>.<what_happened>`,
 * ../audit.ts), so a new action needs no entry here; only the entity words are listed. Pure.
 */
import { AUDIT_ACTIONS } from "@/lib/platform/audit";

const ENTITY_WORDS: Record<string, string> = {
  auth: "Sign-in",
  user: "User",
  party: "Party",
  case: "Case",
  meeting: "Meeting",
  note: "Note",
  mediator: "Mediator",
  venue: "Venue",
  pre_meeting: "Pre-meeting",
  document: "Document",
  agreement: "Agreement",
  certificate: "Certificate",
  obligation: "Agreed action",
  job: "Job",
  export: "Export",
  family_upload: "Family upload",
  family_views: "Family views",
  la: "LA",
};

export function auditActionText(action: string): string {
  const dot = action.indexOf(".");
  if (dot === -1) return action.replaceAll("_", " ");
  const entity = action.slice(0, dot);
  const words = ENTITY_WORDS[entity] ?? entity.charAt(0).toUpperCase() + entity.slice(1).replaceAll("_", " ");
  return `${words}: ${action.slice(dot + 1).replaceAll("_", " ")}`;
}

/** The action filter's choices, in the order of their words. */
export const AUDIT_ACTION_OPTIONS: readonly { value: string; label: string }[] = [...AUDIT_ACTIONS]
  .map((a) => ({ value: a, label: auditActionText(a) }))
  .sort((x, y) => x.label.localeCompare(y.label, "en-GB"));
