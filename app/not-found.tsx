import { PageTitle } from "@/components/PageTitle";
import { NOT_FOUND_TITLE, NotFoundContent } from "@/components/NotFound";

/**
 * The same neutral title for a page that does not exist and one the user may not see, so nothing
 * about it leaks: the metadata for an address no route matches, and the <title> below for a page
 * that calls notFound() while rendering (which would otherwise keep its own title, e.g. "Case").
 */
export const metadata = { title: NOT_FOUND_TITLE };

export default function NotFound() {
  return (
    <>
      <PageTitle title={NOT_FOUND_TITLE} />
      <NotFoundContent />
    </>
  );
}
