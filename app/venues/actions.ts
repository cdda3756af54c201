"use server";
/**
 * Server actions of the venue pages (issue 10): each is the one chain (app/_server/action.ts)
 * around one lib command, then back to a page with a banner (`?done=`). Deactivating and deleting
 * take two steps: "check" asks for confirmation (nothing saved), "confirm" saves.
 */
import { redirect } from "next/navigation";
import { runAction, type ActionState } from "../_server/action";
import { addVenue } from "@/lib/meetings/venues/add-venue";
import { updateVenue } from "@/lib/meetings/venues/update-venue";
import { deactivateVenue } from "@/lib/meetings/venues/deactivate-venue";
import { reactivateVenue } from "@/lib/meetings/venues/reactivate-venue";
import { deleteVenue } from "@/lib/meetings/venues/delete-venue";
import { ACCESS_FEATURES } from "@/lib/meetings/venues/venue-schema";

const venueUrl = (id: string, done: string) => `/venues/${encodeURIComponent(id)}?done=${done}`;
/** The form's values for the command: the access checkboxes post one `access` list. */
function fields(v: Record<string, string>) {
  const access = (v.access ?? "").split(",");
  return { name: v.name ?? "", address: v.address ?? "", localAuthorityId: v.localAuthorityId ?? "", notes: v.notes ?? "", ...Object.fromEntries(ACCESS_FEATURES.map((f) => [f, access.includes(f)])) };
}

export async function addVenueAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "venue:manage",
    run: async (v, { user, ip }) => {
      const r = await addVenue(user, fields(v), ip);
      redirect(venueUrl(r.id, "added"));
    },
  });
}

export async function updateVenueAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "venue:manage",
    run: async (v, { user, ip }) => {
      const r = await updateVenue(user, v.venueId ?? "", fields(v), ip);
      redirect(venueUrl(r.id, "updated"));
    },
  });
}

/** Deactivate, reactivate or delete (`change`); deactivating and deleting are confirmed first. */
export async function changeVenueStatusAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "venue:manage",
    run: async (v, { user, ip }) => {
      const id = v.venueId ?? "";
      const change = v.change ?? "";
      if (change === "reactivate") {
        await reactivateVenue(user, id, ip);
        redirect(venueUrl(id, "reactivated"));
      }
      if (change !== "deactivate" && change !== "delete") return { status: "error" as const, message: "The form could not be read. Reload the page and try again." };
      if (v.step !== "confirm") return { status: "success" as const, data: { confirm: change } };
      if (change === "delete") {
        await deleteVenue(user, id, ip);
        redirect("/venues?done=deleted");
      }
      await deactivateVenue(user, id, ip);
      redirect(venueUrl(id, "deactivated"));
    },
  });
}
