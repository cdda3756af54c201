import Link from "next/link";
import { PageTitle } from "@/components/PageTitle";

/**
 * The same neutral title for a page that does not exist and one the user may not see, so nothing
 * about it leaks: the metadata for an address no route matches, and the <title> below for a page
 * that calls notFound() while rendering (which would otherwise keep its own title, e.g. "Case").
 */
export const metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <>
      <PageTitle title="Page not found" />
      <h1 className="h-l">Page not found</h1>
      <p className="body">If you typed the web address, check it is correct.</p>
      <p className="body">If you pasted the web address, check you copied the entire address.</p>
      <p className="body">
        <Link href="/">Go to your home page</Link>
      </p>
    </>
  );
}
