/**
 * Issue 12: the family's pages of one case, as the sub-navigation lists them. The meeting, views
 * and parent-access pages are built by their own features; this only links to them. "Who can see
 * your case" is for a young person's own case, and only for the young person. Pure.
 */
export type FamilyCaseLinkId = "OVERVIEW" | "MEETING" | "VIEWS" | "AGREEMENT" | "PARENT_ACCESS";
export type FamilyCaseLink = { id: FamilyCaseLinkId; href: string; label: string };

export const FAMILY_LINK_LABELS: Record<FamilyCaseLinkId, string> = {
  OVERVIEW: "Where your case is",
  MEETING: "Your meeting",
  VIEWS: "Your views",
  AGREEMENT: "The agreement and what was agreed",
  PARENT_ACCESS: "Who can see your case",
};

export function familyCaseHref(caseId: string, id: FamilyCaseLinkId = "OVERVIEW"): string {
  const base = `/my-case/${encodeURIComponent(caseId)}`;
  const sub: Record<FamilyCaseLinkId, string> = { OVERVIEW: "", MEETING: "/meeting", VIEWS: "/views", AGREEMENT: "/agreement", PARENT_ACCESS: "/parent-access" };
  return base + sub[id];
}

export function familyCaseLinks(caseId: string, c: { familyParty: "PARENT" | "YOUNG_PERSON"; ownPartyKinds: readonly string[] }): FamilyCaseLink[] {
  const ids: FamilyCaseLinkId[] = ["OVERVIEW", "MEETING", "VIEWS", "AGREEMENT"];
  // the young person decides who else sees their case.
  if (c.familyParty === "YOUNG_PERSON" && c.ownPartyKinds.includes("YOUNG_PERSON")) ids.push("PARENT_ACCESS");
  return ids.map((id) => ({ id, href: familyCaseHref(caseId, id), label: FAMILY_LINK_LABELS[id] }));
}

/** Issue 12 (decision 0019): where a signer asked to sign reads and signs the agreement. */
export function familySignHref(caseId: string): string {
  return `${familyCaseHref(caseId, "AGREEMENT")}/sign`;
}
