/**
 * how each outcome of a meeting is named. Client-safe, importing only types: the
 * meeting record form reads the labels without bundling the whole transition table of
 * ./transitions (issue 14: first-load JavaScript), which re-exports them.
 */
import type { Agreement } from "./vocabulary";

/** R-40, R-72: what the meeting reached (the commissioners' agreement rate: full / partial / none). */
export const AGREEMENT_LABELS: Record<Agreement, string> = {
  FULL: "Full agreement",
  PARTIAL: "Partial agreement",
  NONE: "No agreement",
};
