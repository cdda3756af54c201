"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Radios, TextArea, TextField } from "@/components/fields";
import { Checkbox } from "@/components/Checkbox";
import { IDLE_STATE } from "@/components/action-state";
import { CORRESPONDENCE_KIND_LABELS, CORRESPONDENCE_KINDS, TEMPLATE_LIMITS } from "@/lib/correspondence/template-kinds";
import type { TemplatePreview } from "@/lib/correspondence/preview-template";
import { FilledText } from "../../../cases/[id]/correspondence/_components/FilledText";
import { saveTemplateAction } from "../actions";

const KIND_HINTS = { EMAIL: "Sent through the outbox to a party’s email address.", LETTER: "Made as a PDF to print and post.", BOTH: "The caseworker chooses, by who it is to." } as const;

/**
 * A template's edit form: "Save" keeps a new version; "Preview" shows it filled in with a case's
 * details (or sample ones) without saving. A plain post: works without JavaScript.
 */
export function TemplateForm({ templateKey, title, initial }: { templateKey: string; title: string; initial: Record<string, string> }) {
  const [state, action, pending] = useActionState(saveTemplateAction, IDLE_STATE);
  const v = state.values ?? initial;
  const e = state.fieldErrors;
  const preview = state.status === "success" ? (state.data?.preview as TemplatePreview | undefined) : undefined;
  return (
    <form action={action} noValidate key={JSON.stringify(v) + state.status}>
      <ErrorSummary errors={e} message={e && Object.keys(e).length > 0 ? undefined : state.message} title={title} />
      <input type="hidden" name="key" value={templateKey} />
      {/* After "someone else saved first", saving again replaces their version knowingly. */}
      <input type="hidden" name="version" value={String(state.data?.currentVersion ?? initial.version)} />
      <TextField name="name" label="Name" hint="What caseworkers choose from on the case page." defaultValue={v.name} error={e?.name} autoComplete="off" />
      <Radios
        name="kind"
        legend="How may it be sent?"
        error={e?.kind}
        defaultValue={v.kind ?? ""}
        options={CORRESPONDENCE_KINDS.map((k) => ({ value: k, label: CORRESPONDENCE_KIND_LABELS[k], hint: KIND_HINTS[k] }))}
      />
      <TextField name="subject" label="Subject" hint="The email’s subject, or the letter’s heading. It may use placeholders." defaultValue={v.subject} error={e?.subject} autoComplete="off" spellCheck />
      <TextArea
        name="body"
        label="Text"
        hint={`Leave a blank line between paragraphs. Use only the placeholders listed below, written like {{case.reference}}. At most ${TEMPLATE_LIMITS.body.toLocaleString("en-GB")} characters.`}
        rows={18}
        defaultValue={v.body}
        error={e?.body}
        spellCheck
      />
      <Checkbox name="active" label="In use: caseworkers can send it from a case" defaultChecked={v.active === "yes"} />
      <TextField
        name="caseReference"
        label="Preview with the details of case (optional)"
        hint="For example SM-2026-00042. Leave it empty to preview with sample details."
        defaultValue={v.caseReference ?? ""}
        error={e?.caseReference}
        autoComplete="off"
      />
      <p>
        <button type="submit" name="intent" value="save" className="button" disabled={pending}>
          Save
        </button>{" "}
        <button type="submit" name="intent" value="preview" className="button button--secondary" disabled={pending}>
          Preview
        </button>
      </p>
      {preview && (
        <section aria-labelledby="preview-title" data-testid="template-preview">
          <h2 className="h-m" id="preview-title" tabIndex={-1}>
            Preview {preview.source.kind === "CASE" ? `with case ${preview.source.reference}` : "with sample details"}
          </h2>
          <p className="hint">Not saved yet.</p>
          <FilledText
            subject={preview.subject}
            paragraphs={preview.paragraphs}
            rows={[{ key: "To", value: preview.source.kind === "CASE" ? preview.source.recipientName : "A sample recipient" }]}
          />
          {preview.missing.length > 0 && <p className="body">This case does not have: {preview.missing.map((m) => `{{${m}}}`).join(", ")}. It could not be sent for this case yet.</p>}
        </section>
      )}
    </form>
  );
}
