import { describe, expect, it } from "vitest";
import { authorityWarnings } from "@/lib/cases/parties/authority";

// LA (and ICB) representatives at the joint meeting hold authority to resolve the issues.
describe("warnings about representatives' authority (R-24)", () => {
  it("warns when no LA representative is recorded, or none is confirmed as having authority", () => {
    expect(authorityWarnings({ kind: "MEDIATION", hasHealthIssue: false, parties: [{ kind: "PARENT", hasAuthority: null }] })).toEqual([
      "No local authority representative is recorded for the meeting. Add one who has authority to resolve the issues (R-24).",
    ]);
    expect(authorityWarnings({ kind: "MEDIATION", hasHealthIssue: false, parties: [{ kind: "LA", hasAuthority: false }] })[0]).toContain("No local authority representative is confirmed as having authority");
    expect(authorityWarnings({ kind: "MEDIATION", hasHealthIssue: false, parties: [{ kind: "LA", hasAuthority: false }, { kind: "LA", hasAuthority: true }] })).toEqual([]);
  });

  it("asks for the ICB's too when a health issue is in dispute; not for DRS", () => {
    const w = authorityWarnings({ kind: "MEDIATION", hasHealthIssue: true, parties: [{ kind: "LA", hasAuthority: true }] });
    expect(w).toEqual(["No integrated care board representative is recorded for the meeting. Add one who has authority to resolve the issues (R-24)."]);
    expect(authorityWarnings({ kind: "DRS", hasHealthIssue: true, parties: [] })).toEqual([]);
  });
});
