/**
 * Issue 13 (decision 0029): the longest value of each of a mediator's panel fields and of a
 * conflict of interest. Client-safe and free of zod: the panel forms read them without
 * bundling the validation (issue 14). The schemas are in ./mediator-panel-schema, which re-exports
 * these.
 */
export const MAX_ACCREDITATION_BODY = 120;
export const MAX_ACCREDITATION_NUMBER = 60;
export const MAX_MONTHLY_CAPACITY = 200;
export const MAX_CONFLICT_REASON = 500;
export const MAX_CONFLICT_PARTY = 200;
