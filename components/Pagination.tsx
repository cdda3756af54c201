import Link from "next/link";

/** `label` names the navigation landmark: give one of its own when a page has two lists that page. */
export function Pagination({ page, perPage, total, href, label = "Pages" }: { page: number; perPage: number; total: number; href: (page: number) => string; label?: string }) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (total === 0) return null;
  const from = (page - 1) * perPage + 1;
  const to = Math.min(total, page * perPage);
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 && (
        <Link href={href(page - 1)} rel="prev">
          Previous<span className="visually-hidden"> page</span>
        </Link>
      )}
      <span>
        Showing {from} to {to} of {total} (page {page} of {pages})
      </span>
      {page < pages && (
        <Link href={href(page + 1)} rel="next">
          Next<span className="visually-hidden"> page</span>
        </Link>
      )}
    </nav>
  );
}
