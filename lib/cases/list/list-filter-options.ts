/**
 * The choices of the case list's filters: the local authorities and mediators this user may
 * filter by (an LA officer: only their own LA; the list of mediators only for the mediation
 * service's office, `mediator:list`: never an LA officer's or a mediator's page, issue 9 item 11).
 */
import "server-only";
import { Prisma, readRows } from "@/lib/platform/db";
import { authorize, can } from "@/lib/auth/policy";
import { localAuthorityScopeSql } from "@/lib/auth/scope";
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
  // Issue 14 (decision 0033): both lists in one hand-written statement (they were two), the LAs
  // through localAuthorityScopeSql (the SQL twin of localAuthorityScope), in the same orders.
  const mediatorsSql = canFilterByMediator
    ? Prisma.sql`COALESCE((SELECT json_agg(json_build_object('id', u."id", 'name', u."name") ORDER BY u."name", u."id")
                  FROM "User" u WHERE u."role" = 'MEDIATOR' AND u."active"), '[]'::json)`
    : Prisma.sql`'[]'::json`;
  // Through the pool (readRows, decision 0040): two json columns.
  const [{ localAuthorities, mediators }] = (await readRows<Pick<CaseListFilterOptions, "localAuthorities" | "mediators">>(Prisma.sql`
    SELECT COALESCE((SELECT json_agg(json_build_object('id', la."id", 'name', la."name") ORDER BY la."name")
                     FROM "LocalAuthority" la WHERE ${localAuthorityScopeSql(user)}), '[]'::json) AS "localAuthorities",
           ${mediatorsSql} AS "mediators"`)) as [Pick<CaseListFilterOptions, "localAuthorities" | "mediators">];
  return { localAuthorities, mediators, canFilterByLocalAuthority, canFilterByMediator };
}
