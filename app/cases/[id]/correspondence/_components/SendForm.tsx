"use client";
import { useActionState } from "react";
import Link from "next/link";
import { ErrorSummary } from "@/components/ErrorSummary";
import { IDLE_STATE } from "@/components/action-state";
import { sendCorrespondenceAction } from "../actions";
import { SubmissionKeyField } from "@/components/SubmissionKeyField";

/** Step 2's confirmation: the choice and the template's version as previewed. Works without JavaScript. */
export function SendForm({ caseId, template, recipient, templateVersion, channel, changeHref, submissionKey }: { caseId: string; template: string; recipient: string; templateVersion: number; channel: "EMAIL" | "LETTER"; changeHref: string; submissionKey?: string }) {
  const [state, action, pending] = useActionState(sendCorrespondenceAction, IDLE_STATE);
  return (
    <form action={action}>
      {submissionKey && <SubmissionKeyField value={submissionKey} />}
      {state.status === "error" && <ErrorSummary message={state.message} />}
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="template" value={template} />
      <input type="hidden" name="recipient" value={recipient} />
      <input type="hidden" name="templateVersion" value={templateVersion} />
      <p>
        <button type="submit" className="button" disabled={pending}>
          {channel === "EMAIL" ? "Send the email" : "Make the letter"}
        </button>{" "}
        <Link href={changeHref}>Choose something else</Link>
      </p>
    </form>
  );
}
