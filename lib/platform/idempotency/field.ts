/**
 * The hidden field a create form carries its submission key in (decision 0035). Kept apart from
 * ./submission.ts (server-only) so a client form component can name the field too.
 */
export const SUBMISSION_KEY_FIELD = "submissionKey";
