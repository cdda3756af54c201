/**
 * The family's sub-navigation of one case (issue 12): plain markup (decision 0038: the family's
 * pages load no JavaScript); the current page — from the path the server rendered — is marked for
 * screen readers (aria-current) and by sight.
 */
import type { FamilyCaseLink } from "@/lib/family/home/links";

export function currentLink(links: readonly FamilyCaseLink[], path: string): FamilyCaseLink | undefined {
  return [...links].sort((a, b) => b.href.length - a.href.length).find((l) => path === l.href || path.startsWith(`${l.href}/`));
}

export function CaseNav({ links, label, path }: { links: FamilyCaseLink[]; label: string; path: string }) {
  const current = currentLink(links, path);
  return (
    <nav aria-label={label} className="mb-8 border-b border-border">
      <ul className="list-none p-0 m-0 flex flex-wrap gap-x-6 gap-y-2 pb-3">
        {links.map((l) => (
          <li key={l.id}>
            <a href={l.href} aria-current={current?.id === l.id ? "page" : undefined} className={current?.id === l.id ? "font-bold no-underline text-ink" : undefined}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
