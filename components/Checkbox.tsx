import type { ReactNode } from "react";

/** A single yes/no checkbox (value "yes" when ticked), GOV.UK style, with hint and error. */
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
        <label>
          <input type="checkbox" id={name} name={name} value="yes" defaultChecked={defaultChecked} aria-describedby={describedBy} />
          <span>{label}</span>
        </label>
        {hint && (
          <span className="hint" id={`${name}-hint`}>
            {hint}
          </span>
        )}
      </div>
    </div>
  );
}
