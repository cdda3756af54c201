/** One failed job, for the "run it again?" confirmation (/admin/jobs/retry). NotFoundError when it is not (or no longer) failed. */
import "server-only";
import { z } from "zod";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { QUEUE_NAMES } from "@/lib/platform/jobs/queues";
import { FAILED_JOB_COLUMNS, JOB_TABLE, toFailedJob, type FailedJob, type FailedJobRow } from "./failed-job-row";

export const failedJobRefSchema = z.object({ queue: z.enum(QUEUE_NAMES), id: z.uuid() });

export async function getFailedJob(user: SessionUser, ref: unknown): Promise<FailedJob> {
  authorize(user, "admin:access");
  const r = failedJobRefSchema.safeParse(ref);
  if (!r.success) throw new NotFoundError();
  const rows = await db().$queryRawUnsafe<FailedJobRow[]>(
    `SELECT ${FAILED_JOB_COLUMNS} FROM ${JOB_TABLE} WHERE name = $1 AND id = $2::uuid AND state = 'failed'`,
    r.data.queue,
    r.data.id,
  );
  if (!rows[0]) throw new NotFoundError();
  return toFailedJob(rows[0]);
}
