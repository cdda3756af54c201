import { Fragment } from "react";
import type { ChangeEvent, InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { DATE_PARTS, datePartName, datePartsToShow, parseDateParts, splitDateValue, type DatePart, type DateParts } from "@/lib/platform/dates/date-input";

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

/** The `<input>` of a field with its label (TextField, FileField): its id, the field's ARIA, and the error class after `inputClass`. */
function FieldInput({ fid, hint, error, inputClass, ...rest }: { fid: string; hint?: ReactNode; error?: string; inputClass: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <input
      id={fid}
      className={error ? `${inputClass} input--error` : inputClass}
      aria-describedby={describedBy(fid, hint, error)}
      aria-invalid={error ? true : undefined}
      {...rest}
    />
  );
}

export function TextField({ name, label, hint, error, id, ...rest }: Base & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">) {
  const fid = id ?? name;
  return (
    <Wrap id={fid} label={label} hint={hint} error={error}>
      <FieldInput fid={fid} name={name} hint={hint} error={error} inputClass="input" {...rest} />
    </Wrap>
  );
}

/** A file input (GOV.UK's file upload): label, hint and error as every field; works without JavaScript in a multipart form. */
export function FileField({ name, label, hint, error, id, className, ...rest }: Base & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "type">) {
  const fid = id ?? name;
  return (
    <Wrap id={fid} label={label} hint={hint} error={error}>
      <FieldInput fid={fid} name={name} type="file" hint={hint} error={error} inputClass={className ? `file-upload ${className}` : "file-upload"} {...rest} />
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

/** The id of a radio's or checkbox's own hint: `${inputId}-item-hint` (GOV.UK's naming). */
export const optionHintId = (inputId: string) => `${inputId}-item-hint`;

/**
 * A radio's or checkbox's own hint (issue 9 item 13, the GOV.UK pattern): beside the label, not
 * inside it, with an id the input names in `aria-describedby`, so a screen reader reads the label
 * as the option's name and the hint as its description.
 */
export function OptionHint({ inputId, hint }: { inputId: string; hint?: ReactNode }) {
  if (!hint) return null;
  return (
    <span className="hint choice__hint" id={optionHintId(inputId)}>
      {hint}
    </span>
  );
}

/** The fieldset of a group of radios or checkboxes: legend, hint and error, then the options. */
function ChoiceFieldset({ name, legend, hint, error, className, children }: { name: string; legend: ReactNode; hint?: ReactNode; error?: string; className: string; children: ReactNode }) {
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
        <div className={className}>{children}</div>
      </fieldset>
    </div>
  );
}

/**
 * Radios in a fieldset; the first input carries the field id so the error summary can link to it.
 * Each option is an input, its label (`for` the input) and its hint (see OptionHint).
 */
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
  /**
   * `conditional`: questions that go with an option (GOV.UK conditional reveal), shown under it
   * while it is chosen — by CSS alone (app/globals.css `.choice__conditional`), so without
   * JavaScript too; a browser without `:has()` shows them all, as GOV.UK does without JavaScript.
   */
  options: readonly { value: string; label: string; hint?: string; conditional?: ReactNode }[];
  defaultValue?: string;
  inputProps?: (value: string) => InputHTMLAttributes<HTMLInputElement>;
}) {
  return (
    <ChoiceFieldset name={name} legend={legend} hint={hint} error={error} className="radios">
      {options.map((o, i) => {
        const inputId = i === 0 ? name : `${name}-${o.value}`;
        const choice = (
          <div className="choice" key={o.value}>
            <input
              type="radio"
              id={inputId}
              name={name}
              value={o.value}
              defaultChecked={defaultValue === undefined ? undefined : defaultValue === o.value}
              aria-describedby={o.hint ? optionHintId(inputId) : undefined}
              {...inputProps?.(o.value)}
            />
            <label htmlFor={inputId}>{o.label}</label>
            <OptionHint inputId={inputId} hint={o.hint} />
          </div>
        );
        if (!o.conditional) return choice;
        return (
          <Fragment key={o.value}>
            {choice}
            <div className="choice__conditional" id={`${inputId}-conditional`}>
              {o.conditional}
            </div>
          </Fragment>
        );
      })}
    </ChoiceFieldset>
  );
}

const DATE_PART_LABELS: Record<DatePart, string> = { day: "Day", month: "Month", year: "Year" };
const DATE_PART_WIDTHS: Record<DatePart, string> = { day: "input--width-2", month: "input--width-2", year: "input--width-4" };

/**
 * A date in the GOV.UK date-input pattern (issue 8 item 3): a fieldset whose legend is the question,
 * a hint with an example, the error, and Day, Month and Year boxes — never the browser's date
 * picker. The boxes post as `${name}-day`, `${name}-month`, `${name}-year`; the server action joins
 * them (lib/platform/dates/date-input.ts) and the command's date rule says what is wrong. The Day
 * box carries the field id, so the error summary's link lands on it. With an error, the boxes at
 * fault are highlighted (all three when the date itself is refused, e.g. "must be in the past").
 *
 * The boxes show, in order: `value` (controlled, with `onChange`: react-hook-form), `defaultValue`
 * (an ISO date or the boxes), else `values` — a form's posted or initial values, whose boxes are
 * shown as typed when they were posted, else its ISO date under `name`.
 */
export function DateInput({
  name,
  id,
  legend,
  hint,
  example = "27 3 2007",
  error,
  values,
  defaultValue,
  value,
  onChange,
  dateOfBirth = false,
}: {
  name: string;
  id?: string;
  legend: ReactNode;
  hint?: ReactNode;
  /** Shown after the hint as "For example, 27 3 2007". */
  example?: string;
  error?: string;
  values?: Readonly<Record<string, string | undefined>>;
  defaultValue?: string | DateParts;
  value?: DateParts;
  onChange?: (parts: DateParts) => void;
  /** Lets the browser fill in a date of birth (autocomplete bday-day, bday-month, bday-year). */
  dateOfBirth?: boolean;
}) {
  const fid = id ?? name;
  const parts = value ?? (defaultValue === undefined ? datePartsToShow(values, name) : typeof defaultValue === "string" ? splitDateValue(defaultValue) : defaultValue);
  const checked = parseDateParts(parts, "The date");
  const atFault: readonly DatePart[] = !error ? [] : checked.kind === "error" ? checked.parts : DATE_PARTS;
  const boxId = (p: DatePart, i: number) => (i === 0 ? fid : `${fid}-${p}`);
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <fieldset aria-describedby={describedBy(fid, true, error)}>
        <legend>{legend}</legend>
        <span className="hint" id={`${fid}-hint`}>
          {hint && (
            <>
              {hint}
              <br />
            </>
          )}
          For example, {example}
        </span>
        {error && (
          <span className="error-message" id={`${fid}-error`}>
            <span className="visually-hidden">Error:</span> {error}
          </span>
        )}
        <div className="date-input">
          {DATE_PARTS.map((p, i) => (
            <div className="date-input__item" key={p}>
              <label className="date-input__label" htmlFor={boxId(p, i)}>
                {DATE_PART_LABELS[p]}
              </label>
              <input
                id={boxId(p, i)}
                name={datePartName(name, p)}
                type="text"
                inputMode="numeric"
                spellCheck={false}
                autoComplete={dateOfBirth ? `bday-${p}` : undefined}
                className={`input ${DATE_PART_WIDTHS[p]}${atFault.includes(p) ? " input--error" : ""}`}
                aria-invalid={atFault.includes(p) ? true : undefined}
                {...(value !== undefined ? { value: parts[p], onChange: (e: ChangeEvent<HTMLInputElement>) => onChange?.({ ...parts, [p]: e.target.value }) } : { defaultValue: parts[p] })}
              />
            </div>
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
    <ChoiceFieldset name={name} legend={legend} hint={hint} error={error} className="checkboxes">
      {options.map((o, i) => {
        const inputId = i === 0 ? name : `${name}-${o.value}`;
        return (
          <div key={o.value}>
            {o.value === dividerBefore && <p className="checkboxes__divider">or</p>}
            <div className="choice">
              <input
                type="checkbox"
                id={inputId}
                name={name}
                value={o.value}
                defaultChecked={defaultValues === undefined ? undefined : defaultValues.includes(o.value)}
                aria-describedby={o.hint ? optionHintId(inputId) : undefined}
                {...inputProps?.(o.value)}
              />
              <label htmlFor={inputId}>{o.label}</label>
              <OptionHint inputId={inputId} hint={o.hint} />
            </div>
          </div>
        );
      })}
    </ChoiceFieldset>
  );
}
