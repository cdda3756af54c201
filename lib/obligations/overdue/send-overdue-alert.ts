/**
 * The `obligation-overdue-alert` job: tells the caseworker(s) and the LA officer(s) of the case's LA
 * (./overdue-alert-recipients.ts) that an agreed action is past its due date (R-40..R-44). Checked
 * again when it runs (it may have been done or closed since the scan). The emails (through the
 * outbox), a staff timeline entry and the audit row are written in one transaction with the effect
 * key `obligation-overdue:<id>`: ONCE per obligation, however often the job is delivered or the scan
 * runs. The email names the action and its date, never a progress note.
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import { writeAudit } from "@/lib/platform/audit";
import { claimEffect } from "@/lib/platform/jobs/effects";
import { queueEmail } from "@/lib/platform/outbox/queue-email";
import { publicOrigin } from "@/lib/platform/public-origin";
import { formatLongDate, isoFromDbDate, todayInLondon } from "@/lib/deadlines";
import { recordEvent } from "@/lib/cases/timeline";
import { isOverdue, overdueAlertKey, RESPONSIBLE_LABELS, type ObligationResponsible } from "../rules";
import { shortWhat } from "../wording";
import { overdueAlertRecipients, type OverdueRecipient } from "./overdue-alert-recipients";

export const overdueAlertJobSchema = z.object({ obligationId: z.string().min(1).max(100) });

export type OverdueAlertOutcome = { status: "SENT"; recipients: number } | { status: "ALREADY_SENT" | "NOT_NEEDED" };

export async function sendOverdueAlert(data: unknown, now: Date = new Date()): Promise<OverdueAlertOutcome> {
  const job = overdueAlertJobSchema.parse(data);
  const today = todayInLondon(now);
  return transaction(async (tx): Promise<OverdueAlertOutcome> => {
    const o = await tx.obligation.findUnique({
      where: { id: job.obligationId },
      select: { id: true, caseId: true, localAuthorityId: true, what: true, responsible: true, dueOn: true, status: true, case: { select: { reference: true } } },
    });
    if (!o) return { status: "NOT_NEEDED" };
    const dueOn = isoFromDbDate(o.dueOn);
    if (!isOverdue({ status: o.status, dueOn }, today)) return { status: "NOT_NEEDED" };
    if (!(await claimEffect(tx, overdueAlertKey(o.id), "obligation-overdue-alert"))) return { status: "ALREADY_SENT" };

    const recipients = await overdueAlertRecipients(tx, o.caseId, o.localAuthorityId);
    const facts = { caseId: o.caseId, obligationId: o.id, reference: o.case.reference, what: o.what, responsible: o.responsible, dueOn };
    for (const r of recipients) await queueEmail(tx, overdueAlertEmail(facts, r));
    await recordEvent(tx, {
      caseId: o.caseId,
      actorId: null,
      type: "OBLIGATION_OVERDUE_ALERT_SENT",
      summary: `Agreed action overdue (due by ${formatLongDate(dueOn)}): the caseworker and the local authority were told. ${shortWhat(o.what)}`,
      rule: "R-40",
      data: { obligationId: o.id, dueOn, recipients: recipients.length },
    });
    await writeAudit(tx, { actor: null, action: "obligation.overdue_alert_sent", entityType: "Obligation", entityId: o.id, caseId: o.caseId, after: { dueOn, recipients: recipients.length } });
    return { status: "SENT", recipients: recipients.length };
  });
}

export function overdueAlertEmail(
  o: { caseId: string; obligationId: string; reference: string; what: string; responsible: ObligationResponsible; dueOn: string },
  r: OverdueRecipient,
) {
  return {
    to: r.email,
    caseId: o.caseId,
    subject: `Agreed action overdue: case ${o.reference}, due by ${formatLongDate(o.dueOn)}`,
    body: [
      `Hello ${r.name},`,
      "",
      `An action agreed at mediation for case ${o.reference} was due by ${formatLongDate(o.dueOn)} and is not recorded as done.`,
      "",
      `What was agreed: ${o.what}`,
      `Who is responsible: ${RESPONSIBLE_LABELS[o.responsible]}`,
      "",
      "If it has been done, record it as done with how it was checked. If it will not be done, close it with the reason. Otherwise record the progress made so far.",
      "",
      `Open the action: ${publicOrigin()}/cases/${o.caseId}/actions/${o.obligationId}`,
    ].join("\n"),
  };
}
