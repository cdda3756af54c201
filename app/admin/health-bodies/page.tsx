import { BodyListPage } from "../_reference/BodyPages";

export const metadata = { title: "ICBs and health bodies" };
export const dynamic = "force-dynamic";

/** Issue 13: the icbs and health bodies cases refer to, kept by admins (decision 0029). */
export default function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <BodyListPage kind="healthBody" searchParams={searchParams} />;
}
