import Link from "next/link";

/**
 * The same neutral title for a page that does not exist and one the user may not see (a page that
 * calls notFound() is sent with this metadata instead of its own), so nothing about it leaks.
 */
export const metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <>
      <h1 className="h-l">Page not found</h1>
      <p className="body">If you typed the web address, check it is correct.</p>
      <p className="body">If you pasted the web address, check you copied the entire address.</p>
      <p className="body">
        <Link href="/">Go to your home page</Link>
      </p>
    </>
  );
}
