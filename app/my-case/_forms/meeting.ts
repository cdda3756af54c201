/**
 * Issue 12: the family's answer to the meeting invitation, posted to its own page without
 * JavaScript (decision 0038) — the one chain (app/_server/action-chain.ts) around one lib command,
 * then back to the meeting page with its confirmation (`?answered=1`).
 */
import "server-only";
import { redirect } from "next/navigation";
import { runActionAs, type ActionState, type Caller } from "@/app/_server/action-chain";
import { answerMeeting } from "@/lib/family/meeting/answer-meeting";

export async function answerMeetingForm(caller: Caller, fd: FormData): Promise<ActionState> {
  return runActionAs(caller, fd, {
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
