import Link from "next/link";
import { requireUser } from "../../_server/auth";
import { listTemplates } from "@/lib/correspondence/list-templates";
import { CORRESPONDENCE_KIND_LABELS } from "@/lib/correspondence/template-schema";
import { Tag } from "@/components/Tag";
import { formatInstant } from "../../cases/[id]/_shared";
import { BackLink } from "../../cases/[id]/_components/Notice";

export const metadata = { title: "Letter and email templates" };
export const dynamic = "force-dynamic";

/** Issue 13 (decision 0030): the standard letters and emails caseworkers send from a case. Admins only. */
export default async function TemplatesPage() {
  const user = await requireUser("correspondence:manage-templates");
  const templates = await listTemplates(user);
  return (
    <>
      <BackLink href="/admin">Back to administration</BackLink>
      <h1 className="h-l">Letter and email templates</h1>
      <p className="body">Caseworkers send these from a case page, filled in with the case’s details. Every saved version is kept.</p>
      <table className="table" data-testid="templates">
        <caption className="visually-hidden">Letter and email templates</caption>
        <thead>
          <tr>
            <th scope="col">Template</th>
            <th scope="col">How it is sent</th>
            <th scope="col">Version</th>
            <th scope="col">Last saved</th>
          </tr>
        </thead>
        <tbody>
          {templates.map((t) => (
            <tr key={t.id}>
              <td>
                <Link href={`/admin/templates/${encodeURIComponent(t.key)}`}>{t.name}</Link> {!t.active && <Tag colour="grey">Not in use</Tag>}
              </td>
              <td>{CORRESPONDENCE_KIND_LABELS[t.kind]}</td>
              <td>{t.version}</td>
              <td>
                {formatInstant(t.updatedAt.toISOString())}
                {t.updatedByName ? ` by ${t.updatedByName}` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
