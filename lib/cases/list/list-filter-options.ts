/**
 * The choices of the case list's filters: the local authorities and mediators this user may
 * filter by (an LA officer: only their own LA; the list of mediators only for the mediation
 * service's office, `mediator:list`: never an LA officer's or a mediator's page, issue 9 item 11).
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize, can } from "@/lib/auth/policy";
import { localAuthorityScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";


export type CaseListFilterOptions = {
  /** Local authorities the user may see (an LA officer: only their own). */
  localAuthorities: { id: string; name: string }[];
  /** Active mediators: only for admins and caseworkers (`mediator:list`), else none. */
  mediators: { id: string; name: string }[];
  /** Whether choosing a local authority means anything for this user. */
  canFilterByLocalAuthority: boolean;
  canFilterByMediator: boolean;
};

export async function listFilterOptions(user: SessionUser): Promise<CaseListFilterOptions> {
  authorize(user, "case:list");
  const canFilterByLocalAuthority = user.role !== "LA_OFFICER";
  const canFilterByMediator = can(user, "mediator:list");
  const [localAuthorities, mediators] = await Promise.all([
    db().localAuthority.findMany({ where: localAuthorityScope(user), orderBy: { name: "asc" }, select: { id: true, name: true } }),
    canFilterByMediator
      ? db().user.findMany({ where: { role: "MEDIATOR", active: true }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } })
      : Promise.resolve([]),
  ]);
  return { localAuthorities, mediators, canFilterByLocalAuthority, canFilterByMediator };
}
