import { publicOrigin } from "@/lib/platform/public-origin";

/**
 * The app's public origin for links in emails: APP_ORIGIN / NEXTAUTH_URL; in development only,
 * http://localhost on the dev port. Never the request's Host (issue 9 item 7).
 */
export async function appOrigin(): Promise<string> {
  return publicOrigin();
}
