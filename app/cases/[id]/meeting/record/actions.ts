"use server";
/**
 * The meeting record's form (issue 10): "Continue" checks everything and shows the answers to check
 * (nothing saved); "Save" writes the record and "meeting held" in one transaction
 * (lib/meetings/record/record-meeting.ts); "Go back and change" returns to the form with the answers.
 */
import { redirect } from "next/navigation";
import { runAction, type ActionState } from "../../../../_server/action";
import { AlreadyDoneError } from "@/lib/cases/transition/apply-transition";
import { checkMeetingRecord, recordMeeting } from "@/lib/meetings/record/record-meeting";
import { meetingRecordFromForm } from "@/lib/meetings/record/meeting-record-schema";

const recordUrl = (caseId: string, flag: "done" | "already") => `/cases/${encodeURIComponent(caseId)}/meeting/record?${flag}=1`;

export async function recordMeetingAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "case:transition",
    run: async (v, { user, ip }) => {
      const input = meetingRecordFromForm(v);
      if (v.step === "edit") return { status: "idle" as const };
      if (v.step !== "confirm") {
        await checkMeetingRecord(user, input).catch((e: unknown) => {
          // Issue 9 item 15: checked again after it was saved (Back, then Continue): show the record.
          if (e instanceof AlreadyDoneError) redirect(recordUrl(e.caseId, "already"));
          throw e;
        });
        return { status: "success" as const, data: { confirm: true } };
      }
      const r = await recordMeeting(user, input, ip);
      redirect(recordUrl(r.caseId, r.alreadyDone ? "already" : "done"));
    },
  });
}
