/**
 * Case commands: everything done to a case from its page (issue 4). Each command
 *   1. validates its input with zod (bad input → DomainError with a message per field, nothing written);
 *   2. authorizes (`authorize(user, permission, { hide: false })`; a case outside the user's scope
 *      is a NotFoundError, exactly as for reads);
 *   3. runs ONE transaction that checks the case's version (optimistic concurrency: a stale
 *      version → ConflictError, nothing overwritten), writes the change, a timeline entry
 *      (CaseEvent) and the audit row, so either all of it is saved or none of it.
 *
 * Party and consent commands live in ./parties.ts and share the helpers exported here.
 *
 * Timeline visibility (R-80) — the choice made here:
 *  - lifecycle events are SHARED (the LA and the family may see them): they say where the case is,
 *    which the LA can already see in the case summary, and they carry the statutory dates;
 *  - except `reallocate` (an internal staffing change), which is STAFF;
 *  - a free-text reason typed by staff (close, withdraw, declineDrs) is never put in a SHARED
 *    summary: it is kept in the event's data, which only the full (staff) view reads;
 *  - edits of case details, parties and consent are STAFF (they can hold contact details).
 */
import { z } from "zod";
import { db, type Prisma, type Tx } from "@/lib/db/client";
import { authorize } from "@/lib/auth/policy";
import { caseScope } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/audit";
import { ConflictError, DomainError } from "@/lib/errors";
import {
  dbDateFromIso,
  earliestMeetingDate,
  formatLongDate,
  hasRequiredMeetingNotice,
  isDeadlineInputError,
  isIsoDate,
  todayInLondon,
} from "@/lib/deadlines";
import { closeDeadlines, dueDateFor, openDeadlines, refreshNextDeadline, toIso } from "./case-deadlines";
import { recordEvent } from "./events";
import {
  getTransition,
  isTerminalStatus,
  planTransition,
  STATUS_LABELS,
  TRANSITION_NAMES,
  type CaseSnapshot,
  type CaseStatus,
  type DeadlineName,
  type TransitionName,
  type TransitionPlan,
} from "./lifecycle";
import { allocationTransitionFor, assertMediatorCanBeAllocated } from "./allocation";
import { CASE_DETAILS_SELECT, detailsValues, SNAPSHOT_SELECT, toSnapshot, type CaseDetailsValues } from "./queries";
import {
  DISPUTED_DECISION_LABELS,
  DISPUTED_DECISION_VALUES,
  DRS_SCOPE_LABELS,
  DRS_SCOPE_VALUES,
  type DisputedDecisionValue,
  type DrsScopeValue,
} from "./options";

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

export const CONFLICT_MESSAGE = "Someone else changed this case while you were working on it. Check the case as it is now, then try again.";

/** Validates with zod; on failure throws DomainError with one message per field (first is the summary). */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    fieldErrors[key] ??= issue.message;
  }
  throw new DomainError(Object.values(fieldErrors)[0] ?? "Check the details and try again.", "VALIDATION", fieldErrors);
}

export const caseIdSchema = z.string({ error: "The case is missing." }).trim().min(1, "The case is missing.").max(200, "The case is not recognised.");
export const versionSchema = z
  .number({ error: "The page is out of date. Reload it and try again." })
  .int("The page is out of date. Reload it and try again.")
  .positive("The page is out of date. Reload it and try again.");

/** "" or a real calendar date that is not in the future (R-63: London calendar dates). */
export function pastDateOrEmpty(label: string) {
  return z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      if (v === "") return;
      if (!isIsoDate(v)) ctx.addIssue({ code: "custom", message: `${label} must be a real date` });
      else if (v > todayInLondon()) ctx.addIssue({ code: "custom", message: `${label} must be today or in the past` });
    });
}

export function text(label: string, max: number) {
  return z.string().trim().max(max, `${label} must be ${max} characters or fewer`);
}

/** Statuses in which nothing about the case can be changed any more. */
export function assertCaseOpen(status: CaseStatus): void {
  if (isTerminalStatus(status)) {
    throw new DomainError(`This case is ${STATUS_LABELS[status].toLowerCase()}, so it cannot be changed.`, "CASE_CLOSED");
  }
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

function inTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(fn, { timeout: 15_000 });
}

// ---------------------------------------------------------------------------------------------
// Lifecycle transitions
// ---------------------------------------------------------------------------------------------

/** Inputs that record something that has already happened: never a future date. */
const PAST_EVENT_DATE_INPUTS = new Set(["laNotifiedOn", "toldOn", "notifiedOn", "heldOn", "issuedOn"]);

/** Transitions that stop a clock because it no longer applies, rather than because it was met. */
const CANCELLING_TRANSITIONS: readonly TransitionName[] = ["chooseAdviceOnly", "withdraw"];

/** Internal staffing changes: not shown to the LA or the family (R-80 default: staff only). */
const STAFF_ONLY_TRANSITIONS: readonly TransitionName[] = ["reallocate"];

const transitionEnvelope = z.object({
  caseId: caseIdSchema,
  name: z.enum(TRANSITION_NAMES, { error: "That is not something that can be done to a case." }),
  expectedVersion: versionSchema,
  input: z.record(z.string(), z.union([z.string(), z.boolean()]), { error: "The form could not be read. Reload the page and try again." }),
});

/**
 * Everything that can be checked before writing: the lifecycle plan (status, role, guards,
 * inputs) plus the checks that need the calendar (dates in the past, R-22 notice, R-64 range).
 * Throws DomainError (with a field error when one input is at fault).
 */
export function validatePlan(snapshot: CaseSnapshot, user: SessionUser, name: TransitionName, input: Record<string, unknown>, today = todayInLondon()): TransitionPlan {
  const plan = planTransition(snapshot, name, { id: user.id, role: user.role }, input);
  if (!plan.ok) throw new DomainError(plan.message, plan.code, plan.field ? { [plan.field]: plan.message } : undefined);
  const t = getTransition(name)!;
  const fieldError = (field: string, message: string): never => {
    throw new DomainError(message, "INVALID_INPUT", { [field]: message });
  };
  for (const spec of [...t.requires, ...(t.accepts ?? [])]) {
    const v = plan.record[spec.name];
    if (spec.type !== "date" || typeof v !== "string") continue;
    if (PAST_EVENT_DATE_INPUTS.has(spec.name) && v > today) fieldError(spec.name, `${spec.label} must be today or in the past.`);
  }
  if (name === "scheduleMeeting") {
    // R-22: at least 5 working days' notice of the meeting (notice sent today), unless the family agreed to less.
    const meetingOn = plan.record.meetingOn as string;
    if (meetingOn < today) fieldError("meetingOn", "The meeting date must be today or in the future.");
    if (plan.record.shortNoticeAgreed !== true) {
      try {
        if (!hasRequiredMeetingNotice(today, meetingOn)) {
          fieldError(
            "meetingOn",
            `The family must get at least 5 working days' notice, so the meeting can be on ${formatLongDate(earliestMeetingDate(today))} or later. ` +
              "Choose a later date, or record that the family agreed to shorter notice (R-22).",
          );
        }
      } catch (e) {
        if (!isDeadlineInputError(e)) throw e;
        fieldError("meetingOn", e.message);
      }
    }
  }
  // R-64: the date engine refuses dates outside the holiday data; say so before anything is written.
  if (plan.triggerDate) {
    for (const dl of plan.starts) {
      try {
        dueDateFor(dl, plan.triggerDate);
      } catch (e) {
        if (!isDeadlineInputError(e)) throw e;
        fieldError(t.trigger ?? "form", e.message);
      }
    }
  }
  return plan;
}

/** Case columns a transition records (the lifecycle's `record` → Case). */
function caseFieldsFrom(plan: TransitionPlan): { data: Prisma.CaseUncheckedUpdateManyInput; audit: Record<string, string> } {
  const r = plan.record;
  const data: Prisma.CaseUncheckedUpdateManyInput = {};
  const audit: Record<string, string> = {};
  const date = (key: "laNotifiedOn" | "meetingOn" | "heldOn") => {
    const v = r[key];
    if (typeof v === "string") {
      data[key] = dbDateFromIso(v);
      audit[key] = v;
    }
  };
  if (plan.transition === "startContacting") date("laNotifiedOn"); // R-20
  if (plan.transition === "scheduleMeeting") date("meetingOn"); // R-22
  if (plan.transition === "recordMeetingHeld") date("heldOn"); // R-30
  if ((plan.transition === "allocate" || plan.transition === "reallocate") && typeof r.mediatorId === "string") {
    data.allocatedMediatorId = r.mediatorId;
    audit.allocatedMediatorId = r.mediatorId;
  }
  return { data, audit };
}

/** The date a stopped clock stops: the transition's own date input (e.g. heldOn, issuedOn, toldOn), else today. */
function stopDate(plan: TransitionPlan, today: string): string {
  const t = getTransition(plan.transition)!;
  for (const spec of t.requires) {
    const v = plan.record[spec.name];
    if (spec.type === "date" && typeof v === "string") return v;
  }
  return today;
}

/** R-80: the SHARED summary never carries staff free text; null → keep the entry STAFF. */
function sharedSummary(plan: TransitionPlan): string | null {
  const reason = plan.record.reason;
  if (typeof reason !== "string") return plan.event.summary;
  const suffix = `: ${reason}`;
  return plan.event.summary.endsWith(suffix) ? plan.event.summary.slice(0, -suffix.length) : null;
}

type LoadedCase = { snapshot: CaseSnapshot; version: number; fields: Record<string, string | null> };

async function loadForCommand(tx: Tx, user: SessionUser, caseId: string): Promise<LoadedCase> {
  const row = await tx.case.findFirst({
    where: { AND: [{ id: caseId }, caseScope(user)] },
    select: { ...SNAPSHOT_SELECT, laNotifiedOn: true, meetingOn: true, heldOn: true },
  });
  if (!row) throw new NotFoundError("case");
  return {
    snapshot: toSnapshot(row),
    version: row.version,
    fields: { laNotifiedOn: toIso(row.laNotifiedOn), meetingOn: toIso(row.meetingOn), heldOn: toIso(row.heldOn), allocatedMediatorId: row.allocatedMediatorId },
  };
}

export type TransitionResult = { caseId: string; transition: TransitionName; version: number; status: CaseStatus; statusChanged: boolean };

async function applyTransition(
  tx: Tx,
  user: SessionUser,
  caseId: string,
  pick: (snapshot: CaseSnapshot) => TransitionName,
  expectedVersion: number,
  input: Record<string, unknown>,
  ip: string | null,
): Promise<TransitionResult> {
  const { snapshot, version, fields } = await loadForCommand(tx, user, caseId);
  if (version !== expectedVersion) throw new ConflictError(CONFLICT_MESSAGE, { currentVersion: version });
  const name = pick(snapshot);
  const today = todayInLondon();
  const plan = validatePlan(snapshot, user, name, input, today);
  if (name === "allocate" || name === "reallocate") {
    // R-13: an active mediator without a conflict of interest with the LA or a party.
    await assertMediatorCanBeAllocated(tx, caseId, plan.record.mediatorId as string);
  }

  const { data, audit } = caseFieldsFrom(plan);
  const newVersion = await bumpVersion(tx, caseId, expectedVersion, { ...data, ...(plan.statusChanged ? { status: plan.to } : {}) });

  if (plan.starts.length > 0 && plan.triggerDate) await openDeadlines(tx, caseId, plan.starts, plan.triggerDate);
  if (plan.stops.length > 0) {
    const outcome = CANCELLING_TRANSITIONS.includes(name) ? "CANCELLED" : "MET";
    await closeDeadlines(tx, caseId, plan.stops as DeadlineName[], stopDate(plan, today), outcome);
  }
  await refreshNextDeadline(tx, caseId);

  const shared = STAFF_ONLY_TRANSITIONS.includes(name) ? null : sharedSummary(plan);
  await recordEvent(tx, {
    caseId,
    actorId: user.id,
    type: plan.event.type,
    summary: shared ?? plan.event.summary,
    rule: plan.event.rule ?? null,
    visibility: shared === null ? "STAFF" : "SHARED",
    data: { transition: name, from: plan.from, to: plan.to, ...plan.record },
  });
  const before: Record<string, string | number | null> = { status: plan.from, version: expectedVersion };
  for (const k of Object.keys(audit)) before[k] = fields[k] ?? null;
  await writeAudit(tx, {
    actor: user,
    action: `case.${name}`,
    entityType: "Case",
    entityId: caseId,
    caseId,
    before,
    after: { status: plan.to, version: newVersion, ...audit, ...(plan.starts.length ? { deadlinesStarted: plan.starts } : {}), ...(plan.stops.length ? { deadlinesStopped: plan.stops } : {}) },
    ip,
  });
  return { caseId, transition: name, version: newVersion, status: plan.to, statusChanged: plan.statusChanged };
}

/**
 * Does a lifecycle transition (lib/cases/lifecycle.ts) and everything it implies: the status and
 * recorded dates, the deadlines it starts and stops (dated by lib/deadlines), Case.nextDeadlineOn,
 * a timeline entry and an audit row — all in one transaction, guarded by the case version.
 * Allocation goes through the same checks as `allocateMediator`.
 */
export async function transitionCase(
  user: SessionUser,
  caseId: string,
  name: string,
  expectedVersion: number,
  input: Record<string, string | boolean>,
  ip: string | null = null,
): Promise<TransitionResult> {
  const v = parseInput(transitionEnvelope, { caseId, name, expectedVersion, input });
  authorize(user, "case:transition", { hide: false });
  if (v.name === "allocate" || v.name === "reallocate") authorize(user, "case:allocate", { hide: false });
  return inTransaction((tx) => applyTransition(tx, user, v.caseId, () => v.name, v.expectedVersion, v.input, ip));
}

/**
 * A dry run of `transitionCase` for the confirmation step before destructive transitions:
 * the same checks, nothing written. Returns the plan so the page can say what will happen.
 */
export async function previewTransition(user: SessionUser, caseId: string, name: string, expectedVersion: number, input: Record<string, string | boolean>): Promise<TransitionPlan> {
  const v = parseInput(transitionEnvelope, { caseId, name, expectedVersion, input });
  authorize(user, "case:transition", { hide: false });
  const { snapshot, version } = await loadForCommand(db(), user, v.caseId);
  if (version !== v.expectedVersion) throw new ConflictError(CONFLICT_MESSAGE, { currentVersion: version });
  return validatePlan(snapshot, user, v.name, v.input);
}

const allocateSchema = z.object({
  caseId: caseIdSchema,
  mediatorId: z.string({ error: "Choose a mediator." }).trim().min(1, "Choose a mediator.").max(200, "Choose a mediator from the list."),
  expectedVersion: versionSchema,
});

/**
 * The lifecycle's `allocate` (first mediator, from AWAITING_CONSENT) or `reallocate` (a different
 * mediator before the meeting), plus: the chosen user must be an active mediator with no conflict
 * of interest with the case's LA or parties (R-13).
 */
export async function allocateMediator(user: SessionUser, caseId: string, mediatorId: string, expectedVersion: number, ip: string | null = null): Promise<TransitionResult> {
  const v = parseInput(allocateSchema, { caseId, mediatorId, expectedVersion });
  authorize(user, "case:allocate", { hide: false });
  return inTransaction((tx) => applyTransition(tx, user, v.caseId, allocationTransitionFor, v.expectedVersion, { mediatorId: v.mediatorId }, ip));
}

// ---------------------------------------------------------------------------------------------
// Case details
// ---------------------------------------------------------------------------------------------

export const DETAIL_FIELD_LABELS: Record<keyof CaseDetailsValues, string> = {
  summary: "Summary of the disagreement",
  decisionSentOn: "Date the decision notice was sent",
  disputedDecision: "Decision disputed",
  drsScope: "What the disagreement is about",
  laNotifiedOn: "Date the LA was told the family wants mediation",
  childName: "Child's name",
  childDateOfBirth: "Child's date of birth",
  childSetting: "School, college or setting",
  childHasEhcPlan: "Has an EHC plan",
};

const DETAIL_KEYS = Object.keys(DETAIL_FIELD_LABELS) as (keyof CaseDetailsValues)[];

const oneOf = <V extends string>(values: readonly V[], message: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || (values as readonly string[]).includes(v), message);

const detailsPatchSchema = z.object({
  summary: text("The summary", 5000).optional(),
  decisionSentOn: pastDateOrEmpty("The date the decision notice was sent").optional(), // R-10, R-50
  disputedDecision: oneOf(DISPUTED_DECISION_VALUES, "Choose the decision being disputed from the list").optional(), // R-02
  drsScope: oneOf(DRS_SCOPE_VALUES, "Choose what the disagreement is about from the list").optional(), // R-70
  laNotifiedOn: pastDateOrEmpty("The date the LA was told").optional(), // R-20
  childName: text("The child's name", 200).optional(),
  childDateOfBirth: pastDateOrEmpty("The child's date of birth").optional(),
  childSetting: text("The school, college or setting", 200).optional(),
  childHasEhcPlan: z.enum(["yes", "no"], { error: "Select yes if the child has an EHC plan" }).optional(),
});

const detailsEnvelope = z.object({ caseId: caseIdSchema, expectedVersion: versionSchema });

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

/** Human-readable value of a detail field, for the conflict notice. */
export function displayDetail(field: string, value: string): string {
  if (value === "") return "Not recorded";
  if (field === "disputedDecision") return DISPUTED_DECISION_LABELS[value as DisputedDecisionValue] ?? value;
  if (field === "drsScope") return DRS_SCOPE_LABELS[value as DrsScopeValue] ?? value;
  if (field === "childHasEhcPlan") return value === "yes" ? "Yes" : "No";
  if (field === "status") return STATUS_LABELS[value as CaseStatus] ?? value;
  if (isIsoDate(value) && (field.endsWith("On") || field === "childDateOfBirth")) return formatLongDate(value);
  return value;
}

/**
 * What changed since `sinceVersion`, from the audit trail (every command here writes the new
 * version into the audit row's `after`), with the current (their) values.
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

/**
 * Edits the referral details (caseworkers and admins). Only the fields present in `patch` are
 * considered; values are form strings ("" = not recorded; childHasEhcPlan "yes"/"no").
 * If the case changed since `expectedVersion`, throws ConflictError whose `data` is
 * DetailsConflictData (their values): nothing is silently overwritten.
 * Changing laNotifiedOn while the 30-day clock runs restarts it from the new date (R-20, R-21).
 */
export async function updateCaseDetails(
  user: SessionUser,
  caseId: string,
  expectedVersion: number,
  patch: Partial<CaseDetailsValues>,
  ip: string | null = null,
): Promise<DetailsResult> {
  const v = { ...parseInput(detailsEnvelope, { caseId, expectedVersion }), patch: parseInput(detailsPatchSchema, patch) };
  authorize(user, "case:update", { hide: false });
  return inTransaction(async (tx) => {
    const c = await tx.case.findFirst({
      where: { AND: [{ id: v.caseId }, caseScope(user)] },
      select: { id: true, kind: true, status: true, version: true, ...CASE_DETAILS_SELECT, deadlines: { where: { closedOn: null }, select: { name: true } } },
    });
    if (!c) throw new NotFoundError("case");
    if (c.version !== v.expectedVersion) {
      throw new ConflictError("Someone else saved this case first.", await detailsConflictData(tx, c.id, v.expectedVersion));
    }
    assertCaseOpen(c.status);
    const before = detailsValues(c);
    const patchValues = v.patch as Partial<CaseDetailsValues>;
    // R-02 applies to mediation and advice-only cases; R-70 to DRS. The other field is ignored.
    const applicable = DETAIL_KEYS.filter((k) => (c.kind === "DRS" ? k !== "disputedDecision" : k !== "drsScope"));
    const after: CaseDetailsValues = { ...before };
    for (const k of applicable) if (patchValues[k] !== undefined) after[k] = patchValues[k]!;
    const changed = applicable.filter((k) => after[k] !== before[k]);
    if (changed.length === 0) return { caseId: c.id, version: c.version, changed };

    const openNames = c.deadlines.map((d) => d.name);
    const clockRunning = openNames.includes("MEDIATION_30_DAY");
    const fieldError = (field: string, message: string): never => {
      throw new DomainError(message, "INVALID_INPUT", { [field]: message });
    };
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
    const hasChildDetails = after.childDateOfBirth !== "" || after.childSetting !== "" || after.childHasEhcPlan === "yes";
    if (after.childName === "" && (c.child || hasChildDetails)) fieldError("childName", "Enter the child's name");

    const date = (s: string) => (s === "" ? null : dbDateFromIso(s));
    await bumpVersion(tx, c.id, v.expectedVersion, {
      summary: after.summary === "" ? null : after.summary,
      decisionSentOn: date(after.decisionSentOn),
      disputedDecision: c.kind === "DRS" ? undefined : after.disputedDecision === "" ? null : (after.disputedDecision as DisputedDecisionValue),
      drsScope: c.kind === "DRS" ? (after.drsScope === "" ? null : (after.drsScope as DrsScopeValue)) : undefined,
      laNotifiedOn: date(after.laNotifiedOn),
    }).catch(async (e) => {
      // Lost the race after reading: report their values, like the check above.
      if (e instanceof ConflictError) throw new ConflictError("Someone else saved this case first.", await detailsConflictData(tx, c.id, v.expectedVersion));
      throw e;
    });
    if (changed.some((k) => k.startsWith("child")) && after.childName !== "") {
      const child = { name: after.childName, dateOfBirth: date(after.childDateOfBirth), setting: after.childSetting === "" ? null : after.childSetting, hasEhcPlan: after.childHasEhcPlan === "yes" };
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
      action: "case.details.update",
      entityType: "Case",
      entityId: c.id,
      caseId: c.id,
      before: { version: v.expectedVersion, ...pick(before) },
      after: { version: v.expectedVersion + 1, ...pick(after), ...(restarted.length ? { deadlinesRestarted: restarted } : {}) },
      ip,
    });
    return { caseId: c.id, version: v.expectedVersion + 1, changed };
  });
}
