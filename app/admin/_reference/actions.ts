"use server";
/**
 * Server actions of /admin/local-authorities and /admin/health-bodies (issue 13, decision 0029):
 * each is the one chain (app/_server/action.ts) around one lib command, then back to a page with
 * a banner (`?done=`). The form names its kind of body. Deactivating takes two steps: "check" asks
 * for confirmation (nothing saved), "confirm" saves.
 */
import { redirect } from "next/navigation";
import { runAction, type ActionState } from "../../_server/action";
import { addReferenceBody } from "@/lib/admin/reference/add-reference-body";
import { updateReferenceBody } from "@/lib/admin/reference/update-reference-body";
import { deactivateReferenceBody } from "@/lib/admin/reference/deactivate-reference-body";
import { reactivateReferenceBody } from "@/lib/admin/reference/reactivate-reference-body";
import { BODY_KINDS, BODY_WORDS, type BodyKind } from "@/lib/admin/reference/body-schema";

const UNREADABLE: ActionState = { status: "error", message: "The form could not be read. Reload the page and try again." };
const kindOf = (v: Record<string, string>): BodyKind | null => ((BODY_KINDS as readonly string[]).includes(v.kind ?? "") ? (v.kind as BodyKind) : null);
const bodyUrl = (kind: BodyKind, id: string, done: string) => `${BODY_WORDS[kind].path}/${encodeURIComponent(id)}?done=${done}`;
const fields = (v: Record<string, string>) => ({ code: v.code ?? "", name: v.name ?? "", noticeEmail: v.noticeEmail ?? "" });

export async function addReferenceBodyAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "reference-data:manage",
    run: async (v, { user, ip }) => {
      const kind = kindOf(v);
      if (!kind) return UNREADABLE;
      const r = await addReferenceBody(user, kind, fields(v), ip);
      redirect(bodyUrl(kind, r.id, "added"));
    },
  });
}

export async function updateReferenceBodyAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "reference-data:manage",
    run: async (v, { user, ip }) => {
      const kind = kindOf(v);
      if (!kind) return UNREADABLE;
      const r = await updateReferenceBody(user, kind, v.id ?? "", v.expectedVersion ?? "", fields(v), ip);
      redirect(bodyUrl(kind, r.id, "updated"));
    },
  });
}

/** Deactivate (confirmed first) or reactivate (`change`). */
export async function changeReferenceBodyStatusAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "reference-data:manage",
    run: async (v, { user, ip }) => {
      const kind = kindOf(v);
      const id = v.id ?? "";
      if (!kind) return UNREADABLE;
      if (v.change === "reactivate") {
        await reactivateReferenceBody(user, kind, id, v.expectedVersion ?? "", ip);
        redirect(bodyUrl(kind, id, "reactivated"));
      }
      if (v.change !== "deactivate") return UNREADABLE;
      if (v.step !== "confirm") return { status: "success" as const, data: { confirm: "deactivate" } };
      await deactivateReferenceBody(user, kind, id, v.expectedVersion ?? "", ip);
      redirect(bodyUrl(kind, id, "deactivated"));
    },
  });
}
