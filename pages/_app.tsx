/**
 * The Pages Router pages (decision 0038: the family's, and those opened signed out): the same stylesheet (Tailwind 4, app/globals.css) and the
 * same shell — skip link, header, main, footer — as every App Router page (components/Shell.tsx).
 */
import type { AppProps } from "next/app";
import Head from "next/head";
import "../app/globals.css";
import { Shell, SITE_DESCRIPTION } from "@/components/Shell";
import type { SessionUser } from "@/lib/auth/types";
import { fromWire, type Wire } from "@/lib/platform/wire";

export default function App({ Component, pageProps }: AppProps<{ user?: Wire<SessionUser | null> }>) {
  const user = typeof pageProps.user === "string" ? fromWire(pageProps.user) : null;
  return (
    <>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* The site's description; a page may give its own with the same key (the deadline calculator). */}
        <meta name="description" key="description" content={SITE_DESCRIPTION} />
      </Head>
      <Shell user={user}>
        <Component {...pageProps} />
      </Shell>
    </>
  );
}
