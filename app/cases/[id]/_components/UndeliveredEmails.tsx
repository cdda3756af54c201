import type { UndeliveredEmail } from "@/lib/cases/emails/list-undelivered-emails";
import { formatInstant } from "../_shared";

/**
 * Issue 10: the case's emails that could not be delivered after every retry, so the office can
 * reach those people another way. Only for ADMIN and CASEWORKER (the page checks
 * "case:read-undelivered-emails" before rendering this; the query checks again).
 */
export function UndeliveredEmails({ undelivered: emails }: { undelivered: UndeliveredEmail[] }) {
  return (
    <section aria-labelledby="undelivered-title" data-testid="undelivered-emails">
      <h2 className="h-m" id="undelivered-title">
        Emails that could not be delivered
      </h2>
      {emails.length === 0 ? (
        <p className="body">No emails about this case have failed.</p>
      ) : (
        <>
          <p className="body">These were tried several times and not delivered. Check the address, or contact the person another way.</p>
          <table className="table">
            <caption className="visually-hidden">Emails about this case that could not be delivered</caption>
            <thead>
              <tr>
                <th scope="col">To</th>
                <th scope="col">Subject</th>
                <th scope="col">First tried</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last error</th>
              </tr>
            </thead>
            <tbody>
              {emails.map((e) => (
                <tr key={e.id}>
                  <td className="break-all">{e.to}</td>
                  <td>{e.subject}</td>
                  <td>{formatInstant(e.createdAt.toISOString())}</td>
                  <td>{e.attempts}</td>
                  <td className="break-words">{e.lastError ?? "Not recorded"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
