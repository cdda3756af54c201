"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requestFamilyLink } from "@/lib/auth/family-link";
import { clientIp } from "../../_server/auth";
import { formValues, zodFieldErrors, type ActionState } from "../../_server/action";
import { appOrigin } from "../../_server/origin";

const schema = z.object({
  email: z.string().trim().min(1, "Enter your email address").email("Enter an email address in the correct format, like name@example.com"),
});

export async function requestLinkAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  const values = formValues(fd);
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { status: "error", fieldErrors: zodFieldErrors(parsed.error), values };
  const r = await requestFamilyLink(parsed.data.email, await appOrigin(), await clientIp());
  if (!r.ok) return { status: "error", message: "You have asked for too many links. Wait an hour, then try again.", values };
  redirect("/sign-in/family/check-email");
}
