import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { PEER_ADDRESS_HEADER } from "@/lib/platform/security/client-ip";
import { isLocalRequest } from "@/lib/platform/security/local-request";
import { peerAddressHeaderInstalled } from "@/lib/platform/security/peer-address";
import { listOutbox } from "@/lib/platform/email";
import { Pagination } from "@/components/Pagination";

export const metadata = { title: "Development mailbox" };
export const dynamic = "force-dynamic";

/**
 * Development only: the outbox, so a person can click a family sign-in link without SMTP. Only on
 * this machine (localhost or 127.0.0.1, from a loopback address): 404 for anyone else.
 */
export default async function Mailbox({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const h = await headers();
  if (!isLocalRequest({ host: h.get("host"), peer: peerAddressHeaderInstalled() ? h.get(PEER_ADDRESS_HEADER) : null })) notFound();
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const box = await listOutbox(page);
  if (!box) notFound();
  const linkify = (body: string) =>
    body.split(/(https?:\/\/\S+)/g).map((part, i) => (/^https?:\/\//.test(part) ? <a key={i} href={part}>{part}</a> : part));
  return (
    <>
      <h1 className="h-l">Development mailbox</h1>
      <p className="body">Emails the app has sent while no SMTP server is configured. This page does not exist in production.</p>
      {box.items.length === 0 ? (
        <p className="body">No emails yet.</p>
      ) : (
        box.items.map((m) => (
          <article key={m.id} className="inset" aria-label={`Email to ${m.to}: ${m.subject}`}>
            <h2 className="h-s">{m.subject}</h2>
            <p className="hint">
              To {m.to} · {m.createdAt.toLocaleString("en-GB", { timeZone: "Europe/London" })} · {m.status}
            </p>
            <pre style={{ whiteSpace: "pre-wrap", fontFamily: "inherit" }}>{linkify(m.body)}</pre>
          </article>
        ))
      )}
      <Pagination page={box.page} perPage={box.perPage} total={box.total} href={(p) => `/dev/mailbox?page=${p}`} />
    </>
  );
}
