"use server";
/**
 * Server actions of the meeting page (issue 10): who is invited to the booked joint meeting, their
 * answers and needs. Each is the one chain (app/_server/action.ts) around one lib command;
 * the invitation or cancellation a change sends is a job the command queues. Then back to the
 * meeting page with a success banner (`?done=`).
 */
import { redirect } from "next/navigation";
import { runAction, type ActionState } from "../../../_server/action";
import { addAttendee } from "@/lib/meetings/add-attendee";
import { removeAttendee } from "@/lib/meetings/remove-attendee";
import { recordAttendeeResponse } from "@/lib/meetings/record-attendee-response";

const meetingUrl = (caseId: string, done: string) => `/cases/${encodeURIComponent(caseId)}/meeting?done=${done}`;

export async function addAttendeeAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "meeting:manage",
    run: async (v, { user, ip }) => {
      const r = await addAttendee(user, { caseId: v.caseId ?? "", meetingId: v.meetingId ?? "", partyId: v.partyId ?? "" }, ip);
      redirect(meetingUrl(r.caseId, "attendeeAdded"));
    },
  });
}

export async function removeAttendeeAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "meeting:manage",
    run: async (v, { user, ip }) => {
      const r = await removeAttendee(user, { caseId: v.caseId ?? "", attendeeId: v.attendeeId ?? "" }, ip);
      redirect(meetingUrl(r.caseId, "attendeeRemoved"));
    },
  });
}

export async function recordAttendeeResponseAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "meeting:manage",
    run: async (v, { user, ip }) => {
      const r = await recordAttendeeResponse(
        user,
        {
          caseId: v.caseId ?? "",
          attendeeId: v.attendeeId ?? "",
          response: v.response ?? "",
          interpreterLanguage: v.interpreterLanguage ?? "",
          adjustments: v.adjustments ?? "",
          supporterName: v.supporterName ?? "",
          hasAuthority: v.hasAuthority ?? "",
        },
        ip,
      );
      redirect(meetingUrl(r.caseId, "attendeeUpdated"));
    },
  });
}
