import { fullPageTitle } from "./page-title";

/**
 * The page's <title> rendered in the page (React puts it in the head, on the server too), for a
 * page whose metadata leaves it out (FORM_TITLE_METADATA in ./page-title.ts): a form's
 * ErrorSummary renders it with "Error: " while it shows; a branch of the page without the form
 * renders this.
 */
export function PageTitle({ title, hasErrors = false }: { title: string; hasErrors?: boolean }) {
  return <title>{fullPageTitle(title, hasErrors)}</title>;
}
