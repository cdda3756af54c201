import Link from "next/link";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { requireUser } from "../../../_server/auth";
import { getCorrespondenceOptions } from "@/lib/correspondence/get-correspondence-options";
import { listCaseDocuments } from "@/lib/platform/documents/list-case-documents";
import { orNotFound, formatInstant } from "../_shared";
import { BackLink, Notice } from "../_components/Notice";
import { ChooseForm } from "./_components/ChooseForm";

/** The form renders the title ("Error: " first after a post with problems, JavaScript or not). */
export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

const TITLE = "Send a letter or email";

/**
 * Issue 13 (decision 0030): step 1 of sending a standard letter or email from a case — what and to
 * whom; then the preview (./preview). After a send, the banner says what happened; a letter's PDF
 * is here to download and post. The office only (404 for anyone else).
 */
export default async function CorrespondencePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string | string[]; letter?: string | string[]; template?: string | string[]; recipient?: string | string[] }>;
}) {
  const { id } = await params;
  const user = await requireUser("correspondence:send", { returnTo: `/cases/${encodeURIComponent(id)}/correspondence` });
  const q = await searchParams;
  const one = (x: string | string[] | undefined) => (Array.isArray(x) ? x[0] : x);
  const o = await orNotFound(getCorrespondenceOptions(user, id));
  const letters = (await listCaseDocuments(user, o.case.id)).filter((d) => d.kind === "LETTER");
  const done = one(q.done);
  const justMade = done === "letter" ? letters.find((l) => l.id === one(q.letter)) : undefined;
  const base = `/cases/${o.case.id}`;
  return (
    <>
      <BackLink href={base} />
      <span className="caption">{o.case.reference}</span>
      <h1 className="h-l">{TITLE}</h1>
      {done === "email" && (
        <Notice title="Success" success testId="done-banner">
          <p className="body">The email is being sent. It is on the case timeline.</p>
          <p className="body">
            <Link href={base}>Back to the case</Link>
          </p>
        </Notice>
      )}
      {justMade && (
        <Notice title="Success" success testId="done-banner">
          <p className="body">The letter has been made. Download it, print it and post it. It is on the case timeline.</p>
          <p className="body">
            <a href={justMade.href}>Download the letter: {justMade.title} (PDF)</a>
          </p>
        </Notice>
      )}
      <p className="body">Choose one of the standard letters and emails. You will see it filled in with the case’s details before anything is sent.</p>
      <ChooseForm caseId={o.case.id} title={TITLE} templates={o.templates} recipients={o.recipients} initial={{ template: one(q.template), recipient: one(q.recipient) }} />

      {letters.length > 0 && (
        <section aria-labelledby="letters-title">
          <h2 className="h-m" id="letters-title">
            Letters made on this case
          </h2>
          <ul className="body" data-testid="letters">
            {letters.map((l) => (
              <li key={l.id}>
                <a href={l.href}>{l.title}</a> ({formatInstant(l.issuedAt.toISOString())})
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
