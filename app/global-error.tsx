"use client";

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en-GB">
      <body>
        <main id="main-content" style={{ padding: "2rem", fontFamily: "Arial, sans-serif" }}>
          <h1>Sorry, there is a problem with the service</h1>
          <p>Try again later. Reference: {error.digest ?? "none"}.</p>
        </main>
      </body>
    </html>
  );
}
