"use server";
/** Failed jobs (/admin/jobs): running one again, through lib/admin/jobs/retry-failed-job. */
import { redirect } from "next/navigation";
import { runAction, type ActionState } from "../../_server/action";
import { retryFailedJob } from "@/lib/admin/jobs/retry-failed-job";

export async function retryJobAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "admin:access",
    run: async (v, { user, ip }) => {
      const r = await retryFailedJob(user, { queue: v.queue, id: v.id }, ip);
      redirect(`/admin/jobs?done=${r.retried ? "retried" : "already"}`);
    },
  });
}
