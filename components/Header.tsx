import Link from "next/link";
import type { Role, SessionUser } from "@/lib/auth/types";
import { can } from "@/lib/auth/policy";
import { SignOutButton } from "./SignOutButton";

const NAV: Record<Role, { href: string; label: string }[]> = {
  ADMIN: [
    { href: "/admin", label: "Administration" },
    { href: "/cases", label: "Cases" },
    { href: "/venues", label: "Venues" },
  ],
  CASEWORKER: [
    { href: "/cases", label: "Cases" },
    { href: "/cases/new", label: "New referral" },
    { href: "/venues", label: "Venues" },
  ],
  MEDIATOR: [{ href: "/mediator", label: "My cases" }],
  LA_OFFICER: [{ href: "/la", label: "Deadlines and actions" }],
  PARENT: [{ href: "/my-case", label: "Your case" }],
};

export function Header({ user }: { user: SessionUser | null }) {
  return (
    <header className="header">
      <div className="page-width">
        <Link href="/" prefetch={false} className="header__name">
          {/* Decorative (alt=""): the link's text names the service. A static SVG needs no optimising. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/crest.svg" alt="" width={44} height={30} className="header__crest" />
          SEND Mediation
        </Link>
        <nav aria-label="Main">
          <ul>
            {user ? (
              <>
                {NAV[user.role].map((n) => (
                  <li key={n.href}>
                    {/* The family's pages are Pages Router pages with no JavaScript (decision 0038): never prefetched by the App Router. */}
                    <Link href={n.href} prefetch={n.href === "/my-case" ? false : undefined}>
                      {n.label}
                    </Link>
                  </li>
                ))}
                {/* Issue 13: the reports for commissioners (the office, and LA officers for their LA). */}
                {can(user, "report:read") && (
                  <li>
                    <Link href="/reports">Reports</Link>
                  </li>
                )}
                {/* the provider's safeguarding leads. */}
                {can(user, "case:read-safeguarding") && (
                  <li>
                    <Link href="/safeguarding">Safeguarding concerns</Link>
                  </li>
                )}
                <li>
                  <span className="visually-hidden">Signed in as </span>
                  {user.name}
                </li>
                <li>
                  <SignOutButton />
                </li>
              </>
            ) : (
              <>
                <li>
                  <Link href="/deadline-calculator" prefetch={false}>
                    Deadline calculator
                  </Link>
                </li>
                <li>
                  <Link href="/sign-in">Sign in</Link>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
