"use client";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";

const MESSAGES: Record<string, string> = {
  EXPIRED: "This sign-in link has expired, or a newer link has been sent. Links last 15 minutes and only the newest one works.",
  USED: "This sign-in link has already been used. Each link works once.",
  INVALID: "This sign-in link is not valid.",
};

/** A button, not an automatic sign-in: email scanners that open links must not use up the token. */
export function ContinueButton({ token }: { token: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const go = async () => {
    setBusy(true);
    const res = await signIn("family-link", { token, redirect: false });
    if (!res || res.error) {
      setError(MESSAGES[res?.error ?? "INVALID"] ?? MESSAGES.INVALID);
      setBusy(false);
      return;
    }
    router.replace("/my-case");
    router.refresh();
  };
  if (error)
    return (
      <div role="alert">
        <h2 className="h-m">You cannot sign in with this link</h2>
        <p className="body">{error}</p>
        <p className="body">
          <Link href="/sign-in/family">Get a new sign-in link</Link>
        </p>
      </div>
    );
  return (
    <button type="button" className="button" onClick={go} disabled={busy}>
      {busy ? "Signing in…" : "Continue to your case"}
    </button>
  );
}
