import type { Metadata } from "next";
import "./globals.css";
import { Header } from "@/components/Header";
import { getSessionUser } from "./_server/auth";

export const metadata: Metadata = {
  title: { default: "SEND Mediation", template: "%s – SEND Mediation" },
  description: "Case management for SEND mediation providers in England",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
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
              Independent SEND mediation. <a href="/deadline-calculator">Work out your deadlines</a>.
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
