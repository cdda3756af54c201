/**
 * /admin/audit (issue 13, `audit:read`: admins): the audit trail, newest first, filtered by case
 * reference, user email, action and Europe/London dates, a page at a time. The CSV export
 * (./export-audit-csv.ts) reads the same rows through `resolveAuditFilter` and `auditRows`.
 */
import "server-only";
import { db, type Prisma } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { londonInstant } from "@/lib/meetings/london-time";
import { addCalendarDays } from "@/lib/deadlines/calendar";
import { auditActionText } from "./action-text";
import { AUDIT_PAGE_SIZE, parseAuditParams, type AuditFilterErrors, type AuditFilterParams, type RawAuditParams } from "./audit-filter";

export type AuditRow = {
  id: string;
  at: Date;
  actor: { id: string; name: string; email: string } | null;
  action: string;
  actionText: string;
  entityType: string;
  entityId: string;
  /** The case the row is about; `reference` null when the case no longer exists (deleted demo data). */
  case: { id: string; reference: string | null } | null;
  before: Prisma.JsonValue | null;
  after: Prisma.JsonValue | null;
  ip: string | null;
};

/** The filters turned into ids: `unknownCase` / `unknownUser` when a reference or email matches nothing. */
export type ResolvedAuditFilter = {
  params: AuditFilterParams;
  errors: AuditFilterErrors;
  caseId: string | null;
  actorId: string | null;
  unknownCase: boolean;
  unknownUser: boolean;
  where: Prisma.AuditEventWhereInput | null;
};

export async function resolveAuditFilter(user: SessionUser, raw: RawAuditParams): Promise<ResolvedAuditFilter> {
  authorize(user, "audit:read");
  const { params, errors } = parseAuditParams(raw);
  const [c, actor] = await Promise.all([
    params.case ? db().case.findFirst({ where: { reference: { equals: params.case, mode: "insensitive" } }, select: { id: true } }) : null,
    params.user ? db().user.findFirst({ where: { email: { equals: params.user, mode: "insensitive" } }, select: { id: true } }) : null,
  ]);
  const unknownCase = !!params.case && !c;
  const unknownUser = !!params.user && !actor;
  const usable = Object.keys(errors).length === 0 && !unknownCase && !unknownUser;
  if (!usable) return { params, errors, caseId: c?.id ?? null, actorId: actor?.id ?? null, unknownCase, unknownUser, where: null };
  // Europe/London days, both included: from the start of `from` to the start of the day after `to`.
  const at: Prisma.DateTimeFilter = {};
  if (params.from) at.gte = londonInstant(params.from, 0);
  if (params.to) at.lt = londonInstant(addCalendarDays(params.to, 1), 0);
  const where: Prisma.AuditEventWhereInput = {
    ...(c ? { OR: [{ caseId: c.id }, { entityType: "Case", entityId: c.id }] } : {}),
    ...(actor ? { actorId: actor.id } : {}),
    ...(params.action ? { action: params.action } : {}),
    ...(at.gte || at.lt ? { at } : {}),
  };
  return { params, errors, caseId: c?.id ?? null, actorId: actor?.id ?? null, unknownCase, unknownUser, where };
}

const ROW_SELECT = {
  id: true,
  at: true,
  action: true,
  entityType: true,
  entityId: true,
  caseId: true,
  before: true,
  after: true,
  ip: true,
  actor: { select: { id: true, name: true, email: true } },
} as const satisfies Prisma.AuditEventSelect;

export const AUDIT_ORDER = [{ at: "desc" }, { id: "desc" }] as const satisfies Prisma.AuditEventOrderByWithRelationInput[];

/** Rows as the page and the CSV show them, with their case's reference. */
export async function auditRows(where: Prisma.AuditEventWhereInput, page: { skip?: number; take: number; cursor?: { id: string } }): Promise<AuditRow[]> {
  const rows = await db().auditEvent.findMany({
    where,
    orderBy: [...AUDIT_ORDER],
    take: page.take,
    ...(page.cursor ? { cursor: page.cursor, skip: 1 } : { skip: page.skip ?? 0 }),
    select: ROW_SELECT,
  });
  const caseIds = [...new Set(rows.map((r) => r.caseId ?? (r.entityType === "Case" ? r.entityId : null)).filter((x): x is string => !!x))];
  const cases = caseIds.length ? await db().case.findMany({ where: { id: { in: caseIds } }, select: { id: true, reference: true } }) : [];
  const reference = new Map(cases.map((c) => [c.id, c.reference]));
  return rows.map((r) => {
    const caseId = r.caseId ?? (r.entityType === "Case" ? r.entityId : null);
    return {
      id: r.id,
      at: r.at,
      actor: r.actor,
      action: r.action,
      actionText: auditActionText(r.action),
      entityType: r.entityType,
      entityId: r.entityId,
      case: caseId ? { id: caseId, reference: reference.get(caseId) ?? null } : null,
      before: r.before,
      after: r.after,
      ip: r.ip,
    };
  });
}

export type AuditList = ResolvedAuditFilter & { rows: AuditRow[]; total: number; page: number; perPage: number };

export async function listAuditEvents(user: SessionUser, raw: RawAuditParams): Promise<AuditList> {
  const filter = await resolveAuditFilter(user, raw);
  const perPage = AUDIT_PAGE_SIZE;
  if (!filter.where) return { ...filter, rows: [], total: 0, page: 1, perPage };
  const total = await db().auditEvent.count({ where: filter.where });
  const page = Math.min(filter.params.page, Math.max(1, Math.ceil(total / perPage)));
  const rows = total === 0 ? [] : await auditRows(filter.where, { skip: (page - 1) * perPage, take: perPage });
  return { ...filter, rows, total, page, perPage };
}
