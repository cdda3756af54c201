import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

type Base = { name: string; label: ReactNode; hint?: ReactNode; error?: string; id?: string };

function describedBy(id: string, hint?: ReactNode, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Wrap({ id, label, hint, error, children }: { id: string; label: ReactNode; hint?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="error-message" id={`${id}-error`}>
          <span className="visually-hidden">Error:</span> {error}
        </span>
      )}
      {children}
    </div>
  );
}

export function TextField({ name, label, hint, error, id, ...rest }: Base & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">) {
  const fid = id ?? name;
  return (
    <Wrap id={fid} label={label} hint={hint} error={error}>
      <input
        id={fid}
        name={name}
        className={`input${rest.type === "date" ? " input--date" : ""}${error ? " input--error" : ""}`}
        aria-describedby={describedBy(fid, hint, error)}
        aria-invalid={error ? true : undefined}
        {...rest}
      />
    </Wrap>
  );
}

export function TextArea({ name, label, hint, error, id, ...rest }: Base & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">) {
  const fid = id ?? name;
  return (
    <Wrap id={fid} label={label} hint={hint} error={error}>
      <textarea id={fid} name={name} rows={4} className={`textarea${error ? " input--error" : ""}`} aria-describedby={describedBy(fid, hint, error)} aria-invalid={error ? true : undefined} {...rest} />
    </Wrap>
  );
}

export function SelectField({
  name,
  label,
  hint,
  error,
  id,
  options,
  ...rest
}: Base & { options: readonly { value: string; label: string }[] } & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id">) {
  const fid = id ?? name;
  return (
    <Wrap id={fid} label={label} hint={hint} error={error}>
      <select id={fid} name={name} className={`select${error ? " input--error" : ""}`} aria-describedby={describedBy(fid, hint, error)} aria-invalid={error ? true : undefined} {...rest}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrap>
  );
}

/** Radios in a fieldset; the first input carries the field id so the error summary can link to it. */
export function Radios({
  name,
  legend,
  hint,
  error,
  options,
  defaultValue,
  inputProps,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: readonly { value: string; label: string; hint?: string }[];
  defaultValue?: string;
  inputProps?: (value: string) => InputHTMLAttributes<HTMLInputElement>;
}) {
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <fieldset aria-describedby={describedBy(name, hint, error)}>
        <legend>{legend}</legend>
        {hint && (
          <span className="hint" id={`${name}-hint`}>
            {hint}
          </span>
        )}
        {error && (
          <span className="error-message" id={`${name}-error`}>
            <span className="visually-hidden">Error:</span> {error}
          </span>
        )}
        <div className="radios">
          {options.map((o, i) => (
            <label key={o.value}>
              <input type="radio" id={i === 0 ? name : `${name}-${o.value}`} name={name} value={o.value} defaultChecked={defaultValue === undefined ? undefined : defaultValue === o.value} {...inputProps?.(o.value)} />
              <span>
                {o.label}
                {o.hint && <span className="hint">{o.hint}</span>}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/**
 * Checkboxes in a fieldset (GOV.UK "checkboxes"): several answers under one name. Options after
 * `dividerBefore` sit below an "or" line (answers that stand alone, such as "I'm not sure"). The
 * first input carries the field id so the error summary can link to it.
 */
export function Checkboxes({
  name,
  legend,
  hint,
  error,
  options,
  defaultValues,
  dividerBefore,
  inputProps,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: readonly { value: string; label: string; hint?: string }[];
  defaultValues?: readonly string[];
  dividerBefore?: string;
  inputProps?: (value: string) => InputHTMLAttributes<HTMLInputElement>;
}) {
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <fieldset aria-describedby={describedBy(name, hint, error)}>
        <legend>{legend}</legend>
        {hint && (
          <span className="hint" id={`${name}-hint`}>
            {hint}
          </span>
        )}
        {error && (
          <span className="error-message" id={`${name}-error`}>
            <span className="visually-hidden">Error:</span> {error}
          </span>
        )}
        <div className="checkboxes">
          {options.map((o, i) => (
            <div key={o.value}>
              {o.value === dividerBefore && <p className="checkboxes__divider">or</p>}
              <label>
                <input
                  type="checkbox"
                  id={i === 0 ? name : `${name}-${o.value}`}
                  name={name}
                  value={o.value}
                  defaultChecked={defaultValues === undefined ? undefined : defaultValues.includes(o.value)}
                  {...inputProps?.(o.value)}
                />
                <span>
                  {o.label}
                  {o.hint && <span className="hint">{o.hint}</span>}
                </span>
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
