/**
 * Issue 12: the family's views form — its limits and its words, in one place for the
 * command, the page and the tests. Client-safe (no Node imports): the form checks a file's size in
 * the browser with the same limit before sending it.
 */

/** The largest file a family may upload: 10 MB (proxy.ts allows the request a little more, for the form's other fields). */
export const MAX_FAMILY_UPLOAD_BYTES = 10 * 1000 * 1000;

/** The most a family may write in each box. */
export const VIEWS_MAX_CHARS = 5_000;
export const CHILD_VIEWS_HOW_MAX_CHARS = 500;
/** The longest file name kept (the rest is cut off, the extension kept). */
export const FILE_NAME_MAX_CHARS = 120;

export const VIEWS_MESSAGES = {
  nothing: "Write your views or your child's views, or choose a file to upload",
  viewsTooLong: `Your views must be ${VIEWS_MAX_CHARS.toLocaleString("en-GB")} characters or fewer`,
  childViewsTooLong: `Your child's views must be ${VIEWS_MAX_CHARS.toLocaleString("en-GB")} characters or fewer`,
  howTooLong: `How you found out your child's views must be ${CHILD_VIEWS_HOW_MAX_CHARS} characters or fewer`,
  empty: "The selected file is empty",
  tooLarge: "The selected file must be smaller than 10 MB",
  wrongType: "The selected file must be a PDF, JPG or PNG",
  infected: "The selected file contains a virus. It has not been uploaded",
  scanFailed: "The selected file could not be checked for viruses, so it has not been uploaded. Try again later",
} as const;

/** Shown when the request itself was larger than the server reads (proxy.ts: the page's `?error=too-large`). */
export const REQUEST_TOO_LARGE_MESSAGE = VIEWS_MESSAGES.tooLarge;

/** Page order of the fields, for the error summary. */
export const VIEWS_FIELD_ORDER = ["views", "childViews", "childViewsHow", "file"] as const;

/** "1.2 MB", "340 KB", "12 bytes": sizes as the family reads them (decimal units, like the limit). */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1_000) return `${Math.round(bytes / 1_000)} KB`;
  return `${bytes} bytes`;
}
