/**
 * Which LAs a report counts (issue 13): those of reportLocalAuthorityScope (lib/auth/scope.ts) —
 * every LA for the office, their own for an LA officer — narrowed to the one asked for. An LA the
 * user may not report on is not found (404), the same as one that does not exist.
 */
import "server-only";
import { db, Prisma } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { localAuthorityScopeSql, reportLocalAuthorityScope } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";

export type ReportLocalAuthority = { id: string; name: string };
export type ReportScope = {
  /** The LAs the user may choose from (an LA officer: their own). */
  localAuthorities: ReportLocalAuthority[];
  /** Whether the page offers "All local authorities" and a choice (the office). */
  canChoose: boolean;
  /** The LA chosen, if one was. */
  chosen: ReportLocalAuthority | null;
  /** The LAs counted. */
  laIds: string[];
  /** Every LA is counted: the user's report scope is every LA and none was chosen (decision 0039). */
  everyLocalAuthority: boolean;
};

export async function resolveReportScope(user: SessionUser, la: string | null): Promise<ReportScope> {
  authorize(user, "report:read");
  // With report:read, reportLocalAuthorityScope is localAuthorityScope: read through its SQL twin
  // (a hand-written statement costs the page a fraction of a Prisma findMany, decision 0039).
  const localAuthorities = await db().$queryRaw<ReportLocalAuthority[]>(
    Prisma.sql`SELECT la."id", la."name" FROM "LocalAuthority" la WHERE ${localAuthorityScopeSql(user)} ORDER BY la."name", la."id"`,
  );
  const canChoose = user.role !== "LA_OFFICER";
  if (la) {
    const chosen = localAuthorities.find((l) => l.id === la);
    if (!chosen) throw new NotFoundError("local authority");
    return { localAuthorities, canChoose, chosen, laIds: [chosen.id], everyLocalAuthority: false };
  }
  // A scope with no condition at all is every LA (the office's): the counts then need no LA condition.
  const everyLocalAuthority = Object.keys(reportLocalAuthorityScope(user)).length === 0;
  return { localAuthorities, canChoose, chosen: canChoose ? null : (localAuthorities[0] ?? null), laIds: localAuthorities.map((l) => l.id), everyLocalAuthority };
}
