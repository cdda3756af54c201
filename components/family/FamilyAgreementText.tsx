/**
 * The agreement's text as a family reads it before signing (issue 12): every part of what is
 * signed — the date, what was and was not agreed, each action with who does it, by when and how it
 * will be checked, and who signs — without the rule ids staff see (lib/cases/rule-ids.ts).
 */
import { formatLongDate } from "@/lib/deadlines";
import { RESPONSIBLE_LABELS } from "@/lib/agreements/action-kinds";
import { CAPACITY_LABELS } from "@/lib/agreements/wording";
import type { AgreementText } from "@/lib/agreements/agreement-content";

export function FamilyAgreementText({ text }: { text: AgreementText }) {
  return (
    <div className="border-l-4 border-border pl-4 mb-8 wrap-anywhere" data-testid="text-to-sign">
      <p className="body">Date of the agreement: {formatLongDate(text.agreedOn)}</p>
      <h2 className="h-m">What was agreed</h2>
      <p className="body whitespace-pre-line">{text.whatWasAgreed}</p>
      {text.whatWasNotAgreed && (
        <>
          <h2 className="h-m">What was not agreed</h2>
          <p className="body whitespace-pre-line">{text.whatWasNotAgreed}</p>
        </>
      )}
      <h2 className="h-m">What will happen</h2>
      {text.actions.length === 0 ? (
        <p className="body">No actions were agreed.</p>
      ) : (
        <ol className="list-decimal pl-6">
          {[...text.actions]
            .sort((a, b) => a.position - b.position)
            .map((x) => (
              <li key={x.position} className="mb-4">
                <p className="mb-1 whitespace-pre-line">
                  <strong>{x.what}</strong>
                </p>
                <p className="mb-1">Who will do it: {RESPONSIBLE_LABELS[x.responsible]}</p>
                <p className="mb-1">
                  By: {formatLongDate(x.override?.dueOn ?? x.dueOn)}
                  {x.override ? ` (agreed in writing by ${x.override.agreedBy} on ${formatLongDate(x.override.agreedOn)})` : ""}
                </p>
                <p className="mb-1 whitespace-pre-line">How we will know it is done: {x.howChecked}</p>
              </li>
            ))}
        </ol>
      )}
      <h2 className="h-m">Who signs</h2>
      <ul className="list-disc pl-6">
        {text.signers.map((s, i) => (
          <li key={i}>
            {s.name} ({CAPACITY_LABELS[s.capacity] ?? s.capacity})
          </li>
        ))}
      </ul>
    </div>
  );
}
