import Link from "next/link";
import { Tag } from "@/components/Tag";
import type { CaseNotes as CaseNotesData } from "@/lib/cases/notes/list-case-notes";
import { formatInstant } from "../_shared";
import { AddNoteForm, NoteShareForm } from "./NoteForms";
import { newSubmissionKey } from "@/lib/platform/idempotency/submission";

/**
 * The case page's notes (issue 10): staff only, and only the notes this user may read (R-80, R-81;
 * lib/cases/notes/list-case-notes.ts). The allocated mediator adds notes, shares them and marks a
 * safeguarding concern; caseworkers read what was shared (a safeguarding lead, the concerns too).
 */
export function CaseNotes({ caseId, data }: { caseId: string; data: CaseNotesData }) {
  return (
    <section aria-labelledby="notes-title" id="notes" data-testid="case-notes">
      <h2 className="h-m" id="notes-title">
        Notes
      </h2>
      <p className="hint">
        {data.canWrite
          ? "Only you can read your notes, unless you share one with the case team. The local authority, the ICB and the family never see them (R-80)."
          : "Notes the mediator shared with the case team. The local authority, the ICB and the family never see them (R-80)."}
      </p>
      {data.notes.length === 0 ? (
        <p className="body" data-testid="notes-empty">
          {data.canWrite ? "You have not written any notes on this case yet." : "No notes have been shared with the case team."}
        </p>
      ) : (
        <ul className="list-none p-0">
          {data.notes.map((n) => {
            const describe = `(${n.kindLabel.toLowerCase()}, written ${formatInstant(n.createdAt)})`;
            return (
              <li key={n.id} className="border-l-4 border-border pl-4 mb-6" data-testid="case-note">
                <p className="mb-1">
                  <strong>
                    {n.fromMeetingRecord ? "Private notes from the meeting record" : n.kindLabel}
                    {n.party ? `: ${n.party}` : ""}
                  </strong>{" "}
                  {n.safeguarding && <Tag colour="red">Safeguarding concern</Tag>} {n.shared ? <Tag colour="blue">Shared with the case team</Tag> : <Tag colour="grey">Private</Tag>}
                </p>
                <p className="body whitespace-pre-line mb-1">{n.body}</p>
                <p className="hint">
                  Written{n.authorName ? ` by ${n.authorName}` : ""} on {formatInstant(n.createdAt)}.
                  {n.shared && ` Shared${n.shared.byName ? ` by ${n.shared.byName}` : ""} on ${formatInstant(n.shared.at)}.`}
                  {n.safeguarding && ` Marked as a safeguarding concern${n.safeguarding.byName ? ` by ${n.safeguarding.byName}` : ""} on ${formatInstant(n.safeguarding.at)}.`}
                </p>
                {(n.can.share || n.can.unshare) && <NoteShareForm caseId={caseId} noteId={n.id} share={n.can.share} describe={describe} />}
                {n.can.markSafeguarding && (
                  <Link href={`/cases/${caseId}/notes/${n.id}/safeguarding`} className="inline-block mt-2">
                    Mark as a safeguarding concern<span className="visually-hidden"> {describe}</span>
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {data.canWrite && <AddNoteForm submissionKey={newSubmissionKey()} caseId={caseId} parties={data.parties} />}
    </section>
  );
}
