"use client";
import { signOut } from "next-auth/react";

/** Data this app kept in the browser (referral drafts of older versions; drafts are now on the server) is removed on sign-out. */
const LOCAL_PREFIX = "send-mediation:";

function clearLocalData() {
  try {
    const keys = Array.from({ length: window.localStorage.length }, (_, i) => window.localStorage.key(i)).filter((k): k is string => !!k?.startsWith(LOCAL_PREFIX));
    for (const k of keys) window.localStorage.removeItem(k);
  } catch {
    /* storage unavailable: nothing to clear */
  }
}

export function SignOutButton() {
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => {
        clearLocalData();
        void signOut({ callbackUrl: "/sign-in?signedOut=1" });
      }}
    >
      Sign out
    </button>
  );
}
