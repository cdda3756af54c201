/**
 * Sign-out (issue 9, item 3): a plain form POST (works without JavaScript). Every session of the
 * user ends — the session version is bumped, so a copy of the cookie saved earlier no longer opens
 * anything — then this browser's cookie is deleted. A POST only: a link or an image cannot sign
 * anyone out, and the session cookie (SameSite=Lax) is not sent with another site's POST.
 */
import { signOutEverywhere } from "../_server/auth";

export const dynamic = "force-dynamic";

export async function POST() {
  await signOutEverywhere();
  // A relative Location: never built from the request's Host header.
  return new Response(null, { status: 303, headers: { Location: "/sign-in?signedOut=1" } });
}
