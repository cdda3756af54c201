import Link from "next/link";
import type { CaseObligations } from "@/lib/obligations/list-case-obligations";
import { RESPONSIBLE_LABELS, type ObligationStatus } from "@/lib/obligations/rules";
import { formatLongDate } from "@/lib/deadlines";
import { Tag } from "@/components/Tag";

/** An agreed action's status as a tag: overdue (red), not done yet, done, closed. */
export function ObligationTag({ o }: { o: { status: ObligationStatus; overdue: boolean } }) {
  if (o.overdue) return <Tag colour="red">Overdue</Tag>;
  if (o.status === "DONE") return <Tag colour="green">Done</Tag>;
  if (o.status === "CLOSED_WITH_REASON") return <Tag colour="grey">Closed</Tag>;
  return <Tag colour="blue">Not done yet</Tag>;
}

/**
 * The case page's "Agreed actions" (issue 11, R-40): each action with who is responsible, its due
 * date, status and the overdue flag, linked to its page. Shown once the case has any.
 */
export function AgreedActions({ caseId, obligations: data }: { caseId: string; obligations: CaseObligations }) {
  if (data.items.length === 0) return null;
  return (
    <section aria-labelledby="agreed-actions-title" id="agreed-actions" data-testid="agreed-actions">
      <h2 className="h-m" id="agreed-actions-title">
        Agreed actions
      </h2>
      <p className="body">
        {data.open === 0
          ? "Every agreed action is done or closed."
          : `${data.open} of ${data.items.length} not done yet${data.overdue > 0 ? `, ${data.overdue} overdue` : ""}. The case can be closed once each one is done or closed with a reason.`}
      </p>
      <table className="table">
        <caption className="visually-hidden">Agreed actions, who is responsible, when each is due and whether it is done</caption>
        <thead>
          <tr>
            <th scope="col">What was agreed</th>
            <th scope="col">Responsible</th>
            <th scope="col">Due by</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((o) => (
            <tr key={o.id} data-testid="agreed-action">
              <td>
                <Link href={`/cases/${caseId}/actions/${o.id}`}>{o.what}</Link>
              </td>
              <td>{RESPONSIBLE_LABELS[o.responsible]}</td>
              <td>{formatLongDate(o.dueOn)}</td>
              <td>
                <ObligationTag o={o} />
                {o.completedOn && <span className="hint">{formatLongDate(o.completedOn)}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
