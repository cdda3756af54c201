/**
 * The new-referral draft kept in the browser (app/cases/new/form-state.ts). R-80: a draft saved
 * before the summary became shared held notes for the mediator in "summary"; it must load them as
 * staff notes, never into the summary the LA and the family see.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { draftKey, loadDraft, saveDraft } from "@/app/cases/new/form-state";
import { emptyReferral } from "@/lib/cases/intake/referral-schema";

const store = new Map<string, string>();
const KEY = draftKey("user-1");

beforeEach(() => {
  store.clear();
  (globalThis as { window?: unknown }).window = {
    localStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) },
  };
});
afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe("referral drafts", () => {
  it("a version 1 draft's summary (written for the mediator) loads as notes for the mediation team", () => {
    store.set(KEY, JSON.stringify({ v: 1, stage: "decision", values: { ...emptyReferral(), staffNotes: undefined, summary: "Dad works nights: phone after 2pm" } }));
    const draft = loadDraft(KEY);
    expect(draft?.stage).toBe("decision");
    expect(draft?.values.summary).toBe("");
    expect(draft?.values.staffNotes).toBe("Dad works nights: phone after 2pm");
  });

  it("a current draft keeps the summary and the notes apart", () => {
    saveDraft(KEY, { stage: "decision", values: { ...emptyReferral(), summary: "Disagreement about section F", staffNotes: "Needs an interpreter" } });
    const draft = loadDraft(KEY);
    expect(draft?.values).toMatchObject({ summary: "Disagreement about section F", staffNotes: "Needs an interpreter" });
  });
});
