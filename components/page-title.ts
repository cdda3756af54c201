/**
 * Page titles (GOV.UK): "<page> – SEND Mediation", with "Error: " first while the page shows an
 * error summary. Pages set theirs through Next's metadata (the root layout adds the service name);
 * a page whose errors come back from a server action in the same response (a form posted without
 * JavaScript re-renders with them) leaves its metadata title empty (FORM_TITLE_METADATA) and
 * passes the title to its form's ErrorSummary, which renders it, "Error: " included, on the server.
 */
export const SERVICE_NAME = "SEND Mediation";
export const ERROR_TITLE_PREFIX = "Error: ";

export function fullPageTitle(title: string, hasErrors: boolean): string {
  return `${hasErrors ? ERROR_TITLE_PREFIX : ""}${title} – ${SERVICE_NAME}`;
}

/** The metadata of a page whose title its form's ErrorSummary renders: no <title> from Next. */
export const FORM_TITLE_METADATA = { title: { absolute: "" } };
