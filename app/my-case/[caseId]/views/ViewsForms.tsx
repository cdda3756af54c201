"use client";
/**
 * Issue 12: the family's views form — their views, their child's views and how they found
 * them out, a document, and whether to share with the case team. A plain multipart form post: works
 * without JavaScript; with JavaScript a file over the limit is refused before it is sent.
 */
import { useActionState, useState, type FormEvent } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { TextArea } from "@/components/fields";
import { Checkbox } from "@/components/Checkbox";
import { IDLE_STATE } from "@/components/action-state";
import { MAX_FAMILY_UPLOAD_BYTES, VIEWS_MESSAGES } from "@/lib/family/views/rules";
import { removeUploadAction, sendViewsAction, shareItemAction } from "./actions";
import { SubmissionKeyField } from "@/components/SubmissionKeyField";

export function SendViewsForm({ caseId, title, requestTooLarge, submissionKey }: { caseId: string; title: string; requestTooLarge: boolean; submissionKey?: string }) {
  const [state, action, pending] = useActionState(sendViewsAction, IDLE_STATE);
  const [tooLarge, setTooLarge] = useState(false);
  const v = state.values ?? {};
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    const input = e.currentTarget.elements.namedItem("file");
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    const big = !!file && file.size > MAX_FAMILY_UPLOAD_BYTES;
    setTooLarge(big);
    if (big) e.preventDefault();
  };
  // The proxy sends a post too large to read back here (?error=too-large) until the next post.
  const fileTooLarge = tooLarge || (requestTooLarge && state.status === "idle");
  const errors = fileTooLarge ? { file: VIEWS_MESSAGES.tooLarge } : state.fieldErrors;
  const fileError = errors?.file;
  return (
    <form action={action} onSubmit={onSubmit} noValidate key={JSON.stringify(v) + state.status}>
      {submissionKey && <SubmissionKeyField value={submissionKey} />}
      <ErrorSummary errors={errors} message={fileTooLarge || (errors && Object.keys(errors).length > 0) ? undefined : state.message} title={title} />
      <input type="hidden" name="caseId" value={caseId} />
      <TextArea
        name="views"
        label="What you would like from mediation, and your views"
        hint="For example, what you disagree with, what you would like to happen, and anything that matters to you."
        rows={6}
        defaultValue={v.views ?? ""}
        error={errors?.views}
      />
      <TextArea
        name="childViews"
        label="Your child's views"
        hint="What your child thinks or feels about their education, health or care, in their words if you can."
        rows={6}
        defaultValue={v.childViews ?? ""}
        error={errors?.childViews}
      />
      <TextArea
        name="childViewsHow"
        label="How you found out your child's views (optional)"
        hint="For example, you talked with them, they wrote or drew something, or someone who knows them well asked."
        rows={2}
        defaultValue={v.childViewsHow ?? ""}
        error={errors?.childViewsHow}
      />
      <div className={`form-group${fileError ? " form-group--error" : ""}`}>
        <label className="label" htmlFor="file">
          Upload a document (optional)
        </label>
        <span className="hint" id="file-hint">
          A PDF, JPG or PNG file, smaller than 10 MB. For example, a letter, a report, or a picture your child drew.
        </span>
        {fileError && (
          <span className="error-message" id="file-error">
            <span className="visually-hidden">Error:</span> {fileError}
          </span>
        )}
        <input
          id="file"
          name="file"
          type="file"
          accept="application/pdf,.pdf,image/jpeg,.jpg,.jpeg,image/png,.png"
          className={fileError ? "file-upload max-w-full input--error" : "file-upload max-w-full"}
          aria-describedby={fileError ? "file-hint file-error" : "file-hint"}
          aria-invalid={fileError ? true : undefined}
        />
      </div>
      <Checkbox
        name="share"
        label="Also share this with the mediation service's case team"
        hint="Your mediator always sees what you send. If you tick this, the caseworkers who arrange your mediation can see it too. The local authority never sees it."
        defaultChecked={v.share === "yes"}
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Sending…" : "Send to your mediator"}
      </button>
    </form>
  );
}

/** Share one thing already sent with the case team: a deliberate act, audited. */
export function ShareItemForm({ caseId, kind, id, describe }: { caseId: string; kind: "views" | "upload"; id: string; describe: string }) {
  const [state, action, pending] = useActionState(shareItemAction, IDLE_STATE);
  return (
    <form action={action} className="inline-block mr-4">
      {state.status === "error" && state.message && (
        <p className="error-message" role="alert">
          <span className="visually-hidden">Error:</span> {state.message}
        </p>
      )}
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="button button--secondary" disabled={pending}>
        Share with the case team<span className="visually-hidden"> {describe}</span>
      </button>
    </form>
  );
}

/** The confirmation page's button: remove an upload not shared yet. */
export function RemoveUploadForm({ caseId, uploadId, title }: { caseId: string; uploadId: string; title: string }) {
  const [state, action, pending] = useActionState(removeUploadAction, IDLE_STATE);
  return (
    <form action={action} noValidate>
      <ErrorSummary message={state.status === "error" ? state.message : undefined} title={title} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="uploadId" value={uploadId} />
      <button type="submit" className="button button--warning" disabled={pending}>
        Yes, remove it
      </button>
    </form>
  );
}
