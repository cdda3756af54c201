/**
 * Retention (issue 13, decision 0028): how long a closed case is kept before the purge anonymises
 * it, and which cases are due. One definition, read by the daily scan, the purge job (again, inside
 * its transaction) and the admins' dry run, so the dry run lists exactly what the job would purge.
 *
 * A case is due when all of these hold:
 *  - it is closed (TERMINAL_STATUSES) and not yet purged;
 *  - it closed at least RETENTION_YEARS_AFTER_CLOSURE years ago (the London date of the latest
 *    timeline entry that moved it to its current status; the case's last change when there is none);
 *  - when the child's date of birth is recorded, the child has turned YOUNG_PERSON_MAX_AGE (25): an
 *    EHC plan can run until then, so the records are kept at least that long (whichever is later);
 *  - it is not on hold: no legal hold placed by an admin, and no recorded appeal (appealLodgedOn)
 *    that an admin has not marked as ended.
 */
import "server-only";
import { Prisma, type Tx } from "@/lib/platform/db";
import { addCalendarMonths, todayInLondon } from "@/lib/deadlines";
import { TERMINAL_STATUSES } from "@/lib/cases/lifecycle/vocabulary";
import { YOUNG_PERSON_MAX_AGE } from "@/lib/cases/fields";

/** Years a closed case is kept before it is anonymised (overridden by RETENTION_YEARS_AFTER_CLOSURE). */
export const DEFAULT_RETENTION_YEARS_AFTER_CLOSURE = 6;
/** The environment variable that overrides it (a whole number of years, 1 to 100). */
export const RETENTION_YEARS_ENV = "RETENTION_YEARS_AFTER_CLOSURE";
/** Records about a child are kept at least until the child turns this age (an EHC plan can run until 25). */
export const RETENTION_CHILD_AGE = YOUNG_PERSON_MAX_AGE;

/** The retention period in years: the environment's, when it is a sensible whole number, else the default. */
export function retentionYears(env: Record<string, string | undefined> = process.env): number {
  const raw = env[RETENTION_YEARS_ENV]?.trim();
  if (!raw) return DEFAULT_RETENTION_YEARS_AFTER_CLOSURE;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new Error(`${RETENTION_YEARS_ENV} must be a whole number of years from 1 to 100 (it is "${raw}").`);
  return n;
}

/** The two cut-off dates for a day: closed on or before `closedBy`, child born on or before `bornBy`. */
export function retentionCutoffs(today: string, years = retentionYears()): { closedBy: string; bornBy: string } {
  return { closedBy: addCalendarMonths(today, -12 * years), bornBy: addCalendarMonths(today, -12 * RETENTION_CHILD_AGE) };
}

const terminal = Prisma.join(TERMINAL_STATUSES.map((s) => Prisma.sql`${s}`));

/** The London date a case closed on (as an SQL expression over `c`): see the header. */
const closedOn = Prisma.sql`(SELECT (COALESCE(max(e."at"), c."updatedAt") AT TIME ZONE 'Europe/London')::date FROM "CaseEvent" e WHERE e."caseId" = c."id" AND e."data"->>'to' = c."status"::text)`;

/** True for a case on hold (manual legal hold, or a recorded appeal not marked as ended). */
export const onHoldSql = Prisma.sql`(c."legalHoldAt" IS NOT NULL OR (c."appealLodgedOn" IS NOT NULL AND c."appealHoldReleasedAt" IS NULL))`;

/** Closed, not purged, and past retention (hold not considered). */
function pastRetentionSql(today: string, years?: number): Prisma.Sql {
  const { closedBy, bornBy } = retentionCutoffs(today, years);
  return Prisma.sql`c."status"::text IN (${terminal}) AND c."purgedAt" IS NULL
    AND ${closedOn} <= ${closedBy}::date
    AND NOT EXISTS (SELECT 1 FROM "Child" ch WHERE ch."caseId" = c."id" AND ch."dateOfBirth" IS NOT NULL AND ch."dateOfBirth" > ${bornBy}::date)`;
}

export type RetentionCase = {
  id: string;
  reference: string;
  status: string;
  localAuthorityName: string;
  closedOn: string;
  onHold: boolean;
  legalHoldReason: string | null;
  appealLodgedOn: string | null;
};

type Row = { id: string; reference: string; status: string; la: string; closed_on: Date; on_hold: boolean; legal_hold_reason: string | null; appeal_lodged_on: Date | null };

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The cases past retention on `now`'s London day: those due for the purge (onHold false) and, with
 * `includeHeld`, those a hold keeps. Oldest closure first.
 */
export async function casesPastRetention(client: Pick<Tx, "$queryRaw">, opts: { now?: Date; includeHeld?: boolean; limit?: number; caseId?: string } = {}): Promise<RetentionCase[]> {
  const today = todayInLondon(opts.now ?? new Date());
  const rows = await client.$queryRaw<Row[]>`
    SELECT c."id", c."reference", c."status"::text AS status, la."name" AS la, ${closedOn} AS closed_on,
      ${onHoldSql} AS on_hold, c."legalHoldReason" AS legal_hold_reason, c."appealLodgedOn" AS appeal_lodged_on
    FROM "Case" c JOIN "LocalAuthority" la ON la."id" = c."localAuthorityId"
    WHERE ${pastRetentionSql(today)}
      ${opts.includeHeld ? Prisma.empty : Prisma.sql`AND NOT ${onHoldSql}`}
      ${opts.caseId ? Prisma.sql`AND c."id" = ${opts.caseId}` : Prisma.empty}
    ORDER BY closed_on, c."reference"
    ${opts.limit ? Prisma.sql`LIMIT ${opts.limit}` : Prisma.empty}`;
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    status: r.status,
    localAuthorityName: r.la,
    closedOn: iso(r.closed_on),
    onHold: r.on_hold,
    legalHoldReason: r.legal_hold_reason,
    appealLodgedOn: r.appeal_lodged_on ? iso(r.appeal_lodged_on) : null,
  }));
}

/** Whether one case is due for the purge now (read inside the purge's transaction, after locking the case). */
export async function isDueForPurge(tx: Tx, caseId: string, now: Date = new Date()): Promise<boolean> {
  return (await casesPastRetention(tx, { now, caseId })).length > 0;
}
