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

/** An attendee of the joint meeting, as R-24 sees them: the party's kind, authority and their answer. */
export type AuthorityAttendee = AuthorityParty & { response: string };

/**
 * R-24, once the joint meeting is booked: among those invited (and not declined), an LA
 * representative — and an ICB one when a health body is involved — confirmed as having authority
 * to resolve the issues. The confirmation is the party's (`Party.hasAuthority`), recorded on the
 * meeting page or the party's page (docs/decisions/0012-meeting-invitations.md).
 */
export function meetingAuthorityWarnings(c: { kind: string; involvesHealthBody: boolean; attendees: readonly AuthorityAttendee[] }): string[] {
  if (c.kind !== "MEDIATION") return [];
  const out: string[] = [];
  const check = (kind: "LA" | "HEALTH", body: string) => {
    const coming = c.attendees.filter((a) => a.kind === kind && a.response !== "DECLINED");
    if (coming.length === 0) out.push(`No ${body} representative is invited to the joint meeting (or each one invited has said they are not coming). Invite one who has authority to resolve the issues (R-24).`);
    else if (!coming.some((a) => a.hasAuthority === true)) out.push(`No ${body} representative invited to the joint meeting is confirmed as having authority to resolve the issues. Check with them and record it (R-24).`);
  };
  check("LA", "local authority");
  if (c.involvesHealthBody) check("HEALTH", "integrated care board");
  return out;
}
