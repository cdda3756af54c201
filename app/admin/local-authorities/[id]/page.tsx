import { FORM_TITLE_METADATA } from "@/components/page-title";
import { BodyPage } from "../../_reference/BodyPages";

/** The form renders the title ("Error: " first after a post with problems, JavaScript or not). */
export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

export default function Page({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <BodyPage kind="localAuthority" params={params} searchParams={searchParams} />;
}
