/**
 * The staff sign-in form's fields, checked in the browser before the credentials are posted
 * (the server's check is lib/auth/staff-sign-in.ts). Client-safe; the email rule is the one of
 * every form (lib/cases/fields).
 */
import { z } from "zod";
import { EMAIL_FORMAT_MESSAGE, isEmail } from "@/lib/cases/fields";

export const staffSignInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address")
    .refine((v) => isEmail(v), EMAIL_FORMAT_MESSAGE),
  password: z.string().min(1, "Enter your password"),
});
export type StaffSignInValues = z.infer<typeof staffSignInSchema>;
