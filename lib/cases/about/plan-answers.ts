/**
 * "Does the child have an EHC plan?" on the about form (/cases/[id]/about): the answers and how
 * they are offered. Client-safe and free of zod: the form reads them without bundling the
 * validation (issue 14). The schema is in ./about-schema, which re-exports these.
 */
export const PLAN_ANSWERS = ["yes", "no", "not-known"] as const;
export const PLAN_OPTIONS = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
  { value: "not-known", label: "Not known" },
];
