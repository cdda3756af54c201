import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";
import { Shell, SITE_DESCRIPTION } from "@/components/Shell";
import { getSessionUser } from "./_server/auth";

export const metadata: Metadata = {
  title: { default: "SEND Mediation", template: "%s – SEND Mediation" },
  description: SITE_DESCRIPTION,
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, never prerendered at build time: the Content-Security-Policy
  // admits only scripts with this request's nonce (proxy.ts), which Next adds while rendering.
  await connection();
  const user = await getSessionUser().catch(() => null);
  return (
    <html lang="en-GB">
      <body>
        <Shell user={user}>{children}</Shell>
      </body>
    </html>
  );
}
