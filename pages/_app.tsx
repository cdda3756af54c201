/**
 * The family's pages (decision 0038): the same stylesheet (Tailwind 4, app/globals.css) and the
 * same shell — skip link, header, main, footer — as every App Router page (components/Shell.tsx).
 */
import type { AppProps } from "next/app";
import Head from "next/head";
import "../app/globals.css";
import { Shell } from "@/components/Shell";
import type { SessionUser } from "@/lib/auth/types";
import { fromWire, type Wire } from "@/lib/platform/wire";

export default function App({ Component, pageProps }: AppProps<{ user?: Wire<SessionUser | null> }>) {
  const user = typeof pageProps.user === "string" ? fromWire(pageProps.user) : null;
  return (
    <>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </Head>
      <Shell user={user}>
        <Component {...pageProps} />
      </Shell>
    </>
  );
}
