/**
 * Case reads. Every query is wrapped in the user's scope (lib/auth/scope): what is outside it is
 * simply not found (NotFoundError → 404).
 *
 * What each role sees on a case:
 *  - "FULL" view — ADMIN, CASEWORKER and the allocated MEDIATOR (the only mediator in scope):
 *    everything, including STAFF-visibility timeline entries and parties' contact details;
 *  - "SHARED" view — LA_OFFICER (own LA only) and PARENT (own case only): the case summary,
 *    issues, parties' names, roles and consent state (no contact details, no access needs),
 *    deadlines, and only SHARED timeline entries. Staff and private notes are never selected.
 */
import { db, type Prisma, type Tx } from "@/lib/db/client";
import { authorize, can } from "@/lib/auth/policy";
import { caseScope } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { formatLongDate, isDeadlineInputError, isoFromDbDate, todayInLondon } from "@/lib/deadlines";
import {
  DEADLINE_LABELS,
  DEADLINE_STATE_LABELS,
  deadlineState,
  explainDeadline,
  toIso,
  type DeadlineState,
} from "./case-deadlines";
import {
  DEADLINE_NAMES,
  STATUS_LABELS,
  availableTransitions,
  checkTransition,
  getTransition,
  TRANSITIONS,
  type CaseSnapshot,
  type DeadlineName,
  type InputSpec,
  type TransitionName,
} from "./lifecycle";

// ---------------------------------------------------------------------------------------------
// Lifecycle snapshot (shared with lib/cases/commands.ts)
// ---------------------------------------------------------------------------------------------

export const SNAPSHOT_SELECT = {
  id: true,
  kind: true,
  status: true,
  version: true,
  allocatedMediatorId: true,
  issues: { select: { category: true } },
  parties: { select: { id: true, name: true, kind: true, consent: true }, orderBy: { createdAt: "asc" } },
  deadlines: { where: { closedOn: null }, select: { name: true } },
} satisfies Prisma.CaseSelect;

type SnapshotRow = Prisma.CaseGetPayload<{ select: typeof SNAPSHOT_SELECT }>;

export function isDeadlineName(name: string): name is DeadlineName {
  return (DEADLINE_NAMES as readonly string[]).includes(name);
}

export function toSnapshot(row: SnapshotRow): CaseSnapshot {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    allocatedMediatorId: row.allocatedMediatorId,
    hasHealthIssue: row.issues.some((i) => i.category === "HEALTH"),
    parties: row.parties.map((p) => ({ id: p.id, name: p.name, kind: p.kind, consent: p.consent })),
    openDeadlines: row.deadlines.map((d) => d.name).filter(isDeadlineName),
  };
}

/** The case in the user's scope, as the lifecycle sees it (plus its version). NotFoundError outside scope. */
export async function loadSnapshot(client: Tx, user: SessionUser, caseId: string): Promise<{ snapshot: CaseSnapshot; version: number }> {
  const row = await client.case.findFirst({ where: { AND: [{ id: caseId }, caseScope(user)] }, select: SNAPSHOT_SELECT });
  if (!row) throw new NotFoundError("case");
  return { snapshot: toSnapshot(row), version: row.version };
}

// ---------------------------------------------------------------------------------------------
// The case page
// ---------------------------------------------------------------------------------------------

export type CaseView = "FULL" | "SHARED";

/** only staff who may read private notes get the full view; everyone else the shared one. */
export function caseViewFor(user: SessionUser): CaseView {
  return can(user, "case:read-private-notes") ? "FULL" : "SHARED";
}

export type PartyView = {
  id: string;
  kind: string;
  name: string;
  organisation: string | null;
  consent: "PENDING" | "GIVEN" | "DECLINED";
  hasAuthority: boolean | null;
  /** FULL view only (null in the SHARED view). */
  contact: {
    email: string | null;
    phone: string | null;
    address: string | null;
    preferredContact: string;
    accessNeeds: string | null;
    consentOn: string | null;
    consentHow: string | null;
    hasAccount: boolean;
  } | null;
};

export type DeadlineView = {
  id: string;
  name: DeadlineName;
  label: string;
  rule: string;
  triggerOn: string;
  dueOn: string;
  dueText: string;
  /** Plain-English explanation of how the date was worked out (from the date engine). */
  explanation: string;
  closedOn: string | null;
  outcome: string | null;
  /** Open deadlines only. */
  state: DeadlineState | null;
  stateLabel: string | null;
};

export type TimelineEntry = {
  id: string;
  at: string;
  type: string;
  summary: string;
  rule: string | null;
  visibility: "STAFF" | "SHARED";
  actorName: string | null;
  /** FULL view only: a free-text reason kept out of the shared summary. */
  detail: string | null;
};

export type TransitionAction = { name: TransitionName; label: string; destructive: boolean };

/** Transitions that end the mediation route: confirmed on a separate step before they are done. */
export const DESTRUCTIVE_TRANSITIONS: readonly TransitionName[] = ["withdraw", "close", "declineDrs", "chooseAdviceOnly"];

export const TIMELINE_LIMIT = 200;

/** Transitions whose guard failure is worth explaining on the case page (a to-do, not noise). */
const BLOCKED_SHOWN: readonly TransitionName[] = ["allocate"];

export async function getCaseDetail(user: SessionUser, id: string) {
  authorize(user, "case:read");
  const view = caseViewFor(user);
  const full = view === "FULL";
  const c = await db().case.findFirst({
    where: { AND: [{ id }, caseScope(user)] },
    select: {
      ...SNAPSHOT_SELECT,
      reference: true,
      requestedBy: true,
      familyParty: true,
      disputedDecision: true,
      drsScope: true,
      decisionSentOn: true,
      laNotifiedOn: true,
      meetingOn: true,
      heldOn: true,
      summary: true,
      createdAt: true,
      updatedAt: true,
      localAuthority: { select: { id: true, name: true } },
      allocatedMediator: { select: { id: true, name: true } },
      child: { select: { name: true, dateOfBirth: full, setting: true, hasEhcPlan: true } },
    },
  });
  if (!c) throw new NotFoundError("case");

  const [parties, issues, deadlines, events] = await Promise.all([
    db().party.findMany({
      where: { caseId: c.id },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        kind: true,
        name: true,
        organisation: true,
        consent: true,
        hasAuthority: true,
        // R-80 / data minimisation: contact details are not even read for the shared view.
        email: full,
        phone: full,
        address: full,
        preferredContact: full,
        accessNeeds: full,
        consentOn: full,
        consentHow: full,
        userId: full,
      },
    }),
    db().caseIssue.findMany({ where: { caseId: c.id }, select: { id: true, category: true, description: true }, orderBy: { id: "asc" } }),
    db().caseDeadline.findMany({
      where: { caseId: c.id },
      select: { id: true, name: true, rule: true, triggerOn: true, dueOn: true, closedOn: true, outcome: true },
      orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }],
    }),
    db().caseEvent.findMany({
      where: { caseId: c.id, ...(full ? {} : { visibility: "SHARED" as const }) },
      select: { id: true, at: true, type: true, summary: true, rule: true, visibility: true, actorId: true, data: full },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: TIMELINE_LIMIT,
    }),
  ]);

  const actorIds = [...new Set(events.map((e) => e.actorId).filter((x): x is string => !!x))];
  const actors = actorIds.length ? await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }) : [];
  const actorName = new Map(actors.map((a) => [a.id, a.name]));

  const snapshot = toSnapshot(c);
  const actor = { id: user.id, role: user.role };
  const transitions: TransitionAction[] = availableTransitions(snapshot, actor).map((t) => ({
    name: t.name,
    label: t.label,
    destructive: DESTRUCTIVE_TRANSITIONS.includes(t.name),
  }));
  // The next step held back by a rule the user can act on (allocation waits for consent, R-73),
  // so the page can say why instead of silently leaving the button out.
  const blocked = TRANSITIONS.filter((t) => BLOCKED_SHOWN.includes(t.name)).flatMap((t) => {
    const r = checkTransition(snapshot, t.name, actor);
    return !r.ok && r.code === "GUARD_FAILED" ? [{ name: t.name, label: t.label, reason: r.message }] : [];
  });

  const today = todayInLondon();
  const deadlineViews = deadlines.filter((d) => isDeadlineName(d.name)).map((d) => toDeadlineView(d, today));

  return {
    view,
    id: c.id,
    reference: c.reference,
    kind: c.kind,
    status: c.status,
    statusLabel: STATUS_LABELS[c.status],
    version: c.version,
    requestedBy: c.requestedBy,
    familyParty: c.familyParty,
    disputedDecision: c.disputedDecision,
    drsScope: c.drsScope,
    decisionSentOn: toIso(c.decisionSentOn),
    laNotifiedOn: toIso(c.laNotifiedOn),
    meetingOn: toIso(c.meetingOn),
    heldOn: toIso(c.heldOn),
    summary: c.summary,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    localAuthority: c.localAuthority,
    allocatedMediator: c.allocatedMediator,
    child: c.child
      ? { name: c.child.name, dateOfBirth: full && c.child.dateOfBirth ? isoFromDbDate(c.child.dateOfBirth) : null, setting: c.child.setting, hasEhcPlan: c.child.hasEhcPlan }
      : null,
    parties: parties.map(
      (p): PartyView => ({
        id: p.id,
        kind: p.kind,
        name: p.name,
        organisation: p.organisation,
        consent: p.consent,
        hasAuthority: p.hasAuthority,
        contact: full
          ? {
              email: p.email ?? null,
              phone: p.phone ?? null,
              address: p.address ?? null,
              preferredContact: p.preferredContact ?? "EMAIL",
              accessNeeds: p.accessNeeds ?? null,
              consentOn: toIso(p.consentOn),
              consentHow: p.consentHow ?? null,
              hasAccount: !!p.userId,
            }
          : null,
      }),
    ),
    issues,
    deadlines: {
      open: deadlineViews.filter((d) => d.closedOn === null),
      closed: deadlineViews.filter((d) => d.closedOn !== null),
    },
    timeline: events.map(
      (e): TimelineEntry => ({
        id: e.id,
        at: e.at.toISOString(),
        type: e.type,
        summary: e.summary,
        rule: e.rule,
        visibility: e.visibility,
        actorName: e.actorId ? (actorName.get(e.actorId) ?? null) : null,
        detail: full ? reasonFrom(e.data) : null,
      }),
    ),
    timelineLimited: events.length === TIMELINE_LIMIT,
    snapshot,
    transitions,
    blocked,
    can: { update: can(user, "case:update"), allocate: can(user, "case:allocate") },
  };
}

export type CaseDetail = Awaited<ReturnType<typeof getCaseDetail>>;

function reasonFrom(data: unknown): string | null {
  if (data && typeof data === "object" && "reason" in data && typeof (data as { reason: unknown }).reason === "string") {
    return (data as { reason: string }).reason;
  }
  return null;
}

function toDeadlineView(
  d: { id: string; name: string; rule: string; triggerOn: Date; dueOn: Date; closedOn: Date | null; outcome: string | null },
  today: string,
): DeadlineView {
  const name = d.name as DeadlineName;
  const triggerOn = isoFromDbDate(d.triggerOn);
  const dueOn = isoFromDbDate(d.dueOn);
  let explanation: string;
  let state: DeadlineState | null = null;
  try {
    explanation = explainDeadline(name, triggerOn).text;
  } catch (e) {
    // outside the years the holiday data covers the engine refuses to guess.
    if (!isDeadlineInputError(e)) throw e;
    explanation = `${formatLongDate(dueOn)}: ${e.message}`;
  }
  if (!d.closedOn) {
    try {
      state = deadlineState(dueOn, today);
    } catch (e) {
      if (!isDeadlineInputError(e)) throw e;
      state = dueOn < today ? "OVERDUE" : "ON_TRACK";
    }
  }
  return {
    id: d.id,
    name,
    label: DEADLINE_LABELS[name],
    rule: d.rule,
    triggerOn,
    dueOn,
    dueText: formatLongDate(dueOn),
    explanation,
    closedOn: toIso(d.closedOn),
    outcome: d.outcome,
    state,
    stateLabel: state ? DEADLINE_STATE_LABELS[state] : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Form pages
// ---------------------------------------------------------------------------------------------

/** Current values of the editable case details, as form strings ("" when not recorded). */
export type CaseDetailsValues = {
  summary: string;
  decisionSentOn: string;
  disputedDecision: string;
  drsScope: string;
  laNotifiedOn: string;
  childName: string;
  childDateOfBirth: string;
  childSetting: string;
  childHasEhcPlan: string;
};

export const CASE_DETAILS_SELECT = {
  summary: true,
  decisionSentOn: true,
  disputedDecision: true,
  drsScope: true,
  laNotifiedOn: true,
  child: { select: { name: true, dateOfBirth: true, setting: true, hasEhcPlan: true } },
} satisfies Prisma.CaseSelect;

export function detailsValues(c: Prisma.CaseGetPayload<{ select: typeof CASE_DETAILS_SELECT }>): CaseDetailsValues {
  return {
    summary: c.summary ?? "",
    decisionSentOn: toIso(c.decisionSentOn) ?? "",
    disputedDecision: c.disputedDecision ?? "",
    drsScope: c.drsScope ?? "",
    laNotifiedOn: toIso(c.laNotifiedOn) ?? "",
    childName: c.child?.name ?? "",
    childDateOfBirth: toIso(c.child?.dateOfBirth) ?? "",
    childSetting: c.child?.setting ?? "",
    childHasEhcPlan: c.child?.hasEhcPlan ? "yes" : "no",
  };
}

/** For /cases/[id]/edit (caseworkers and admins). */
export async function getCaseForEdit(user: SessionUser, id: string) {
  authorize(user, "case:update");
  const c = await db().case.findFirst({
    where: { AND: [{ id }, caseScope(user)] },
    select: { id: true, reference: true, kind: true, status: true, version: true, ...CASE_DETAILS_SELECT, deadlines: { where: { closedOn: null, name: "MEDIATION_30_DAY" }, select: { id: true } } },
  });
  if (!c) throw new NotFoundError("case");
  return {
    id: c.id,
    reference: c.reference,
    kind: c.kind,
    status: c.status,
    version: c.version,
    thirtyDayClockRunning: c.deadlines.length > 0,
    values: detailsValues(c),
  };
}

/** For /cases/[id]/parties/[partyId] (caseworkers and admins). */
export async function getPartyForEdit(user: SessionUser, caseId: string, partyId: string) {
  authorize(user, "case:update");
  const c = await db().case.findFirst({
    where: { AND: [{ id: caseId }, caseScope(user)] },
    select: {
      id: true,
      reference: true,
      version: true,
      parties: {
        where: { id: partyId },
        select: {
          id: true,
          kind: true,
          name: true,
          organisation: true,
          email: true,
          phone: true,
          address: true,
          preferredContact: true,
          accessNeeds: true,
          hasAuthority: true,
          consent: true,
          consentOn: true,
          consentHow: true,
        },
      },
    },
  });
  const p = c?.parties[0];
  if (!c || !p) throw new NotFoundError("party");
  return {
    case: { id: c.id, reference: c.reference, version: c.version },
    party: { ...p, consentOn: toIso(p.consentOn) },
  };
}

/** For /cases/[id]/parties/new. */
export async function getCaseHeader(user: SessionUser, id: string) {
  authorize(user, "case:read");
  const c = await db().case.findFirst({
    where: { AND: [{ id }, caseScope(user)] },
    select: { id: true, reference: true, kind: true, status: true, version: true, familyParty: true },
  });
  if (!c) throw new NotFoundError("case");
  return c;
}

export type TransitionPageData = {
  case: { id: string; reference: string; kind: string; status: string; statusLabel: string; version: number };
  transition: { name: TransitionName; label: string; rule: string | null; destructive: boolean };
  /** Why it cannot be done now (status, guard); null when it can. */
  refusal: string | null;
  inputs: InputSpec[];
  /** Values to start the form with (e.g. the LA-told date already on the case). */
  defaults: Record<string, string>;
  /** For a "which party" input: the parties to the disagreement (not supporters or interpreters). */
  parties: { id: string; name: string; kind: string }[];
};

/**
 * For /cases/[id]/transition/[name]. NotFoundError when the case is out of scope, the name is
 * unknown, or this user's role may never do it (so the page is a 404, not a 403).
 */
export async function getTransitionPage(user: SessionUser, caseId: string, name: string): Promise<TransitionPageData> {
  authorize(user, "case:transition");
  const t = getTransition(name);
  if (!t) throw new NotFoundError("transition");
  const c = await db().case.findFirst({
    where: { AND: [{ id: caseId }, caseScope(user)] },
    select: { ...SNAPSHOT_SELECT, reference: true, laNotifiedOn: true, meetingOn: true },
  });
  if (!c) throw new NotFoundError("case");
  const snapshot = toSnapshot(c);
  const check = checkTransition(snapshot, t.name, { id: user.id, role: user.role });
  if (!check.ok && (check.code === "ROLE_NOT_PERMITTED" || check.code === "UNKNOWN_TRANSITION")) throw new NotFoundError("transition");
  const inputs = [...t.requires, ...(t.accepts ?? [])].filter((i) => !i.kinds || i.kinds.includes(snapshot.kind));
  const defaults: Record<string, string> = {};
  if (t.name === "startContacting" && c.laNotifiedOn) defaults.laNotifiedOn = isoFromDbDate(c.laNotifiedOn);
  if (t.name === "scheduleMeeting" && c.meetingOn) defaults.meetingOn = isoFromDbDate(c.meetingOn);
  return {
    case: { id: c.id, reference: c.reference, kind: c.kind, status: c.status, statusLabel: STATUS_LABELS[c.status], version: c.version },
    transition: { name: t.name, label: t.label, rule: t.rule ?? null, destructive: DESTRUCTIVE_TRANSITIONS.includes(t.name) },
    refusal: check.ok ? null : check.message,
    inputs,
    defaults,
    parties: c.parties.filter((p) => p.kind !== "SUPPORTER" && p.kind !== "INTERPRETER").map((p) => ({ id: p.id, name: p.name, kind: p.kind })),
  };
}

// ---------------------------------------------------------------------------------------------
// Other pages
// ---------------------------------------------------------------------------------------------

/** The family user's own cases (usually one). */
export async function listMyCases(user: SessionUser) {
  authorize(user, "family:workspace");
  return db().case.findMany({
    where: caseScope(user),
    orderBy: { createdAt: "desc" },
    select: { id: true, reference: true, status: true, localAuthority: { select: { name: true } } },
  });
}
