/**
 * Issue 13 (decision 0030): a template filled in — the one function both the preview and the send
 * use, so what is previewed is exactly what is sent. Pure.
 */
import { fillPlaceholders, type PlaceholderName, type PlaceholderValues } from "./placeholders";

export type Composed = {
  subject: string;
  body: string;
  /** The body's paragraphs (split at blank lines), as the letter and the preview print them. */
  paragraphs: string[];
  /** Fields the template uses that the case does not have yet: nothing is sent while any is. */
  missing: PlaceholderName[];
};

export function composeCorrespondence(template: { subject: string; body: string }, values: PlaceholderValues): Composed {
  const subject = fillPlaceholders(template.subject, values);
  const body = fillPlaceholders(template.body, values);
  return {
    // A subject is one line, whatever a value holds.
    subject: subject.text.replace(/\s*\n\s*/g, " "),
    body: body.text,
    paragraphs: paragraphsOf(body.text),
    missing: [...new Set([...subject.missing, ...body.missing])],
  };
}

export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
