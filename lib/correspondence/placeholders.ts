/**
 * Issue 13 (decision 0030): the fixed list of fields a correspondence template may use, and the one
 * way a template's text is filled in. Pure and client-safe (the admin's edit page lists them).
 *
 * every field here is a fact the recipient may know — the case reference, the child's name,
 * the LA, the meeting's date and place, the statutory dates, the recipient's own name and the
 * sender's. Staff notes, case notes, private meeting text, the family's views and uploads, consent
 * notes, access needs and addresses other than the recipient's are never fields, so a template can
 * never print them: a placeholder not on this list is refused when the template is saved.
 *
 * The syntax is `{{group.name}}` (spaces inside the braces allowed) and nothing else: no logic, no
 * loops, no filters. Filling is one pass — a value that itself looks like a placeholder is printed
 * as it is, never filled again.
 */

export type PlaceholderDefinition = {
  /** What goes between the braces, e.g. "case.reference". */
  name: string;
  /** What it is, for the admin's list. */
  description: string;
  /** What the preview with sample data shows. */
  sample: string;
};

export const PLACEHOLDERS = [
  { name: "recipient.name", description: "The name of the person it is sent to", sample: "Aoife Ní Bhriain" },
  { name: "case.reference", description: "The case reference", sample: "SM-2026-00042" },
  { name: "child.name", description: "The child's or young person's full name", sample: "Zoë Łukasiewicz-Brontë" },
  { name: "child.firstName", description: "The child's or young person's first name", sample: "Zoë" },
  { name: "la.name", description: "The local authority's name", sample: "Northshire County Council" },
  { name: "deadlines.mediationBy", description: "The date mediation must take place by (R-20)", sample: "Friday 25 April 2025" },
  { name: "meeting.date", description: "The date of the joint meeting", sample: "Thursday 24 April 2025" },
  { name: "meeting.time", description: "When the joint meeting starts and ends", sample: "10:00 to 12:30" },
  { name: "meeting.place", description: "Where the joint meeting is: the venue and its address, or by video or phone", sample: "Riverside Family Centre, 1 Mill Lane, Northtown NT1 2AB" },
  { name: "certificate.issuedOn", description: "The date of issue of the latest certificate (R-30)", sample: "Tuesday 29 April 2025" },
  { name: "certificate.appealBy", description: "The last day to appeal, as printed on the latest certificate (R-50)", sample: "Thursday 29 May 2025" },
  { name: "sender.name", description: "The name of the person sending it", sample: "Sam Okafor" },
  { name: "today", description: "Today's date", sample: "Thursday 3 December 2026" },
] as const satisfies readonly PlaceholderDefinition[];

export type PlaceholderName = (typeof PLACEHOLDERS)[number]["name"];

const NAMES: ReadonlySet<string> = new Set(PLACEHOLDERS.map((p) => p.name));

export function isPlaceholderName(name: string): name is PlaceholderName {
  return NAMES.has(name);
}

/** A value for each field; null when the case does not have it yet (no meeting booked, say). */
export type PlaceholderValues = Record<PlaceholderName, string | null>;

export const SAMPLE_VALUES: PlaceholderValues = Object.fromEntries(PLACEHOLDERS.map((p) => [p.name, p.sample])) as PlaceholderValues;

/** `{{ name }}`: the only syntax. */
const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholders a text uses, in order of first use, as written (known or not). */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(TOKEN)].map((m) => m[1]!))];
}

/** What is wrong with a text's placeholders: those not on the list, and braces left open. */
export function placeholderProblems(text: string): { unknown: string[]; unclosed: boolean } {
  const unknown = placeholdersIn(text).filter((n) => !isPlaceholderName(n));
  const rest = text.replace(TOKEN, "");
  return { unknown, unclosed: rest.includes("{{") || rest.includes("}}") };
}

export type Filled = {
  text: string;
  /** The fields used that the case does not have (each printed as "[not known: …]"). */
  missing: PlaceholderName[];
};

/**
 * The text with each placeholder replaced by its value, in one pass. The result is plain text (the
 * email's only part, the letter's paragraphs): it is never put into HTML as markup — the pages
 * print it as React text, which escapes it (decision 0030). A name not on the list is left as
 * written (saving refuses such a template).
 */
export function fillPlaceholders(text: string, values: PlaceholderValues): Filled {
  const missing = new Set<PlaceholderName>();
  const out = text.replace(TOKEN, (whole, name: string) => {
    if (!isPlaceholderName(name)) return whole;
    const v = values[name];
    if (v === null || v === "") {
      missing.add(name);
      return `[not known: ${name}]`;
    }
    return v;
  });
  return { text: out, missing: [...missing] };
}
