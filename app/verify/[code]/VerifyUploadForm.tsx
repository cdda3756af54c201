"use client";
/**
 * Upload a copy of the PDF to compare with the one issued. A plain multipart form post: works
 * without JavaScript (the page comes back with the answer); with JavaScript a file over the limit
 * is refused before it is sent.
 */
import { useActionState, useState, type FormEvent } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { checkUploadAction, type VerifyState } from "./actions";

const MAX_BYTES = 10 * 1000 * 1000;
const TOO_LARGE = "The selected file must be smaller than 10 MB";

export function VerifyUploadForm({ code, title, current }: { code: string; title: string; current: boolean }) {
  const [state, action, pending] = useActionState<VerifyState, FormData>(checkUploadAction, { status: "idle" });
  const [tooLarge, setTooLarge] = useState(false);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    const input = e.currentTarget.elements.namedItem("file");
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    setTooLarge(!!file && file.size > MAX_BYTES);
    if (file && file.size > MAX_BYTES) e.preventDefault();
  };
  const fieldErrors = tooLarge ? { file: TOO_LARGE } : state.fieldErrors;
  const error = fieldErrors?.file;
  const result = !tooLarge && state.status === "checked" ? state.result : undefined;
  return (
    <>
      <ErrorSummary errors={fieldErrors} message={tooLarge ? undefined : state.message} title={title} />
      {result && <UploadResult result={result} current={current} />}
      <form action={action} onSubmit={onSubmit} noValidate>
        <input type="hidden" name="code" value={code} />
        <div className={`form-group${error ? " form-group--error" : ""}`}>
          <label className="label" htmlFor="file">
            Upload your copy of the PDF
          </label>
          <span className="hint" id="file-hint">
            A PDF file, smaller than 10 MB. The file is not kept: only its SHA-256 fingerprint is worked out and compared.
          </span>
          {error && (
            <span className="error-message" id="file-error">
              <span className="visually-hidden">Error:</span> {error}
            </span>
          )}
          <input
            id="file"
            name="file"
            type="file"
            accept="application/pdf,.pdf"
            className={`file-upload${error ? " input--error" : ""}`}
            aria-describedby={error ? "file-hint file-error" : "file-hint"}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Checking…" : "Check the file"}
        </button>
      </form>
    </>
  );
}

function UploadResult({ result, current }: { result: NonNullable<VerifyState["result"]>; current: boolean }) {
  const name = result.fileName ? <>“{result.fileName}”</> : "The file";
  if (result.matches) {
    return (
      <div className="notification notification--success" role="status" aria-labelledby="result-title" data-testid="verify-result">
        <h2 className="notification__title" id="result-title">
          The file matches
        </h2>
        <div className="notification__body">
          <p className="body">{name} is exactly the document issued with this code: it has not been changed.</p>
          {!current && <p className="body">This version has been replaced by a newer one. Ask the mediation service for the latest version.</p>}
          <p className="body">
            SHA-256 of the file: <span className="code">{result.sha256}</span>
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="notification notification--error" role="status" aria-labelledby="result-title" data-testid="verify-result">
      <h2 className="notification__title" id="result-title">
        The file does not match
      </h2>
      <div className="notification__body">
        <p className="body">{name} is not the document issued with this code. It may have been changed, or be a different document or version.</p>
        <p className="body">Ask the person who gave it to you for the original, or contact the mediation service.</p>
        <p className="body">
          SHA-256 of the file: <span className="code">{result.sha256}</span>
        </p>
      </div>
    </div>
  );
}
