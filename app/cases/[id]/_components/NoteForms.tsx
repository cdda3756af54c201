"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Radios, SelectField, TextArea } from "@/components/fields";
import { Checkbox } from "@/components/Checkbox";
import { IDLE_STATE } from "@/components/action-state";
import { NOTE_KIND_LABELS, NOTE_KIND_VALUES } from "@/lib/cases/notes/note-options";
import { addNoteAction, markSafeguardingAction, shareNoteAction } from "../notes/actions";
import { SubmissionKeyField } from "@/components/SubmissionKeyField";

const KIND_OPTIONS = NOTE_KIND_VALUES.map((value) => ({ value, label: NOTE_KIND_LABELS[value] }));

/** The allocated mediator adds a note (R-80: private until shared). Works without JavaScript. */
export function AddNoteForm({ caseId, parties, submissionKey }: { caseId: string; parties: { id: string; label: string }[]; submissionKey?: string }) {
  const [state, action, pending] = useActionState(addNoteAction, IDLE_STATE);
  const v = state.values ?? {};
  const errors = state.fieldErrors;
  const hasFieldErrors = !!errors && Object.keys(errors).length > 0;
  return (
    <form action={action} noValidate key={JSON.stringify(v) + state.status} aria-labelledby="add-note-title">
      {submissionKey && <SubmissionKeyField value={submissionKey} />}
      <h3 className="h-s" id="add-note-title">
        Add a note
      </h3>
      <ErrorSummary errors={errors} message={hasFieldErrors ? undefined : state.message} idPrefix="" />
      <input type="hidden" name="caseId" value={caseId} />
      <Radios name="kind" legend="What kind of note is this?" options={KIND_OPTIONS} defaultValue={v.kind} error={errors?.kind} />
      <SelectField
        name="partyId"
        label="For notes from a pre-meeting: who it was with"
        options={[{ value: "", label: "Choose a party" }, ...parties.map((p) => ({ value: p.id, label: p.label }))]}
        defaultValue={v.partyId ?? ""}
        error={errors?.partyId}
      />
      <TextArea name="body" label="Note" hint="Only you can read it until you share it with the case team." rows={5} defaultValue={v.body ?? ""} error={errors?.body} />
      <button type="submit" className="button button--secondary" disabled={pending}>
        Save note
      </button>
    </form>
  );
}

/** Share a note with the case team, or stop sharing it: a deliberate act, audited. */
export function NoteShareForm({ caseId, noteId, share, describe }: { caseId: string; noteId: string; share: boolean; describe: string }) {
  const [state, action, pending] = useActionState(shareNoteAction, IDLE_STATE);
  return (
    <form action={action} className="inline-block mr-4">
      {state.status === "error" && state.message && (
        <p className="error-message" role="alert">
          <span className="visually-hidden">Error:</span> {state.message}
        </p>
      )}
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="noteId" value={noteId} />
      <input type="hidden" name="share" value={share ? "yes" : "no"} />
      <button type="submit" className="button button--secondary" disabled={pending}>
        {share ? "Share with the case team" : "Stop sharing"}
        <span className="visually-hidden"> {describe}</span>
      </button>
    </form>
  );
}

/** the confirmation of marking a note as a safeguarding concern (a deliberate act). */
export function SafeguardingConfirmForm({ caseId, noteId, title }: { caseId: string; noteId: string; title: string }) {
  const [state, action, pending] = useActionState(markSafeguardingAction, IDLE_STATE);
  const errors = state.fieldErrors;
  const hasFieldErrors = !!errors && Object.keys(errors).length > 0;
  return (
    <form action={action} noValidate key={state.status}>
      <ErrorSummary errors={errors} message={hasFieldErrors ? undefined : state.message} title={title} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="noteId" value={noteId} />
      <Checkbox name="confirmed" label="I confirm this note records a serious safeguarding (child protection) concern" error={errors?.confirmed} />
      <button type="submit" className="button button--warning" disabled={pending}>
        Mark as a safeguarding concern
      </button>
    </form>
  );
}
