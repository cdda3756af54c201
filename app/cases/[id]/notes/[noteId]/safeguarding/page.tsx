import { requireUser } from "../../../../../_server/auth";
import { getCaseNote } from "@/lib/cases/notes/get-case-note";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { PageTitle } from "@/components/PageTitle";
import { WarningText } from "@/components/WarningText";
import { formatInstant, orNotFound } from "../../../_shared";
import { BackLink } from "../../../_components/Notice";
import { SafeguardingConfirmForm } from "../../../_components/NoteForms";

/** The form renders the title ("Error: " first after a post with problems). */
export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";
const TITLE = "Mark a note as a safeguarding concern";

/**
 * the confirmation before a note is marked as a serious safeguarding concern — a deliberate,
 * audited act that cannot be undone. The allocated mediator only (404 for everyone else).
 */
export default async function SafeguardingPage({ params }: { params: Promise<{ id: string; noteId: string }> }) {
  const user = await requireUser("case:write-notes");
  const { id, noteId } = await params;
  const { case: c, note } = await orNotFound(getCaseNote(user, id, noteId));
  return (
    <>
      <BackLink href={`/cases/${c.id}#notes`} />
      <span className="caption">{c.reference}</span>
      <h1 className="h-l">{TITLE}</h1>
      {note.safeguarding ? (
        <>
          <PageTitle title={TITLE} />
          <p className="body">This note was marked as a safeguarding concern on {formatInstant(note.safeguarding.at)}.</p>
        </>
      ) : (
        <>
          <div className="inset">
            <p className="mb-1">
              <strong>
                {note.kindLabel}
                {note.party ? `: ${note.party}` : ""}
              </strong>
            </p>
            <p className="body whitespace-pre-line">{note.body}</p>
            <p className="hint">Written on {formatInstant(note.createdAt)}.</p>
          </div>
          <p className="body">
            The provider’s safeguarding lead will be able to read this note, and only this note. The rest of your notes stay private. Follow the provider’s safeguarding procedure
            as well: marking the note does not replace telling the lead or the local authority’s children’s services.
          </p>
          <WarningText>This cannot be undone. The note stays marked as a safeguarding concern.</WarningText>
          <SafeguardingConfirmForm caseId={c.id} noteId={note.id} title={TITLE} />
        </>
      )}
    </>
  );
}
