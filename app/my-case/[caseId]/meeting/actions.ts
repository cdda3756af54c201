"use server";
/**
 * Issue 12: the family's answer to the meeting invitation — the one chain (app/_server/action.ts)
 * around one lib command, then back to the meeting page with its confirmation (`?answered=1`).
 */
import { redirect } from "next/navigation";
import { runAction, type ActionState } from "../../../_server/action";
import { answerMeeting } from "@/lib/family/meeting/answer-meeting";

export async function answerMeetingAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "meeting:respond",
    run: async (v, { user, ip }) => {
      const r = await answerMeeting(
        user,
        { caseId: v.caseId ?? "", answer: v.answer ?? "", interpreterLanguage: v.interpreterLanguage ?? "", adjustments: v.adjustments ?? "", supporterName: v.supporterName ?? "" },
        ip,
      );
      redirect(`/my-case/${encodeURIComponent(r.caseId)}/meeting?answered=1`);
    },
  });
}
