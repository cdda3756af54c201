/**
 * The longest email address and password a staff sign-in accepts (issue 9 item 8): anything longer
 * is refused before it touches the database, so it never becomes a throttle key or an audit row.
 * Client-safe (the sign-in form's schema uses the same numbers).
 */
import { LIMITS } from "@/lib/cases/fields";

export const SIGN_IN_LIMITS = {
  /** RFC 5321's longest address, the rule of every form. */
  email: LIMITS.email,
  /** Far above any pass phrase; bcrypt reads only the first 72 bytes anyway. */
  password: 1024,
} as const;

export function signInInputTooLong(email: string, password: string): boolean {
  return email.trim().length > SIGN_IN_LIMITS.email || password.length > SIGN_IN_LIMITS.password;
}
