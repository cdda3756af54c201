/**
 * For /cases/[id]/transition/[name]: the form of one transition. NotFoundError when the case is
 * out of scope, the name is unknown, or this user's role may never do it (a 404, not a 403).
 */
import "server-only";
import { authorize } from "@/lib/auth/policy";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { checkTransition, getTransition, inputsFor, isDestructive, NON_PRINCIPAL_KINDS, recordedValue, STATUS_LABELS, type ConfirmText, type InputSpec, type TransitionName } from "../lifecycle";
import { formatLongDate } from "@/lib/deadlines";
import { findCaseOrThrow, SNAPSHOT_SELECT, toSnapshot } from "../store";
import { MEETING_DEADLINES } from "../deadlines/state";

export type TransitionPageData = {
  case: { id: string; reference: string; kind: string; status: string; statusLabel: string; version: number };
  transition: { name: TransitionName; label: string; rule: string | null; destructive: boolean; confirm: ConfirmText | null; confirmWhenStarting: ConfirmText | null };
  /** Why it cannot be done now (status, guard); null when it can. */
  refusal: string | null;
  inputs: InputSpec[];
  /** Inputs the case already holds (a date given at intake): shown, not asked again. */
  recorded: { label: string; value: string }[];
  /** Values to start the form with: the case's current value of each column an input writes. */
  defaults: Record<string, string>;
  /** For a "which party" input: the parties to the disagreement (not supporters or interpreters). */
  parties: { id: string; name: string; kind: string }[];
  /** Something to know before choosing (scheduling while the 30-day clock runs: its last day, R-20, R-23). */
  warning: string | null;
};

export async function getTransitionPage(user: SessionUser, caseId: string, name: string): Promise<TransitionPageData> {
  authorize(user, "case:transition");
  const t = getTransition(name);
  if (!t) throw new NotFoundError("transition");
  const c = await findCaseOrThrow(user, caseId, { ...SNAPSHOT_SELECT, reference: true });
  const snapshot = toSnapshot(c);
  const check = checkTransition(snapshot, t.name, { id: user.id, role: user.role });
  if (!check.ok && (check.code === "ROLE_NOT_PERMITTED" || check.code === "UNKNOWN_TRANSITION")) throw new NotFoundError("transition");
  const all = inputsFor(t, snapshot.kind);
  const inputs = all.filter((i) => !recordedValue(i, snapshot));
  const recorded = all.flatMap((i) => {
    const v = recordedValue(i, snapshot);
    return v ? [{ label: i.label, value: v }] : [];
  });
  const dates = snapshot.dates!;
  const columns: Record<string, string | null> = {
    laNotifiedOn: dates.laNotifiedOn,
    meetingOn: dates.meetingOn,
    heldOn: dates.heldOn,
    appealLodgedOn: dates.appealLodgedOn ?? null,
    appealReference: c.appealReference,
  };
  const defaults: Record<string, string> = {};
  for (const i of inputs) {
    const current = (i.type === "date" || i.type === "text") && i.column ? columns[i.column] : null;
    if (current) defaults[i.name] = current;
  }
  return {
    case: { id: c.id, reference: c.reference, kind: c.kind, status: c.status, statusLabel: STATUS_LABELS[c.status], version: c.version },
    transition: { name: t.name, label: t.label, rule: t.rule ?? null, destructive: isDestructive(t), confirm: t.confirm ?? null, confirmWhenStarting: t.confirmWhenStarting ?? null },
    refusal: check.ok ? null : check.message,
    inputs,
    recorded,
    defaults,
    parties: c.parties.filter((p) => !NON_PRINCIPAL_KINDS.includes(p.kind)).map((p) => ({ id: p.id, name: p.name, kind: p.kind })),
    warning: t.name === "scheduleMeeting" ? scheduleWarning(MEETING_DEADLINES.map((dl) => dates.openDeadlineDates[dl]?.dueOn).find(Boolean)) : null,
  };
}

/**
 * while the 30-day clock runs, the meeting must take place by its due date. A later date is
 * still allowed, because the family may mediate after day 30, but the deadline will be missed.
 */
function scheduleWarning(dueOn: string | undefined): string | null {
  if (!dueOn) return null;
  return (
    `Mediation must take place by ${formatLongDate(dueOn)} (R-20). You can still book a later date, because the family may mediate after day 30 (R-23), ` +
    "but the 30-day deadline will then be missed, the case will show that mediation could not take place within 30 days, and a “could not be arranged” certificate will be due within 3 working days (R-23). You will be asked to confirm."
  );
}
