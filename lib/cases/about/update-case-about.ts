/**
 * A caseworker changes what the disagreement is about: the decisions disputed, whether the
 * child has an EHC plan, the issues (R-03: at least one; add, change, remove) and the ICB of a
 * health case. The rules that tie them together are ./rules (the same as at intake). A health
 * issue added to a mediation case whose LA has been told starts the health-notification deadline
 * if it never ran; removing the last health issue cancels it while it runs. Version-checked,
 * audited, and on the staff timeline.
 */
import "server-only";
import { transaction, type Tx } from "@/lib/platform/db";
import { PRE_MEETING, type CaseStatus } from "../lifecycle";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { DomainError } from "@/lib/platform/errors";
import { parseInput, VALIDATION_MESSAGE } from "@/lib/platform/validation";
import { isoFromDbDate, todayInLondon } from "@/lib/deadlines";
import type { IssueCategoryValue } from "../options";
import { closeDeadlines, openDeadlines, refreshNextDeadline } from "../deadlines/open-close";
import { recordEvent } from "../timeline";
import { bumpVersion, caseCommandSchema, findOpenCaseForUpdate } from "../store";
import { aboutSchema, type AboutInput } from "./about-schema";
import { cleanDecisionAnswers, decisionAnswersProblem, decisionLines, isHealthOnly, issuesProblem } from "./rules";

export type AboutResult = { caseId: string; version: number; healthDeadline: "STARTED" | "CANCELLED" | null };

/**
 * the mediation's clock follows what it is about. Before the meeting, a case that
 * becomes about health only drops the LA's 30 days for the ICB's (from the day the ICB was told,
 * once it has been); one that stops being about health only goes back to the LA's 30 days from the
 * day the LA was told. Returns which clock now applies when it changed.
 */
async function switchMediationClock(
  tx: Tx,
  c: { id: string; kind: string; status: CaseStatus; laNotifiedOn: Date | null; issues: { category: string }[]; deadlines: { name: string; closedOn: Date | null; outcome: string | null }[] },
  categories: string[],
): Promise<"ICB" | "LA" | null> {
  const was = isHealthOnly(c.issues.map((i) => i.category));
  const now = isHealthOnly(categories);
  if (c.kind !== "MEDIATION" || was === now || !PRE_MEETING.includes(c.status)) return null;
  const today = todayInLondon();
  if (now) {
    await closeDeadlines(tx, c.id, ["MEDIATION_30_DAY"], today, "CANCELLED");
    const told = c.deadlines.find((d) => d.name === "HEALTH_NOTIFICATION" && d.closedOn && (d.outcome === "MET" || d.outcome === "MISSED"));
    if (told?.closedOn) await openDeadlines(tx, c.id, ["ICB_MEDIATION_30_DAY"], isoFromDbDate(told.closedOn));
    return "ICB";
  }
  await closeDeadlines(tx, c.id, ["ICB_MEDIATION_30_DAY"], today, "CANCELLED");
  if (c.laNotifiedOn) await openDeadlines(tx, c.id, ["MEDIATION_30_DAY"], isoFromDbDate(c.laNotifiedOn));
  return "LA";
}

export async function updateCaseAbout(user: SessionUser, caseId: string, expectedVersion: number | string, input: AboutInput, ip: string | null = null): Promise<AboutResult> {
  const ref = parseInput(caseCommandSchema, { caseId, expectedVersion });
  const v = parseInput(aboutSchema, input);
  authorize(user, "case:update", { hide: false });
  return transaction(async (tx) => {
    const c = await findOpenCaseForUpdate(tx, user, ref.caseId, ref.expectedVersion, {
      kind: true,
      laNotifiedOn: true,
      disputedDecisions: true,
      decisionUnknown: true,
      healthBodyId: true,
      child: { select: { hasEhcPlan: true } },
      issues: { select: { id: true, category: true, description: true } },
      deadlines: { select: { name: true, closedOn: true, outcome: true } },
    });
    if (c.kind === "DRS") throw new DomainError("A disagreement resolution case has no decision under appeal: change what it is about under “Change case details”.", "NOT_APPLICABLE");

    const errors: Record<string, string> = {};
    // The issues as they will be: kept (possibly changed) and new; a removed one is gone.
    const known = new Map(c.issues.map((i) => [i.id, i]));
    const rows = v.issues.map((row, index) => ({ ...row, index }));
    for (const row of rows) {
      if (row.id !== "" && !known.has(row.id)) errors[`issues.${row.index}.category`] = "This issue is no longer on the case. Reload the page.";
      if (!row.remove && row.description === "") errors[`issues.${row.index}.description`] = "Describe the issue";
    }
    const kept = rows.filter((r) => !r.remove);
    // every case has at least one issue.
    if (kept.length === 0) errors.issues = "A case must have at least one issue: keep one, or add another before removing the last";
    const plan = v.hasEhcPlan === "yes" ? true : v.hasEhcPlan === "no" ? false : null;
    const about =
      decisionAnswersProblem(v.disputedDecisions, plan, { allowNone: c.kind === "MEDIATION" }) ??
      issuesProblem(
        v.disputedDecisions,
        kept.map((r) => r.category),
      );
    if (about) errors[about.field] = about.message;
    const hasHealth = kept.some((r) => r.category === "HEALTH");
    if (v.healthBodyId !== "") {
      if (!hasHealth) errors.healthBodyId = "Only a case with a health issue has an integrated care board: remove it, or add the health issue";
      // Issue 13: a deactivated ICB may stay on its case, but cannot be newly chosen.
      else if (!(await tx.healthBody.findFirst({ where: { id: v.healthBodyId, OR: [{ active: true }, ...(c.healthBodyId ? [{ id: c.healthBodyId }] : [])] }, select: { id: true } }))) {
        errors.healthBodyId = "Choose the integrated care board from the list";
      }
    }
    if (Object.keys(errors).length > 0) throw new DomainError(VALIDATION_MESSAGE, "VALIDATION", errors);

    const decisions = cleanDecisionAnswers(v.disputedDecisions);
    const version = await bumpVersion(tx, c.id, ref.expectedVersion, { ...decisions, healthBodyId: hasHealth && v.healthBodyId !== "" ? v.healthBodyId : null });
    if (c.child) await tx.child.update({ where: { caseId: c.id }, data: { hasEhcPlan: plan } });
    for (const r of rows) {
      if (r.id === "") {
        if (!r.remove) await tx.caseIssue.create({ data: { caseId: c.id, category: r.category as IssueCategoryValue, description: r.description } });
      } else if (r.remove) await tx.caseIssue.delete({ where: { id: r.id } });
      else {
        const was = known.get(r.id)!;
        if (was.category !== r.category || was.description !== r.description) {
          await tx.caseIssue.update({ where: { id: r.id }, data: { category: r.category as IssueCategoryValue, description: r.description } });
        }
      }
    }

    // the LA must tell the health body within 3 working days of being told — once a health
    // issue is known. Started from the day the LA was told if it never ran; cancelled if no health
    // issue is left while it runs.
    let healthDeadline: AboutResult["healthDeadline"] = null;
    const health = c.deadlines.filter((d) => d.name === "HEALTH_NOTIFICATION");
    const healthRunning = health.some((d) => d.closedOn === null);
    if (c.kind === "MEDIATION" && hasHealth && health.length === 0 && c.laNotifiedOn) {
      await openDeadlines(tx, c.id, ["HEALTH_NOTIFICATION"], isoFromDbDate(c.laNotifiedOn));
      healthDeadline = "STARTED";
    } else if (!hasHealth && healthRunning) {
      await closeDeadlines(tx, c.id, ["HEALTH_NOTIFICATION"], todayInLondon(), "CANCELLED");
      healthDeadline = "CANCELLED";
    }
    const clock = await switchMediationClock(tx, c, kept.map((r) => r.category));
    if (healthDeadline || clock) await refreshNextDeadline(tx, c.id);

    const before = {
      version: ref.expectedVersion,
      decisions: decisionLines(c),
      hasEhcPlan: c.child?.hasEhcPlan ?? null,
      issues: c.issues.map((i) => i.category),
      healthBodyId: c.healthBodyId,
    };
    const after = {
      version,
      decisions: decisionLines(decisions),
      hasEhcPlan: plan,
      issues: kept.map((r) => r.category),
      healthBodyId: hasHealth && v.healthBodyId !== "" ? v.healthBodyId : null,
      ...(healthDeadline ? { healthNotificationDeadline: healthDeadline } : {}),
      ...(clock ? { mediationClock: clock } : {}),
    };
    await recordEvent(tx, {
      caseId: c.id,
      actorId: user.id,
      type: "ABOUT_CHANGED",
      summary:
        "What the disagreement is about was changed" +
        (healthDeadline === "STARTED" ? ": a health issue was added, so the LA must tell the health commissioning body (R-21)" : "") +
        (healthDeadline === "CANCELLED" ? ": no health issue is left, so the health commissioning body need not be told (R-21)" : "") +
        (clock === "ICB" ? ". It is now about health only, so the integrated care board arranges the mediation, within 30 days of being told (R-21)" : "") +
        (clock === "LA" ? ". It is no longer about health only, so the local authority's 30 days apply (R-20)" : ""),
      rule: healthDeadline || clock ? "R-21" : "R-02",
      visibility: "STAFF",
      data: { after },
    });
    await writeAudit(tx, { actor: user, action: "case.about_updated", entityType: "Case", entityId: c.id, caseId: c.id, before, after, ip });
    return { caseId: c.id, version, healthDeadline };
  });
}
