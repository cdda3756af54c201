import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";
import { Header } from "@/components/Header";
import { getSessionUser } from "./_server/auth";

export const metadata: Metadata = {
  title: { default: "SEND Mediation", template: "%s – SEND Mediation" },
  description: "Case management for SEND mediation providers in England",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, never prerendered at build time: the Content-Security-Policy
  // admits only scripts with this request's nonce (proxy.ts), which Next adds while rendering.
  await connection();
  const user = await getSessionUser().catch(() => null);
  return (
    <html lang="en-GB">
      <body>
        <a href="#main-content" className="skip-link">
          Skip to main content
        </a>
        <Header user={user} />
        <div className="page-width">
          <main className="main" id="main-content" tabIndex={-1}>
            {children}
          </main>
        </div>
        <footer className="footer">
          <div className="page-width">
            <p>
              Independent SEND mediation. <a href="/deadline-calculator">Work out your deadlines</a>. <a href="/privacy">Privacy</a>.
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
