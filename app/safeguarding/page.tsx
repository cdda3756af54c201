import Link from "next/link";
import { requireUser } from "../_server/auth";
import { listSafeguardingConcerns } from "@/lib/cases/notes/list-safeguarding-concerns";
import { formatInstant } from "../cases/[id]/_shared";

export const metadata = { title: "Safeguarding concerns" };
export const dynamic = "force-dynamic";

/**
 * for the provider's safeguarding leads (a 404 for everyone else): the notes mediators marked
 * as safeguarding concerns, newest first — those notes only, never the rest of a case's notes.
 */
export default async function SafeguardingConcerns() {
  const user = await requireUser("case:read-safeguarding");
  const concerns = await listSafeguardingConcerns(user);
  return (
    <>
      <h1 className="h-l">Safeguarding concerns</h1>
      <p className="body">Notes a mediator marked as a serious safeguarding concern. You can read these notes only, not the rest of the mediator’s notes (R-81).</p>
      {concerns.length === 0 ? (
        <p className="body" data-testid="concerns-empty">
          No safeguarding concerns have been recorded.
        </p>
      ) : (
        <ul className="list-none p-0" data-testid="concerns">
          {concerns.map(({ case: c, note }) => (
            <li key={note.id} className="border-l-4 border-border pl-4 mb-6">
              <p className="mb-1">
                <Link href={`/cases/${c.id}#notes`}>{c.reference}</Link>: <strong>{note.kindLabel}</strong>
                {note.party ? ` (${note.party})` : ""}
              </p>
              <p className="body whitespace-pre-line mb-1">{note.body}</p>
              <p className="hint">
                Marked{note.safeguarding?.byName ? ` by ${note.safeguarding.byName}` : ""} on {formatInstant(note.safeguarding!.at)}.
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
