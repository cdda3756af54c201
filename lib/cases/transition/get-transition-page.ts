/**
 * For /cases/[id]/transition/[name]: the form of one transition. NotFoundError when the case is
 * out of scope, the name is unknown, or this user's role may never do it (a 404, not a 403).
 */
import "server-only";
import { authorize } from "@/lib/auth/policy";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { checkTransition, getTransition, inputsFor, isDestructive, NON_PRINCIPAL_KINDS, STATUS_LABELS, type ConfirmText, type InputSpec, type TransitionName } from "../lifecycle";
import { findCaseOrThrow, SNAPSHOT_SELECT, toIso, toSnapshot } from "../store";

export type TransitionPageData = {
  case: { id: string; reference: string; kind: string; status: string; statusLabel: string; version: number };
  transition: { name: TransitionName; label: string; rule: string | null; destructive: boolean; confirm: ConfirmText | null };
  /** Why it cannot be done now (status, guard); null when it can. */
  refusal: string | null;
  inputs: InputSpec[];
  /** Values to start the form with: the case's current value of each column an input writes. */
  defaults: Record<string, string>;
  /** For a "which party" input: the parties to the disagreement (not supporters or interpreters). */
  parties: { id: string; name: string; kind: string }[];
};

export async function getTransitionPage(user: SessionUser, caseId: string, name: string): Promise<TransitionPageData> {
  authorize(user, "case:transition");
  const t = getTransition(name);
  if (!t) throw new NotFoundError("transition");
  const c = await findCaseOrThrow(user, caseId, { ...SNAPSHOT_SELECT, reference: true, laNotifiedOn: true, meetingOn: true, heldOn: true });
  const snapshot = toSnapshot(c);
  const check = checkTransition(snapshot, t.name, { id: user.id, role: user.role });
  if (!check.ok && (check.code === "ROLE_NOT_PERMITTED" || check.code === "UNKNOWN_TRANSITION")) throw new NotFoundError("transition");
  const inputs = inputsFor(t, snapshot.kind);
  const columns: Record<string, string | null> = { laNotifiedOn: toIso(c.laNotifiedOn), meetingOn: toIso(c.meetingOn), heldOn: toIso(c.heldOn) };
  const defaults: Record<string, string> = {};
  for (const i of inputs) {
    const current = i.type === "date" && i.column ? columns[i.column] : null;
    if (current) defaults[i.name] = current;
  }
  return {
    case: { id: c.id, reference: c.reference, kind: c.kind, status: c.status, statusLabel: STATUS_LABELS[c.status], version: c.version },
    transition: { name: t.name, label: t.label, rule: t.rule ?? null, destructive: isDestructive(t), confirm: t.confirm ?? null },
    refusal: check.ok ? null : check.message,
    inputs,
    defaults,
    parties: c.parties.filter((p) => !NON_PRINCIPAL_KINDS.includes(p.kind)).map((p) => ({ id: p.id, name: p.name, kind: p.kind })),
  };
}
