/** Issue 10: the meeting record's form helpers — amounts of money and the posted attendee rows. Pure. */
import { describe, expect, it } from "vitest";
import { formatPence, meetingRecordFromForm, penceFromText, recordSummary } from "@/lib/meetings/record/meeting-record-schema";

describe("amounts of money", () => {
  it("reads pounds and pence as typed, with or without the pound sign and commas", () => {
    expect(penceFromText("12.50")).toBe(1250);
    expect(penceFromText("£ 12.50")).toBe(1250);
    expect(penceFromText("12")).toBe(1200);
    expect(penceFromText("1,234.05")).toBe(123405);
    for (const bad of ["", "12.5", "12.505", "-3", "twelve", "£", "1e3"]) expect(penceFromText(bad), bad).toBeNull();
  });

  it("writes them back the British way", () => {
    expect(formatPence(1250)).toBe("£12.50");
    expect(formatPence(123405)).toBe("£1,234.05");
    expect(formatPence(7)).toBe("£0.07");
  });
});

describe("the posted attendee rows", () => {
  it("a party's row counts when ticked; an extra row when anything was filled in; each keeps its number", () => {
    const input = meetingRecordFromForm({
      caseId: "c1",
      version: "3",
      "attendees.0.partyId": "p1",
      "attendees.0.name": "Jane",
      "attendees.0.capacity": "PARENT",
      "attendees.0.attended": "yes",
      "attendees.1.partyId": "p2",
      "attendees.1.name": "Lee",
      "attendees.1.capacity": "LA_OFFICER",
      "attendees.2.name": "",
      "attendees.2.capacity": "",
      "attendees.2.organisation": "",
      "attendees.3.name": "",
      "attendees.3.capacity": "SUPPORTER",
      childViewsHow: "WRITTEN_STATEMENT,DRAWING",
    });
    expect(input).toMatchObject({ caseId: "c1", expectedVersion: "3", childViewsHow: ["WRITTEN_STATEMENT", "DRAWING"] });
    expect(input.attendees.map((a) => [a.partyId, a.name, a.attended])).toEqual([
      ["p1", "Jane", true],
      ["p2", "Lee", false],
      ["", "", false],
      ["", "", true],
    ]);
  });

  it("the summary lists who attended, with the LA's authority, and the expenses in words", () => {
    const s = recordSummary(
      meetingRecordFromForm({
        "attendees.0.partyId": "p1",
        "attendees.0.name": "Lee",
        "attendees.0.capacity": "LA_OFFICER",
        "attendees.0.attended": "yes",
        "attendees.0.hasAuthority": "no",
        childViewsHow: "NOT_POSSIBLE",
        childViews: "ignored when it was not possible",
        childViewsNotPossibleReason: "In hospital",
        expensesClaimed: "yes",
        expensesAmount: "9",
        expensesFor: "Parking",
        expensesPayer: "ICB",
        expensesStatus: "PAID",
        agreement: "NONE",
      }),
    );
    expect(s).toMatchObject({
      attendees: [{ name: "Lee", capacity: "Local authority officer", organisation: null, authority: "Did not have authority to resolve the issues" }],
      childViewsHow: ["It was not possible to find out their views"],
      childViews: null,
      childViewsNotPossibleReason: "In hospital",
      expenses: { amount: "£9.00", for: "Parking", payer: "The integrated care board (ICB)", status: "Paid" },
      agreement: "No agreement",
      privateNotes: null,
    });
  });
});
