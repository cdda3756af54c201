/** The agreement's text as people read it before signing (the mediator's device and /sign/<token>). */
import { formatDate, formatLongDate } from "@/lib/deadlines";
import { AGREED_ACTION_KIND_LABELS, RESPONSIBLE_LABELS } from "@/lib/agreements/action-kinds";
import type { AgreementText as Text } from "@/lib/agreements/agreement-content";

export function AgreementTextView({ text }: { text: Text }) {
  return (
    <>
      <p className="body">Date of the agreement: {formatLongDate(text.agreedOn)}</p>
      <h2 className="h-m">What was agreed</h2>
      <p className="body pre-wrap">{text.whatWasAgreed}</p>
      {text.whatWasNotAgreed && (
        <>
          <h2 className="h-m">What was not agreed</h2>
          <p className="body pre-wrap">{text.whatWasNotAgreed}</p>
        </>
      )}
      <h2 className="h-m">Actions</h2>
      {text.actions.length === 0 && <p className="body">No actions were agreed.</p>}
      <ol className="list list--number">
        {text.actions.map((x) => (
          <li key={x.position}>
            <p className="body">
              {x.what} ({AGREED_ACTION_KIND_LABELS[x.kind]})
              <br />
              Who: {RESPONSIBLE_LABELS[x.responsible]}
              <br />
              By: {formatDate(x.override?.dueOn ?? x.dueOn)}
              {x.override ? ` (agreed in writing by ${x.override.agreedBy} on ${formatDate(x.override.agreedOn)})` : ` (${x.dueRule})`}
              <br />
              Checked by: {x.howChecked}
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}
