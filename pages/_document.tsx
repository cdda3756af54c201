/**
 * The document of the family's pages (decision 0038), as app/layout.tsx's: English (GB), the
 * site's description and icon. The pages set `unstable_runtimeJS: false`, so Next writes no script.
 */
import { Head, Html, Main, NextScript } from "next/document";
import { SITE_DESCRIPTION } from "@/components/Shell";

export default function Document() {
  return (
    <Html lang="en-GB">
      <Head>
        <meta name="description" content={SITE_DESCRIPTION} />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
      </Head>
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
