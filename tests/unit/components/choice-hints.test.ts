/**
 * Issue 9 item 13: a radio's or checkbox's own hint is not part of its label (a screen reader would
 * read it as the option's name) but beside it, with an id that the input names in aria-describedby
 * (the GOV.UK pattern). Checked on the server-rendered HTML of the shared form components.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Checkbox } from "@/components/Checkbox";
import { Checkboxes, Radios } from "@/components/fields";

const OPTIONS = [
  { value: "PARENT", label: "Parent or carer", hint: "Someone with parental responsibility" },
  { value: "YOUNG_PERSON", label: "Young person", hint: "Over compulsory school age and under 25" },
  { value: "OTHER", label: "Someone else" },
];

/** Every <input>, with its id and aria-describedby, its <label for=…>'s text and the text of each element it describes itself by. */
function choices(html: string) {
  return [...html.matchAll(/<input ([^>]*)\/?>/g)].map(([, attrs]) => {
    const attr = (n: string) => new RegExp(`${n}="([^"]*)"`).exec(attrs!)?.[1];
    const id = attr("id")!;
    const label = new RegExp(`<label for="${id}"[^>]*>(.*?)</label>`).exec(html)?.[1] ?? null;
    const describedBy = attr("aria-describedby")?.split(" ") ?? [];
    const descriptions = describedBy.map((ref) => new RegExp(`id="${ref}"[^>]*>(.*?)</span>`).exec(html)?.[1] ?? `(no element with id ${ref})`);
    return { id, label, descriptions };
  });
}

describe("option hints are described, not labelled (GOV.UK pattern)", () => {
  it("Radios: each label is just the option; its hint is a separate element the radio's aria-describedby points to", () => {
    const html = renderToStaticMarkup(createElement(Radios, { name: "who", legend: "Who are they?", options: OPTIONS }));
    expect(choices(html)).toEqual([
      { id: "who", label: "Parent or carer", descriptions: ["Someone with parental responsibility"] },
      { id: "who-YOUNG_PERSON", label: "Young person", descriptions: ["Over compulsory school age and under 25"] },
      { id: "who-OTHER", label: "Someone else", descriptions: [] },
    ]);
    // Nor is the hint nested inside the label in any other way.
    expect(html).not.toMatch(/<label[^>]*>[^<]*<[^/][^>]*class="hint/);
  });

  it("Checkboxes: the same", () => {
    const html = renderToStaticMarkup(createElement(Checkboxes, { name: "issues", legend: "What is it about?", options: OPTIONS }));
    expect(choices(html)).toEqual([
      { id: "issues", label: "Parent or carer", descriptions: ["Someone with parental responsibility"] },
      { id: "issues-YOUNG_PERSON", label: "Young person", descriptions: ["Over compulsory school age and under 25"] },
      { id: "issues-OTHER", label: "Someone else", descriptions: [] },
    ]);
  });

  it("a single Checkbox: its hint describes it; its label is just the question", () => {
    const html = renderToStaticMarkup(createElement(Checkbox, { name: "agreed", label: "The family agreed to shorter notice", hint: "Only if they said so" }));
    expect(choices(html)).toEqual([{ id: "agreed", label: "The family agreed to shorter notice", descriptions: ["Only if they said so"] }]);
  });
});
