"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Radios, TextArea, TextField } from "@/components/fields";
import { Checkbox } from "@/components/Checkbox";
import { IDLE_STATE } from "@/components/action-state";
import { bookMeetingAction } from "../actions";

/**
 * Choose one of the offered times and book it (issue 10). Works without JavaScript (a plain post).
 * The slot radios carry "date start" (London wall clock); the place and length come from the search.
 */
export function BookMeetingForm({
  caseId,
  version,
  where,
  length,
  slots,
  noticeApplies,
  late = false,
  moving = false,
}: {
  caseId: string;
  version: number;
  where: string;
  length: number;
  slots: { value: string; label: string }[];
  noticeApplies: boolean;
  /** the times are after the last day: a reason and a confirmation are asked for. */
  late?: boolean;
  /** The meeting is booked: this moves it. */
  moving?: boolean;
}) {
  const [state, action, pending] = useActionState(bookMeetingAction, IDLE_STATE);
  const v = state.values ?? {};
  const errors = state.fieldErrors;
  const hasFieldErrors = !!errors && Object.keys(errors).length > 0;
  // A refusal on the date or time belongs to the chosen slot.
  const slotError = errors?.startTime ?? errors?.date ?? errors?.meetingOn;
  return (
    <form action={action} noValidate key={JSON.stringify(v) + state.status}>
      <ErrorSummary errors={errors ? { ...errors, ...(slotError ? { slot: slotError } : {}) } : errors} message={hasFieldErrors ? undefined : state.message} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={v.version ?? String(version)} />
      <input type="hidden" name="where" value={where} />
      <input type="hidden" name="length" value={String(length)} />
      {late && <input type="hidden" name="late" value="1" />}
      <Radios name="slot" legend="Choose a time" options={slots} defaultValue={v.slot} error={slotError} />
      {where === "VIDEO" && <TextField name="videoLink" label="Video link" hint="Starting https://. It goes in the invitation." defaultValue={v.videoLink} error={errors?.videoLink} />}
      {noticeApplies && (
        <Checkbox
          name="shortNoticeAgreed"
          label="The family agreed to less than 5 working days' notice"
          hint="Only for a time sooner than those offered (R-22)."
          defaultChecked={v.shortNoticeAgreed === "yes"}
        />
      )}
      {(late || !!errors?.lateReason || !!errors?.confirmAfterLastDay) && (
        <>
          <TextArea
            name="lateReason"
            label="Why the meeting cannot be held by the last day"
            hint="Staff only. A meeting after that day is allowed, because the family may still mediate (R-23)."
            rows={2}
            defaultValue={v.lateReason}
            error={errors?.lateReason}
          />
          <Checkbox
            name="confirmAfterLastDay"
            label="I understand that mediation will not have taken place within 30 days, and a “could not be arranged” certificate will be due"
            hint="Within 3 working days of booking (R-23)."
            defaultChecked={v.confirmAfterLastDay === "yes"}
            error={errors?.confirmAfterLastDay}
          />
        </>
      )}
      <button type="submit" className={late ? "button button--warning" : "button"} disabled={pending}>
        {moving ? "Move the meeting to this time" : "Book this time"}
        {late ? " after the last day" : ""}
      </button>
    </form>
  );
}
