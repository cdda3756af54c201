/**
 * A caseworker edits the referral details. Only the fields present in `patch` are considered. If
 * the case changed since `expectedVersion`, a ConflictError carries the winner's values
 * (DetailsConflictData): nothing is silently overwritten. Changing laNotifiedOn while the 30-day
 * clock runs restarts it from the new date (R-20, R-21). The decision-sent and LA-told dates must
 * agree with the dates recorded around them (../date-order: decision sent ≤ LA told ≤ meeting held).
 */
import "server-only";
import { transaction, type Tx } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { ConflictError, DomainError } from "@/lib/platform/errors";
import { fieldError, parseInput } from "@/lib/platform/validation";
import { dbDateFromIso, formatLongDate, isDeadlineInputError, todayInLondon } from "@/lib/deadlines";
import { STATUS_LABELS } from "../lifecycle";
import { correctedDateProblems } from "../date-order";
import { dateOfBirthProblem } from "../fields";
import type { DrsScopeValue } from "../options";
import { dueDateFor } from "../deadlines/definitions";
import { openDeadlines, refreshNextDeadline } from "../deadlines/open-close";
import { recordEvent } from "../timeline";
import { assertCaseOpen, bumpVersion, caseCommandSchema, findCaseOrThrow, toIso } from "../store";
import { CASE_DETAILS_SELECT, DETAIL_FIELD_LABELS, DETAIL_KEYS, detailsPatchSchema, detailsValues, displayDetail, type CaseDetailsValues } from "./details-schema";

/** A change made by someone else, for the "Someone else saved this case first" notice. */
export type OtherChange = { field: string; label: string; value: string };
export type DetailsConflictData = {
  /** Their saved values (form strings) and the version to save against after review. */
  current: CaseDetailsValues;
  version: number;
  changedBy: string | null;
  /** ISO instant of their last change. */
  changedAt: string | null;
  changes: OtherChange[];
};

const SAVED_FIRST = "Someone else saved this case first.";

/**
 * What changed since `sinceVersion`, from the audit trail (every case command writes the new
 * version into the audit row's `after`), with the current (their) values. Runs after the case was
 * found in the user's scope, in the same transaction.
 */
async function detailsConflictData(tx: Tx, caseId: string, sinceVersion: number): Promise<DetailsConflictData> {
  const c = await tx.case.findUnique({ where: { id: caseId }, select: { version: true, status: true, ...CASE_DETAILS_SELECT } });
  if (!c) throw new NotFoundError("case");
  const current = detailsValues(c);
  const rows = await tx.auditEvent.findMany({
    where: { caseId, after: { path: ["version"], gt: sinceVersion } },
    orderBy: { at: "asc" },
    select: { at: true, after: true, actor: { select: { name: true } } },
  });
  const fields = new Set<string>();
  for (const r of rows) {
    if (r.after && typeof r.after === "object" && !Array.isArray(r.after)) for (const k of Object.keys(r.after)) fields.add(k);
  }
  const changes: OtherChange[] = [];
  for (const k of DETAIL_KEYS) if (fields.has(k)) changes.push({ field: k, label: DETAIL_FIELD_LABELS[k], value: displayDetail(k, current[k]) });
  if (fields.has("status")) changes.push({ field: "status", label: "Status", value: STATUS_LABELS[c.status] });
  const last = rows[rows.length - 1];
  return { current, version: c.version, changedBy: last?.actor?.name ?? null, changedAt: last ? last.at.toISOString() : null, changes };
}

export type DetailsResult = { caseId: string; version: number; changed: (keyof CaseDetailsValues)[] };

export async function updateCaseDetails(
  user: SessionUser,
  caseId: string,
  expectedVersion: number | string,
  patch: Partial<CaseDetailsValues>,
  ip: string | null = null,
): Promise<DetailsResult> {
  const today = todayInLondon();
  const ref = parseInput(caseCommandSchema, { caseId, expectedVersion });
  const patchValues = parseInput(detailsPatchSchema(today), patch) as Partial<CaseDetailsValues>;
  authorize(user, "case:update", { hide: false });
  return transaction(async (tx) => {
    const c = await findCaseOrThrow(
      user,
      ref.caseId,
      {
        id: true,
        kind: true,
        status: true,
        version: true,
        familyParty: true,
        meetingOn: true,
        heldOn: true,
        ...CASE_DETAILS_SELECT,
        parties: { select: { id: true, name: true, kind: true, consent: true, consentOn: true } },
        deadlines: { select: { name: true, triggerOn: true, closedOn: true, outcome: true } },
      },
      tx,
    );
    if (c.version !== ref.expectedVersion) throw new ConflictError(SAVED_FIRST, await detailsConflictData(tx, c.id, ref.expectedVersion));
    assertCaseOpen(c.status);
    const before = detailsValues(c);
    // R-70: the DRS scope applies to DRS cases only (the decisions, R-02, are edited in ../about).
    const applicable = DETAIL_KEYS.filter((k) => c.kind === "DRS" || k !== "drsScope");
    const after: CaseDetailsValues = { ...before };
    for (const k of applicable) if (patchValues[k] !== undefined) after[k] = patchValues[k]!;
    const changed = applicable.filter((k) => after[k] !== before[k]);
    if (changed.length === 0) return { caseId: c.id, version: c.version, changed };

    const openNames = c.deadlines.filter((d) => d.closedOn === null).map((d) => d.name);
    const clockRunning = openNames.includes("MEDIATION_30_DAY");
    if (changed.includes("laNotifiedOn") && clockRunning) {
      if (after.laNotifiedOn === "") fieldError("laNotifiedOn", "The date the LA was told cannot be removed while the 30-day deadline is running. Enter the correct date.");
      try {
        dueDateFor("MEDIATION_30_DAY", after.laNotifiedOn);
        dueDateFor("HEALTH_NOTIFICATION", after.laNotifiedOn);
      } catch (e) {
        if (!isDeadlineInputError(e)) throw e;
        fieldError("laNotifiedOn", e.message);
      }
    }
    // Issue 8: decision sent ≤ LA told ≤ the answers, meeting and certificates recorded after them.
    const order = correctedDateProblems(
      after,
      changed,
      {
        meetingOn: toIso(c.meetingOn),
        heldOn: toIso(c.heldOn),
        parties: c.parties.map((p) => ({ ...p, consentOn: toIso(p.consentOn) })),
        deadlines: c.deadlines.map((d) => ({ name: d.name, triggerOn: toIso(d.triggerOn)!, closedOn: toIso(d.closedOn), outcome: d.outcome })),
      },
      DETAIL_FIELD_LABELS,
    );
    if (Object.keys(order).length > 0) throw new DomainError(Object.values(order)[0]!, "INVALID_INPUT", order);
    // The same date-of-birth rule as at intake: in the past, and under 25 (R-01).
    if (changed.includes("childDateOfBirth") && after.childDateOfBirth !== "") {
      const problem = dateOfBirthProblem(after.childDateOfBirth, today, c.familyParty === "YOUNG_PERSON" ? "young person" : "child");
      if (problem) fieldError("childDateOfBirth", problem);
    }
    const hasChildDetails = after.childDateOfBirth !== "" || after.childSetting !== "";
    if (after.childName === "" && (c.child || hasChildDetails)) fieldError("childName", "Enter the child's name");

    const date = (s: string) => (s === "" ? null : dbDateFromIso(s));
    await bumpVersion(tx, c.id, ref.expectedVersion, {
      summary: after.summary === "" ? null : after.summary,
      staffNotes: after.staffNotes === "" ? null : after.staffNotes,
      decisionSentOn: date(after.decisionSentOn),
      drsScope: c.kind === "DRS" ? (after.drsScope === "" ? null : (after.drsScope as DrsScopeValue)) : undefined,
      laNotifiedOn: date(after.laNotifiedOn),
    }).catch(async (e) => {
      // Lost the race after reading: report their values, like the check above.
      if (e instanceof ConflictError) throw new ConflictError(SAVED_FIRST, await detailsConflictData(tx, c.id, ref.expectedVersion));
      throw e;
    });
    if (changed.some((k) => k.startsWith("child")) && after.childName !== "") {
      const child = { name: after.childName, dateOfBirth: date(after.childDateOfBirth), setting: after.childSetting === "" ? null : after.childSetting };
      await tx.child.upsert({ where: { caseId: c.id }, create: { caseId: c.id, ...child }, update: child });
    }
    let restarted: string[] = [];
    if (changed.includes("laNotifiedOn") && clockRunning) {
      // R-20 (and R-21): the clocks run from the day the LA was told, so a corrected date restarts them.
      const names = (["MEDIATION_30_DAY", "HEALTH_NOTIFICATION"] as const).filter((n) => openNames.includes(n));
      await openDeadlines(tx, c.id, names, after.laNotifiedOn);
      await refreshNextDeadline(tx, c.id);
      restarted = [...names];
    }
    const labels = changed.map((k) => DETAIL_FIELD_LABELS[k]);
    await recordEvent(tx, {
      caseId: c.id,
      actorId: user.id,
      type: "DETAILS_CHANGED",
      summary: `Case details changed: ${labels.join(", ")}${restarted.length ? ` (deadlines recalculated from ${formatLongDate(after.laNotifiedOn)})` : ""}`,
      rule: restarted.length ? "R-20" : null,
      visibility: "STAFF",
      data: { fields: changed },
    });
    const pick = (vals: CaseDetailsValues) => Object.fromEntries(changed.map((k) => [k, vals[k]]));
    await writeAudit(tx, {
      actor: user,
      action: "case.details_updated",
      entityType: "Case",
      entityId: c.id,
      caseId: c.id,
      before: { version: ref.expectedVersion, ...pick(before) },
      after: { version: ref.expectedVersion + 1, ...pick(after), ...(restarted.length ? { deadlinesRestarted: restarted } : {}) },
      ip,
    });
    return { caseId: c.id, version: ref.expectedVersion + 1, changed };
  });
}
