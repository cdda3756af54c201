/**
 * The document of the Pages Router pages (decision 0038), as app/layout.tsx's: English (GB) and the
 * site's icon (the description: pages/_app.tsx, so a page can give its own). The pages set
 * `unstable_runtimeJS: false`, so Next writes no script.
 */
import { Head, Html, Main, NextScript } from "next/document";

export default function Document() {
  return (
    <Html lang="en-GB">
      <Head>
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
      </Head>
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
