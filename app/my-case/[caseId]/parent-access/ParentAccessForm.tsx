"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { PageTitle } from "@/components/PageTitle";
import { Radios } from "@/components/fields";
import { WarningText } from "@/components/WarningText";
import { IDLE_STATE } from "@/components/action-state";
import { changeParentAccessAction } from "./actions";

const OPTIONS = [
  { value: "yes", label: "Yes, they can see my case" },
  { value: "no", label: "No, only I can see my case" },
] as const;

/**
 * the young person's yes or no, with a confirmation step before a withdrawal. Works without
 * JavaScript: the confirmation step is the action's answer, rendered on the server.
 */
export function ParentAccessForm({ caseId, given, who, title }: { caseId: string; given: boolean; who: string; title: string }) {
  const [state, action, pending] = useActionState(changeParentAccessAction, IDLE_STATE);
  const errors = state.fieldErrors;
  const hasFieldErrors = !!errors && Object.keys(errors).length > 0;

  if (state.status === "success" && state.data?.confirm === true) {
    return (
      <form action={action} key="confirm">
        <PageTitle title={`Are you sure? ${title}`} />
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="canSee" value="no" />
        <input type="hidden" name="confirmed" value="yes" />
        <h2 className="h-m">Are you sure you want to stop {who} seeing your case?</h2>
        <WarningText>From now on, {who} will not be able to see your case. You can let them see it again at any time.</WarningText>
        <div>
          <button type="submit" className="button button--warning" disabled={pending}>
            Yes, stop them seeing my case
          </button>
          <a href={`/my-case/${encodeURIComponent(caseId)}/parent-access`}>
            No, go back
          </a>
        </div>
      </form>
    );
  }

  return (
    <form action={action} noValidate key={state.status + JSON.stringify(state.values ?? {})}>
      <ErrorSummary errors={errors} message={hasFieldErrors ? undefined : state.message} title={title} />
      <input type="hidden" name="caseId" value={caseId} />
      <Radios
        name="canSee"
        legend={`Can ${who} see your case?`}
        hint="If you say yes, they can sign in and see what is happening, the dates, and documents such as the agreement and the certificate. They cannot sign or change anything for you. You can change your mind at any time."
        options={OPTIONS}
        defaultValue={state.values?.canSee ?? (given ? "yes" : "no")}
        error={errors?.canSee}
      />
      <button type="submit" className="button" disabled={pending}>
        Save your answer
      </button>
    </form>
  );
}
