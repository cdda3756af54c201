/**
 * The kinds of sealed document and how they are named to people (the verify page, file names).
 * Pure and client-safe.
 */
export const DOCUMENT_KINDS = ["AGREEMENT", "OUTCOME_STATEMENT", "CERTIFICATE", "LETTER"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_VISIBILITIES = ["SHARED", "STAFF"] as const;
export type DocumentVisibility = (typeof DOCUMENT_VISIBILITIES)[number];

/** what each kind is called on the verify page. */
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  AGREEMENT: "Mediation agreement",
  OUTCOME_STATEMENT: "Disagreement resolution outcome statement",
  CERTIFICATE: "Mediation certificate",
  /** Issue 13: a letter for post from a correspondence template (lib/correspondence). */
  LETTER: "Letter",
};

const FILE_SLUGS: Record<DocumentKind, string> = {
  AGREEMENT: "mediation-agreement",
  OUTCOME_STATEMENT: "outcome-statement",
  CERTIFICATE: "mediation-certificate",
  LETTER: "letter",
};

/**
 * The name a download is saved under, ASCII only: "SM-2027-00042-mediation-agreement-v2.pdf"; a
 * document of no case is named by its verification code instead.
 */
export function documentFileName(kind: DocumentKind, version: number, caseReference: string | null, code: string): string {
  const prefix = (caseReference ?? code).replace(/[^A-Za-z0-9-]+/g, "-");
  return `${prefix}-${FILE_SLUGS[kind]}-v${version}.pdf`;
}
