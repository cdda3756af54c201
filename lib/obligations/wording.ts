/** Wording shared by the obligation commands, the job and the pages. Pure, client-safe. */

/** An action's words, shortened for a timeline entry or an email subject. */
export function shortWhat(what: string, max = 120): string {
  const one = what.replace(/\s+/g, " ").trim();
  return one.length <= max ? one : `${one.slice(0, max - 1).trimEnd()}…`;
}
