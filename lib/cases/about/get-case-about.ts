/**
 * For /cases/[id]/about (caseworkers and admins): what the disagreement is about, as the form
 * shows it, and the integrated care boards to choose from.
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { isTerminalStatus } from "../lifecycle";
import { findCaseOrThrow } from "../store";
import { decisionAnswers } from "./rules";

export async function getCaseAbout(user: SessionUser, id: string) {
  authorize(user, "case:update");
  const c = await findCaseOrThrow(user, id, {
    id: true,
    reference: true,
    kind: true,
    status: true,
    version: true,
    disputedDecisions: true,
    decisionUnknown: true,
    healthBodyId: true,
    child: { select: { hasEhcPlan: true } },
    issues: { select: { id: true, category: true, description: true }, orderBy: { id: "asc" } },
  });
  // Issue 13: the ICBs in use, and the case's own even if an admin has since deactivated it.
  const healthBodies = await db().healthBody.findMany({ where: { OR: [{ active: true }, ...(c.healthBodyId ? [{ id: c.healthBodyId }] : [])] }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  const plan = c.child?.hasEhcPlan;
  return {
    id: c.id,
    reference: c.reference,
    kind: c.kind,
    version: c.version,
    open: !isTerminalStatus(c.status),
    healthBodies,
    values: {
      disputedDecisions: decisionAnswers(c),
      hasEhcPlan: plan === true ? "yes" : plan === false ? "no" : "not-known",
      healthBodyId: c.healthBodyId ?? "",
      issues: c.issues.map((i) => ({ id: i.id, category: i.category as string, description: i.description, remove: false })),
    },
  };
}
