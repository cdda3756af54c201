/**
 * Pre-meetings (issue 10; seeds: "individual pre-meetings with each party first, visit, phone or
 * video"): before the joint meeting the mediator meets each party to the disagreement alone. The
 * words and limits the commands, the page and the mediator's home share. Pure and client-safe.
 */
import type { CaseStatus } from "@/lib/cases/lifecycle/vocabulary";

/** How a pre-meeting is held: a visit (usually at the family's home), a phone call or a video call. */
export const PRE_MEETING_MODES = ["VISIT", "PHONE", "VIDEO"] as const;
export type PreMeetingMode = (typeof PRE_MEETING_MODES)[number];
export const PRE_MEETING_MODE_LABELS: Record<PreMeetingMode, string> = { VISIT: "Visit", PHONE: "Phone call", VIDEO: "Video call" };

/** The lengths a pre-meeting can be booked for, in minutes, and the usual one. */
export const PRE_MEETING_LENGTHS = [30, 45, 60, 90] as const;
export const DEFAULT_PRE_MEETING_MINUTES = 60;

/**
 * Pre-meetings are booked once a mediator is allocated and until the joint meeting is held (R-73:
 * the initial calls come first). A case at "Meeting scheduled" whose meeting day has passed has
 * held it (or should record why not): no more pre-meetings are asked for then.
 */
export const PRE_MEETING_STATUSES: readonly CaseStatus[] = ["ALLOCATED", "PREPARING", "MEETING_SCHEDULED"];

/** The parties met in a pre-meeting: the parties to the disagreement (not supporters or interpreters, R-24). */
export const NOT_MET_ALONE: readonly string[] = ["SUPPORTER", "INTERPRETER"];

export const lengthText = (m: number) => (m < 60 ? `${m} minutes` : m === 60 ? "1 hour" : m === 90 ? "1½ hours" : `${m / 60} hours`);
