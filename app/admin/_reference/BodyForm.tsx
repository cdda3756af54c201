"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { TextField } from "@/components/fields";
import { IDLE_STATE } from "@/components/action-state";
import { BODY_WORDS, type BodyKind } from "@/lib/admin/reference/body-words";
import { addReferenceBodyAction, updateReferenceBodyAction } from "./actions";
import { SubmissionKeyField } from "@/components/SubmissionKeyField";

/** A local authority's or an ICB's details: add one, or change one (`id`). A plain post: works without JavaScript. */
export function BodyForm({ kind, id, initial, title, submissionKey }: { kind: BodyKind; id?: string; initial: Record<string, string>; title: string; submissionKey?: string }) {
  const [state, action, pending] = useActionState(id ? updateReferenceBodyAction : addReferenceBodyAction, IDLE_STATE);
  const v = state.values ?? initial;
  const e = state.fieldErrors;
  const w = BODY_WORDS[kind];
  return (
    <form action={action} noValidate key={JSON.stringify(v) + state.status}>
      {submissionKey && <SubmissionKeyField value={submissionKey} />}
      <ErrorSummary errors={e} message={e && Object.keys(e).length > 0 ? undefined : state.message} title={title} />
      <input type="hidden" name="kind" value={kind} />
      {id && <input type="hidden" name="id" value={id} />}
      {id && <input type="hidden" name="expectedVersion" value={initial.expectedVersion} />}
      <TextField name="code" label="Code" hint={w.codeHint} defaultValue={v.code} error={e?.code} autoComplete="off" spellCheck={false} />
      <TextField name="name" label="Name" hint={`As cases and letters show it, ${w.nameExample}.`} defaultValue={v.name} error={e?.name} autoComplete="off" />
      <TextField name="noticeEmail" label="Email for notices (optional)" hint={w.emailHint} type="email" defaultValue={v.noticeEmail} error={e?.noticeEmail} autoComplete="off" spellCheck={false} />
      <button type="submit" className="button" disabled={pending}>
        {id ? "Save changes" : `Add ${w.one}`}
      </button>
    </form>
  );
}
