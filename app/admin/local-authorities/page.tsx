import { BodyListPage } from "../_reference/BodyPages";

export const metadata = { title: "Local authorities" };
export const dynamic = "force-dynamic";

/** Issue 13: the local authorities cases refer to, kept by admins (decision 0029). */
export default function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <BodyListPage kind="localAuthority" searchParams={searchParams} />;
}
