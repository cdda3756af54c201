/**
 * Upload a copy of the PDF to compare with the one issued: a plain multipart form post to the
 * page, no JavaScript (decision 0038): the page comes back with the answer. A file over the limit
 * is refused by the server (a post too large to read: 413, before it is read).
 */
import type { ActionState } from "@/app/_server/action-chain";
import type { UploadResult as Result } from "@/app/verify/_forms/check-upload";
import { ErrorSummary } from "@/components/ErrorSummary";
import { FileField } from "@/components/fields";

export function VerifyUploadForm({ code, current, state }: { code: string; current: boolean; state: ActionState | null }) {
  const fieldErrors = state?.fieldErrors;
  const error = fieldErrors?.file;
  const result = state?.status === "success" ? (state.data as Result | undefined) : undefined;
  return (
    <>
      <ErrorSummary errors={fieldErrors} message={state?.message} />
      {result && <UploadResult result={result} current={current} />}
      <form method="post" encType="multipart/form-data" noValidate>
        <input type="hidden" name="code" value={code} />
        <FileField
          name="file"
          label="Upload your copy of the PDF"
          hint="A PDF file, smaller than 10 MB. The file is not kept: only its SHA-256 fingerprint is worked out and compared."
          error={error}
          accept="application/pdf,.pdf"
        />
        <button type="submit" className="button">
          Check the file
        </button>
      </form>
    </>
  );
}

function UploadResult({ result, current }: { result: Result; current: boolean }) {
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
