/** The failed-jobs page (/admin/jobs, ADMIN only): failed jobs, the latest first, a page at a time. */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { FAILED_JOB_COLUMNS, JOB_TABLE, toFailedJob, type FailedJob, type FailedJobRow } from "./failed-job-row";

export const FAILED_JOBS_PER_PAGE = 25;

export async function listFailedJobs(user: SessionUser, page = 1): Promise<{ items: FailedJob[]; total: number; page: number; perPage: number }> {
  authorize(user, "admin:access");
  const perPage = FAILED_JOBS_PER_PAGE;
  const p = Number.isInteger(page) && page >= 1 ? page : 1;
  const [rows, count] = await Promise.all([
    db().$queryRawUnsafe<FailedJobRow[]>(
      `SELECT ${FAILED_JOB_COLUMNS} FROM ${JOB_TABLE} WHERE state = 'failed' ORDER BY completed_on DESC NULLS LAST, id LIMIT $1 OFFSET $2`,
      perPage,
      (p - 1) * perPage,
    ),
    db().$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${JOB_TABLE} WHERE state = 'failed'`),
  ]);
  return { items: rows.map(toFailedJob), total: count[0]?.n ?? 0, page: p, perPage };
}
