"use client";
import { useEffect, useRef } from "react";

export type FieldErrors = Record<string, string | undefined>;

/** GOV.UK-style error summary: focused when it appears, each error links to its field. */
export function ErrorSummary({ errors, message, idPrefix = "" }: { errors?: FieldErrors; message?: string; idPrefix?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors ?? {}).filter(([, v]) => !!v) as [string, string][];
  const show = entries.length > 0 || !!message;
  const key = entries.map(([k, v]) => k + v).join("|") + (message ?? "");
  useEffect(() => {
    if (show) ref.current?.focus();
  }, [show, key]);
  if (!show) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref} data-testid="error-summary">
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {message && <li>{message}</li>}
        {entries.map(([field, text]) => (
          <li key={field}>
            <a href={`#${idPrefix}${field}`}>{text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
