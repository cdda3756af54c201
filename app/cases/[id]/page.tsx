import Link from "next/link";
import { requireUser } from "../../_server/auth";
import { getCaseDetail, parseTimelinePage, type DeadlineView, type PartyView } from "@/lib/cases/details/get-case-detail";
import { Pagination } from "@/components/Pagination";
import { readCaseSections } from "@/lib/cases/details/read-case-sections";
import { SummaryList } from "@/components/SummaryList";
import { Tag, type TagColour } from "@/components/Tag";
import { formatLongDate } from "@/lib/deadlines";
import {
  CASE_KIND_LABELS,
  CONSENT_LABELS,
  CONTACT_METHOD_LABELS,
  DRS_SCOPE_LABELS,
  FAMILY_PARTY_LABELS,
  ISSUE_CATEGORY_LABELS,
  PARTY_KIND_LABELS,
  PARTY_KINDS_WITH_AUTHORITY,
  REQUESTER_LABELS,
  labelOf,
  type ContactMethodValue,
  type IssueCategoryValue,
  type PartyKindValue,
} from "@/lib/cases/options";
import { alreadyMessage, doneMessage, formatInstant, orNotFound } from "./_shared";
import { Notice } from "./_components/Notice";
import { CaseNotes } from "./_components/CaseNotes";
import { WarningText } from "@/components/WarningText";
import { can } from "@/lib/auth/policy";
import { UndeliveredEmails } from "./_components/UndeliveredEmails";
import { CaseCertificates } from "./_components/CaseCertificates";
import { AgreedActions } from "./_components/AgreedActions";
import { AGREEMENT_LABELS } from "@/lib/cases/lifecycle";
import { FamilyViews } from "./_components/FamilyViews";
import { getLaCaseView } from "@/lib/la/get-la-case-view";
import { LaMeeting } from "./_components/LaMeeting";
import { SendCorrespondenceLink } from "./_components/SendCorrespondenceLink";
import { Timeline } from "./_components/Timeline";

export const metadata = { title: "Case" };
export const dynamic = "force-dynamic";

const STATE_COLOUR: Record<string, TagColour> = { OVERDUE: "red", WILL_BE_MISSED: "red", DUE_SOON: "yellow", ON_TRACK: "green" };
const CONSENT_COLOUR: Record<string, TagColour> = { GIVEN: "green", DECLINED: "red", PENDING: "grey" };

const date = (iso: string | null) => (iso ? formatLongDate(iso) : null);

function Lines({ lines }: { lines: readonly string[] }) {
  if (lines.length === 0) return null;
  if (lines.length === 1) return <>{lines[0]}</>;
  return (
    <ul className="list-none p-0 m-0">
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}

export default async function CasePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string | string[]; already?: string | string[]; timeline?: string | string[] }> }) {
  const { id } = await params;
  // A signed-out visitor who opened a case link comes back here after signing in.
  const user = await requireUser("case:list", { returnTo: `/cases/${encodeURIComponent(id)}` });
  const { done, already, timeline } = await searchParams;
  // Issue 14: every read of the page is independent (each finds the case through the user's scope),
  // so all start at once. The sections (certificates, agreed actions, undelivered emails, the
  // family's views, the notes: R-80, staff only) are one statement (decision 0042), each section a
  // value for its component. A case outside the scope is the page's 404.
  // Issue 12: the LA officer's own part — the meeting, who attends for their LA (R-24), the agreement.
  const [c, sections, laView] = await Promise.all([
    orNotFound(getCaseDetail(user, id, { timelinePage: parseTimelinePage(timeline) })),
    orNotFound(readCaseSections(user, id)),
    can(user, "meeting:name-la-attendee") ? orNotFound(getLaCaseView(user, id)) : null,
  ]);
  const { notes, undelivered } = sections;
  const full = c.view === "FULL";
  const success = doneMessage(done);
  const alreadyDone = alreadyMessage(already);
  const base = `/cases/${c.id}`;
  const familyParty = c.parties.find((p) => p.kind === c.familyParty);

  return (
    <>
      <span className="caption">{CASE_KIND_LABELS[c.kind]} case</span>
      <h1 className="h-l">{c.reference}</h1>

      {success && (
        <Notice title="Success" success testId="done-banner">
          <p className="body">{success}</p>
        </Notice>
      )}
      {alreadyDone && (
        <Notice title="Important" alert testId="already-done-banner">
          <p className="body">{alreadyDone}</p>
          <p className="body">Nothing was changed. This is the case as it is now.</p>
        </Notice>
      )}

      <SummaryList
        label="Case summary"
        rows={[
          { key: "Status", value: <Tag colour="blue">{c.statusLabel}</Tag> },
          { key: "Local authority", value: c.localAuthority.name },
          { key: "Referred by", value: labelOf(REQUESTER_LABELS, c.requestedBy) },
          // R-01: who the family party is changes who is invited, signs and gets the certificate.
          { key: "Family party", value: `${labelOf(FAMILY_PARTY_LABELS, c.familyParty)}${familyParty ? `: ${familyParty.name}` : ""}` },
          c.kind === "DRS"
            ? { key: "What the disagreement is about", value: labelOf(DRS_SCOPE_LABELS, c.drsScope) }
            : {
                key: c.decisions.length > 1 ? "Decisions disputed" : "Decision disputed",
                value: <Lines lines={c.decisions} />,
              },
          ...(c.kind !== "DRS" || c.decisionSentOn ? [{ key: "Decision sent on", value: date(c.decisionSentOn) }] : []),
          ...(c.appeal ? [{ key: "Appeal lodged", value: `${formatLongDate(c.appeal.lodgedOn)}${c.appeal.reference ? ` (reference ${c.appeal.reference})` : ""}` }] : []),
          { key: "Mediator", value: c.allocatedMediator?.name },
          ...(c.kind === "MEDIATION" ? [{ key: "LA told on", value: date(c.laNotifiedOn) }] : []),
          ...(c.meetingOn ? [{ key: "Meeting date", value: date(c.meetingOn) }] : []),
          ...(c.heldOn
            ? [
                {
                  key: "Meeting held on",
                  value: full ? (
                    <>
                      {date(c.heldOn)} <Link href={`${base}/meeting/record`}>Meeting record</Link>
                      {can(user, "agreement:draft") && (
                        <>
                          {" "}
                          <Link href={`${base}/agreement`}>{c.kind === "DRS" ? "Outcome statement" : "Agreement"}</Link>
                        </>
                      )}
                    </>
                  ) : (
                    date(c.heldOn)
                  ),
                },
              ]
            : []),
          // R-40, R-72: what the meeting reached.
          ...(c.agreement ? [{ key: "Agreement", value: AGREEMENT_LABELS[c.agreement as keyof typeof AGREEMENT_LABELS] ?? c.agreement }] : []),
          { key: "Summary of the disagreement", value: c.summary },
          // R-80: the staff notes are only in the full view (getCaseDetail does not read them otherwise).
          ...(full
            ? [
                {
                  key: "Notes for the mediation team",
                  value: c.staffNotes ? (
                    <>
                      <Tag colour="grey">Staff only</Tag> <span className="whitespace-pre-line">{c.staffNotes}</span>
                    </>
                  ) : null,
                },
              ]
            : []),
        ]}
      />

      {/* R-04: section I only — no certificate is needed to appeal. */}
      {c.sectionIOnly && (
        <p className="inset" data-testid="section-i-note">
          Only the school or college named in the plan (section I) is disputed, so the family does not need a mediation certificate to appeal{full ? " (R-04)" : ""}. They
          can still mediate, and have a certificate if they ask.
        </p>
      )}
      {c.decisionUnknown && (
        <p className="inset" data-testid="decision-unknown-note">
          The decision the family disagrees with is not known yet. {full ? "Record it before a certificate can be issued (R-02, R-30)." : "A certificate can be issued once it is recorded."}
        </p>
      )}

      {/* R-20, R-23: the family may still mediate; the certificate due (or issued) is said here. */}
      {c.notWithin30Days && (
        <div className="inset" data-testid="not-within-30-days">
          <p className="body">
            <strong>{c.notWithin30Days[0]}</strong>
          </p>
          {c.notWithin30Days.slice(1).map((line) => (
            <p className="body" key={line}>
              {line}
            </p>
          ))}
        </div>
      )}

      {c.authorityWarnings.map((w) => (
        <WarningText key={w}>{w}</WarningText>
      ))}

      {(c.transitions.length > 0 || c.can.update || c.preMeetingsLink) && (
        <section aria-labelledby="actions-title">
          <h2 className="h-m" id="actions-title">
            What you can do
          </h2>
          <div data-testid="case-actions">
            {c.transitions.map((t) => (
              <Link
                key={t.name}
                href={t.name === "allocate" || t.name === "reallocate" ? `${base}/allocate` : t.ownPage ? `${base}/${t.ownPage}` : `${base}/transition/${t.name}`}
                className={`button ${t.destructive ? "button--warning" : "button--secondary"}`}
              >
                {t.label}
              </Link>
            ))}
            {c.transitions.some((t) => t.name === "scheduleMeeting") && (
              <Link href={`${base}/meeting`} className="button button--secondary">
                {/* Issue 10: once booked, the meeting page holds who is invited, moving and cancelling. */}
                {c.status === "MEETING_SCHEDULED" ? "The joint meeting: who is invited, move or cancel" : "Find a time for the joint meeting"}
              </Link>
            )}
            {c.preMeetingsLink && (
              <Link href={`${base}/pre-meetings`} className="button button--secondary">
                Pre-meetings with each party
              </Link>
            )}
            {c.can.update && (
              <Link href={`${base}/edit`} className="button button--secondary">
                Change case details
              </Link>
            )}
          </div>
          <SendCorrespondenceLink user={user} caseId={c.id} />
          {c.blocked.length > 0 && (
            <>
              <h3 className="h-s">Not possible yet</h3>
              <ul className="body">
                {c.blocked.map((b) => (
                  <li key={b.name}>
                    <strong>{b.label}:</strong> {b.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      <section aria-labelledby="deadlines-title" data-testid="deadlines">
        <h2 className="h-m" id="deadlines-title">
          Deadlines
        </h2>
        {c.deadlines.open.length === 0 ? (
          <p className="body">There are no deadlines running.</p>
        ) : (
          <ul className="list-none p-0">
            {c.deadlines.open.map((d) => (
              <OpenDeadline key={d.id} d={d} />
            ))}
          </ul>
        )}
        {c.deadlines.closed.length > 0 && (
          <>
            <h3 className="h-s">Finished deadlines</h3>
            <ul className="body">
              {c.deadlines.closed.map((d) => (
                <li key={d.id}>
                  {d.label} {d.dueText}: {d.outcomeText}
                  {d.closedOn ? ` on ${formatLongDate(d.closedOn)}` : ""}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {laView && <LaMeeting view={laView} />}

      {/* Issue 11 (R-30, R-31): issued, due, appeal deadline, download, replaced ones. */}
      <CaseCertificates caseId={c.id} certificates={sections.certificates} />

      {/* Issue 11 (R-40): the agreed actions tracked to done, with the overdue flag. */}
      <AgreedActions caseId={c.id} obligations={sections.obligations} />

      {c.child && (
        <section aria-labelledby="child-title">
          <h2 className="h-m" id="child-title">
            Child or young person
          </h2>
          <SummaryList
            rows={[
              { key: "Name", value: c.child.name },
              ...(full ? [{ key: "Date of birth", value: date(c.child.dateOfBirth) }] : []),
              { key: "School, college or setting", value: c.child.setting },
              { key: "Has an EHC plan", value: c.child.hasEhcPlan === null ? "Not known" : c.child.hasEhcPlan ? "Yes" : "No" },
            ]}
          />
        </section>
      )}

      <section aria-labelledby="parties-title">
        <h2 className="h-m" id="parties-title">
          Parties
        </h2>
        {c.parties.length === 0 ? (
          <p className="body">No parties are recorded yet.</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">Parties to the case and whether they agreed to take part</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Agreed to take part</th>
                {full && <th scope="col">Contact</th>}
                {c.can.update && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {c.parties.map((p) => (
                <PartyRow key={p.id} p={p} base={base} canUpdate={c.can.update} full={full} />
              ))}
            </tbody>
          </table>
        )}
        {c.can.update && (
          <p className="body">
            <Link href={`${base}/parties/new`}>Add a party</Link>
          </p>
        )}
        {/* R-01 (decision 0022): the young person decides whether their parent may see the case. */}
        {c.can.update && c.familyParty === "YOUNG_PERSON" && (
          <p className="body">
            <Link href={`${base}/parent-access`}>Can the parent see the case?</Link>
          </p>
        )}
      </section>

      {undelivered && <UndeliveredEmails undelivered={undelivered} />}

      <section aria-labelledby="issues-title">
        <h2 className="h-m" id="issues-title">
          Issues
        </h2>
        {c.healthBody && <p className="body">Integrated care board: {c.healthBody.name}</p>}
        {c.issues.length === 0 ? (
          <p className="body">No issues are recorded yet.</p>
        ) : (
          <ul className="body">
            {c.issues.map((i) => (
              <li key={i.id}>
                <strong>{ISSUE_CATEGORY_LABELS[i.category as IssueCategoryValue] ?? i.category}:</strong> {i.description}
              </li>
            ))}
          </ul>
        )}
        {c.can.update && c.kind !== "DRS" && (
          <p className="body">
            <Link href={`${base}/about`}>Change the decisions, issues or EHC plan answer</Link>
          </p>
        )}
      </section>

      {notes && <CaseNotes caseId={c.id} data={notes} />}

      <section aria-labelledby="timeline-title">
        <h2 className="h-m" id="timeline-title">
          Timeline
        </h2>
        {!full && <p className="hint">Only entries shared with everyone involved are shown.</p>}
        {c.timelinePage.pageCount > 1 && <p className="hint">Newest first.</p>}
        {c.timeline.length === 0 ? (
          <p className="body">Nothing has happened on this case yet.</p>
        ) : (
          <Timeline
            rows={c.timeline.map((e) => ({
              id: e.id,
              at: e.at,
              when: formatInstant(e.at),
              summary: e.summary,
              staffOnly: full && e.visibility === "STAFF",
              detail: e.detail,
              by: e.actorName,
              // Rule ids are for staff (issue 9 item 13): the shared view has none.
              rule: full ? e.rule : null,
            }))}
          />
        )}
        {/* Issue 14 (decision 0041): a page of the timeline at a time; the links come back to this section. */}
        {c.timelinePage.pageCount > 1 && (
          <Pagination
            label="Timeline pages"
            page={c.timelinePage.page}
            perPage={c.timelinePage.pageSize}
            total={c.timelinePage.total}
            href={(p) => `${base}${p > 1 ? `?timeline=${p}` : ""}#timeline-title`}
          />
        )}
      </section>

      <FamilyViews views={sections.views} />
    </>
  );
}

function OpenDeadline({ d }: { d: DeadlineView }) {
  return (
    <li className="border-l-4 border-border pl-4 mb-5" data-testid={`deadline-${d.name}`}>
      <p className="mb-1">
        {d.label} <strong>{d.dueText}</strong> {d.state && <Tag colour={STATE_COLOUR[d.state]}>{d.stateLabel}</Tag>}
      </p>
      {d.stateNote && <p className="body mb-1">{d.stateNote}</p>}
      <p className="hint mb-0!">
        {d.explanation}
        {d.rule ? ` (${d.rule})` : ""}
      </p>
    </li>
  );
}

function PartyRow({ p, base, canUpdate, full }: { p: PartyView; base: string; canUpdate: boolean; full: boolean }) {
  const kind = p.kind as PartyKindValue;
  const withAuthority = PARTY_KINDS_WITH_AUTHORITY.includes(kind);
  return (
    <tr>
      <td>
        {p.name}
        {p.organisation && <span className="hint">{p.organisation}</span>}
      </td>
      <td>
        {PARTY_KIND_LABELS[kind] ?? p.kind}
        {withAuthority && p.hasAuthority !== null && (
          <span className="hint">{p.hasAuthority ? "Has authority to resolve the issues" : "Does not have authority to resolve the issues"}</span>
        )}
      </td>
      <td>
        <Tag colour={CONSENT_COLOUR[p.consent]}>{CONSENT_LABELS[p.consent]}</Tag>
        {p.contact?.consentOn && (
          <span className="hint">
            {formatLongDate(p.contact.consentOn)}
            {p.contact.consentHow ? `, ${p.contact.consentHow}` : ""}
          </span>
        )}
      </td>
      {full && (
        <td>
          {p.contact?.email && <span className="block break-all">{p.contact.email}</span>}
          {p.contact?.phone && <span className="block">{p.contact.phone}</span>}
          {p.contact && <span className="hint">Prefers {CONTACT_METHOD_LABELS[p.contact.preferredContact as ContactMethodValue]?.toLowerCase() ?? "email"}</span>}
          {p.contact?.accessNeeds && <span className="hint">Access needs: {p.contact.accessNeeds}</span>}
        </td>
      )}
      {canUpdate && (
        <td>
          <Link href={`${base}/parties/${p.id}/consent`} className="block mb-2">
            Record consent<span className="visually-hidden"> for {p.name}</span>
          </Link>
          <Link href={`${base}/parties/${p.id}`}>
            Change details<span className="visually-hidden"> of {p.name}</span>
          </Link>
        </td>
      )}
    </tr>
  );
}
