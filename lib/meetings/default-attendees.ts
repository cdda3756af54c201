/**
 * Who is invited when the joint meeting is booked, before staff add or remove anyone on the
 * meeting page. Pure.
 *  - Everyone on the case who has not declined to take part: the family party, the LA and ICB
 *    representatives (the LA must take part whatever it answered, R-05, so its consent is rarely
 *    recorded: waiting for it would leave the LA out), supporters and interpreters (their
 *    agreement is never sought, R-73).
 *  - Not, for mediation, a school or setting: "others" attend only with the consent of all parties
 *    so staff add them once that is known. In disagreement resolution the setting is often
 *    a party to the disagreement, so it is invited.
 * docs/decisions/0012-meeting-invitations.md.
 */
export function invitedByDefault(caseKind: string, p: { kind: string; consent: string }): boolean {
  if (p.consent === "DECLINED") return false;
  if (p.kind === "SCHOOL") return caseKind === "DRS";
  return true;
}
