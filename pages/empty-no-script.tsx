/**
 * The benchmark's page floor for the family's pages (issue 14, decisions 0038 and 0040): like
 * /empty (app/empty/page.tsx) but on the Pages Router with no JavaScript, as the family's pages
 * are — one heading, rendered per request (getServerSideProps) inside the same shell, no data, no
 * session. A family page's ratio is taken against its own router's empty page.
 * Harmless in production: it says nothing and changes nothing.
 */
import type { GetServerSideProps } from "next";
import Head from "next/head";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export const getServerSideProps: GetServerSideProps<Record<string, never>> = async () => ({ props: {} });

export default function EmptyNoScriptPage() {
  return (
    <>
      <Head>
        <title>Empty page – SEND Mediation</title>
      </Head>
      <h1 className="h-l">Empty page</h1>
    </>
  );
}
