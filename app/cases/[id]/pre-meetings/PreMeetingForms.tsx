"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { DateInput, Radios, SelectField, TextArea, TextField } from "@/components/fields";
import { IDLE_STATE } from "@/components/action-state";
import { DEFAULT_PRE_MEETING_MINUTES, PRE_MEETING_LENGTHS, PRE_MEETING_MODES, PRE_MEETING_MODE_LABELS, lengthText } from "@/lib/meetings/pre-meetings/pre-meeting-rules";
import { bookPreMeetingAction, changePreMeetingAction } from "./actions";
import { SubmissionKeyField } from "@/components/SubmissionKeyField";

const MODE_HINTS: Record<string, string> = {
  VISIT: "The mediator goes to them, usually at home.",
  PHONE: "The mediator calls the number we hold for them.",
  VIDEO: "Put the link below.",
};

/** Book a pre-meeting with one party. A plain post: works without JavaScript. */
export function BookPreMeetingForm({ caseId, parties, title, submissionKey }: { caseId: string; parties: { value: string; label: string }[]; title: string; submissionKey?: string }) {
  const [state, action, pending] = useActionState(bookPreMeetingAction, IDLE_STATE);
  const v = state.values ?? {};
  const e = state.fieldErrors;
  return (
    <form action={action} noValidate key={JSON.stringify(v) + state.status} data-testid="book-pre-meeting">
      {submissionKey && <SubmissionKeyField value={submissionKey} />}
      <ErrorSummary errors={e} message={e && Object.keys(e).length > 0 ? undefined : state.message} title={title} />
      <input type="hidden" name="caseId" value={caseId} />
      <Radios name="partyId" legend="Who with" options={parties} defaultValue={v.partyId ?? (parties.length === 1 ? parties[0]!.value : undefined)} error={e?.partyId} />
      <DateInput name="date" legend="Date" example="27 3 2027" values={v} error={e?.date} />
      <TextField name="startTime" label="Start time" hint="UK time, like 10:00 or 18:30." inputMode="numeric" defaultValue={v.startTime} error={e?.startTime} />
      <SelectField
        name="durationMinutes"
        label="How long"
        defaultValue={v.durationMinutes ?? String(DEFAULT_PRE_MEETING_MINUTES)}
        error={e?.durationMinutes}
        options={PRE_MEETING_LENGTHS.map((m) => ({ value: String(m), label: lengthText(m) }))}
      />
      <Radios name="mode" legend="How" options={PRE_MEETING_MODES.map((m) => ({ value: m, label: PRE_MEETING_MODE_LABELS[m], hint: MODE_HINTS[m] }))} defaultValue={v.mode} error={e?.mode} />
      <TextArea name="address" label="Address of the visit" hint="For a visit only. Leave it blank to use the address we hold for them." rows={2} defaultValue={v.address} error={e?.address} />
      <TextField name="videoLink" label="Video link" hint="For a video call only. Starting https://." defaultValue={v.videoLink} error={e?.videoLink} />
      <button type="submit" className="button" disabled={pending}>
        Book pre-meeting
      </button>
    </form>
  );
}

/** "Mark as held" or "Cancel" on one pre-meeting. */
export function ChangePreMeetingButton({ caseId, meetingId, change, label, hiddenLabel }: { caseId: string; meetingId: string; change: "held" | "cancel"; label: string; hiddenLabel: string }) {
  const [state, action, pending] = useActionState(changePreMeetingAction, IDLE_STATE);
  return (
    <form action={action} className="inline-block mr-2">
      {state.status === "error" && state.message && (
        <p className="error-message" role="alert">
          <span className="visually-hidden">Error:</span> {state.message}
        </p>
      )}
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="change" value={change} />
      <button type="submit" className={`button ${change === "cancel" ? "button--warning" : "button--secondary"} mb-0`} disabled={pending}>
        {label}
        <span className="visually-hidden"> {hiddenLabel}</span>
      </button>
    </form>
  );
}
