/**
 * Case notes (issue 10, R-80, R-81): their kinds and limits, for the forms and the commands.
 * Client-safe.
 */
import type { CaseNoteKind as DbCaseNoteKind } from "@/lib/platform/db/generated/enums";
import type { Exactly } from "../lifecycle/vocabulary";

const NOTE_KIND_LIST = ["PRE_MEETING", "MEDIATOR_PRIVATE"] as const;
export const NOTE_KIND_VALUES: Exactly<DbCaseNoteKind, typeof NOTE_KIND_LIST> = NOTE_KIND_LIST;
export type NoteKindValue = (typeof NOTE_KIND_VALUES)[number];

export const NOTE_KIND_LABELS: Record<NoteKindValue, string> = {
  PRE_MEETING: "Notes from a pre-meeting with one party",
  MEDIATOR_PRIVATE: "A private note",
};

/** Longest note (characters, after trimming). */
export const MAX_NOTE_LENGTH = 10_000;
