/**
 * The caseworker's unsent referral, kept on the server (issue 9 items 12, 14): one `ReferralDraft`
 * row per user, so each step of /cases/new is a page of its own that works without JavaScript,
 * survives a reload and follows the caseworker to another device. Each step is checked with its own
 * schema (./referral-steps.ts → ./referral-schema.ts); the case is made by ./create-referral.ts.
 *
 * The answers go when the case is created (the row then only remembers which case it made, so
 * posting the same answers again says so instead of making a second case), and the row on "Start
 * again", on sign-out, and after DRAFT_DAYS untouched.
 */
import "server-only";
import { db, type Tx } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { DomainError } from "@/lib/platform/errors";
import { todayInLondon } from "@/lib/deadlines";
import { REFERRAL_STEPS, emptyReferral, stepOfField, type ReferralFormValues, type ReferralStep } from "./referral-schema";
import {
  INTENT_FIELD,
  answersFromPost,
  answersFromStored,
  applyRowChange,
  firstIncompleteStep,
  hasAnswers,
  isReferralStage,
  isReferralStep,
  prefillParties,
  rowChangeOf,
  serverProblemsOf,
  stageAfter,
  stepProblems,
  type Posted,
  type ReferralStage,
} from "./referral-steps";
import { createReferral, type CreatedCase } from "./create-referral";

/** An untouched draft is deleted after this many days. */
export const DRAFT_DAYS = 7;

export type ReferralDraft = {
  values: ReferralFormValues;
  /** Where the caseworker was: /cases/new opens this page. */
  stage: ReferralStage;
  /** Check your answers was reached: a step saved afterwards goes back there. */
  reachedCheck: boolean;
  /** The problems each step shows: its own checks once it was posted, and what creating found. */
  problems: Record<ReferralStep, Record<string, string>>;
  /** Answers were saved (a draft, rather than a new form). */
  started: boolean;
  /** Changes on every save: a form keyed by it starts afresh from the saved answers. */
  revision: string;
  /** The case made from these answers, until a new referral is started. */
  createdCaseId: string | null;
};

type Row = NonNullable<Awaited<ReturnType<typeof readRow>>>;

const cutoff = (now: Date) => new Date(now.getTime() - DRAFT_DAYS * 24 * 60 * 60 * 1000);

/** Drafts untouched for DRAFT_DAYS are deleted (whoever's they are) before any draft is read. */
async function readRow(userId: string, now: Date) {
  await db().referralDraft.deleteMany({ where: { updatedAt: { lt: cutoff(now) } } });
  return db().referralDraft.findUnique({ where: { userId } });
}

const stringRecord = (v: unknown): Record<string, string> =>
  v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === "string")) : {};

function view(row: Row | null, today: string): ReferralDraft {
  const values = row ? answersFromStored(row.values) : emptyReferral();
  const checked = new Set((row?.checked ?? []).filter(isReferralStep));
  const serverErrors = stringRecord(row?.serverErrors);
  const problems = Object.fromEntries(
    REFERRAL_STEPS.map((s) => [s, { ...serverProblemsOf(serverErrors, s), ...(checked.has(s) ? stepProblems(values, s, today) : {}) }]),
  ) as ReferralDraft["problems"];
  return {
    values,
    stage: row && isReferralStage(row.stage) ? row.stage : "who",
    reachedCheck: row?.reachedCheck ?? false,
    problems,
    started: hasAnswers(values),
    revision: row ? String(row.updatedAt.getTime()) : "new",
    createdCaseId: row?.createdCaseId ?? null,
  };
}

/** The caseworker's draft (an empty one when there is none). */
export async function getReferralDraft(user: SessionUser, now: Date = new Date()): Promise<ReferralDraft> {
  authorize(user, "case:create");
  return view(await readRow(user.id, now), todayInLondon(now));
}

type Saved = { values: ReferralFormValues; stage: ReferralStage; checked: Set<ReferralStep>; serverErrors: Record<string, string>; reachedCheck: boolean };

async function write(userId: string, s: Saved) {
  const data = {
    values: s.values,
    stage: s.stage,
    checked: [...s.checked],
    serverErrors: s.serverErrors,
    reachedCheck: s.reachedCheck,
    // A new referral is under way: the case made before is forgotten.
    createdCaseId: null,
  };
  await db().referralDraft.upsert({ where: { userId }, create: { userId, ...data }, update: data });
}

export type StepSaved = {
  /** The page to show next: the same step (problems, or a row added or removed), the next, or check your answers. */
  stage: ReferralStage;
  /** An element to move to on that page (a new row's first question). */
  focus?: string;
  /** The step's problems (shown on its page), empty when it was accepted. */
  problems: Record<string, string>;
};

/**
 * Saves a step's post. "Add another" and "Remove" buttons change the rows and stay on the step;
 * "Continue" keeps the answers even when the step's checks refuse them (they are a draft: the
 * problems are shown beside the fields, and nothing is created until every step passes), then
 * moves on: to the next step, or after check your answers was reached, back there — unless an
 * earlier answer changed what a step needs (e.g. the kind of case), when that step is shown first.
 */
export async function saveReferralStep(user: SessionUser, step: string, posted: Posted, now: Date = new Date()): Promise<StepSaved> {
  authorize(user, "case:create");
  if (!isReferralStep(step)) throw new DomainError("There is no such step.", "NOT_FOUND");
  const today = todayInLondon(now);
  const row = await readRow(user.id, now);
  const before = view(row, today);
  let values = answersFromPost(step, posted, before.values);
  const checked = new Set((row?.checked ?? []).filter(isReferralStep));
  // What creating found on this step is answered by posting it again.
  const serverErrors = Object.fromEntries(Object.entries(stringRecord(row?.serverErrors)).filter(([path]) => stepOfField(path) !== step));
  const saved = { checked, serverErrors, reachedCheck: before.reachedCheck };

  const change = rowChangeOf(posted[INTENT_FIELD]);
  if (change && (step === "issues" || step === "parties") && change.group === step) {
    const changed = applyRowChange(values, change);
    // A new, empty row is not a mistake: its problems show when the step is posted.
    checked.delete(step);
    await write(user.id, { ...saved, values: changed.values, stage: step });
    return { stage: step, focus: changed.focus, problems: {} };
  }

  checked.add(step);
  const problems = stepProblems(values, step, today);
  if (Object.keys(problems).length > 0) {
    await write(user.id, { ...saved, values, stage: step });
    return { stage: step, problems };
  }
  let next: ReferralStage = stageAfter(step);
  if (saved.reachedCheck) {
    const incomplete = firstIncompleteStep(values, today);
    next = incomplete ?? "check";
    if (incomplete) checked.add(incomplete);
  }
  if (next === "parties") values = prefillParties(values);
  await write(user.id, { ...saved, values, stage: next, reachedCheck: saved.reachedCheck || next === "check" });
  return { stage: next, problems: {} };
}

/** "Start again": the answers are deleted. */
export async function discardReferralDraft(user: SessionUser): Promise<void> {
  authorize(user, "case:create");
  await db().referralDraft.deleteMany({ where: { userId: user.id } });
}

/** Signing out removes the unsent draft (called by the sign-out event, for whoever signs out). */
export async function deleteReferralDraftOf(userId: string): Promise<void> {
  await db().referralDraft.deleteMany({ where: { userId } });
}

export const ALREADY_CREATED = "ALREADY_CREATED";

export type DraftCreated =
  | { status: "created"; case: CreatedCase }
  /** The answers were already used: `caseId` is the case they made (posting again, e.g. after Back). */
  | { status: "already-created"; caseId: string | null }
  /** A step's answers need changing: its page shows why. */
  | { status: "invalid"; stage: ReferralStep };

/**
 * Creates the case from the draft (./create-referral.ts checks every answer again). In the same
 * transaction the answers are deleted and the row remembers the case, so two posts of the same
 * answers (a double click, Back and again) make one case. Problems creating found are stored by
 * field and shown on their step.
 */
export async function createReferralFromDraft(user: SessionUser, ip: string | null, now: Date = new Date()): Promise<DraftCreated> {
  authorize(user, "case:create", { hide: false });
  const row = await readRow(user.id, now);
  if (!row || row.createdCaseId || !hasAnswers(answersFromStored(row.values))) return { status: "already-created", caseId: row?.createdCaseId ?? null };
  const values = answersFromStored(row.values);
  try {
    const created = await createReferral(user, values, ip, now, {
      inTransaction: async (tx: Tx, made) => {
        const { count } = await tx.referralDraft.updateMany({
          where: { userId: user.id, createdCaseId: null },
          data: { values: emptyReferral(), stage: "who", checked: [], serverErrors: {}, reachedCheck: false, createdCaseId: made.id },
        });
        if (count === 0) throw new DomainError("This referral has already been created.", ALREADY_CREATED);
      },
    });
    return { status: "created", case: created };
  } catch (e) {
    if (e instanceof DomainError && e.code === ALREADY_CREATED) {
      const after = await db().referralDraft.findUnique({ where: { userId: user.id }, select: { createdCaseId: true } });
      return { status: "already-created", caseId: after?.createdCaseId ?? null };
    }
    if (!(e instanceof DomainError) || !e.fieldErrors || Object.keys(e.fieldErrors).length === 0) throw e;
    const refused = e.fieldErrors;
    const withProblems = REFERRAL_STEPS.filter((s) => Object.keys(serverProblemsOf(refused, s)).length > 0);
    // A step's own checks are worked out again on its page (so they go once put right, even on
    // another step); only what they cannot see (a date the engine cannot handle, an unknown LA) is kept.
    const today = todayInLondon(now);
    const ownChecks = Object.assign({}, ...REFERRAL_STEPS.map((s) => stepProblems(values, s, today))) as Record<string, string>;
    const serverErrors = Object.fromEntries(Object.entries(refused).filter(([path]) => !(path in ownChecks)));
    const checked = new Set([...row.checked.filter(isReferralStep), ...withProblems]);
    const stage = withProblems[0] ?? "who";
    await write(user.id, { values, stage, checked, serverErrors, reachedCheck: true });
    return { status: "invalid", stage };
  }
}
