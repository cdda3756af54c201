import { SUBMISSION_KEY_FIELD } from "@/lib/platform/idempotency/field";

/**
 * A create form's submission key (decision 0035), a hidden field so it works without JavaScript.
 * The page makes the value when it renders the form (newSubmissionKey, lib/platform/idempotency):
 * a double click or a retry of this form then creates one record.
 */
export function SubmissionKeyField({ value }: { value: string }) {
  return <input type="hidden" name={SUBMISSION_KEY_FIELD} value={value} />;
}
