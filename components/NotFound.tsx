/**
 * The not-found page's content, for both routers (app/not-found.tsx; the family's pages render it
 * with status 404, decision 0038): the same neutral words for a page that does not exist and one
 * the user may not see, so nothing about it leaks.
 */
import Link from "next/link";

export const NOT_FOUND_TITLE = "Page not found";

export function NotFoundContent() {
  return (
    <>
      <h1 className="h-l">{NOT_FOUND_TITLE}</h1>
      <p className="body">If you typed the web address, check it is correct.</p>
      <p className="body">If you pasted the web address, check you copied the entire address.</p>
      <p className="body">
        <Link href="/" prefetch={false}>
          Go to your home page
        </Link>
      </p>
    </>
  );
}
