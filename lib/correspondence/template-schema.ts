/**
 * Issue 13 (decision 0030): a correspondence template as the admin edits it, and what may be sent
 * how. The kinds, labels and limits are in ./template-kinds (client-safe, no
 * zod), re-exported here.
 */
import { z } from "zod";
import { placeholderProblems } from "./placeholders";
import { CORRESPONDENCE_KINDS, TEMPLATE_LIMITS } from "./template-kinds";

export * from "./template-kinds";

/** The text of a field whose placeholders are not all on the list (R-80: no field for private text). */
function placeholdersOk(label: string) {
  return (text: string, ctx: z.RefinementCtx) => {
    const { unknown, unclosed } = placeholderProblems(text);
    if (unknown.length > 0) {
      const names = unknown.map((n) => `{{${n}}}`).join(", ");
      ctx.addIssue({ code: "custom", message: `${label} uses ${unknown.length === 1 ? "a placeholder" : "placeholders"} that cannot be used: ${names}. Use only the placeholders listed on this page` });
    } else if (unclosed) {
      ctx.addIssue({ code: "custom", message: `${label} has {{ or }} that is not part of a placeholder. Write each placeholder as {{name}}` });
    }
  };
}

export const templateSchema = z.object({
  name: z.string().trim().min(1, "Enter the template's name").max(TEMPLATE_LIMITS.name, `The name must be ${TEMPLATE_LIMITS.name} characters or fewer`),
  kind: z.enum(CORRESPONDENCE_KINDS, { error: "Choose how it may be sent" }),
  subject: z
    .string()
    .trim()
    .min(1, "Enter the subject")
    .max(TEMPLATE_LIMITS.subject, `The subject must be ${TEMPLATE_LIMITS.subject} characters or fewer`)
    .superRefine(placeholdersOk("The subject")),
  body: z
    .string()
    .overwrite((s) => s.replace(/\r\n?/g, "\n"))
    .trim()
    .min(1, "Enter the text of the email or letter")
    .max(TEMPLATE_LIMITS.body, `The text must be ${TEMPLATE_LIMITS.body.toLocaleString("en-GB")} characters or fewer`)
    .superRefine(placeholdersOk("The text")),
  active: z.boolean(),
});

export type TemplateInput = z.input<typeof templateSchema>;
export type TemplateValues = z.output<typeof templateSchema>;
