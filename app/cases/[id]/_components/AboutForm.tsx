"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Checkboxes, Radios, SelectField, TextArea } from "@/components/fields";
import { Checkbox } from "@/components/Checkbox";
import { IDLE_STATE } from "@/components/action-state";
import { ISSUE_CATEGORY_OPTIONS } from "@/lib/cases/options";
import { DECISION_NOT_KNOWN, DECISION_OPTIONS, toAnswerList } from "@/lib/cases/about/rules";
import { PLAN_OPTIONS } from "@/lib/cases/about/plan-answers";
import { updateAboutAction } from "../actions";

type Issue = { id: string; category: string; description: string; remove: boolean };
type Values = { disputedDecisions: string[]; hasEhcPlan: string; healthBodyId: string; issues: Issue[] };

/** The issue rows from the echoed form values (after an error), else from the case. */
function issuesFrom(echo: Record<string, string> | undefined, initial: Issue[]): Issue[] {
  if (!echo) return initial;
  const rows: Issue[] = [];
  for (let i = 0; echo[`issues.${i}.category`] !== undefined || echo[`issues.${i}.description`] !== undefined; i++) {
    rows.push({ id: echo[`issues.${i}.id`] ?? "", category: echo[`issues.${i}.category`] ?? "", description: echo[`issues.${i}.description`] ?? "", remove: echo[`issues.${i}.remove`] === "yes" });
  }
  return rows.filter((r) => r.id !== "");
}

/**
 * What the disagreement is about: decisions, the EHC plan answer, the issues
 * (change, remove, add one at a time) and the ICB. Works without JavaScript (a plain form post).
 */
export function AboutForm({ caseId, version, kind, initial, healthBodies, title }: { caseId: string; version: number; kind: string; initial: Values; healthBodies: { id: string; name: string }[]; title: string }) {
  const [state, action, pending] = useActionState(updateAboutAction, IDLE_STATE);
  const echo = state.values;
  const errors = state.fieldErrors;
  const hasFieldErrors = !!errors && Object.keys(errors).length > 0;
  const decisions = echo ? toAnswerList(echo.disputedDecisions) : initial.disputedDecisions;
  const plan = echo?.hasEhcPlan ?? initial.hasEhcPlan;
  const healthBodyId = echo?.healthBodyId ?? initial.healthBodyId;
  const issues = issuesFrom(echo, initial.issues);
  const next = issues.length;
  const categoryOptions = [{ value: "", label: "Select a category" }, ...ISSUE_CATEGORY_OPTIONS];
  const options = kind === "MEDIATION" ? DECISION_OPTIONS : DECISION_OPTIONS.filter((o) => o.value !== "NONE");

  return (
    <form action={action} noValidate key={JSON.stringify(echo ?? null) + state.status}>
      <ErrorSummary errors={errors} message={hasFieldErrors ? undefined : state.message} title={title} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={echo?.version ?? String(version)} />

      <Radios name="hasEhcPlan" legend="Does the child or young person have an EHC plan?" options={PLAN_OPTIONS} defaultValue={plan} error={errors?.hasEhcPlan} />
      <Checkboxes
        name="disputedDecisions"
        legend="Which decisions does the family disagree with?"
        hint="Select all that apply (R-02). A certificate cannot be issued while the decision is not known."
        options={options}
        dividerBefore={DECISION_NOT_KNOWN}
        defaultValues={decisions}
        error={errors?.disputedDecisions}
      />

      <fieldset className="mb-4" aria-describedby={errors?.issues ? "issues-error" : undefined}>
        <legend className="h-m">Issues</legend>
        <p className="hint">Every case has at least one issue, each about education, health or social care (R-03). A health issue brings in the integrated care board (R-21).</p>
        {errors?.issues && (
          <p className="error-message" id="issues">
            <span className="visually-hidden">Error:</span> <span id="issues-error">{errors.issues}</span>
          </p>
        )}
        {issues.map((issue, i) => (
          <div key={issue.id} className="inset" data-testid="issue-row">
            <input type="hidden" name={`issues.${i}.id`} value={issue.id} />
            <SelectField id={`issues.${i}.category`} name={`issues.${i}.category`} label={`Issue ${i + 1}: category`} options={categoryOptions} defaultValue={issue.category} error={errors?.[`issues.${i}.category`]} />
            <TextArea id={`issues.${i}.description`} name={`issues.${i}.description`} label={`Issue ${i + 1}: description`} rows={2} defaultValue={issue.description} error={errors?.[`issues.${i}.description`]} />
            <Checkbox name={`issues.${i}.remove`} label={`Remove issue ${i + 1}`} defaultChecked={issue.remove} />
          </div>
        ))}
        <h3 className="h-s">Add an issue (optional)</h3>
        <SelectField id={`issues.${next}.category`} name={`issues.${next}.category`} label="Category" options={categoryOptions} defaultValue={echo?.[`issues.${next}.category`] ?? ""} error={errors?.[`issues.${next}.category`]} />
        <TextArea id={`issues.${next}.description`} name={`issues.${next}.description`} label="Description" rows={2} defaultValue={echo?.[`issues.${next}.description`] ?? ""} error={errors?.[`issues.${next}.description`]} />
      </fieldset>

      <SelectField
        name="healthBodyId"
        label="Integrated care board (for a health issue)"
        hint="The health commissioning body the LA must tell (R-21)."
        options={[{ value: "", label: "Not recorded" }, ...healthBodies.map((h) => ({ value: h.id, label: h.name }))]}
        defaultValue={healthBodyId}
        error={errors?.healthBodyId}
      />

      <button type="submit" className="button" disabled={pending}>
        Save
      </button>
    </form>
  );
}
