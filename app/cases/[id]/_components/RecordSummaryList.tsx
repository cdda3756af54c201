import { SummaryList } from "@/components/SummaryList";
import { Tag } from "@/components/Tag";
import { formatLongDate, isIsoDate } from "@/lib/deadlines/calendar";
import type { RecordSummary } from "@/lib/meetings/record/meeting-record-schema";

/**
 * The meeting record as a summary list (issue 10): in the "check your answers" step and on the
 * saved record's page. Staff only; the private notes are shown only to whoever may read them.
 */
export function RecordSummaryList({ summary: s }: { summary: RecordSummary }) {
  return (
    <SummaryList
      label="The meeting record"
      rows={[
        { key: "Date the meeting was held", value: isIsoDate(s.heldOn) ? formatLongDate(s.heldOn) : s.heldOn },
        { key: "Started", value: s.startTime },
        { key: "Ended", value: s.endTime },
        ...(s.mode ? [{ key: "How it was held", value: s.mode }] : []),
        {
          key: "Who attended",
          value: (
            <ul className="list-none p-0 m-0" data-testid="record-attendees">
              {s.attendees.map((a, i) => (
                <li key={i} className="mb-2">
                  <strong>{a.name}</strong>, {a.capacity.toLowerCase()}
                  {a.organisation ? `, ${a.organisation}` : ""}
                  {a.authority && <span className="hint">{a.authority} (R-24)</span>}
                </li>
              ))}
            </ul>
          ),
        },
        { key: "How the child's views were gathered", value: s.childViewsHow.length ? s.childViewsHow.join("; ") : null },
        s.childViewsNotPossibleReason !== null
          ? { key: "Why it was not possible", value: <span className="whitespace-pre-line">{s.childViewsNotPossibleReason}</span> }
          : { key: "The child's views", value: s.childViews ? <span className="whitespace-pre-line">{s.childViews}</span> : null },
        {
          key: "Expenses claimed",
          value: s.expenses ? `${s.expenses.amount} for ${s.expenses.for}, paid by ${s.expenses.payer.charAt(0).toLowerCase()}${s.expenses.payer.slice(1)}: ${s.expenses.status.toLowerCase()}` : "None",
        },
        { key: "Outcome", value: s.agreement },
        ...(s.privateNotes
          ? [
              {
                key: "Private notes",
                value: (
                  <>
                    <Tag colour="grey">Private</Tag> <span className="whitespace-pre-line">{s.privateNotes}</span>
                  </>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
