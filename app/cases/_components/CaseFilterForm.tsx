"use client";
/**
 * The case list's filter form, laid out from its choices (issue 14, decision 0041): a client
 * component only so that the ~200 local authority and mediator choices cross to the browser as
 * data, not as markup a second time. It is still a plain GET form: it works without JavaScript and
 * every filtered view has a URL (./CaseFilters.tsx builds the choices on the server).
 */
import Link from "next/link";
import { SelectField, TextField } from "@/components/fields";

export type FilterSelect = { name: string; label: string; defaultValue: string; options: { value: string; label: string }[] };

export function CaseFilterForm({ formKey, action, q, selects }: { formKey: string; action: string; q: string; selects: FilterSelect[] }) {
  return (
    // key: a client-side navigation (e.g. "Clear filters") remounts the form, so the inputs show
    // the filters actually applied rather than what was typed before.
    <form key={formKey} method="get" action={action} role="search" aria-label="Filter cases" className="mb-6">
      <TextField name="q" id="q" label="Search" hint="Reference, child's name or a party's name" type="search" defaultValue={q} autoComplete="off" spellCheck={false} />
      <div className="grid gap-x-6 sm:grid-cols-2">
        {selects.map((s) => (
          <SelectField key={s.name} name={s.name} id={s.name} label={s.label} defaultValue={s.defaultValue} options={s.options} />
        ))}
      </div>
      {/* Secondary: the page's one primary button is "New referral" (issue 9 item 13). */}
      <button type="submit" className="button button--secondary">
        Apply filters
      </button>
      <Link href={action} className="inline-block mt-2">
        Clear filters
      </Link>
    </form>
  );
}
