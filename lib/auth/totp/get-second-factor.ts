/**
 * Issue 13: the signed-in staff member's own second sign-in step, for the enrolment page: whether
 * it is on, and while being set up, the key to type into an app (shown only until a code confirms
 * it: the secret of a step that is on is never shown again).
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "../policy";
import { NotFoundError, type SessionUser } from "../types";
import { groupedKey, otpauthUri, secondFactorRequired } from "./totp";

export type SecondFactorView =
  | { state: "ON"; since: Date; required: boolean }
  | { state: "OFF"; required: boolean }
  | { state: "ENROLLING"; required: boolean; key: string; uri: string };

export async function getSecondFactor(user: SessionUser): Promise<SecondFactorView> {
  authorize(user, "account:second-factor");
  // The user's own row only: the id is the session's.
  const u = await db().user.findUnique({ where: { id: user.id }, select: { email: true, totpEnabledAt: true, totpPendingSecret: true } });
  if (!u) throw new NotFoundError("user");
  const required = secondFactorRequired(user);
  if (u.totpEnabledAt) return { state: "ON", since: u.totpEnabledAt, required };
  if (u.totpPendingSecret) return { state: "ENROLLING", required, key: groupedKey(u.totpPendingSecret), uri: otpauthUri(u.email, u.totpPendingSecret) };
  return { state: "OFF", required };
}
