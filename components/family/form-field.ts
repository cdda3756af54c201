/** The hidden field saying which of a family page's forms was posted (decision 0038: app/_server/pages.ts). */
export const FORM_FIELD = "form";
