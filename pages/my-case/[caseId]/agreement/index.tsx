/**
 * The family's agreement page (issue 12): the sealed agreement and the certificate as PDFs (through
 * /documents/<id>: documentScope, SHARED only), the agreed actions and whether each is done (shared
 * notes only, decision 0018), and — when the user is asked to sign — the way to the signing page.
 * No JavaScript (decision 0038).
 */
import type { GetServerSideProps } from "next";
import { familyPage, type FamilyPageProps } from "@/app/_server/pages";
import { FamilyPage } from "@/components/family/FamilyPage";
import { Notice } from "@/app/cases/[id]/_components/Notice";
import { getFamilyAgreement, type FamilyAgreementPage } from "@/lib/family/agreement/get-family-agreement";
import { familySignHref } from "@/lib/family/home/links";
import { FAMILY_PAGE_TEXT, familyDate } from "@/lib/family/home/wording";
import { RESPONSIBLE_LABELS } from "@/lib/obligations/rules";
import type { FamilyObligation } from "@/lib/obligations/list-family-obligations";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

const DONE: Record<string, string> = {
  signed: FAMILY_PAGE_TEXT.signedThanks,
  sealed: FAMILY_PAGE_TEXT.sealedThanks,
  declined: FAMILY_PAGE_TEXT.declinedThanks,
};

type Data = { p: FamilyAgreementPage; done: string | null };

export const getServerSideProps: GetServerSideProps<FamilyPageProps<Data>> = (ctx) => {
  const caseId = String(ctx.params?.caseId ?? "");
  const done = typeof ctx.query.done === "string" && DONE[ctx.query.done] ? ctx.query.done : null;
  return familyPage(ctx, {
    permission: "family:workspace",
    returnTo: `/my-case/${encodeURIComponent(caseId)}/agreement`,
    caseId,
    load: async (user) => ({ p: await getFamilyAgreement(user, caseId), done }),
  });
};

export default function FamilyAgreement(props: FamilyPageProps<Data>) {
  return (
    <FamilyPage props={props} title={() => "The agreement and what was agreed"}>
      {({ p, done }) => (
        <>
          {done && DONE[done] && (
            <Notice title={done === "declined" ? "Your answer has been sent" : "Thank you"} success testId="signed-notice">
              <p className="m-0">{DONE[done]}</p>
            </Notice>
          )}
          <h1 className="h-l">The agreement and what was agreed</h1>
          <p className="body">{FAMILY_PAGE_TEXT.agreementIntro}</p>

          {p.signing && (
            <section aria-labelledby="sign" data-testid="sign-invitation">
              <h2 className="h-m" id="sign">
                Sign the agreement
              </h2>
              <p className="body">{p.signing.declinedBefore ? FAMILY_PAGE_TEXT.declinedBefore : FAMILY_PAGE_TEXT.signAsked}</p>
              <p className="body">
                <a href={familySignHref(p.id)} className="button">
                  Read and sign it
                </a>
              </p>
            </section>
          )}
          {p.signedWaiting && <p className="inset">{FAMILY_PAGE_TEXT.signedThanks}</p>}

          <section aria-labelledby="documents">
            <h2 className="h-m" id="documents">
              Documents
            </h2>
            <h3 className="h-s">The signed agreement</h3>
            {p.agreements.length === 0 ? (
              <p className="body">{FAMILY_PAGE_TEXT.noAgreement}</p>
            ) : (
              <ul className="list-none p-0">
                {p.agreements.map((d) => (
                  <li key={d.href} className="mb-4">
                    <a href={d.href} data-testid="agreement-pdf">
                      {d.title} (PDF)
                    </a>
                    <span className="hint">
                      Version {d.version}, signed by everyone on {familyDate(d.issuedOn)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <h3 className="h-s">Your certificate</h3>
            {p.certificate ? (
              <>
                <p className="body mb-1">
                  <a href={p.certificate.href} data-testid="certificate-pdf">
                    {p.certificate.title} (PDF)
                  </a>
                </p>
                <span className="hint">Sent on {familyDate(p.certificate.issuedOn)}</span>
                <p className="body">Last day to appeal: {p.certificate.appealDeadlineOn ? familyDate(p.certificate.appealDeadlineOn) : "see the certificate"}</p>
                <details className="mb-6">
                  <summary>{FAMILY_PAGE_TEXT.howWorkedOut}</summary>
                  <p className="body mt-2" data-testid="appeal-explanation">
                    {p.certificate.appealExplanation}
                  </p>
                </details>
              </>
            ) : (
              <p className="body">{FAMILY_PAGE_TEXT.noCertificate}</p>
            )}
          </section>

          <WhatWasAgreed actions={p.actions} />
        </>
      )}
    </FamilyPage>
  );
}

/**
 * Issue 11 (moved here by issue 12): the actions agreed at mediation and whether each is done —
 * shared facts only: never a note the writer did not share with the family (decision 0018).
 */
function WhatWasAgreed({ actions }: { actions: FamilyObligation[] }) {
  return (
    <section aria-labelledby="agreed" data-testid="what-was-agreed">
      <h2 className="h-m" id="agreed">
        What was agreed
      </h2>
      {actions.length === 0 ? (
        <p className="body">{FAMILY_PAGE_TEXT.noActions}</p>
      ) : (
        <ul className="list-none p-0">
          {actions.map((o) => (
            <li key={o.id} className="border-l-4 border-border pl-4 mb-4" data-testid="family-action">
              <p className="mb-1">
                <strong className="whitespace-pre-line">{o.what}</strong>
              </p>
              <p className="body mb-1">Who will do it: {RESPONSIBLE_LABELS[o.responsible]}</p>
              <p className="body mb-1">{o.statusText}</p>
              {o.closedReason && <p className="body mb-1 whitespace-pre-line">Why it was closed: {o.closedReason}</p>}
              {o.sharedNotes.map((n) => (
                <p className="hint mb-1 whitespace-pre-line" key={n.id}>
                  Update: {n.note}
                  {n.evidence ? ` (${n.evidence})` : ""}
                </p>
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
