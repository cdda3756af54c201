import { headers } from "next/headers";

/** The app's public origin for links in emails: NEXTAUTH_URL / APP_ORIGIN, else the request host. */
export async function appOrigin(): Promise<string> {
  const configured = process.env.APP_ORIGIN ?? process.env.NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const h = await headers();
  const host = h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}
