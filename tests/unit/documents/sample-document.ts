/**
 * A sample document for the renderer's tests and the bench: an agreement-like layout with
 * accented names and `rows` actions with due dates.
 */
import { contentSha256 } from "@/lib/platform/documents/canonical";
import type { DocumentSpec } from "@/lib/platform/documents/render-pdf";

export const SAMPLE_CODE = "7KQ3M9XD2HPAWT4C";
export const SAMPLE_URL = "https://mediation.example.org/verify/7KQ3-M9XD-2HPA-WT4C";

export function sampleContent(rows: number) {
  return {
    child: "Ŷ Nguyễn",
    parent: "Łukasz Nguyễn",
    agreed: "The parties agreed the actions below. The council will write to the family when each is done.",
    actions: Array.from({ length: rows }, (_, i) => ({
      what: `Action ${i + 1}: the council will carry out an EHC needs assessment step ${i + 1} for Ŷ`,
      who: i % 3 === 0 ? "Local authority" : i % 3 === 1 ? "School" : "Integrated care board",
      due: `${(i % 28) + 1} March 2027`,
      check: "The caseworker checks the council's letter",
    })),
  };
}

export function sampleSpec(rows = 3, overrides: Partial<DocumentSpec> = {}): DocumentSpec {
  const content = sampleContent(rows);
  return {
    title: "Mediation agreement",
    subtitle: "Case SM-2027-00042 · version 1",
    issuedAt: new Date("2027-02-01T10:15:00Z"),
    summary: [
      { label: "Child or young person", value: content.child },
      { label: "Parent", value: content.parent },
      { label: "Agreement date", value: "1 February 2027" },
    ],
    sections: [{ heading: "What was agreed", paragraphs: [content.agreed] }],
    tables: [
      {
        heading: "Actions",
        columns: [{ header: "What will happen", width: 3 }, { header: "Who" }, { header: "By when" }, { header: "How it will be checked", width: 2 }],
        rows: content.actions.map((a) => [a.what, a.who, a.due, a.check]),
      },
    ],
    signatures: {
      heading: "Signatures",
      statement: "Each person confirmed that this is an accurate record of what was agreed.",
      signers: [
        { name: content.parent, role: "Parent", outcome: "Signed on 1 February 2027 at 10:15, in the room" },
        { name: "Priya Ŷmir", role: "Local authority", outcome: "Signed on 1 February 2027 at 10:20, by emailed link" },
      ],
    },
    verification: { code: SAMPLE_CODE, url: SAMPLE_URL, contentSha256: contentSha256(content) },
    ...overrides,
  };
}
