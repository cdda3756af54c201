"use server";
/**
 * Server actions of /cases/[id]/pre-meetings (issue 10): each is the one chain
 * (app/_server/action.ts) around one lib command, then back to the page with a banner (`?done=`).
 * A pre-meeting booked outside the mediator's hours is booked, and the banner says so.
 */
import { redirect } from "next/navigation";
import { runAction, type ActionState } from "../../../_server/action";
import { bookPreMeeting } from "@/lib/meetings/pre-meetings/book-pre-meeting";
import { markPreMeetingHeld } from "@/lib/meetings/pre-meetings/mark-pre-meeting-held";
import { cancelPreMeeting } from "@/lib/meetings/pre-meetings/cancel-pre-meeting";

const pageUrl = (caseId: string, done: string, extra = "") => `/cases/${encodeURIComponent(caseId)}/pre-meetings?done=${done}${extra}`;

export async function bookPreMeetingAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "meeting:manage",
    run: async (v, { user, ip }) => {
      const r = await bookPreMeeting(
        user,
        {
          caseId: v.caseId ?? "",
          partyId: v.partyId ?? "",
          date: v.date ?? "",
          startTime: v.startTime ?? "",
          durationMinutes: v.durationMinutes ?? "",
          mode: v.mode ?? "",
          address: v.address ?? "",
          videoLink: v.videoLink ?? "",
        } as Parameters<typeof bookPreMeeting>[1],
        ip,
      );
      redirect(pageUrl(r.caseId, "booked", r.warnings.length > 0 ? "&outside=1" : ""));
    },
  });
}

/** Mark held (`change=held`) or cancel (`change=cancel`) one pre-meeting. */
export async function changePreMeetingAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "meeting:manage",
    run: async (v, { user, ip }) => {
      const ref = { caseId: v.caseId ?? "", meetingId: v.meetingId ?? "" };
      if (v.change === "held") await markPreMeetingHeld(user, ref, ip);
      else if (v.change === "cancel") await cancelPreMeeting(user, ref, ip);
      else return { status: "error" as const, message: "The form could not be read. Reload the page and try again." };
      redirect(pageUrl(ref.caseId, v.change));
    },
  });
}
