/**
 * Which LAs a report counts (issue 13): those of reportLocalAuthorityScope (lib/auth/scope.ts) —
 * every LA for the office, their own for an LA officer — narrowed to the one asked for. An LA the
 * user may not report on is not found (404), the same as one that does not exist.
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { reportLocalAuthorityScope } from "@/lib/auth/scope";
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
  const where = reportLocalAuthorityScope(user);
  const localAuthorities = await db().localAuthority.findMany({ where, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
  const canChoose = user.role !== "LA_OFFICER";
  if (la) {
    const chosen = localAuthorities.find((l) => l.id === la);
    if (!chosen) throw new NotFoundError("local authority");
    return { localAuthorities, canChoose, chosen, laIds: [chosen.id], everyLocalAuthority: false };
  }
  // A scope with no condition at all is every LA (the office's): the counts then need no LA condition.
  const everyLocalAuthority = Object.keys(where).length === 0;
  return { localAuthorities, canChoose, chosen: canChoose ? null : (localAuthorities[0] ?? null), laIds: localAuthorities.map((l) => l.id), everyLocalAuthority };
}
