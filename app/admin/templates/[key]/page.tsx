import { FORM_TITLE_METADATA } from "@/components/page-title";
import { requireUser } from "../../../_server/auth";
import { getTemplateForEdit } from "@/lib/correspondence/get-template";
import { PLACEHOLDERS } from "@/lib/correspondence/placeholders";
import { CORRESPONDENCE_KIND_LABELS } from "@/lib/correspondence/template-schema";
import { formatInstant, orNotFound } from "../../../cases/[id]/_shared";
import { BackLink, Notice } from "../../../cases/[id]/_components/Notice";
import { TemplateForm } from "../_components/TemplateForm";

/** The form renders the title ("Error: " first after a post with problems, JavaScript or not). */
export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

/**
 * Issue 13 (decision 0030): one template — edit and preview it, the placeholders it may use (R-80:
 * none for staff-only text), and every version saved. Admins only (404 for anyone else).
 */
export default async function TemplatePage({ params, searchParams }: { params: Promise<{ key: string }>; searchParams: Promise<{ done?: string | string[] }> }) {
  const user = await requireUser("correspondence:manage-templates");
  const { key } = await params;
  const { done } = await searchParams;
  const t = await orNotFound(getTemplateForEdit(user, decodeURIComponent(key)));
  const title = `Template: ${t.name}`;
  return (
    <>
      <BackLink href="/admin/templates">Back to templates</BackLink>
      <span className="caption">Letter and email template, version {t.version}</span>
      <h1 className="h-l">{t.name}</h1>
      {done === "saved" && (
        <Notice title="Success" success testId="done-banner">
          <p className="body">The template has been saved as version {t.version}. Caseworkers now send this version.</p>
        </Notice>
      )}
      <TemplateForm
        key={t.version}
        templateKey={t.key}
        title={title}
        initial={{ name: t.name, kind: t.kind, subject: t.subject, body: t.body, active: t.active ? "yes" : "", version: String(t.version), caseReference: "" }}
      />

      <section aria-labelledby="placeholders-title">
        <h2 className="h-m" id="placeholders-title">
          Placeholders you can use
        </h2>
        <p className="body">Each is replaced by the case’s details when the letter or email is made. Staff notes, meeting notes and what the family sent can never be put into a letter or email.</p>
        <table className="table" data-testid="placeholders">
          <caption className="visually-hidden">Placeholders and what each is replaced by</caption>
          <thead>
            <tr>
              <th scope="col">Placeholder</th>
              <th scope="col">Replaced by</th>
            </tr>
          </thead>
          <tbody>
            {PLACEHOLDERS.map((p) => (
              <tr key={p.name}>
                <td>
                  <code>{`{{${p.name}}}`}</code>
                </td>
                <td>{p.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="history-title">
        <h2 className="h-m" id="history-title">
          Versions
        </h2>
        <ol className="list-none p-0" data-testid="versions">
          {t.versions.map((v) => (
            <li key={v.version} className="border-l-4 border-border pl-4 mb-4">
              <details>
                <summary>
                  Version {v.version}, saved {formatInstant(v.savedAt.toISOString())}
                  {v.savedByName ? ` by ${v.savedByName}` : ""}
                </summary>
                <dl className="summary-list">
                  <div>
                    <dt>Name</dt>
                    <dd>{v.name}</dd>
                  </div>
                  <div>
                    <dt>How it is sent</dt>
                    <dd>{CORRESPONDENCE_KIND_LABELS[v.kind]}</dd>
                  </div>
                  <div>
                    <dt>In use</dt>
                    <dd>{v.active ? "Yes" : "No"}</dd>
                  </div>
                  <div>
                    <dt>Subject</dt>
                    <dd>{v.subject}</dd>
                  </div>
                  <div>
                    <dt>Text</dt>
                    <dd className="whitespace-pre-line">{v.body}</dd>
                  </div>
                </dl>
              </details>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
