"use client";
import { useActionState } from "react";
import Link from "next/link";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Radios } from "@/components/fields";
import { IDLE_STATE } from "@/components/action-state";
import { chooseCorrespondenceAction } from "../actions";

/** Step 1: what to send and to whom (and so how). A plain post: works without JavaScript. */
export function ChooseForm({
  caseId,
  title,
  templates,
  recipients,
  initial,
}: {
  caseId: string;
  title: string;
  templates: { key: string; name: string; kindLabel: string }[];
  recipients: { value: string; label: string }[];
  initial: { template?: string; recipient?: string };
}) {
  const [state, action, pending] = useActionState(chooseCorrespondenceAction, IDLE_STATE);
  const v = state.values ?? initial;
  const e = state.fieldErrors;
  return (
    <form action={action} noValidate key={JSON.stringify(v) + state.status}>
      <ErrorSummary errors={e} message={e && Object.keys(e).length > 0 ? undefined : state.message} title={title} />
      <input type="hidden" name="caseId" value={caseId} />
      <Radios name="template" legend="What do you want to send?" error={e?.template} defaultValue={v.template ?? ""} options={templates.map((t) => ({ value: t.key, label: t.name, hint: t.kindLabel }))} />
      {recipients.length === 0 ? (
        <p className="body">No party on this case has an email address or a postal address recorded. Add one to the case first.</p>
      ) : (
        <Radios
          name="recipient"
          legend="Who is it to?"
          hint="Only parties with an email address can be emailed, and only those with a postal address can be sent a letter."
          error={e?.recipient}
          defaultValue={v.recipient ?? ""}
          options={recipients}
        />
      )}
      <p>
        <button type="submit" className="button" disabled={pending}>
          Continue to the preview
        </button>{" "}
        <Link href={`/cases/${caseId}`}>Cancel</Link>
      </p>
    </form>
  );
}
