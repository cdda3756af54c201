import { FORM_TITLE_METADATA } from "@/components/page-title";
import { NewBodyPage } from "../../_reference/BodyPages";

/** The form renders the title ("Error: " first after a post with problems, JavaScript or not). */
export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

export default function Page() {
  return <NewBodyPage kind="healthBody" />;
}
