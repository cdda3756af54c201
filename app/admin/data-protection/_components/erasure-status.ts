/** How an erasure request's status reads on the pages. */
export const ERASURE_STATUS_TEXT = { PENDING: "Waiting for a decision", APPROVED: "Approved", REFUSED: "Refused" } as const;
