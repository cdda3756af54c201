/**
 * The frame of every family page on the Pages Router (decision 0038): the <title> (GOV.UK: "Error: "
 * first while the page shows an error summary), the case's caption and sub-navigation, or the
 * not-found page (status 404, set by app/_server/pages.ts). Plain markup: nothing to hydrate.
 */
import Head from "next/head";
import type { ReactNode } from "react";
import type { ActionState } from "@/app/_server/action-chain";
import type { FamilyPageProps } from "@/app/_server/pages";
import { fullPageTitle } from "@/components/page-title";
import { NOT_FOUND_TITLE, NotFoundContent } from "@/components/NotFound";
import type { FamilyCaseNav } from "@/lib/family/home/get-family-case-nav";
import { fromWire } from "@/lib/platform/wire";
import { CaseNav } from "./CaseNav";

export const REFUSED_TITLE = "This form could not be sent";

export function PageHead({ title, hasErrors = false }: { title: string; hasErrors?: boolean }) {
  return (
    <Head>
      <title>{fullPageTitle(title, hasErrors)}</title>
    </Head>
  );
}

/** True when the state carries something the error summary shows. */
export function hasErrors(state: ActionState | null): boolean {
  return !!state && state.status === "error" && (!!state.message || Object.values(state.fieldErrors ?? {}).some(Boolean));
}

export function FamilyPage<D>({ props, title, children }: { props: FamilyPageProps<D>; title: (data: D, state: ActionState | null) => string; children: (data: D, state: ActionState | null) => ReactNode }) {
  if (props.outcome === "not-found" || props.data === null) {
    if (props.outcome === "refused") {
      return (
        <>
          <PageHead title={REFUSED_TITLE} />
          <h1 className="h-l">{REFUSED_TITLE}</h1>
          <p className="body">The form was sent from another website, so nothing was saved. Go back to the page on this website and send it again.</p>
        </>
      );
    }
    return (
      <>
        <PageHead title={NOT_FOUND_TITLE} />
        <NotFoundContent />
      </>
    );
  }
  const data = fromWire(props.data);
  const state = props.state === null ? null : fromWire(props.state);
  const nav: FamilyCaseNav | null = props.nav === null ? null : fromWire(props.nav);
  const body = (
    <>
      <PageHead title={title(data, state)} hasErrors={hasErrors(state)} />
      {children(data, state)}
    </>
  );
  if (!nav) return body;
  return (
    <div className="wrap-anywhere">
      <p className="caption">
        {nav.childFirstName ? `${nav.childFirstName}’s case, ` : "Case "}reference {nav.reference}
      </p>
      <CaseNav links={nav.links} label="Pages about this case" path={props.path} />
      {body}
    </div>
  );
}
