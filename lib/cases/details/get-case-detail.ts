/**
 * For the case page, /cases/[id]: the case as this user may see it. What each role sees (R-80):
 *  - "FULL" view — ADMIN, CASEWORKER and the allocated MEDIATOR (the only mediator in scope):
 *    everything, including STAFF-visibility timeline entries and parties' contact details;
 *  - "SHARED" view — LA_OFFICER (own LA only) and PARENT (own case only): the case summary,
 *    issues, parties' names, roles and consent state (no contact details, no access needs, no
 *    consent "how"), deadlines, and only SHARED timeline entries without their data (where a
 *    reason is kept). Staff notes (Case.staffNotes) and private notes are never selected.
 *    Rule ids (R-xx) are for staff: the shared view has none (issue 9 item 13, ../rule-ids.ts).
 */
import "server-only";
import { z } from "zod";
import { db, Prisma, readRows } from "@/lib/platform/db";
import { isoInstantSql } from "@/lib/platform/db/sql-values";
import { authorize, can } from "@/lib/auth/policy";
import { caseScopeSql } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { dbDateFromIso, formatDate, formatLongDate, isDeadlineInputError, isoFromDbDate, todayInLondon } from "@/lib/deadlines";
import {
  AGREEMENT_LABELS,
  availableTransitions,
  checkTransition,
  isDeadlineName,
  isDestructive,
  isTerminalStatus,
  STATUS_LABELS,
  TRANSITIONS,
  type DeadlineName,
  type TransitionName,
} from "../lifecycle";
import { eligibleMediatorIds } from "../allocation/conflicts";
import { DEADLINES, explainDeadline } from "../deadlines/definitions";
import { closedOutcomeText, DEADLINE_STATE_LABELS, deadlineState, willBeMissed, type DeadlineState } from "../deadlines/state";
import { notWithin30Days } from "../deadlines/not-within-30-days";
import { toIso, toSnapshot } from "../store";
import { decisionLines, isSectionIOnly } from "../about/rules";
import { authorityWarnings, meetingAuthorityWarnings, type AuthorityAttendee } from "../parties/authority";
import { withoutRuleIds } from "../rule-ids";
import { PRE_MEETING_STATUSES } from "@/lib/meetings/pre-meetings/pre-meeting-rules";
import { auditRead } from "@/lib/platform/audit/read";

export type CaseView = "FULL" | "SHARED";

/** R-80: only staff who may read private notes get the full view; everyone else the shared one. */
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
  /** FULL view only (null in the SHARED view): the rule ids behind the date, e.g. "R-20". */
  rule: string | null;
  triggerOn: string;
  dueOn: string;
  dueText: string;
  /** Plain-English explanation of how the date was worked out (from the date engine). */
  explanation: string;
  closedOn: string | null;
  /** Closed deadlines: MET, MISSED, CANCELLED or REPLACED. */
  outcome: string | null;
  /** MISSED only: how late, in the unit its rule counts (`counts` in ../deadlines/definitions). */
  daysLate: number | null;
  /** Closed deadlines: "Met", "Missed by 2 working days", "No longer applies", … */
  outcomeText: string | null;
  /** Open deadlines only (WILL_BE_MISSED: the meeting is booked after the due date, R-20). */
  state: DeadlineState | null;
  stateLabel: string | null;
  /** Why, when it is not plain: "The meeting is booked for 30 April 2025, after this date (R-20)." */
  stateNote: string | null;
};

export type TimelineEntry = {
  id: string;
  at: string;
  type: string;
  summary: string;
  /** FULL view only (null in the SHARED view). */
  rule: string | null;
  visibility: "STAFF" | "SHARED";
  actorName: string | null;
  /** FULL view only: a free-text reason kept out of the shared summary (R-80). */
  detail: string | null;
};

/** `ownPage`: done on a page of its own under the case (the meeting record, issue 10), not the transition form. */
export type TransitionAction = { name: TransitionName; label: string; destructive: boolean; ownPage: string | null };

/**
 * Issue 14 (decision 0041): the timeline is shown a page at a time, newest first — every entry is
 * reachable however long a case runs (it used to stop at the newest 200), and the case page stays
 * quick to open.
 */
export const TIMELINE_PAGE_SIZE = 50;

/** The timeline page asked for (`?timeline=3`): a bad or hand-edited value is the first page, never an error. */
const timelinePageSchema = z.preprocess((v) => (Array.isArray(v) ? v[0] : v) || undefined, z.coerce.number().int().min(1).max(1_000_000).default(1)).catch(1);

export function parseTimelinePage(raw: unknown): number {
  return timelinePageSchema.parse(raw);
}

export type TimelinePage = { page: number; pageCount: number; total: number; pageSize: number };

type EventRow = { id: string; at: string; type: string; summary: string; rule: string | null; visibility: "STAFF" | "SHARED"; actorId: string | null; actorName: string | null; data: unknown };

/** A stored day (to_char'd ISO) as the Date the lifecycle's snapshot and the views read. */
const dbDay = (iso: string | null): Date | null => (iso ? dbDateFromIso(iso) : null);

type Day = string | null;
type CaseRow = {
  id: string;
  reference: string;
  kind: "MEDIATION" | "ADVICE_ONLY" | "DRS";
  familyParty: CaseBase["familyParty"];
  status: CaseBase["status"];
  version: number;
  allocatedMediatorId: string | null;
  requestedBy: CaseBase["requestedBy"];
  disputedDecisions: CaseBase["disputedDecisions"];
  decisionUnknown: boolean;
  appealLodgedOn: Day;
  appealReference: string | null;
  drsScope: CaseBase["drsScope"];
  decisionSentOn: Day;
  laNotifiedOn: Day;
  meetingOn: Day;
  heldOn: Day;
  agreement: CaseBase["agreement"];
  summary: string | null;
  staffNotes: string | null;
  statusBeforeClose: CaseBase["statusBeforeClose"];
  createdAt: Date;
  updatedAt: Date;
  healthBody: { id: string; name: string } | null;
  localAuthority: { id: string; name: string };
  allocatedMediator: { id: string; name: string } | null;
  child: { name: string; dateOfBirth: Day; setting: string | null; hasEhcPlan: boolean | null } | null;
  parties: (Omit<PartyBase, "consentOn" | "createdAt" | "caseId" | "nameKey"> & { consentOn: Day })[];
  issues: { id: string; category: CaseIssueBase["category"]; description: string }[];
  deadlines: { id: string; name: string; rule: string; triggerOn: string; dueOn: string; closedOn: Day; outcome: string | null; daysLate: number | null }[];
  notArrangedCertificates: number;
  openObligations: number;
  /** The timeline entries this view shows, all pages. */
  timelineTotal: number;
  /** The timeline page asked for (empty past the last). */
  timeline: EventRow[];
  /** Staff view only (R-24): the booked joint (or DRS) meeting's invited, or null when none is booked. */
  bookedMeeting: { attendees: AuthorityAttendee[] } | null;
};
type CaseBase = Prisma.CaseGetPayload<{ select: { familyParty: true; status: true; requestedBy: true; disputedDecisions: true; drsScope: true; agreement: true; statusBeforeClose: true } }>;
type PartyBase = Prisma.PartyGetPayload<object>;
type CaseIssueBase = Prisma.CaseIssueGetPayload<object>;

/**
 * Issue 14 (decision 0033): the case with its parties, issues and deadlines (and what the
 * lifecycle's snapshot counts) in one hand-written statement — Prisma's own statement for the same
 * took about 1 ms in PostgreSQL but 5 ms with its work in Node. Through caseScopeSql (the SQL twin
 * of caseScope): a case outside the scope is no row (404). R-80 / data minimisation: the staff
 * notes, the parties' contact details and the dates of their answers, and the child's date of
 * birth are not even read for the shared view. For the staff view, R-24's booked meeting's invited
 * are read with it (they were a further statement after it).
 */
function caseSql(user: SessionUser, id: string, full: boolean, timelinePage: number): Prisma.Sql {
  const staff = (col: Prisma.Sql) => (full ? col : Prisma.sql`NULL`);
  const day = (col: Prisma.Sql) => Prisma.sql`to_char(${col}, 'YYYY-MM-DD')`;
  return Prisma.sql`
    SELECT c."id", c."reference", c."kind"::text AS "kind", c."familyParty"::text AS "familyParty", c."status"::text AS "status", c."version",
      c."allocatedMediatorId", c."requestedBy"::text AS "requestedBy", c."disputedDecisions"::text[] AS "disputedDecisions", c."decisionUnknown",
      ${day(Prisma.sql`c."appealLodgedOn"`)} AS "appealLodgedOn", c."appealReference", c."drsScope"::text AS "drsScope",
      ${day(Prisma.sql`c."decisionSentOn"`)} AS "decisionSentOn", ${day(Prisma.sql`c."laNotifiedOn"`)} AS "laNotifiedOn",
      ${day(Prisma.sql`c."meetingOn"`)} AS "meetingOn", ${day(Prisma.sql`c."heldOn"`)} AS "heldOn",
      c."agreement"::text AS "agreement", c."summary", ${staff(Prisma.sql`c."staffNotes"`)} AS "staffNotes",
      c."statusBeforeClose"::text AS "statusBeforeClose", c."createdAt", c."updatedAt",
      CASE WHEN hb."id" IS NULL THEN NULL ELSE json_build_object('id', hb."id", 'name', hb."name") END AS "healthBody",
      json_build_object('id', la."id", 'name', la."name") AS "localAuthority",
      CASE WHEN m."id" IS NULL THEN NULL ELSE json_build_object('id', m."id", 'name', m."name") END AS "allocatedMediator",
      CASE WHEN ch."id" IS NULL THEN NULL ELSE json_build_object('name', ch."name", 'dateOfBirth', ${staff(day(Prisma.sql`ch."dateOfBirth"`))},
        'setting', ch."setting", 'hasEhcPlan', ch."hasEhcPlan") END AS "child",
      COALESCE((SELECT json_agg(json_build_object('id', p."id", 'kind', p."kind", 'name', p."name", 'organisation', p."organisation", 'consent', p."consent",
          'hasAuthority', p."hasAuthority", 'email', ${staff(Prisma.sql`p."email"`)}, 'phone', ${staff(Prisma.sql`p."phone"`)}, 'address', ${staff(Prisma.sql`p."address"`)},
          'preferredContact', ${staff(Prisma.sql`p."preferredContact"`)}, 'accessNeeds', ${staff(Prisma.sql`p."accessNeeds"`)},
          'consentOn', ${staff(day(Prisma.sql`p."consentOn"`))}, 'consentHow', ${staff(Prisma.sql`p."consentHow"`)}, 'userId', ${staff(Prisma.sql`p."userId"`)})
          ORDER BY p."createdAt")
        FROM "Party" p WHERE p."caseId" = c."id"), '[]'::json) AS "parties",
      COALESCE((SELECT json_agg(json_build_object('id', i."id", 'category', i."category", 'description', i."description") ORDER BY i."id")
        FROM "CaseIssue" i WHERE i."caseId" = c."id"), '[]'::json) AS "issues",
      COALESCE((SELECT json_agg(json_build_object('id', d."id", 'name', d."name", 'rule', d."rule", 'triggerOn', ${day(Prisma.sql`d."triggerOn"`)}, 'dueOn', ${day(Prisma.sql`d."dueOn"`)},
          'closedOn', ${day(Prisma.sql`d."closedOn"`)}, 'outcome', d."outcome", 'daysLate', d."daysLate") ORDER BY d."dueOn", d."createdAt")
        FROM "CaseDeadline" d WHERE d."caseId" = c."id"), '[]'::json) AS "deadlines",
      (SELECT count(*)::int FROM "CaseDeadline" d WHERE d."caseId" = c."id" AND d."name" = 'CERTIFICATE_NOT_ARRANGED' AND d."outcome" IN ('MET', 'MISSED')) AS "notArrangedCertificates",
      (SELECT count(*)::int FROM "Obligation" o WHERE o."caseId" = c."id" AND o."status" = 'OPEN') AS "openObligations",
      (SELECT count(*)::int FROM "CaseEvent" e WHERE e."caseId" = c."id" ${shownEventsSql(full)}) AS "timelineTotal",
      ${timelineSql(full, timelinePage)} AS "timeline",
      ${
        full
          ? Prisma.sql`(SELECT json_build_object('attendees', COALESCE((SELECT json_agg(json_build_object('response', a."response", 'kind', p."kind", 'hasAuthority', p."hasAuthority"))
                FROM "MeetingAttendee" a JOIN "Party" p ON p."id" = a."partyId" WHERE a."meetingId" = bm."id"), '[]'::json))
              FROM "Meeting" bm WHERE bm."caseId" = c."id" AND bm."kind" IN ('JOINT_MEETING', 'DRS_MEETING') AND bm."status" = 'SCHEDULED' LIMIT 1)`
          : Prisma.sql`NULL::json`
      } AS "bookedMeeting"
    FROM "Case" c
    JOIN "LocalAuthority" la ON la."id" = c."localAuthorityId"
    LEFT JOIN "HealthBody" hb ON hb."id" = c."healthBodyId"
    LEFT JOIN "User" m ON m."id" = c."allocatedMediatorId"
    LEFT JOIN "Child" ch ON ch."caseId" = c."id"
    WHERE c."id" = ${id} AND ${caseScopeSql(user)}`;
}

/** R-80: the shared view's timeline is its SHARED entries only. */
const shownEventsSql = (full: boolean) => (full ? Prisma.empty : Prisma.sql`AND e."visibility" = 'SHARED'`);

/**
 * One page of the case `c`'s timeline as json, newest first, with its actors' names (the data, which
 * may hold a reason kept out of the shared summary, for the full view only: R-80).
 */
function timelineSql(full: boolean, page: number): Prisma.Sql {
  return Prisma.sql`COALESCE((SELECT json_agg(json_build_object('id', e."id", 'at', ${isoInstantSql(Prisma.sql`e."at"`)}, 'type', e."type", 'summary', e."summary",
        'rule', e."rule", 'visibility', e."visibility", 'actorId', e."actorId", 'actorName', u."name", 'data', ${full ? Prisma.sql`e."data"` : Prisma.sql`NULL::jsonb`})
        ORDER BY e."at" DESC, e."id" DESC)
      FROM (SELECT * FROM "CaseEvent" e WHERE e."caseId" = c."id" ${shownEventsSql(full)} ORDER BY e."at" DESC, e."id" DESC
        LIMIT ${TIMELINE_PAGE_SIZE} OFFSET ${(page - 1) * TIMELINE_PAGE_SIZE}) e
      LEFT JOIN "User" u ON u."id" = e."actorId"), '[]'::json)`;
}

/** The row with its days as Dates, shaped as the lifecycle's snapshot (toSnapshot) reads a case. */
function fromRow(r: CaseRow) {
  return {
    ...r,
    appealLodgedOn: dbDay(r.appealLodgedOn),
    decisionSentOn: dbDay(r.decisionSentOn),
    laNotifiedOn: dbDay(r.laNotifiedOn),
    meetingOn: dbDay(r.meetingOn),
    heldOn: dbDay(r.heldOn),
    child: r.child ? { ...r.child, dateOfBirth: dbDay(r.child.dateOfBirth) } : null,
    parties: r.parties.map((p) => ({ ...p, consentOn: dbDay(p.consentOn) })),
    deadlines: r.deadlines.map((d) => ({ ...d, triggerOn: dbDateFromIso(d.triggerOn), dueOn: dbDateFromIso(d.dueOn), closedOn: dbDay(d.closedOn) })),
    _count: { deadlines: r.notArrangedCertificates, obligations: r.openObligations },
  };
}

/** `timelinePage`: which page of the timeline (TIMELINE_PAGE_SIZE entries, newest first); past the last, the last. */
export async function getCaseDetail(user: SessionUser, id: string, opts: { timelinePage?: number } = {}) {
  authorize(user, "case:read");
  const view = caseViewFor(user);
  const full = view === "FULL";
  // Issue 14 (decision 0033): one round. The case with its parties, issues, deadlines and the
  // timeline's page with its count and its actors' names is one hand-written statement (caseSql),
  // the case through caseScopeSql (the SQL twin of caseScope), through the pool (readRows, decision
  // 0040: text, int4, bool, json, timestamptz, text[]); and the read audit (issue 13: who viewed
  // the case, and when, one row per user per case per READ_AUDIT_WINDOW_MINUTES) is written beside
  // it, only if the case is in the user's scope. Not in a transaction, so each takes its own
  // pooled connection. Only a timeline page past the last (a stale or hand-edited link) takes a
  // second round, for the last page.
  let timelinePage = opts.timelinePage ?? 1;
  const [[row]] = await Promise.all([
    readRows<CaseRow>(caseSql(user, id, full, timelinePage)),
    auditRead(user, { action: "case.viewed", entityType: "Case", entityId: id, caseId: id }, { whenCaseIn: caseScopeSql(user) }),
  ]);
  const c = row ? fromRow(row) : null;
  if (!c) throw new NotFoundError("case");
  let events = c.timeline;
  const timelinePageCount = Math.max(1, Math.ceil(c.timelineTotal / TIMELINE_PAGE_SIZE));
  if (timelinePage > timelinePageCount) {
    timelinePage = timelinePageCount;
    const [again] = await readRows<CaseRow>(caseSql(user, id, full, timelinePage));
    if (!again) throw new NotFoundError("case");
    events = again.timeline;
  }
  const { parties, issues, deadlines } = c;
  const snapshot = toSnapshot({ ...c, deadlines: deadlines.filter((d) => d.closedOn === null) });
  const actor = { id: user.id, role: user.role };
  const open = !isTerminalStatus(c.status);
  // R-13: "change mediator" is offered only when someone else could take the case (looked up only
  // when everything else about it is allowed). R-24's warnings: from what was read with the case.
  const canReallocate = checkTransition(snapshot, "reallocate", actor).ok;
  // Only staff get this far (the full view), so the parties' emails were read above.
  const forConflicts = { localAuthority: c.localAuthority, parties: parties.map((p) => ({ name: p.name, organisation: p.organisation, email: p.email ?? null })) };
  const eligible = canReallocate ? await eligibleMediatorIds(db(), forConflicts) : undefined;
  const warnings = full && ["ALLOCATED", "PREPARING", "MEETING_SCHEDULED"].includes(c.status) ? authorityWarningsOf(c, parties) : [];
  if (eligible) snapshot.eligibleMediatorIds = eligible;
  const transitions: TransitionAction[] = availableTransitions(snapshot, actor).map((t) => ({
    name: t.name,
    label: t.label,
    destructive: isDestructive(t),
    ownPage: t.ownPage ?? null,
  }));
  // The next step held back by a rule the user can act on (allocation waits for consent, R-73),
  // so the page can say why instead of silently leaving the button out.
  const blocked = TRANSITIONS.filter((t) => t.explainWhenBlocked).flatMap((t) => {
    const r = checkTransition(snapshot, t.name, actor);
    return !r.ok && r.code === "GUARD_FAILED" ? [{ name: t.name, label: t.label, reason: r.message }] : [];
  });

  const today = todayInLondon();
  const meetingOn = toIso(c.meetingOn);
  const deadlineViews = deadlines.filter((d) => isDeadlineName(d.name)).map((d) => toDeadlineView(d, today, meetingOn, full));
  // Issue 9 item 13: families and LA officers read the same sentences without rule ids.
  const shown = (text: string) => (full ? text : withoutRuleIds(text));

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
    /** R-02: the decisions disputed, in staff wording ("Not known yet", "None: …" when there are none). */
    decisions: c.kind === "DRS" ? [] : decisionLines(c).map(shown),
    decisionUnknown: c.kind !== "DRS" && c.decisionUnknown,
    /** R-04: only section I is disputed, so no certificate is needed to appeal. */
    sectionIOnly: c.kind !== "DRS" && isSectionIOnly(c.disputedDecisions),
    appeal: c.appealLodgedOn ? { lodgedOn: toIso(c.appealLodgedOn)!, reference: c.appealReference } : null,
    healthBody: c.healthBody,
    drsScope: c.drsScope,
    decisionSentOn: toIso(c.decisionSentOn),
    laNotifiedOn: toIso(c.laNotifiedOn),
    meetingOn: toIso(c.meetingOn),
    heldOn: toIso(c.heldOn),
    /** R-40, R-72: whether the meeting reached an agreement (null until it is recorded as held). */
    agreement: c.agreement ? AGREEMENT_LABELS[c.agreement] : null,
    summary: c.summary,
    /** FULL view only (null in the SHARED view): notes for the mediation team (R-80). */
    staffNotes: full ? (c.staffNotes ?? null) : null,
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
        at: e.at,
        type: e.type,
        summary: shown(e.summary),
        rule: full ? e.rule : null,
        visibility: e.visibility,
        actorName: e.actorId ? e.actorName : null,
        detail: full ? reasonFrom(e.data) : null,
      }),
    ),
    timelinePage: { page: timelinePage, pageCount: timelinePageCount, total: c.timelineTotal, pageSize: TIMELINE_PAGE_SIZE } satisfies TimelinePage,
    transitions,
    blocked,
    /** R-20, R-23: "Mediation could not take place within 30 days", why, and the certificate (null when not late). */
    notWithin30Days:
      notWithin30Days({
        kind: c.kind,
        status: c.status,
        today,
        meetingOn,
        deadlines: deadlines.map((d) => ({ name: d.name, triggerOn: isoFromDbDate(d.triggerOn), dueOn: isoFromDbDate(d.dueOn), closedOn: toIso(d.closedOn), outcome: d.outcome })),
        staff: full,
      })?.map(shown) ?? null,
    /**
     * R-24: before the meeting, staff are warned when no LA (or ICB) representative with authority
     * is recorded; once the joint meeting is booked, when none is among those invited to it.
     */
    authorityWarnings: warnings,
    // A closed or not-proceeding case can no longer be changed (its details, parties or consent).
    can: { update: open && can(user, "case:update"), allocate: open && can(user, "case:allocate") },
    /** Issue 10: the link to the mediator's pre-meetings with each party, from allocation to the joint meeting. */
    preMeetingsLink: can(user, "meeting:manage") && !!c.allocatedMediator && PRE_MEETING_STATUSES.includes(c.status),
  };
}

export type CaseDetail = Awaited<ReturnType<typeof getCaseDetail>>;

function authorityWarningsOf(
  c: { kind: "MEDIATION" | "ADVICE_ONLY" | "DRS"; issues: { category: string }[]; healthBody: { id: string } | null; bookedMeeting: { attendees: AuthorityAttendee[] } | null },
  parties: { kind: string; hasAuthority: boolean | null }[],
): string[] {
  const hasHealthIssue = c.issues.some((i) => i.category === "HEALTH");
  if (!c.bookedMeeting) return authorityWarnings({ kind: c.kind, hasHealthIssue, parties });
  return meetingAuthorityWarnings({ kind: c.kind, involvesHealthBody: hasHealthIssue || c.healthBody !== null, attendees: c.bookedMeeting.attendees });
}

function reasonFrom(data: unknown): string | null {
  if (data && typeof data === "object" && "reason" in data && typeof (data as { reason: unknown }).reason === "string") {
    return (data as { reason: string }).reason;
  }
  return null;
}

function toDeadlineView(
  d: { id: string; name: string; rule: string; triggerOn: Date; dueOn: Date; closedOn: Date | null; outcome: string | null; daysLate: number | null },
  today: string,
  meetingOn: string | null,
  full: boolean,
): DeadlineView {
  const shown = (text: string) => (full ? text : withoutRuleIds(text));
  const name = d.name as DeadlineName;
  const triggerOn = isoFromDbDate(d.triggerOn);
  const dueOn = isoFromDbDate(d.dueOn);
  let explanation: string;
  let state: DeadlineState | null = null;
  try {
    explanation = explainDeadline(name, triggerOn).text;
  } catch (e) {
    // R-64: outside the years the holiday data covers the engine refuses to guess.
    if (!isDeadlineInputError(e)) throw e;
    explanation = `${formatLongDate(dueOn)}: ${e.message}`;
  }
  if (!d.closedOn) {
    try {
      state = deadlineState(dueOn, today, { name, meetingOn });
    } catch (e) {
      if (!isDeadlineInputError(e)) throw e;
      state = dueOn < today ? "OVERDUE" : willBeMissed(name, dueOn, meetingOn) ? "WILL_BE_MISSED" : "ON_TRACK";
    }
  }
  return {
    id: d.id,
    name,
    label: DEADLINES[name].label,
    rule: full ? d.rule : null,
    triggerOn,
    dueOn,
    dueText: formatLongDate(dueOn),
    explanation: shown(explanation),
    closedOn: toIso(d.closedOn),
    outcome: d.outcome,
    daysLate: d.daysLate,
    outcomeText: d.closedOn ? shown(closedOutcomeText(name, d.outcome, d.daysLate)) : null,
    state,
    stateLabel: state ? DEADLINE_STATE_LABELS[state] : null,
    stateNote: state === "WILL_BE_MISSED" && meetingOn ? shown(`The meeting is booked for ${formatDate(meetingOn)}, after this date (R-20).`) : null,
  };
}

