/**
 * The staff sign-in form's fields, checked in the browser before the credentials are posted
 * (the server's check is lib/auth/staff-sign-in.ts). Client-safe; the email rule is the one of
 * every form (lib/cases/fields).
 */
import { z } from "zod";
import { EMAIL_FORMAT_MESSAGE, isEmail } from "@/lib/cases/fields";
import { SIGN_IN_LIMITS } from "./sign-in-limits";

export const staffSignInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address")
    .max(SIGN_IN_LIMITS.email, `Your email address must be ${SIGN_IN_LIMITS.email} characters or fewer`)
    .refine((v) => isEmail(v), EMAIL_FORMAT_MESSAGE),
  password: z.string().min(1, "Enter your password").max(SIGN_IN_LIMITS.password, `Your password must be ${SIGN_IN_LIMITS.password} characters or fewer`),
});
export type StaffSignInValues = z.infer<typeof staffSignInSchema>;
