"use server";
/**
 * The correspondence templates' edit page (issue 13, decision 0030): one form, two buttons —
 * "Preview" (nothing saved: the filled text comes back in the state) and "Save" (a new version,
 * audited). Admins only (`correspondence:manage-templates`; anyone else: 404).
 */
import { redirect } from "next/navigation";
import { runAction, type ActionState } from "../../_server/action";
import { previewTemplate } from "@/lib/correspondence/preview-template";
import { updateTemplate } from "@/lib/correspondence/update-template";

export async function saveTemplateAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "correspondence:manage-templates",
    run: async (v, { user, ip }) => {
      const key = v.key ?? "";
      if (v.intent === "preview") {
        const preview = await previewTemplate(user, { subject: v.subject ?? "", body: v.body ?? "", caseReference: v.caseReference ?? "" });
        return { status: "success" as const, data: { preview } };
      }
      const r = await updateTemplate(user, key, { name: v.name ?? "", kind: (v.kind ?? "") as "EMAIL", subject: v.subject ?? "", body: v.body ?? "", active: v.active === "yes", version: v.version ?? "" }, ip);
      redirect(`/admin/templates/${encodeURIComponent(r.key)}?done=saved`);
    },
  });
}
