/**
 * The one safe chain every server action follows: zod-validate input → session → authorize →
 * act (the lib command writes its audit row in the same transaction) → a serialisable state.
 * Submitted values are returned so React 19's form reset never loses what was typed.
 * Errors never leak a stack trace: unknown errors are logged and shown as a generic message.
 */
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { can, type Permission } from "@/lib/auth/policy";
import { ForbiddenError, NotFoundError, type SessionUser } from "@/lib/auth/types";
import { DomainError } from "@/lib/errors";
import { clientIp, getSessionUser } from "./auth";

export type ActionState = {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  data?: Record<string, unknown>;
};

export const IDLE: ActionState = { status: "idle" };

export function formValues(fd: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of fd.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) out[k] = k in out ? `${out[k]},${v}` : v;
  return out;
}

export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    if (!out[key]) out[key] = issue.message;
  }
  return out;
}

type Ctx = { user: SessionUser; ip: string | null };

export async function runAction<S extends z.ZodType, R extends ActionState | void>(
  formData: FormData,
  opts: { schema: S; permission: Permission | null; handler: (input: z.infer<S>, ctx: Ctx) => Promise<R> },
): Promise<ActionState> {
  const values = formValues(formData);
  const parsed = opts.schema.safeParse(values);
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  if (opts.permission && !can(user, opts.permission)) notFound();
  if (!parsed.success) return { status: "error", fieldErrors: zodFieldErrors(parsed.error), values };
  try {
    const r = await opts.handler(parsed.data, { user, ip: await clientIp() });
    return { status: "success", values, ...(r ?? {}) };
  } catch (e) {
    return handleActionError(e, values);
  }
}

export function handleActionError(e: unknown, values: Record<string, string>): ActionState {
  if (e instanceof NotFoundError) notFound();
  if (e instanceof ForbiddenError) return { status: "error", message: e.message, values };
  if (e instanceof DomainError) return { status: "error", message: e.message, fieldErrors: e.fieldErrors, values, data: e.data };
  // Let Next's own control-flow errors (redirect, notFound) through.
  if (e && typeof e === "object" && "digest" in e && typeof (e as { digest: unknown }).digest === "string" && /^NEXT_/.test((e as { digest: string }).digest)) throw e;
  console.error("[action] unexpected error", e);
  return { status: "error", message: "Sorry, something went wrong and nothing was saved. Try again.", values };
}
