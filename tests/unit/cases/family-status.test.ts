import { describe, expect, it } from "vitest";
import { familyStatus, type FamilyStatusInput } from "@/lib/cases/family/family-status";
import { FAMILY_STATUS_TEXT } from "@/lib/cases/lifecycle";

// Issue 8, item 14: what the family is told follows what happened, not only the status.
const base: FamilyStatusInput = { kind: "MEDIATION", status: "ALLOCATED", decisionSentOn: "2025-03-10", sectionIOnly: false, certificates: [] };

describe("what the family is told", () => {
  it("says mediation could not be arranged, and when the certificate will come (R-23)", () => {
    const due = familyStatus({ ...base, certificates: [{ name: "CERTIFICATE_NOT_ARRANGED", dueOn: "2025-04-17", closedOn: null, outcome: null }] });
    expect(due.text).toBe(
      "We could not set up mediation in time. We will send you a certificate by Thursday 17 April 2025. You can use it to appeal if you want to. You can still have mediation.",
    );
    expect(due.appeal).toBeNull();
    expect(due.text).not.toBe(FAMILY_STATUS_TEXT.ALLOCATED);
  });

  it("once that certificate is issued, gives the appeal deadline it brings, with its explanation (R-23, R-50)", () => {
    const s = familyStatus({ ...base, certificates: [{ name: "CERTIFICATE_NOT_ARRANGED", dueOn: "2025-04-17", closedOn: "2025-04-16", outcome: "MET" }] });
    // 2 months after 10 March is 10 May (a Saturday: the next working day, Monday 12 May); 1 month after 16 April is 16 May (later).
    expect(s.appeal?.date).toBe("2025-05-16");
    expect(s.text).toContain("We could not set up mediation in time. So we sent you a certificate on Wednesday 16 April 2025.");
    expect(s.text).toContain("The Tribunal must get your appeal by Friday 16 May 2025.");
    expect(s.text).toContain("You can still have mediation if you want to.");
    expect(s.appeal?.explanation).toContain("1 month after the certificate was issued on Wednesday 16 April 2025");
  });

  it("shows the appeal deadline once the certificate after mediation is issued; says it is not needed for section I only (R-04)", () => {
    const issued = [{ name: "CERTIFICATE_AFTER_MEDIATION", dueOn: "2025-04-29", closedOn: "2025-04-29", outcome: "MET" }];
    const s = familyStatus({ ...base, status: "CERTIFICATE_ISSUED", certificates: issued });
    expect(s.appeal?.date).toBe("2025-05-29");
    expect(s.text).toBe(
      "We sent you your certificate on Tuesday 29 April 2025. If you want to appeal, you can use it. It is up to you. The Tribunal must get your appeal by Thursday 29 May 2025.",
    );
    expect(familyStatus({ ...base, status: "CERTIFICATE_ISSUED", certificates: issued, sectionIOnly: true }).text).toContain("You only disagree about the school named in the plan. So you do not need it to appeal");
    // Without the decision date there is no appeal date to give.
    expect(familyStatus({ ...base, status: "CERTIFICATE_ISSUED", certificates: issued, decisionSentOn: null }).appeal).toBeNull();
  });

  it("says the local authority must carry out what was agreed, while we monitor (R-40, R-72)", () => {
    expect(familyStatus({ ...base, status: "MONITORING" }).text).toBe("The local authority must now do what was agreed, by the dates agreed. We check that it does.");
    expect(familyStatus({ ...base, kind: "DRS", status: "MONITORING" }).text).toContain("Everyone must now do what was agreed");
  });

  it("keeps the plain sentence for the other statuses", () => {
    expect(familyStatus(base).text).toBe(FAMILY_STATUS_TEXT.ALLOCATED);
    expect(familyStatus({ ...base, status: "REFERRED" }).text).toBe(FAMILY_STATUS_TEXT.REFERRED);
  });
});
