/**
 * the LA's representatives (and the ICB's, when a health issue is in dispute) at the joint
 * meeting must hold authority to resolve the issues. Before the meeting, a case with no such
 * representative recorded gets a warning for the caseworker and the mediator (issue 10). Pure.
 */
export type AuthorityParty = { kind: string; hasAuthority: boolean | null };

export function authorityWarnings(c: { kind: string; hasHealthIssue: boolean; parties: readonly AuthorityParty[] }): string[] {
  if (c.kind !== "MEDIATION") return [];
  const out: string[] = [];
  const check = (kind: "LA" | "HEALTH", body: string) => {
    const reps = c.parties.filter((p) => p.kind === kind);
    if (reps.length === 0) out.push(`No ${body} representative is recorded for the meeting. Add one who has authority to resolve the issues (R-24).`);
    else if (!reps.some((p) => p.hasAuthority === true)) out.push(`No ${body} representative is confirmed as having authority to resolve the issues. Check with them and record it (R-24).`);
  };
  check("LA", "local authority");
  if (c.hasHealthIssue) check("HEALTH", "integrated care board");
  return out;
}
