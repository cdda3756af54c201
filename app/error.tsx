"use client";

/** Never shows a stack trace: only a plain message and the digest to quote to support. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1 className="h-l">Sorry, there is a problem with the service</h1>
      <p className="body">Try again. If it keeps happening, contact the mediation service and quote this reference: {error.digest ?? "none"}.</p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </>
  );
}
