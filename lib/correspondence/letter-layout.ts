/**
 * Issue 13: how a letter from a template is printed by the documents' one PDF renderer
 * (lib/platform/documents/render-pdf.ts, Noto Sans): the subject as its title, who it is to, the
 * date and the reference, then the letter's paragraphs. The renderer adds the "check this
 * document" details, so a recipient can check a letter is really from the service. Pure.
 */
import type { DocumentSpec } from "@/lib/platform/documents/render-pdf";

export type LetterContent = {
  templateKey: string;
  templateVersion: number;
  caseReference: string;
  /** The date printed on the letter, e.g. "Thursday 3 December 2026". */
  date: string;
  to: { name: string; address: string };
  subject: string;
  paragraphs: string[];
};

export function letterLayout(c: LetterContent): Omit<DocumentSpec, "issuedAt" | "verification"> {
  return {
    title: c.subject,
    summary: [
      { label: "To", value: `${c.to.name}\n${c.to.address}` },
      { label: "Date", value: c.date },
      { label: "Our reference", value: c.caseReference },
    ],
    sections: [{ paragraphs: c.paragraphs }],
  };
}
