/**
 * A create form's submission, done once (issue 14, decision 0035). A double click, or a retry after
 * a timeout, sends the same form twice; the second must create nothing and be answered as the first.
 *
 * - The page renders a fresh random key into the form (newSubmissionKey, a hidden field: works
 *   without JavaScript). The action chain (app/_server/action.ts) opens a Submission for a post that
 *   carries one: its key is the SHA-256 of the form's key and what was posted with it (so a form
 *   left on screen and sent again with other answers is a new submission), kept per actor (a
 *   signed-in user's id, or "public"): another user's key is never taken for this user's.
 * - The claim is made in the SAME transaction as the change: writeAudit (every state change writes
 *   its audit row in the change's transaction) calls claimSubmission, which inserts the
 *   SubmissionKey row with ON CONFLICT DO NOTHING. A second submission at the same time waits on
 *   the first's uncommitted row, then finds it taken: AlreadySubmittedError rolls its whole
 *   transaction back. If the first rolls back (a refusal, a crash), the key is free again. A
 *   validation failure writes no audit row, so it claims nothing.
 * - The chain then records the first one's outcome (a redirect or a form state); a later
 *   submission with the key is answered with it without running the command (priorSubmission,
 *   waiting up to SUBMISSION_REPLAY_WAIT_MS while the first is still finishing).
 */
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { createHash, randomUUID } from "node:crypto";
import { db, type Prisma, type Tx } from "@/lib/platform/db";
import { SUBMISSION_KEY_FIELD } from "./field";

/** How long a key is kept (and so how late a retry is still recognised); purged by the nightly scan. */
export const SUBMISSION_KEY_TTL_HOURS = 24;
/** How long a second submission waits for the first one's answer before saying it is still being dealt with. */
export const SUBMISSION_REPLAY_WAIT_MS = Number(process.env.SUBMISSION_REPLAY_WAIT_MS ?? 10_000);
const REPLAY_POLL_MS = 100;
/** A key is a UUID; anything longer is not one of ours (and is ignored rather than stored). */
const MAX_FORM_KEY_LENGTH = 64;

export type Submission = { actorKey: string; key: string; claimed: boolean };

/** What the first submission answered: kept as the chain gave it (a redirect or a form state), as JSON. */
export type SubmissionOutcome = unknown;

export type PriorSubmission = { entityType: string; entityId: string; outcome: SubmissionOutcome | null };

/** Thrown inside the transaction that found the key taken: it rolls back; the chain answers as the first. */
export class AlreadySubmittedError extends Error {
  constructor() {
    super("This form was already sent.");
    this.name = "AlreadySubmittedError";
  }
}

const current = new AsyncLocalStorage<Submission>();

/** A fresh key for a create form, made when the page renders it. */
export function newSubmissionKey(): string {
  return randomUUID();
}

/** The submission a post carries, or null for a form without a key (it runs as before). */
export function openSubmission(form: FormData, actorId: string | null): Submission | null {
  const formKey = form.get(SUBMISSION_KEY_FIELD);
  if (typeof formKey !== "string" || formKey.length === 0 || formKey.length > MAX_FORM_KEY_LENGTH) return null;
  const hash = createHash("sha256").update(formKey);
  const entries = [...form.entries()].filter(([k]) => k !== SUBMISSION_KEY_FIELD && !k.startsWith("$ACTION")).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [k, v] of entries) hash.update(`\n${k}=${typeof v === "string" ? v : `file:${v.name}:${v.size}:${v.type}`}`);
  return { actorKey: actorId ?? "public", key: hash.digest("hex"), claimed: false };
}

/** Runs the command with the submission open, so that its transaction's audit row claims the key. */
export function runInSubmission<T>(submission: Submission, fn: () => Promise<T>): Promise<T> {
  return current.run(submission, fn);
}

/**
 * Called by writeAudit with the change's transaction: the first audit row of an open submission
 * claims its key (a later row of the same command does nothing). Throws AlreadySubmittedError when
 * another submission with the key already committed (after waiting for it, if it was in flight).
 */
export async function claimSubmission(tx: Tx, entity: { entityType: string; entityId: string }): Promise<void> {
  const s = current.getStore();
  if (!s || s.claimed) return;
  const r = await tx.submissionKey.createMany({ data: [{ actorKey: s.actorKey, key: s.key, entityType: entity.entityType, entityId: entity.entityId }], skipDuplicates: true });
  if (r.count === 0) throw new AlreadySubmittedError();
  s.claimed = true;
}

/** Records the first submission's answer, for the ones after it. */
export async function recordSubmissionOutcome(s: Submission, outcome: SubmissionOutcome): Promise<void> {
  await db().submissionKey.updateMany({ where: { actorKey: s.actorKey, key: s.key }, data: { outcome: JSON.parse(JSON.stringify(outcome)) as Prisma.InputJsonValue } });
}

/**
 * The committed submission with this key, or null. A claim whose answer is not yet recorded (the
 * first is still finishing) is polled for up to SUBMISSION_REPLAY_WAIT_MS; its outcome is null if
 * it never came (the first failed after its change was saved).
 */
export async function priorSubmission(s: Submission): Promise<PriorSubmission | null> {
  const deadline = Date.now() + SUBMISSION_REPLAY_WAIT_MS;
  for (;;) {
    const row = await db().submissionKey.findUnique({ where: { actorKey_key: { actorKey: s.actorKey, key: s.key } }, select: { entityType: true, entityId: true, outcome: true } });
    if (!row) return null;
    if (row.outcome !== null || Date.now() >= deadline) return { entityType: row.entityType, entityId: row.entityId, outcome: row.outcome };
    await new Promise((r) => setTimeout(r, REPLAY_POLL_MS));
  }
}
