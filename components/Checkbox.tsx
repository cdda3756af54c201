import type { ReactNode } from "react";

/**
 * A single yes/no checkbox (value "yes" when ticked), GOV.UK style, with hint and error. The hint
 * sits beside the label, not inside it, and the input names it (and the error) in aria-describedby.
 */
export function Checkbox({ name, label, hint, error, defaultChecked }: { name: string; label: ReactNode; hint?: ReactNode; error?: string; defaultChecked?: boolean }) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      {error && (
        <span className="error-message" id={`${name}-error`}>
          <span className="visually-hidden">Error:</span> {error}
        </span>
      )}
      <div className="checkboxes">
        <div className="choice">
          <input type="checkbox" id={name} name={name} value="yes" defaultChecked={defaultChecked} aria-describedby={describedBy} />
          <label htmlFor={name}>{label}</label>
          {hint && (
            <span className="hint choice__hint" id={`${name}-hint`}>
              {hint}
            </span>
          )}
        </div>
      </div>
    </div>
  );
}
