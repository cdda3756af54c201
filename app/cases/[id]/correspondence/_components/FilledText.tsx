import { SummaryList } from "@/components/SummaryList";

/**
 * A filled template as it will be sent: the subject and the text, paragraph by paragraph. Printed
 * as React text, so whatever a field holds (a name with < or &) is shown as written, never as
 * markup (decision 0030). Shared by the caseworker's preview and the admin's.
 */
export function FilledText({ subject, paragraphs, rows = [] }: { subject: string; paragraphs: string[]; rows?: { key: string; value: React.ReactNode }[] }) {
  return (
    <div data-testid="filled-text">
      <SummaryList label="Who it is to and its subject" rows={[...rows, { key: "Subject", value: subject }]} />
      <div className="inset" data-testid="filled-body">
        {paragraphs.map((p, i) => (
          <p className="body whitespace-pre-line" key={i}>
            {p}
          </p>
        ))}
      </div>
    </div>
  );
}
