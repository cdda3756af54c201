import type { CaseFamilyViews } from "@/lib/family/views/list-family-views";
import { formatFileSize } from "@/lib/family/views/rules";
import { Tag } from "@/components/Tag";
import { formatInstant } from "../_shared";

/**
 * Issue 12: what the family wrote and uploaded on /my-case/<id>/views. The allocated
 * mediator sees all of it; caseworkers and admins what the family shared with the case team; the
 * LA officer nothing — not even this heading (listCaseFamilyViews returns null for them).
 */
export function FamilyViews({ views: data }: { views: CaseFamilyViews | null }) {
  if (!data) return null;
  const empty = data.submissions.length === 0 && data.uploads.length === 0;
  return (
    <section aria-labelledby="family-views-title" id="family-views" data-testid="family-views">
      <h2 className="h-m" id="family-views-title">
        The family’s views
      </h2>
      <p className="hint">
        {data.sharedOnly
          ? "Only what the family chose to share with the case team is shown. The allocated mediator sees everything they send."
          : "What the family sent you. The case team sees only what the family shares with them; the local authority never sees it."}
      </p>
      {empty && <p className="body">{data.sharedOnly ? "The family has not shared anything with the case team." : "The family has not sent anything yet."}</p>}
      {data.submissions.length > 0 && (
        <ul className="list-none p-0">
          {data.submissions.map((s) => (
            <li key={s.id} className="border-l-4 border-border pl-4 mb-5" data-testid="family-view">
              <p className="mb-1">
                <strong>{s.byName ?? "The family"}</strong>, {formatInstant(s.at)} {s.sharedAt ? <Tag colour="blue">Shared with the case team</Tag> : <Tag colour="grey">Mediator only</Tag>}
              </p>
              {s.views && <Said label="Their views" text={s.views} />}
              {s.childViews && <Said label="The child’s views (R-25)" text={s.childViews} />}
              {s.childViewsHow && <Said label="How they were found out" text={s.childViewsHow} />}
            </li>
          ))}
        </ul>
      )}
      {data.uploads.length > 0 && (
        <>
          <h3 className="h-s">Documents from the family</h3>
          <ul className="list-none p-0">
            {data.uploads.map((u) => (
              <li key={u.id} className="mb-3 break-words" data-testid="family-upload">
                <a href={u.href}>{u.fileName}</a>{" "}
                <span className="hint inline">
                  ({u.typeLabel}, {formatFileSize(u.size)}, {formatInstant(u.at)}
                  {u.scanned ? ", checked for viruses" : ""})
                </span>{" "}
                {u.sharedAt ? <Tag colour="blue">Shared with the case team</Tag> : <Tag colour="grey">Mediator only</Tag>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Said({ label, text }: { label: string; text: string }) {
  return (
    <>
      <p className="mb-0 font-bold">{label}</p>
      <p className="body whitespace-pre-line break-words">{text}</p>
    </>
  );
}
