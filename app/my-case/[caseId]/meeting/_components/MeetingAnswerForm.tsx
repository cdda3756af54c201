"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Radios, TextArea, TextField } from "@/components/fields";
import { IDLE_STATE } from "@/components/action-state";
import { FAMILY_ANSWER_HINTS, FAMILY_ANSWER_LABELS, FAMILY_ANSWERS } from "@/lib/family/meeting/family-answer";
import { answerMeetingAction } from "../actions";

/**
 * Issue 12: "Can you come to the meeting?" — one question, GOV.UK radios; the questions that go
 * with "I need something" are revealed under it by CSS, so the form works without JavaScript.
 */
export function MeetingAnswerForm({
  caseId,
  initial,
  title,
  caption,
  question,
  hint,
}: {
  caseId: string;
  initial: Record<string, string>;
  title: string;
  caption: string;
  question: string;
  hint: string;
}) {
  const [state, action, pending] = useActionState(answerMeetingAction, IDLE_STATE);
  const v = state.values ?? initial;
  const errors = state.fieldErrors;
  const hasFieldErrors = !!errors && Object.keys(errors).length > 0;
  return (
    <form action={action} noValidate key={JSON.stringify(v) + state.status}>
      <ErrorSummary errors={errors} message={hasFieldErrors ? undefined : state.message} title={title} />
      <input type="hidden" name="caseId" value={caseId} />
      <Radios
        name="answer"
        legend={
          <>
            <span className="caption">{caption}</span>
            <h1 className="h-l mb-2">{question}</h1>
          </>
        }
        hint={hint}
        options={FAMILY_ANSWERS.map((a) => ({
          value: a,
          label: FAMILY_ANSWER_LABELS[a],
          hint: FAMILY_ANSWER_HINTS[a],
          conditional:
            a === "NEEDS" ? (
              <>
                <TextField
                  name="interpreterLanguage"
                  label="If you need an interpreter, which language?"
                  hint="For example Polish or British Sign Language."
                  defaultValue={v.interpreterLanguage ?? ""}
                  error={errors?.interpreterLanguage}
                  autoComplete="off"
                />
                <TextArea
                  name="adjustments"
                  label="Is there anything else that would help you take part?"
                  hint="For example breaks, a quiet room, step-free access or papers in large print."
                  rows={3}
                  defaultValue={v.adjustments ?? ""}
                  error={errors?.adjustments}
                />
                <TextField
                  name="supporterName"
                  label="If you are bringing someone to support you, what is their name?"
                  hint="For example a friend, a relative or an advocate."
                  defaultValue={v.supporterName ?? ""}
                  error={errors?.supporterName}
                  autoComplete="off"
                />
              </>
            ) : undefined,
        }))}
        defaultValue={v.answer ?? ""}
        error={errors?.answer}
      />
      <button type="submit" className="button" disabled={pending}>
        Send your answer
      </button>
    </form>
  );
}
