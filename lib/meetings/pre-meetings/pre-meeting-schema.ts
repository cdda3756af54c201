/** What booking a pre-meeting takes (issue 10), validated in one place. Client-safe. */
import { z } from "zod";
import { isIsoDate } from "@/lib/deadlines/calendar";
import { PRE_MEETING_LENGTHS, PRE_MEETING_MODES } from "./pre-meeting-rules";

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const OUT_OF_DATE = "The page is out of date. Reload it and try again.";

export const bookPreMeetingSchema = z.object({
  caseId: z.string({ error: OUT_OF_DATE }).trim().min(1, OUT_OF_DATE).max(200, OUT_OF_DATE),
  partyId: z.string({ error: "Choose who the pre-meeting is with" }).trim().min(1, "Choose who the pre-meeting is with").max(200, "Choose who the pre-meeting is with"),
  date: z.string({ error: "Enter the date of the pre-meeting" }).trim().min(1, "Enter the date of the pre-meeting").refine(isIsoDate, "Enter a real date, like 27 3 2027"),
  startTime: z.string({ error: "Enter the start time" }).trim().regex(TIME, "Enter the start time like 09:30"),
  durationMinutes: z.coerce
    .number({ error: "Choose how long the pre-meeting is" })
    .refine((n) => (PRE_MEETING_LENGTHS as readonly number[]).includes(n), "Choose how long the pre-meeting is"),
  mode: z.enum(PRE_MEETING_MODES, { error: "Choose a visit, a phone call or a video call" }),
  address: z.string().trim().max(500, "The address must be at most 500 characters").optional().default(""),
  videoLink: z.string().trim().max(500, "The video link must be at most 500 characters").optional().default(""),
});
export type BookPreMeetingInput = z.input<typeof bookPreMeetingSchema>;

/** The order of the form's fields, for the error summary. */
export const PRE_MEETING_FIELD_ORDER = ["partyId", "date", "startTime", "durationMinutes", "mode", "address", "videoLink"] as const;

/** Marking held or cancelling names the pre-meeting and its case. */
export const preMeetingRefSchema = z.object({
  caseId: z.string({ error: OUT_OF_DATE }).trim().min(1, OUT_OF_DATE).max(200, OUT_OF_DATE),
  meetingId: z.string({ error: OUT_OF_DATE }).trim().min(1, OUT_OF_DATE).max(200, OUT_OF_DATE),
});
