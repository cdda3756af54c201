/**
 * Issue 12: the family answers the meeting invitation — one question on its own page. Only a
 * family user who is invited (their own attendee row) on their own case; anyone else: 404. With
 * no meeting booked any more, back to the meeting page, which says why. No JavaScript (decision
 * 0038): the form posts to this page; the questions that go with "I need something" are revealed
 * under it by CSS.
 */
import type { GetServerSideProps } from "next";
import { familyPage, PageRedirect, type FamilyPageProps } from "@/app/_server/pages";
import type { ActionState } from "@/app/_server/action-chain";
import { answerMeetingForm } from "@/app/my-case/_forms/meeting";
import { FamilyPage } from "@/components/family/FamilyPage";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Radios, TextArea, TextField } from "@/components/fields";
import { NotFoundError } from "@/lib/auth/types";
import { getFamilyMeeting } from "@/lib/family/meeting/get-family-meeting";
import { FAMILY_ANSWER_HINTS, FAMILY_ANSWER_LABELS, FAMILY_ANSWERS } from "@/lib/family/meeting/family-answer";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

const TITLE = "Can you come to the meeting?";

type Data = { caseId: string; reference: string; when: string; initial: Record<string, string> };

export const getServerSideProps: GetServerSideProps<FamilyPageProps<Data>> = (ctx) => {
  const caseId = String(ctx.params?.caseId ?? "");
  return familyPage(ctx, {
    permission: "meeting:respond",
    returnTo: `/my-case/${caseId}/meeting/answer`,
    caseId,
    forms: { default: answerMeetingForm },
    load: async (user) => {
      const p = await getFamilyMeeting(user, caseId);
      if (p.state === "BOOKED" && !p.mine) throw new NotFoundError("meeting");
      if (!p.canAnswer || !p.meeting || !p.mine) throw new PageRedirect(`/my-case/${p.case.id}/meeting`);
      const mine = p.mine;
      return {
        caseId: p.case.id,
        reference: p.case.reference,
        when: p.meeting.when,
        initial: {
          answer: mine.answer ?? "",
          interpreterLanguage: mine.needs.interpreterLanguage ?? "",
          adjustments: mine.needs.adjustments ?? "",
          supporterName: mine.needs.supporterName ?? "",
        },
      };
    },
  });
};

export default function AnswerMeeting(props: FamilyPageProps<Data>) {
  return (
    <FamilyPage props={props} title={() => TITLE}>
      {(d, state) => (
        <>
          <p className="body">
            <a href={`/my-case/${d.caseId}/meeting`}>Back to your meeting</a>
          </p>
          <MeetingAnswerForm caseId={d.caseId} initial={d.initial} caption={`Case ${d.reference}`} hint={`The meeting is on ${d.when} (UK time).`} state={state} />
        </>
      )}
    </FamilyPage>
  );
}

/** "Can you come to the meeting?" — one question, GOV.UK radios, a plain form post to this page. */
function MeetingAnswerForm({ caseId, initial, caption, hint, state }: { caseId: string; initial: Record<string, string>; caption: string; hint: string; state: ActionState | null }) {
  const v = state?.values ?? initial;
  const errors = state?.fieldErrors;
  const hasFieldErrors = !!errors && Object.keys(errors).length > 0;
  return (
    <form method="post" noValidate>
      <ErrorSummary errors={errors} message={hasFieldErrors ? undefined : state?.message} />
      <input type="hidden" name="caseId" value={caseId} />
      <Radios
        name="answer"
        legend={
          <>
            <span className="caption">{caption}</span>
            <h1 className="h-l mb-2">{TITLE}</h1>
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
      <button type="submit" className="button">
        Send your answer
      </button>
    </form>
  );
}
