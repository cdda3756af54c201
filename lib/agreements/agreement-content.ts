/**
 * The text people sign, as canonical content (lib/platform/documents/canonical.ts): the same
 * agreement always gives the same JSON and so the same SHA-256. A signature is bound to this hash
 * any change to the text — an action, a date, a word — changes it, and signatures given for
 * the old text no longer count. Pure (no I/O).
 *
 * Kept stable on purpose: a sealed document's content embeds this text, so anyone can recompute
 * the hash each signer signed from the document alone.
 */
import { contentSha256, normaliseText, type CanonicalValue } from "@/lib/platform/documents/canonical";
import type { AgreedActionKind, ResponsibleParty } from "./action-kinds";

export type AgreementTextAction = {
  position: number;
  what: string;
  responsible: ResponsibleParty;
  kind: AgreedActionKind;
  /** The computed (or, for OTHER, agreed) due date, ISO. */
  dueOn: string;
  dueRule: string;
  howChecked: string;
  /** the date the parties agreed in writing instead, who agreed and when. */
  override: { dueOn: string; agreedBy: string; agreedOn: string } | null;
};

export type AgreementText = {
  kind: "AGREEMENT" | "OUTCOME_STATEMENT";
  caseReference: string;
  version: number;
  /** The version this one corrects (its number), if any. */
  correctsVersion: number | null;
  agreedOn: string;
  whatWasAgreed: string;
  whatWasNotAgreed: string | null;
  actions: AgreementTextAction[];
  /** Who must sign, in order: their names and capacities are part of what is signed. */
  signers: { name: string; capacity: string }[];
};

export function agreementTextContent(t: AgreementText): CanonicalValue {
  return {
    kind: t.kind,
    caseReference: t.caseReference,
    version: t.version,
    correctsVersion: t.correctsVersion,
    agreedOn: t.agreedOn,
    whatWasAgreed: t.whatWasAgreed,
    whatWasNotAgreed: t.whatWasNotAgreed,
    actions: [...t.actions]
      .sort((a, b) => a.position - b.position)
      .map((a) => ({
        position: a.position,
        what: a.what,
        responsible: a.responsible,
        kind: a.kind,
        dueOn: a.dueOn,
        dueRule: a.dueRule,
        howChecked: a.howChecked,
        override: a.override,
      })),
    signers: t.signers.map((s) => ({ name: s.name, capacity: s.capacity })),
  };
}

/** SHA-256 (hex) of the canonical text: what each signature is bound to. */
export function agreementTextSha256(t: AgreementText): string {
  return contentSha256(agreementTextContent(t));
}

/** A name as compared for signing in the room: NFC, whitespace runs one space, trimmed, lower case. */
export function signingNameKey(name: string): string {
  return normaliseText(name).replace(/\s+/g, " ").toLocaleLowerCase("en-GB");
}

/**
 * In the room each person types their name: it must match the attendee's recorded name,
 * ignoring case and extra spaces (not accents: "Łukasz" is not "Lukasz").
 */
export function typedNameMatches(typed: string, recorded: string): boolean {
  const key = signingNameKey(typed);
  return key !== "" && key === signingNameKey(recorded);
}
