/**
 * Fixtures of the case command tests (real PostgreSQL, shared with other test files, so every
 * fixture has a unique name): users of every role, a case in any state, and helpers that prove a
 * refused command wrote nothing (status, version, deadlines, events, audit).
 */
import { beforeAll } from "vitest";
import { db } from "@/lib/platform/db";
import type { Agreement, CaseKind, CaseStatus, Consent, DisputedDecision, IssueCategory, PartyKind } from "@/lib/platform/db";
import type { SessionUser } from "@/lib/auth/types";
import { DomainError } from "@/lib/platform/errors";
import { dbDateFromIso, isoFromDbDate } from "@/lib/deadlines";
import { openDeadlines, refreshNextDeadline } from "@/lib/cases/deadlines/open-close";
import type { DeadlineName } from "@/lib/cases/lifecycle";
import { recordMeeting } from "@/lib/meetings/record/record-meeting";
import { makeLa, makeUser, uid } from "../helpers";

export let la: { id: string; name: string };
export let otherLa: { id: string; name: string };
export let caseworker: SessionUser;
export let caseworker2: SessionUser;
export let admin: SessionUser;
export let mediator: SessionUser;
export let mediator2: SessionUser;
export let laOfficer: SessionUser;
export let parentUser: SessionUser;

/** Call at the top of a test file: creates the LAs and users the case helpers below use. */
export function setUpCaseFixtures() {
  beforeAll(async () => {
  la = await makeLa(`Commandshire ${uid()}`);
  otherLa = await makeLa(`Elsewhere ${uid()}`);
  caseworker = await makeUser("CASEWORKER", { name: "Cara Commands" });
  caseworker2 = await makeUser("CASEWORKER", { name: "Carl Concurrent" });
  admin = await makeUser("ADMIN");
  mediator = await makeUser("MEDIATOR", { name: `Mina Mediator ${uid()}` });
  mediator2 = await makeUser("MEDIATOR", { name: `Milo Mediator ${uid()}` });
  laOfficer = await makeUser("LA_OFFICER", { localAuthorityId: la.id });
  parentUser = await makeUser("PARENT");
  });
}

export type CaseOpts = {
  status?: CaseStatus;
  kind?: CaseKind;
  familyParty?: "PARENT" | "YOUNG_PERSON";
  laId?: string;
  mediatorId?: string | null;
  consent?: Consent;
  familyEmail?: string;
  familyUserId?: string;
  issues?: IssueCategory[];
  /** What the meeting reached, for a case whose meeting was held. */
  agreement?: Agreement;
  /** Open deadlines, all triggered on this date. */
  deadlines?: { names: DeadlineName[]; triggerOn: string };
  parties?: { kind: PartyKind; name: string; organisation?: string; email?: string; consent?: Consent; consentOn?: string }[];
  /** The case's recorded dates (ISO). */
  dates?: { decisionSentOn?: string; laNotifiedOn?: string; meetingOn?: string; heldOn?: string };
  /** The day the family party told us their answer (with `consent`). */
  consentOn?: string;
  /** the decisions disputed, and whether they are not known yet. */
  decisions?: DisputedDecision[];
  decisionUnknown?: boolean;
  /** A child record, with whether they have an EHC plan (null: not known). */
  child?: { hasEhcPlan: boolean | null };
  /** The status a closed case left. */
  statusBeforeClose?: CaseStatus;
};

const dateOrNull = (iso: string | undefined) => (iso ? dbDateFromIso(iso) : null);

export async function makeCase(o: CaseOpts = {}) {
  // Parties created together share a timestamp; one millisecond apart they list in the order given (family first).
  const createdAt = new Date();
  const c = await db().case.create({
    data: {
      reference: `SM-CMD-${uid()}`,
      kind: o.kind ?? "MEDIATION",
      familyParty: o.familyParty ?? "PARENT",
      status: o.status ?? "REFERRED",
      localAuthorityId: o.laId ?? la.id,
      allocatedMediatorId: o.mediatorId ?? null,
      decisionSentOn: dateOrNull(o.dates?.decisionSentOn),
      laNotifiedOn: dateOrNull(o.dates?.laNotifiedOn),
      meetingOn: dateOrNull(o.dates?.meetingOn),
      heldOn: dateOrNull(o.dates?.heldOn),
      agreement: o.agreement ?? null,
      disputedDecisions: o.decisions ?? [],
      decisionUnknown: o.decisionUnknown ?? false,
      statusBeforeClose: o.statusBeforeClose ?? null,
      ...(o.child ? { child: { create: { name: `Child ${uid()}`, hasEhcPlan: o.child.hasEhcPlan } } } : {}),
      issues: { create: (o.issues ?? ["EDUCATION"]).map((category) => ({ category, description: `${category} issue` })) },
      parties: {
        create: (
          o.parties ?? [
            { kind: "PARENT", name: "Jane Family", email: o.familyEmail ?? `jane-${uid()}@family.example`, consent: o.consent ?? "PENDING", consentOn: o.consentOn, userId: o.familyUserId ?? null },
            { kind: "LA", name: "Officer Rep", organisation: la.name, email: `rep-${uid()}@la.example` },
          ]
        ).map((p, i) => ({ ...p, consentOn: dateOrNull(p.consentOn), createdAt: new Date(createdAt.getTime() + i) })),
      },
    },
    select: { id: true, reference: true },
  });
  if (o.deadlines) await openCaseDeadlines(c.id, o.deadlines.names, o.deadlines.triggerOn);
  return c;
}

/** Opens deadlines on a case (dated by the engine from `triggerOn`), as a transition would. */
export async function openCaseDeadlines(caseId: string, names: DeadlineName[], triggerOn: string) {
  await db().$transaction(async (tx) => {
    await openDeadlines(tx, caseId, names, triggerOn);
    await refreshNextDeadline(tx, caseId);
  });
}

/** Everything a command may write, to prove that a refused command wrote nothing. */
export async function stateOf(caseId: string) {
  const [c, deadlines, events, audits, parties] = await Promise.all([
    db().case.findUniqueOrThrow({
      where: { id: caseId },
      select: {
        status: true,
        version: true,
        decisionSentOn: true,
        laNotifiedOn: true,
        meetingOn: true,
        heldOn: true,
        allocatedMediatorId: true,
        nextDeadlineOn: true,
        summary: true,
        agreement: true,
        disputedDecisions: true,
        decisionUnknown: true,
        healthBodyId: true,
        statusBeforeClose: true,
        appealLodgedOn: true,
        appealReference: true,
        child: { select: { hasEhcPlan: true } },
        issues: { select: { id: true, category: true, description: true }, orderBy: { id: "asc" } },
      },
    }),
    db().caseDeadline.findMany({ where: { caseId }, select: { name: true, dueOn: true, closedOn: true, outcome: true, daysLate: true }, orderBy: { createdAt: "asc" } }),
    db().caseEvent.count({ where: { caseId } }),
    db().auditEvent.count({ where: { caseId } }),
    db().party.findMany({ where: { caseId }, select: { id: true, consent: true, consentOn: true, email: true }, orderBy: { createdAt: "asc" } }),
  ]);
  return { ...c, deadlines, events, audits, parties };
}

export async function deadlinesOf(caseId: string) {
  const rows = await db().caseDeadline.findMany({ where: { caseId }, orderBy: { createdAt: "asc" } });
  return rows.map((d) => ({ name: d.name, dueOn: isoFromDbDate(d.dueOn), closedOn: d.closedOn ? isoFromDbDate(d.closedOn) : null, outcome: d.outcome }));
}

export async function refusal(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected the command to be refused, but it succeeded");
}

export const fieldError = (e: Error, field: string) => (e instanceof DomainError ? e.fieldErrors?.[field] : undefined);


/**
 * "Meeting held" as it is now recorded: with the meeting record (issue 10). The smallest record:
 * the parent attended, the child's views could not be found out, no expenses.
 */
export function recordMeetingHeld(user: SessionUser, caseId: string, expectedVersion: number, o: { heldOn: string; agreement?: string }) {
  return recordMeeting(user, {
    caseId,
    expectedVersion,
    heldOn: o.heldOn,
    startTime: "10:00",
    endTime: "12:00",
    mode: "VIDEO",
    attendees: [{ attended: true, partyId: "", name: "Jane Family", capacity: "PARENT", organisation: "", hasAuthority: "" }],
    childViewsHow: ["NOT_POSSIBLE"],
    childViews: "",
    childViewsNotPossibleReason: "Unwell on the day and not able to take part.",
    expensesClaimed: "no",
    expensesAmount: "",
    expensesFor: "",
    expensesPayer: "",
    expensesStatus: "",
    agreement: o.agreement ?? "",
    privateNotes: "",
  });
}
