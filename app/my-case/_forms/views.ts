/**
 * Issue 12: the family's views page — send views and a document, share something sent
 * with the case team, remove an unshared upload (after its confirmation page) — each posted to its
 * page without JavaScript (decision 0038). The family user only (`family-views:send`; anyone else:
 * 404); each is one lib command, audited. The file goes to the command as it came (the chain's
 * values are the form's text fields only).
 */
import "server-only";
import { redirect } from "next/navigation";
import { runActionAs, type ActionState, type Caller } from "@/app/_server/action-chain";
import { sendFamilyViews } from "@/lib/family/views/send-family-views";
import { shareFamilyItem } from "@/lib/family/views/share-family-item";
import { removeFamilyUpload } from "@/lib/family/views/remove-family-upload";

const viewsUrl = (caseId: string, done: string) => `/my-case/${encodeURIComponent(caseId)}/views?done=${done}`;

export async function sendViewsForm(caller: Caller, fd: FormData): Promise<ActionState> {
  const file = fd.get("file");
  return runActionAs(caller, fd, {
    permission: "family-views:send",
    run: async (v, { user, ip }) => {
      const r = await sendFamilyViews(
        user,
        { caseId: v.caseId ?? "", views: v.views, childViews: v.childViews, childViewsHow: v.childViewsHow, share: v.share },
        file instanceof File ? file : null,
        ip,
      );
      redirect(viewsUrl(r.caseId, "sent"));
    },
  });
}

export async function shareItemForm(caller: Caller, fd: FormData): Promise<ActionState> {
  return runActionAs(caller, fd, {
    permission: "family-views:send",
    echo: false,
    run: async (v, { user, ip }) => {
      await shareFamilyItem(user, { caseId: v.caseId ?? "", kind: v.kind === "upload" ? "upload" : "views", id: v.id ?? "" }, ip);
      redirect(viewsUrl(v.caseId ?? "", "shared"));
    },
  });
}

export async function removeUploadForm(caller: Caller, fd: FormData): Promise<ActionState> {
  return runActionAs(caller, fd, {
    permission: "family-views:send",
    echo: false,
    run: async (v, { user, ip }) => {
      await removeFamilyUpload(user, { caseId: v.caseId ?? "", uploadId: v.uploadId ?? "" }, ip);
      redirect(viewsUrl(v.caseId ?? "", "removed"));
    },
  });
}
