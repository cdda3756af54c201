"use server";
import { redirect } from "next/navigation";
import { runAction, type ActionState } from "../../../_server/action";
import { nameLaAttendee } from "@/lib/meetings/name-la-attendee";

/** R-24 (issue 12): the LA officer names (or changes) their LA's attendee at the meeting. */
export async function nameLaAttendeeAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "meeting:name-la-attendee",
    run: async (v, { user, ip }) => {
      const r = await nameLaAttendee(
        user,
        v.caseId ?? "",
        v.version ?? "",
        { partyId: v.partyId ?? "", name: v.name ?? "", organisation: v.organisation ?? "", email: v.email ?? "", hasAuthority: v.hasAuthority ?? "" },
        ip,
      );
      redirect(`/cases/${encodeURIComponent(r.caseId)}?done=laAttendee#meeting`);
    },
  });
}
