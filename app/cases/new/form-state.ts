/**
 * Client-side helpers of the new-referral form: the draft kept in localStorage (per user, so two
 * caseworkers sharing a browser never see each other's draft) and react-hook-form error flattening.
 */
import {
  EMPTY_ISSUE,
  EMPTY_OTHER_PARTY,
  REFERRAL_STEPS,
  emptyReferral,
  type ReferralFormValues,
  type ReferralStep,
} from "@/lib/cases/intake/referral-schema";

export type Stage = ReferralStep | "check" | "done";
export type Draft = { values: ReferralFormValues; stage: ReferralStep | "check" };

/**
 * 2: the summary is shared with the LA and the family, and staff-only notes have their own field
 * . A version 1 draft's "summary" was written for the mediator, so it loads as notes.
 */
const DRAFT_VERSION = 2;
export const draftKey = (userId: string) => `send-mediation:referral-draft:${userId}`;

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

/** A stored draft merged over an empty referral, so a draft from an older form still loads. */
function mergeDraftValues(raw: unknown, version: number): ReferralFormValues {
  const empty = emptyReferral();
  if (!isObj(raw)) return empty;
  const pickStrings = <T extends Record<string, string>>(base: T, from: unknown): T => {
    const out = { ...base };
    if (isObj(from)) for (const k of Object.keys(base)) if (typeof from[k] === "string") (out as Record<string, string>)[k] = from[k] as string;
    return out;
  };
  // The top-level answers are every string field of the empty referral.
  const topFields = Object.fromEntries(Object.entries(empty).filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const top = pickStrings(topFields, raw);
  if (version === 1) {
    // never carry text written for the mediation team into the shared summary.
    top.staffNotes = top.summary ?? "";
    top.summary = "";
  }
  const issues = Array.isArray(raw.issues) ? raw.issues.map((i) => pickStrings({ ...EMPTY_ISSUE }, i)) : [];
  const parties = Array.isArray(raw.parties) ? raw.parties.map((p) => pickStrings({ ...EMPTY_OTHER_PARTY }, p)) : [];
  return {
    ...empty,
    ...(top as Partial<ReferralFormValues>),
    child: pickStrings(empty.child, raw.child) as ReferralFormValues["child"],
    family: pickStrings(empty.family, raw.family) as ReferralFormValues["family"],
    issues: (issues.length > 0 ? issues : empty.issues) as ReferralFormValues["issues"],
    parties: parties as ReferralFormValues["parties"],
  };
}

export function loadDraft(key: string): Draft | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (!isObj(parsed) || (parsed.v !== DRAFT_VERSION && parsed.v !== 1)) return null;
    const stage = (REFERRAL_STEPS as readonly string[]).includes(String(parsed.stage)) || parsed.stage === "check" ? (parsed.stage as Draft["stage"]) : "who";
    const values = mergeDraftValues(parsed.values, parsed.v);
    // An untouched form is not a draft.
    if (stage === "who" && JSON.stringify(values) === JSON.stringify(emptyReferral())) return null;
    return { values, stage };
  } catch {
    return null;
  }
}

export function saveDraft(key: string, draft: Draft): void {
  try {
    window.localStorage.setItem(key, JSON.stringify({ v: DRAFT_VERSION, stage: draft.stage, values: draft.values }));
  } catch {
    // Storage full or disabled: the form still works, the draft just does not survive a reload.
  }
}

export function clearDraft(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // ignore
  }
}

/**
 * react-hook-form's nested errors as `{ "child.name": "Enter the child's full name" }`. Skips the
 * `ref` (a DOM element) and reads array-level messages (`root`) as the array's own.
 */
export function flattenErrors(errors: unknown, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObj(errors) && !Array.isArray(errors)) return out;
  const node = errors as Record<string, unknown>;
  if (prefix && typeof node.message === "string" && node.message !== "") out[prefix] = node.message;
  for (const [k, v] of Object.entries(node)) {
    if (k === "message" || k === "type" || k === "ref" || k === "types") continue;
    if (v === undefined || v === null) continue;
    const path = k === "root" ? prefix : prefix ? `${prefix}.${k}` : k;
    for (const [p, m] of Object.entries(flattenErrors(v, path))) if (!out[p]) out[p] = m;
  }
  return out;
}
