/**
 * The staff sign-in form's fields, checked on the server before anything is counted or looked up
 * (lib/auth/staff-sign-in.ts). Both are bounded, so a huge value never reaches the database. The
 * email rule is the one of every form (lib/cases/fields).
 */
import { z } from "zod";
import { EMAIL_FORMAT_MESSAGE, LIMITS, isEmail, requiredText, tooLong } from "@/lib/cases/fields";

/** Longer than any password manager makes; bcrypt reads only the first 72 bytes anyway. */
export const MAX_PASSWORD_LENGTH = 1000;

export const staffSignInSchema = z.object({
  email: requiredText(LIMITS.email, "Enter your email address", tooLong("Your email address", LIMITS.email)).refine((v) => v === "" || isEmail(v), EMAIL_FORMAT_MESSAGE),
  password: z.preprocess((v) => (typeof v === "string" ? v : ""), z.string().min(1, "Enter your password").max(MAX_PASSWORD_LENGTH, tooLong("Your password", MAX_PASSWORD_LENGTH))),
});
export type StaffSignInValues = z.infer<typeof staffSignInSchema>;
