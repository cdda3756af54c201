"use server";
/** The mediator's own availability (issue 10): the one action chain around lib/meetings/my-availability. */
import { redirect } from "next/navigation";
import { runAction, type ActionState } from "../../_server/action";
import { addDayOff, removeDayOff, updateMyAvailability } from "@/lib/meetings/my-availability";

export async function updateAvailabilityAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "mediator:workspace",
    run: async (v, { user, ip }) => {
      await updateMyAvailability(user, v, ip);
      redirect("/mediator/availability?done=hours");
    },
  });
}

export async function addDayOffAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "mediator:workspace",
    run: async (v, { user, ip }) => {
      await addDayOff(user, v.dayOff ?? "", ip);
      redirect("/mediator/availability?done=dayOff");
    },
  });
}

export async function removeDayOffAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "mediator:workspace",
    run: async (v, { user, ip }) => {
      await removeDayOff(user, v.date ?? "", ip);
      redirect("/mediator/availability?done=removed");
    },
  });
}
