"use client";
import { useEffect, useRef } from "react";
import { ERROR_TITLE_PREFIX } from "./page-title";
import { PageTitle } from "./PageTitle";

export type FieldErrors = Record<string, string | undefined>;

/**
 * GOV.UK-style error summary: focused when it appears (with JavaScript by the effect below; without,
 * by the autofocus attribute of a page rendered with it), each error links to its field, and the page
 * title starts with "Error: " while it shows. `title`: the page's title, when the page leaves it to
 * this summary (components/page-title.ts), so a form posted without JavaScript gets "Error: " in
 * the title it is sent; otherwise the title already shown is prefixed in the browser.
 */
export function ErrorSummary({ errors, message, idPrefix = "", title }: { errors?: FieldErrors; message?: string; idPrefix?: string; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors ?? {}).filter(([, v]) => !!v) as [string, string][];
  const show = entries.length > 0 || !!message;
  const key = entries.map(([k, v]) => k + v).join("|") + (message ?? "");
  useEffect(() => {
    if (show) ref.current?.focus();
  }, [show, key]);
  useEffect(() => {
    if (!show || title !== undefined) return;
    const before = document.title;
    if (before.startsWith(ERROR_TITLE_PREFIX)) return;
    const prefixed = ERROR_TITLE_PREFIX + before;
    document.title = prefixed;
    return () => {
      if (document.title === prefixed) document.title = before;
    };
  }, [show, title]);
  const pageTitle = title === undefined ? null : <PageTitle title={title} hasErrors={show} />;
  if (!show) return pageTitle;
  return (
    <>
      {pageTitle}
      {/* autoFocus: the summary has the focus on a page rendered with it, JavaScript or not (the family's pages have none: decision 0038). */}
      <div className="error-summary" id="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref} data-testid="error-summary" autoFocus>
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
    </>
  );
}
