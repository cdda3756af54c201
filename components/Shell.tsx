import Link from "next/link";
import type { ReactNode } from "react";
import type { SessionUser } from "@/lib/auth/types";
import { Header } from "./Header";

/**
 * What every page shows around its content — the skip link, the header, the main landmark and the
 * footer — for both routers (decision 0038): app/layout.tsx for the App Router pages and
 * pages/_app.tsx for the family's pages, which load no JavaScript. Plain markup only.
 */
export function Shell({ user, children }: { user: SessionUser | null; children: ReactNode }) {
  return (
    <>
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
            {/* Pages Router pages with no JavaScript (decision 0038): whole-page loads, never prefetched. */}
            Independent SEND mediation.{" "}
            <Link href="/deadline-calculator" prefetch={false}>
              Work out your deadlines
            </Link>
            .{" "}
            <Link href="/privacy" prefetch={false}>
              Privacy
            </Link>
            .
          </p>
        </div>
      </footer>
    </>
  );
}

/** The site's description, for both routers' <head>. */
export const SITE_DESCRIPTION = "Case management for SEND mediation providers in England";
