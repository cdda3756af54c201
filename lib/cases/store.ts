/**
 * What every case command and query shares: the scoped "find this case or 404" lookup (the only
 * way lib/cases reads a case by id), the lifecycle snapshot select, and the optimistic-concurrency
 * version bump. Everything outside the user's scope (lib/auth/scope) is simply not found.
 */
import "server-only";
import { z } from "zod";
import { db, type Prisma, type Tx } from "@/lib/platform/db";
import { caseScope } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { ConflictError, DomainError } from "@/lib/platform/errors";
import { isoFromDbDate } from "@/lib/deadlines";
import { isDeadlineName, isTerminalStatus, type CaseSnapshot, type CaseStatus, type DeadlineName } from "./lifecycle/vocabulary";
import { STATUS_LABELS } from "./lifecycle/wording";
import { isHealthOnly } from "./about/rules";

type Client = Pick<Tx, "case">;

/**
 * The case `caseId` if it is in the user's scope, with `select`; NotFoundError (→ 404) otherwise.
 * Pass the transaction when inside one.
 */
export async function findCaseOrThrow<S extends Prisma.CaseSelect>(user: SessionUser, caseId: string, select: S, client: Client = db()): Promise<Prisma.CaseGetPayload<{ select: S }>> {
  const row = await client.case.findFirst({ where: { AND: [{ id: caseId }, caseScope(user)] }, select });
  if (!row) throw new NotFoundError("case");
  return row as Prisma.CaseGetPayload<{ select: S }>;
}

// ---------------------------------------------------------------------------------------------
// The lifecycle snapshot
// ---------------------------------------------------------------------------------------------

export const SNAPSHOT_SELECT = {
  id: true,
  kind: true,
  familyParty: true,
  status: true,
  version: true,
  allocatedMediatorId: true,
  decisionSentOn: true,
  laNotifiedOn: true,
  meetingOn: true,
  heldOn: true,
  agreement: true,
  disputedDecisions: true,
  decisionUnknown: true,
  statusBeforeClose: true,
  appealLodgedOn: true,
  appealReference: true,
  issues: { select: { category: true } },
  parties: { select: { id: true, name: true, kind: true, consent: true, consentOn: true }, orderBy: { createdAt: "asc" } },
  deadlines: { where: { closedOn: null }, select: { name: true, triggerOn: true, dueOn: true } },
  // was the "could not be arranged" certificate already issued (met, on time or late)?
  // Issue 11: the agreed actions still open — the case closes only when there are none.
  _count: { select: { deadlines: { where: { name: "CERTIFICATE_NOT_ARRANGED", outcome: { in: ["MET", "MISSED"] } } }, obligations: { where: { status: "OPEN" } } } },
} satisfies Prisma.CaseSelect;

/** The case as the lifecycle sees it, with its recorded dates (so a transition's dates are checked against them). */
export function toSnapshot(row: Prisma.CaseGetPayload<{ select: typeof SNAPSHOT_SELECT }>): CaseSnapshot {
  const open = row.deadlines.filter((d): d is typeof d & { name: DeadlineName } => isDeadlineName(d.name));
  return {
    id: row.id,
    kind: row.kind,
    familyParty: row.familyParty,
    status: row.status,
    allocatedMediatorId: row.allocatedMediatorId,
    agreement: row.agreement,
    hasHealthIssue: row.issues.some((i) => i.category === "HEALTH"),
    healthOnly: isHealthOnly(row.issues.map((i) => i.category)),
    decisionUnknown: row.kind !== "DRS" && row.decisionUnknown,
    notArrangedCertificateIssued: row._count.deadlines > 0,
    openObligations: row._count.obligations,
    statusBeforeClose: row.statusBeforeClose,
    parties: row.parties.map((p) => ({ id: p.id, name: p.name, kind: p.kind, consent: p.consent, consentOn: toIso(p.consentOn) })),
    openDeadlines: open.map((d) => d.name),
    dates: {
      decisionSentOn: toIso(row.decisionSentOn),
      laNotifiedOn: toIso(row.laNotifiedOn),
      meetingOn: toIso(row.meetingOn),
      heldOn: toIso(row.heldOn),
      appealLodgedOn: toIso(row.appealLodgedOn),
      openDeadlineDates: Object.fromEntries(open.map((d) => [d.name, { triggerOn: isoFromDbDate(d.triggerOn), dueOn: isoFromDbDate(d.dueOn) }])),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Commands: the envelope, the version check, the open-case check
// ---------------------------------------------------------------------------------------------

export const CONFLICT_MESSAGE = "Someone else changed this case while you were working on it. Check the case as it is now, then try again.";
const OUT_OF_DATE = "The page is out of date. Reload it and try again.";

export const caseIdSchema = z.string({ error: "The case is missing." }).trim().min(1, "The case is missing.").max(200, "The case is not recognised.");
export const versionSchema = z.coerce.number({ error: OUT_OF_DATE }).int(OUT_OF_DATE).positive(OUT_OF_DATE);

/** Every command on an existing case names it and the version the user saw. */
export const caseCommandSchema = z.object({ caseId: caseIdSchema, expectedVersion: versionSchema });

/** Statuses in which nothing about the case can be changed any more. */
export function assertCaseOpen(status: CaseStatus): void {
  if (isTerminalStatus(status)) {
    throw new DomainError(`This case is ${STATUS_LABELS[status].toLowerCase()}, so it cannot be changed.`, "CASE_CLOSED");
  }
}

const UPDATE_SELECT = { id: true, status: true, version: true } satisfies Prisma.CaseSelect;

/** The case in scope, still at `expectedVersion` (else ConflictError) and still open; `select` adds what the command reads. */
export async function findOpenCaseForUpdate<S extends Prisma.CaseSelect = typeof UPDATE_SELECT>(
  tx: Tx,
  user: SessionUser,
  caseId: string,
  expectedVersion: number,
  select?: S,
): Promise<Prisma.CaseGetPayload<{ select: S & typeof UPDATE_SELECT }>> {
  const row = await findCaseOrThrow(user, caseId, { ...select, ...UPDATE_SELECT }, tx);
  const { version, status } = row as unknown as { version: number; status: CaseStatus };
  if (version !== expectedVersion) throw new ConflictError(CONFLICT_MESSAGE, { currentVersion: version });
  assertCaseOpen(status);
  return row as unknown as Prisma.CaseGetPayload<{ select: S & typeof UPDATE_SELECT }>;
}

/**
 * The optimistic-concurrency write: only succeeds if the case still has `expectedVersion`, and
 * increments it. Zero rows → someone else saved first.
 */
export async function bumpVersion(tx: Tx, caseId: string, expectedVersion: number, data: Prisma.CaseUncheckedUpdateManyInput = {}): Promise<number> {
  const r = await tx.case.updateMany({ where: { id: caseId, version: expectedVersion }, data: { ...data, version: { increment: 1 } } });
  if (r.count === 0) throw new ConflictError(CONFLICT_MESSAGE);
  return expectedVersion + 1;
}

/** A database date column as an ISO date, or null. */
export function toIso(d: Date | null | undefined): string | null {
  return d ? isoFromDbDate(d) : null;
}
