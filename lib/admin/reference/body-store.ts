/**
 * What the local-authority and ICB commands share (issue 13, decision 0029): the table of each
 * kind, its audit names, the scoped "find it or 404" lookup (lib/auth/scope.ts
 * referenceDataScope) and the unique-code check. The two tables have the same columns, so one
 * set of commands serves both.
 */
import "server-only";
import { db, type Prisma, type Tx } from "@/lib/platform/db";
import { referenceDataScope } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import type { AuditAction, AuditInput } from "@/lib/platform/audit";
import { fieldError } from "@/lib/platform/validation";
import { BODY_WORDS, type BodyKind, type BodyValues } from "./body-schema";

type Client = Pick<Tx, "localAuthority" | "healthBody">;

/** The columns both tables have (the where/select/data shapes of LocalAuthority fit HealthBody's). */
export type BodyDelegate = {
  findFirst(args: { where: Prisma.LocalAuthorityWhereInput; select: Prisma.LocalAuthoritySelect }): Promise<Record<string, unknown> | null>;
  findMany(args: { where: Prisma.LocalAuthorityWhereInput; select: Prisma.LocalAuthoritySelect; orderBy: Prisma.LocalAuthorityOrderByWithRelationInput[]; skip?: number; take?: number }): Promise<Record<string, unknown>[]>;
  count(args: { where: Prisma.LocalAuthorityWhereInput; take?: number }): Promise<number>;
  create(args: { data: BodyValues; select: { id: true } }): Promise<{ id: string }>;
  updateMany(args: { where: Prisma.LocalAuthorityWhereInput; data: Partial<BodyValues> & { active?: boolean; version?: { increment: number } } }): Promise<{ count: number }>;
};

export function bodyTable(kind: BodyKind, client: Client = db()): BodyDelegate {
  return (kind === "localAuthority" ? client.localAuthority : client.healthBody) as unknown as BodyDelegate;
}

export const BODY_AUDIT: Record<BodyKind, { entityType: AuditInput["entityType"]; added: AuditAction; updated: AuditAction; deactivated: AuditAction; reactivated: AuditAction }> = {
  localAuthority: { entityType: "LocalAuthority", added: "local_authority.added", updated: "local_authority.updated", deactivated: "local_authority.deactivated", reactivated: "local_authority.reactivated" },
  healthBody: { entityType: "HealthBody", added: "health_body.added", updated: "health_body.updated", deactivated: "health_body.deactivated", reactivated: "health_body.reactivated" },
};

export type BodyRow = { id: string; code: string; name: string; noticeEmail: string | null; active: boolean; version: number; cases: number };

export const BODY_SELECT = { id: true, code: true, name: true, noticeEmail: true, active: true, version: true, _count: { select: { cases: true } } } as const;

export function toBodyRow(r: Record<string, unknown>): BodyRow {
  const count = r._count as { cases: number };
  return { id: r.id as string, code: r.code as string, name: r.name as string, noticeEmail: (r.noticeEmail as string | null) ?? null, active: r.active as boolean, version: r.version as number, cases: count.cases };
}

/** The body `id` of `kind` if the user keeps reference data; NotFoundError (→ 404) otherwise. */
export async function findBodyOrThrow(user: SessionUser, kind: BodyKind, id: string, client: Client = db()): Promise<BodyRow> {
  const row = await bodyTable(kind, client).findFirst({ where: { AND: [{ id: typeof id === "string" ? id.slice(0, 200) : "" }, referenceDataScope(user)] }, select: BODY_SELECT });
  if (!row) throw new NotFoundError(kind);
  return toBodyRow(row);
}

/** The message when the code is taken (checked without regard to case, since codes are stored upper-case). */
export function codeTakenMessage(kind: BodyKind, code: string, takenBy: string): string {
  return `The code ${code} is already used by ${takenBy}. Each ${BODY_WORDS[kind].one} needs its own code.`;
}

/** A code must be unique to its kind (deactivated bodies keep theirs). Throws a field error on `code`. */
export async function assertCodeFree(client: Client, kind: BodyKind, code: string, exceptId: string | null): Promise<void> {
  const taken = await bodyTable(kind, client).findFirst({
    where: { code: { equals: code, mode: "insensitive" }, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { name: true },
  });
  if (taken) fieldError("code", codeTakenMessage(kind, code, taken.name as string), "CODE_TAKEN");
}

/**
 * A body as its audit row keeps it: an organisation's name, code and notices address are not a
 * person's, so they are kept (as `bodyName`: the audit trail redacts `name`, which elsewhere is a
 * person's).
 */
export function bodyAuditValues(v: { code: string; name: string; noticeEmail: string | null; active?: boolean; version?: number }): Prisma.InputJsonObject {
  return {
    code: v.code,
    bodyName: v.name,
    noticeEmail: v.noticeEmail,
    ...(v.active === undefined ? {} : { active: v.active }),
    ...(v.version === undefined ? {} : { version: v.version }),
  };
}

/**
 * Prisma's unique-constraint error (two admins saving the same code at once) as the field error
 * the check would have given; anything else is rethrown.
 */
export function codeRaceError(e: unknown, kind: BodyKind, code: string): never {
  if (typeof e !== "object" || e === null || (e as { code?: unknown }).code !== "P2002") throw e;
  fieldError("code", codeTakenMessage(kind, code, `another ${BODY_WORDS[kind].one}`), "CODE_TAKEN");
}
