/** The addresses of the correspondence pages of a case (issue 13). */
export const correspondenceUrl = (caseId: string, query = "") => `/cases/${encodeURIComponent(caseId)}/correspondence${query ? `?${query}` : ""}`;

export const previewUrl = (caseId: string, template: string, recipient: string) =>
  `/cases/${encodeURIComponent(caseId)}/correspondence/preview?template=${encodeURIComponent(template)}&recipient=${encodeURIComponent(recipient)}`;
