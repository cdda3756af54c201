/**
 * The public verify page's facts about a document (/verify/<code>, no sign-in; an actor that is
 * not a user): whether a document has this code, its kind, issue date, version, and whether a
 * newer version replaces it — never names, content or anything else from it. A code that
 * cannot be one and a code no document has get the same answer (not found), so the page gives no
 * hint for guessing; with 2^80 codes (verification-code.ts) guessing is hopeless anyway.
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { todayInLondon } from "@/lib/deadlines";
import { DOCUMENT_KIND_LABELS, type DocumentKind } from "./kinds";
import { formatVerificationCode, normaliseVerificationCode } from "./verification-code";

/** Versions followed to find the latest (a longer chain of corrections is not expected). */
const MAX_VERSIONS_FOLLOWED = 100;

export type PublicDocumentFacts = {
  /** As printed: 7KQ3-M9XD-2HPA-WT4C. */
  code: string;
  kind: DocumentKind;
  kindLabel: string;
  version: number;
  /** The issue date in Europe/London, YYYY-MM-DD. */
  issuedOn: string;
  status: "CURRENT" | "SUPERSEDED";
  /** SUPERSEDED: the latest version and its issue date. */
  latest: { version: number; issuedOn: string } | null;
};

export type FoundDocument = { facts: PublicDocumentFacts; id: string; pdfSha256: string };

/** The document with this code (typed or linked, normalised), or null. */
export async function findDocumentByCode(code: unknown): Promise<FoundDocument | null> {
  const normalised = typeof code === "string" ? normaliseVerificationCode(code) : null;
  if (!normalised) return null;
  const row = await db().document.findUnique({
    where: { verificationCode: normalised },
    select: { id: true, kind: true, version: true, createdAt: true, pdfSha256: true, supersededBy: { select: { id: true } } },
  });
  if (!row) return null;
  let latest: PublicDocumentFacts["latest"] = null;
  let next = row.supersededBy?.id ?? null;
  for (let i = 0; next && i < MAX_VERSIONS_FOLLOWED; i++) {
    const newer = await db().document.findUnique({ where: { id: next }, select: { version: true, createdAt: true, supersededBy: { select: { id: true } } } });
    if (!newer) break;
    latest = { version: newer.version, issuedOn: todayInLondon(newer.createdAt) };
    next = newer.supersededBy?.id ?? null;
  }
  return {
    id: row.id,
    pdfSha256: row.pdfSha256,
    facts: {
      code: formatVerificationCode(normalised),
      kind: row.kind,
      kindLabel: DOCUMENT_KIND_LABELS[row.kind],
      version: row.version,
      issuedOn: todayInLondon(row.createdAt),
      status: latest ? "SUPERSEDED" : "CURRENT",
      latest,
    },
  };
}

/** The public facts only (what the page shows), or null. */
export async function lookupDocumentByCode(code: unknown): Promise<PublicDocumentFacts | null> {
  return (await findDocumentByCode(code))?.facts ?? null;
}
